"""The service part of an action written in capitals (the cloud's service codes are lower-case)."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for n in ctx.named:
        text = n.entry.text
        written = "".join(text.split()).split(":", 1)[0]
        if written != written.lower():
            yield Finding(
                "UPPERCASE_SERVICE",
                "",
                f"the service part of {text.strip()!r} must be lower-case: {n.service!r}",
                n.where,
                text,
                fix=n.entry.name,
            )


RULE = Rule(
    "case",
    40,
    (
        Code(
            "UPPERCASE_SERVICE",
            "warning",
            "Upper-case service",
            "The service part of an action must be lower-case (`CCE:*:*`).",
        ),
    ),
    check,
)
