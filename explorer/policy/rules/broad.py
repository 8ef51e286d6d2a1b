"""Overly broad Allows: everything (`*:*:*`, NotAction) or a whole service."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext, entry_where, statement_where
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for doc, st in ctx.statements():
        if st.effect != "Allow":
            continue
        if st.not_actions:
            yield Finding(
                "OVERLY_BROAD",
                "",
                "an Allow with NotAction allows every action of every service except the ones listed",
                statement_where(doc, st),
            )
        for entry in st.actions:
            service, resource, operation = entry.name.split(":", 2)
            if entry.name == "*:*:*":
                yield Finding(
                    "OVERLY_BROAD",
                    "",
                    "'*:*:*' allows every action of every service",
                    entry_where(doc, st, entry),
                    entry.text,
                )
            elif service != "*" and resource == "*" and operation == "*":
                yield Finding(
                    "OVERLY_BROAD",
                    "service",
                    f"{entry.name} allows every action of {service}",
                    entry_where(doc, st, entry),
                    entry.text,
                )


RULE = Rule(
    "broad",
    120,
    (
        Code(
            "OVERLY_BROAD",
            "warning",
            "Overly broad Allow",
            "An Allow of everything (`*:*:*`, an Allow with `NotAction`); a whole service (`service:*:*`) is info.",
            {"service": "info"},
        ),
    ),
    check,
)
