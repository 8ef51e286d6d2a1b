"""Evaluating a policy set: which actions it allows, with Deny winning over Allow, across all its files.

Wildcards are matched by :func:`explorer.actions.matches`, the matcher every query uses. A statement
narrowed by a Resource or a Condition still counts as allowing (the linter cannot know the request), and
as denying only maybe (``restricted``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from explorer.actions import matches, service_of
from explorer.policy.document import ActionEntry, PolicyDocument, Statement


@dataclass(frozen=True, slots=True)
class Grant:
    """A statement that matches an action: in which document, by which entry (None for a NotAction match)."""

    document: PolicyDocument
    statement: Statement
    entry: ActionEntry | None

    @property
    def restricted(self) -> bool:
        return self.statement.restricted


class _Index:
    """Entries of one effect, looked up by literal name or by service for patterns."""

    def __init__(self) -> None:
        self.literal: dict[str, list[Grant]] = {}
        self.patterns: dict[str, list[Grant]] = {}  # service ("*" for any) -> pattern grants
        self.negated: list[tuple[Grant, tuple[str, ...]]] = []  # NotAction statements

    def add(self, grant: Grant) -> None:
        assert grant.entry is not None
        name = grant.entry.name
        if "*" in name:
            self.patterns.setdefault(service_of(name), []).append(grant)
        else:
            self.literal.setdefault(name.casefold(), []).append(grant)

    def find(self, action: str) -> list[Grant]:
        """Every grant matching ``action`` (an action, or a pattern matched textually: its ``*`` as a literal)."""
        found: list[Grant] = []
        if "*" not in action:
            found.extend(self.literal.get(action.casefold(), ()))
        for service in (service_of(action), "*"):
            found.extend(g for g in self.patterns.get(service, ()) if g.entry and matches(g.entry.name, action))
        for grant, names in self.negated:
            if not any(matches(n, action) for n in names):
                found.append(grant)
        return found


class PolicySet:
    """All statements of one principal's policies, indexed for ``allows`` and ``denies``."""

    def __init__(self, documents: Iterable[PolicyDocument]) -> None:
        self.documents = tuple(documents)
        self._allow = _Index()
        self._deny = _Index()
        for doc in self.documents:
            for st in doc.statements:
                index = self._allow if st.effect == "Allow" else self._deny
                for entry in st.actions:
                    index.add(Grant(doc, st, entry))
                if st.not_actions:
                    index.negated.append((Grant(doc, st, None), tuple(e.name for e in st.not_actions)))

    def allowed_by(self, action: str) -> list[Grant]:
        return self._allow.find(action)

    def denied_by(self, action: str) -> list[Grant]:
        return self._deny.find(action)

    def allows(self, action: str) -> bool:
        """True when some Allow matches and no unrestricted Deny does."""
        if not self.allowed_by(action):
            return False
        return all(g.restricted for g in self.denied_by(action))

    def allows_all(self, pattern: str, expansion: Iterable[str]) -> bool:
        """A documented wildcard requirement is met when an Allow covers it as written, or when every catalog
        action it matches is allowed."""
        members = tuple(expansion)
        if self.allowed_by(pattern) and all(g.restricted for g in self.denied_by(pattern)):
            return True
        return bool(members) and all(self.allows(a) for a in members)
