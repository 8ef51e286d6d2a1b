"""The same action twice in one statement (the rules about its service and name ask about the first only)."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for n in ctx.named:
        if n.repeat_of:
            yield Finding(
                "DUPLICATE_ACTION",
                "",
                f"{n.entry.name} is already listed in this statement as {n.repeat_of!r}",
                n.where,
                n.entry.text,
                fix="remove the repeat",
            )


RULE = Rule(
    "duplicates",
    60,
    (Code("DUPLICATE_ACTION", "warning", "Duplicate action", "The same action twice in one statement."),),
    check,
)
