"""A wildcard of a covered service that matches no action of the catalog."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    for n in ctx.first_named("covered"):
        name = n.entry.name
        if "*" in name and not facts.expand(name):
            yield Finding(
                "WILDCARD_MATCHES_NOTHING",
                "",
                f"{name} matches no action of the {facts.cloud} catalog",
                n.where,
                n.entry.text,
            )


RULE = Rule(
    "wildcards",
    70,
    (
        Code(
            "WILDCARD_MATCHES_NOTHING",
            "warning",
            "Wildcard matches nothing",
            "A wildcard that matches no action of the catalog.",
        ),
    ),
    check,
)
