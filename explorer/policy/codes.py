"""A finding code and its severities; the table of every code is assembled from the rule modules that own them
(:mod:`explorer.policy.rules`), and docs/policy.md is checked against it.

A code has one default severity; a few have named variants that are reported at another severity
(a possible dependency is only ``info``, an older count limit only a ``warning``). Rules never write a
severity themselves: they name the code and, where it applies, the variant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from explorer.policy.context import LintContext
    from explorer.policy.findings import Finding

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
RANK: dict[str, int] = {"error": 3, "warning": 2, "info": 1}


@dataclass(frozen=True, slots=True)
class Code:
    """One finding code: a short title, what it means (``help``) and how severe it is (per variant)."""

    code: str
    severity: Severity
    title: str
    help: str
    variants: dict[str, Severity] = field(default_factory=dict)

    def severity_of(self, variant: str = "") -> Severity:
        if variant and variant not in self.variants:
            raise KeyError(f"{self.code} has no variant {variant!r}")
        return self.variants.get(variant, self.severity)


Check = Callable[["LintContext"], Iterable["Finding"]]


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


def _table() -> dict[str, Code]:
    from explorer.policy.rules import CODES  # the registry imports the rules, which import this module

    return CODES


def severity(code: str, variant: str = "") -> Severity:
    """The severity a finding of ``code`` (and ``variant``) is reported at."""
    return _table()[code].severity_of(variant)


def reaches(found: str, threshold: str) -> bool:
    """True when a finding of severity ``found`` is at least as severe as ``threshold``."""
    return RANK[found] >= RANK[threshold]


def markdown_table() -> str:
    """The table of codes as docs/policy.md prints it (a test keeps the two equal)."""
    lines = ["| code | severity | meaning |", "| --- | --- | --- |"]
    for c in _table().values():
        sev = c.severity + "".join(f"; {name}: {level}" for name, level in c.variants.items())
        lines.append(f"| `{c.code}` | {sev} | {c.help} |")
    return "\n".join(lines) + "\n"
