"""The auditor's rule families; each is a function of the lint context that yields findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rules import attachment, dependencies, names, shape

Rule = Callable[[LintContext], Iterable[Finding]]
RULES: tuple[Rule, ...] = (names.check, shape.check, dependencies.check, attachment.check)
