"""Global services (OBS, IAM, ...) and project-level ones in one policy: a 1.1 policy is either AX or XA."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext, entry_where
from explorer.policy.document import ActionEntry, PolicyDocument, Statement
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    for doc in ctx.documents:
        if not doc.global_scope:
            yield from _mixed(ctx, doc)


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


RULE = Rule(
    "mixed",
    100,
    (
        Code(
            "MIXED_GLOBAL_AND_PROJECT",
            "error",
            "Global and project services mixed",
            "A statement mixes global services (OBS, IAM, ...) with project-level ones; a 1.1 policy is either AX "
            "(global) or XA (project).",
            {"document": "warning"},
        ),
    ),
    check,
)
