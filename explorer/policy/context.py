"""What every rule family reads: the documents, the policy set they form, the catalog, where they are attached."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from explorer.policy.document import ActionEntry, PolicyDocument, Statement
from explorer.policy.facts import CatalogFacts
from explorer.policy.findings import Where
from explorer.policy.matcher import PolicySet


@dataclass
class LintContext:
    facts: CatalogFacts
    documents: tuple[PolicyDocument, ...]
    policy_set: PolicySet
    attach: str | None  # --attach, for documents whose file does not say

    def entries(self) -> Iterator[tuple[PolicyDocument, Statement, ActionEntry]]:
        for doc in self.documents:
            for st in doc.statements:
                for entry in (*st.actions, *st.not_actions):
                    yield doc, st, entry


def entry_where(doc: PolicyDocument, st: Statement, entry: ActionEntry) -> Where:
    return Where(doc.file, entry.line, entry.column, st.index, entry.pointer, doc.name)


def statement_where(doc: PolicyDocument, st: Statement) -> Where:
    return Where(doc.file, st.line, st.column, st.index, st.pointer, doc.name)


def document_where(doc: PolicyDocument) -> Where:
    return Where(doc.file, doc.line, 1, None, "", doc.name)
