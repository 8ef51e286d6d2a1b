"""What a rule module declares: the codes it owns and the check that finds them (see explorer.policy.rules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding

Check = Callable[[LintContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule module's declaration: the codes it owns and the check that finds them.

    ``order`` places its codes in the table (docs/policy.md, SARIF's rules, the schema's enum): rules are
    listed by it. ``check`` is None for the codes the reader finds while reading a file (explorer.policy.sources,
    parse_json, parse_terraform, structure): they are owned here all the same."""

    name: str
    order: int
    codes: tuple[Code, ...]
    check: Check | None = None
