"""Every finding code of ``policy lint``, with its severities, in one table (docs/policy.md is checked against it).

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
    """One finding code: what it means and how severe it is (per variant)."""

    code: str
    severity: Severity
    summary: str
    variants: dict[str, Severity] = field(default_factory=dict)

    def severity_of(self, variant: str = "") -> Severity:
        if variant and variant not in self.variants:
            raise KeyError(f"{self.code} has no variant {variant!r}")
        return self.variants.get(variant, self.severity)


CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code(
            "MALFORMED_JSON",
            "error",
            "The file is not valid JSON (or HCL), or nests deeper than 32 levels; the line and column say where.",
        ),
        Code(
            "MALFORMED_POLICY",
            "error",
            "The document breaks the policy grammar: an unknown key, a wrong type, `allow` for `Allow`, a bare-string "
            "`Resource`, `Action` and `NotAction` together, an action that is not `service:resource:operation`, "
            "an unknown condition operator; a Terraform policy that is an expression the linter "
            "cannot evaluate (`var.x`) is info.",
            {"duplicate_key": "warning", "unevaluated": "info"},
        ),
        Code("UNKNOWN_VERSION", "error", "`Version` is not one the cloud knows (`1.0`, `1.1`; `5.0` on huaweicloud)."),
        Code(
            "UNKNOWN_SERVICE",
            "error",
            "No service of the cloud has this code: a misspelling (the near match is named).",
        ),
        Code(
            "SERVICE_NOT_IN_CATALOG",
            "info",
            "A real service of the cloud that the catalog does not cover: its action names and dependencies are not "
            "checked.",
        ),
        Code(
            "UNKNOWN_ACTION",
            "error",
            "The catalog covers the service but has no such action (closest names, renames); a warning when another "
            "cloud's catalog documents it.",
            {"other_cloud": "warning"},
        ),
        Code("UPPERCASE_SERVICE", "warning", "The service part of an action must be lower-case (`CCE:*:*`)."),
        Code("WHITESPACE_IN_ACTION", "error", "An action string holds spaces (leading, trailing or inside)."),
        Code("DUPLICATE_ACTION", "warning", "The same action twice in one statement."),
        Code("WILDCARD_MATCHES_NOTHING", "warning", "A wildcard that matches no action of the catalog."),
        Code(
            "MISSING_DEPENDENCY",
            "error",
            "An allowed action needs an action that no statement of the policy set allows (documented or certain "
            "requirement; the path and the documentation row are given).",
            {"conditional": "warning", "possible": "info"},
        ),
        Code(
            "DENIED_DEPENDENCY",
            "error",
            "A Deny statement removes an action that an allowed action needs (Deny wins over Allow); a Deny under a "
            "Condition is a warning, of a possible requirement info.",
            {"conditional": "warning", "possible": "info"},
        ),
        Code(
            "NOT_EFFECTIVE_WHERE_ATTACHED",
            "error",
            "With `--attach`: an allowed action that does not work where the policy is attached (`mixed` actions: "
            "some APIs work, they are named).",
            {"mixed": "warning", "undocumented": "info"},
        ),
        Code(
            "MIXED_GLOBAL_AND_PROJECT",
            "error",
            "A statement mixes global services (OBS, IAM, ...) with project-level ones; a 1.1 policy is either AX "
            "(global) or XA (project).",
            {"document": "warning"},
        ),
        Code(
            "LIMIT_EXCEEDED",
            "error",
            "A limit is exceeded: 6,144 characters per policy, or a file too large to read; the older count limits "
            "(8 statements, 100 actions per statement, 10 conditions, 10 resources of 128 characters) are warnings.",
            {"count": "warning"},
        ),
        Code(
            "OVERLY_BROAD",
            "warning",
            "An Allow of everything (`*:*:*`, an Allow with `NotAction`); a whole service (`service:*:*`) is info.",
            {"service": "info"},
        ),
        Code("DENY_ONLY", "info", "A policy that only denies: it grants nothing alone (meant to be combined)."),
        Code(
            "MISSING_FOR_TERRAFORM",
            "error",
            "With `terraform --against`: an action the configuration needs (default answer) that no policy of the "
            "set allows, placed at the first resource block that brings it in; a possible requirement is info.",
            {"possible": "info"},
        ),
    )
}


def severity(code: str, variant: str = "") -> Severity:
    """The severity a finding of ``code`` (and ``variant``) is reported at."""
    return CODES[code].severity_of(variant)


def reaches(found: str, threshold: str) -> bool:
    """True when a finding of severity ``found`` is at least as severe as ``threshold``."""
    return RANK[found] >= RANK[threshold]


def markdown_table() -> str:
    """The table of codes as docs/policy.md prints it (a test keeps the two equal)."""
    lines = ["| code | severity | meaning |", "| --- | --- | --- |"]
    for c in CODES.values():
        sev = c.severity + "".join(f"; {name}: {level}" for name, level in c.variants.items())
        lines.append(f"| `{c.code}` | {sev} | {c.summary} |")
    return "\n".join(lines) + "\n"
