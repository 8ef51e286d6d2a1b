"""Reading a policy file: what the reader finds before any rule runs (it emits these codes itself, in
explorer.policy.sources, parse_json, parse_terraform and structure)."""

from __future__ import annotations

from explorer.policy.codes import Code
from explorer.policy.rule import Rule

RULE = Rule(
    "reading",
    10,
    (
        Code(
            "MALFORMED_JSON",
            "error",
            "Malformed JSON",
            "The file is not valid JSON (or HCL), or nests deeper than 32 levels; the line and column say where.",
        ),
        Code(
            "MALFORMED_POLICY",
            "error",
            "Malformed policy",
            "The document breaks the policy grammar: an unknown key, a wrong type, `allow` for `Allow`, a bare-string "
            "`Resource`, `Action` and `NotAction` together, an action that is not `service:resource:operation`, "
            "an unknown condition operator; a Terraform policy that is an expression the linter "
            "cannot evaluate (`var.x`) is info; an OTC role's `action` built by `concat()` of literal lists (some "
            "conditional) is checked as the union of those lists, with an info finding saying so.",
            {"duplicate_key": "warning", "unevaluated": "info", "conditional": "info"},
        ),
        Code(
            "UNKNOWN_VERSION",
            "error",
            "Unknown policy version",
            "`Version` is not one the cloud knows (`1.0`, `1.1`; `5.0` on huaweicloud).",
        ),
    ),
)
