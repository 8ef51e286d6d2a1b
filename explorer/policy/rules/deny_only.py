"""A policy that only denies: alone it grants nothing."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext, document_where
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for doc in ctx.documents:
        if doc.statements and all(st.effect == "Deny" for st in doc.statements):
            yield Finding(
                "DENY_ONLY",
                "",
                "this policy only denies: alone it grants nothing (it is meant to be combined with an Allow policy)",
                document_where(doc),
            )


RULE = Rule(
    "deny_only",
    130,
    (
        Code(
            "DENY_ONLY",
            "info",
            "Deny only",
            "A policy that only denies: it grants nothing alone (meant to be combined).",
        ),
    ),
    check,
)
