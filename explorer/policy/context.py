"""What every rule family reads: the documents, the policy set they form, the catalog, where they are attached."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from explorer.actions import service_of
from explorer.policy.document import ActionEntry, PolicyDocument, Statement
from explorer.policy.facts import CatalogFacts
from explorer.policy.findings import Where
from explorer.policy.matcher import PolicySet

# what the catalog knows of an action's service: "*" (any service), not a service of the cloud, a real
# service the catalog does not cover, or a covered one (whose action names the catalog can check)
ServiceState = Literal["any", "unknown", "not_covered", "covered"]


@dataclass(frozen=True, slots=True)
class Named:
    """One action entry of a statement (Action or NotAction), read once for the rules about names.

    ``repeat_of`` is the text of the earlier entry of the same statement and key that names the same action
    (case-insensitively): the rules about the service and the action ask about the first one only."""

    doc: PolicyDocument
    st: Statement
    entry: ActionEntry
    where: Where
    repeat_of: str
    service: str
    state: ServiceState


@dataclass
class LintContext:
    facts: CatalogFacts
    documents: tuple[PolicyDocument, ...]
    policy_set: PolicySet
    attach: str | None  # --attach, for documents whose file does not say

    def statements(self) -> Iterator[tuple[PolicyDocument, Statement]]:
        for doc in self.documents:
            for st in doc.statements:
                yield doc, st

    def entries(self) -> Iterator[tuple[PolicyDocument, Statement, ActionEntry]]:
        for doc in self.documents:
            for st in doc.statements:
                for entry in (*st.actions, *st.not_actions):
                    yield doc, st, entry

    @cached_property
    def named(self) -> tuple[Named, ...]:
        """Every action entry with what the name rules share: its place, an earlier spelling, its service."""
        facts = self.facts
        out: list[Named] = []
        for doc in self.documents:
            for st in doc.statements:
                seen: dict[tuple[str, str], str] = {}
                for entry in (*st.actions, *st.not_actions):
                    key = (entry.key, entry.name.casefold())
                    repeat_of = seen.get(key, "")
                    seen.setdefault(key, entry.text)
                    service = service_of(entry.name)
                    state: ServiceState = (
                        "any"
                        if service == "*"
                        else "unknown"
                        if service not in facts.known_services
                        else "covered"
                        if service in facts.covered
                        else "not_covered"
                    )
                    out.append(Named(doc, st, entry, entry_where(doc, st, entry), repeat_of, service, state))
        return tuple(out)

    def first_named(self, *states: ServiceState) -> Iterator[Named]:
        """The entries that are no repeat, whose service is in one of ``states``."""
        return (n for n in self.named if not n.repeat_of and n.state in states)


def entry_where(doc: PolicyDocument, st: Statement, entry: ActionEntry) -> Where:
    return Where(doc.file, entry.line, entry.column, st.index, entry.pointer, doc.name)


def statement_where(doc: PolicyDocument, st: Statement) -> Where:
    return Where(doc.file, st.line, st.column, st.index, st.pointer, doc.name)


def document_where(doc: PolicyDocument) -> Where:
    return Where(doc.file, doc.line, 1, None, "", doc.name)
