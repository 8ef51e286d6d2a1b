"""A finding code and its severities; the table of every code is assembled from the rule modules that own them
(:mod:`explorer.policy.rules`), and docs/policy.md is checked against it.

A code has one default severity; a few have named variants that are reported at another severity
(a possible dependency is only ``info``, an older count limit only a ``warning``). Rules never write a
severity themselves: they name the code and, where it applies, the variant.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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


# the table of every code, installed by the registry (explorer.policy.rules) when the package is imported:
# the rules make findings, and a finding's severity is read from this table, so the table cannot be imported
# from the registry here without a cycle
_TABLE: dict[str, Code] = {}


def install(table: dict[str, Code]) -> None:
    """Make ``table`` the table of codes (the registry calls this once)."""
    _TABLE.clear()
    _TABLE.update(table)


def _table() -> dict[str, Code]:
    if not _TABLE:
        raise LookupError("the table of codes is made by explorer.policy.rules: import explorer.policy first")
    return _TABLE


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
