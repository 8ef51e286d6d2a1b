"""Spaces in an action string: the cloud compares the string as written, so it matches nothing."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for n in ctx.named:
        text = n.entry.text
        if "".join(text.split()) != text:
            yield Finding(
                "WHITESPACE_IN_ACTION",
                "",
                f"{text!r} holds spaces; the cloud compares the string as written, so it matches nothing",
                n.where,
                text,
                fix="".join(text.split()),
            )


RULE = Rule(
    "whitespace",
    50,
    (
        Code(
            "WHITESPACE_IN_ACTION",
            "error",
            "Whitespace in an action",
            "An action string holds spaces (leading, trailing or inside).",
        ),
    ),
    check,
)
