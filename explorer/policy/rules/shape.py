"""The shape of a policy: overly broad Allows, Deny-only policies, global and project services mixed."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.context import LintContext, document_where, entry_where, statement_where
from explorer.policy.document import ActionEntry, PolicyDocument, Statement
from explorer.policy.findings import Finding


def check(ctx: LintContext) -> Iterator[Finding]:
    for doc in ctx.documents:
        yield from _broad(doc)
        if doc.statements and all(st.effect == "Deny" for st in doc.statements):
            yield Finding(
                "DENY_ONLY",
                "",
                "this policy only denies: alone it grants nothing (it is meant to be combined with an Allow policy)",
                document_where(doc),
            )
        if not doc.global_scope:
            yield from _mixed(ctx, doc)


def _broad(doc: PolicyDocument) -> Iterator[Finding]:
    for st in doc.statements:
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


def _mixed(ctx: LintContext, doc: PolicyDocument) -> Iterator[Finding]:
    services = ctx.facts.services
    kinds: dict[bool, tuple[Statement, ActionEntry]] = {}
    mixed_in_statement = False
    for st in doc.statements:
        here: dict[bool, ActionEntry] = {}
        for entry in (*st.actions, *st.not_actions):
            if entry.service == "*":
                continue
            here.setdefault(services.is_global(entry.service), entry)
            kinds.setdefault(services.is_global(entry.service), (st, entry))
        if len(here) == 2:
            mixed_in_statement = True
            glob, project = here[True], here[False]
            yield Finding(
                "MIXED_GLOBAL_AND_PROJECT",
                "",
                f"this statement mixes the global service {glob.service} ({glob.name}) with the project-level service "
                f"{project.service} ({project.name}); put the global services in a policy of their own (type AX)",
                entry_where(doc, st, glob),
                glob.text,
            )
    if len(kinds) == 2 and not mixed_in_statement:
        st, glob = kinds[True]
        yield Finding(
            "MIXED_GLOBAL_AND_PROJECT",
            "document",
            f"this policy holds the global service {glob.service} and project-level services in separate statements; "
            "a custom policy is either AX (global) or XA (project): split it in two",
            entry_where(doc, st, glob),
            glob.text,
        )
