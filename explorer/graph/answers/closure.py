"""The records of a closure: what a policy must allow for the targets, one requirement per action."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from explorer.graph import wording
from explorer.graph.answers.common import (
    BASES,
    Basis,
    Edge,
    Evidence,
    Link,
    MadeOnRead,
    NoAction,
    PairScope,
    RequirementKind,
    Target,
)
from explorer.model import Provenance
from explorer.view import ScopeMark

if TYPE_CHECKING:
    from explorer.graph.answers.documentation import Documentation
    from explorer.graph.answers.suspicious import SuspiciousRow


@dataclass(slots=True)  # not frozen: see explorer.graph.answers.common on speed
class Requirement:
    """One action (or documented pattern) a closure requires.

    ``basis`` says why (see :data:`Basis`); ``depth`` 0 is a target, 1 is documented by the target's own
    rows, deeper levels are certain (or possible) requirements of the level above. ``via`` is the node that
    first required it (breadth-first, ties broken by name) and ``edge`` the edge from ``via`` with its
    evidence. ``rows`` are the documentation rows behind the claim: for a possible requirement, every row
    (of every dependency in the answer) that lists it, and ``apis`` the APIs of those rows.
    """

    action: str
    depth: int
    kind: RequirementKind
    via: str
    edge: Edge | None
    resolved: bool
    scope: tuple[PairScope, ...]
    scope_mark: ScopeMark
    via_label: str = ""  # the operation's name when ``via`` is an operation
    basis: Basis = "documented"
    rows: tuple[Evidence, ...] = ()
    broad: bool = False  # a wildcard: grants every action it matches
    destructive: bool = False  # deletes, removes, detaches... (explorer.actions.is_destructive)
    matches: int = 0  # for a pattern: how many catalog actions it matches
    apis: tuple[str, ...] = ()  # for a possible requirement: the APIs whose rows list it
    of_rows: int = 0  # for a possible requirement: how many rows check ``via`` (``rows`` are some of them)
    # the rows behind it whose listing contradicts what the row does (explorer.contradictions): a copy error
    suspicious: tuple[SuspiciousRow, ...] = ()
    outdated: bool = False  # every row behind it comes from a page deleted since (explorer.graph.age)

    @property
    def documented(self) -> bool:
        """True for the target and what the target's own rows list."""
        return self.basis in ("target", "documented")

    @property
    def conditions(self) -> tuple[str, ...]:
        return self.edge.conditions if self.edge is not None else ()

    @property
    def provenance(self) -> tuple[Provenance, ...]:
        if self.rows:
            return tuple(sorted({e.provenance for e in self.rows}))
        return self.edge.provenance if self.edge is not None else ()

    @property
    def flags(self) -> tuple[str, ...]:
        """``broad``, ``destructive``, ``suspicious`` and ``outdated``, for tables and diagrams: what a reviewer
        should see before granting."""
        marks = (
            ("broad", self.broad),
            ("destructive", self.destructive),
            ("suspicious", bool(self.suspicious)),
            ("outdated", self.outdated),
        )
        return tuple(f for f, on in marks if on)

    @property
    def reason(self) -> str:
        """One line saying why the action is required."""
        return wording.requirement_reason(self)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.closure import requirement_json

        return requirement_json(self)


class ClosureAnswer(NamedTuple):
    """The records of a closure, made from its walk when first read (see :class:`ClosureResult`)."""

    requirements: tuple[Requirement, ...]
    links: tuple[Link, ...]
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]
    documentation: Documentation | None = None  # the dates of the tables it names, rows of deleted pages


@dataclass(slots=True, eq=False)  # not frozen: see explorer.graph.answers.common on speed
class ClosureResult(MadeOnRead[ClosureAnswer]):
    """What a policy must allow for the targets: one requirement per action, by depth then name.

    A query walks the graph and returns; the records (``requirements``, ``links``, ``cycles``,
    ``self_loops``) are made from the walk the first time one of them is read, once (see MadeOnRead).
    """

    cloud: str
    targets: tuple[Target, ...]
    max_depth: int | None
    excluded_conditions: tuple[str, ...]  # ("*",) when every conditional dependency was left out
    truncated: bool  # True when max_depth cut off further requirements
    possible: bool  # True when possible requirements were asked for (and are listed)
    make: Callable[[], ClosureAnswer] | None = field(default=None, repr=False)
    answer: ClosureAnswer | None = field(default=None, repr=False)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.records().requirements

    @property
    def links(self) -> tuple[Link, ...]:
        """The edges the answer rests on, in walk order: what a diagram of it draws."""
        return self.records().links

    @property
    def documentation(self) -> Documentation | None:
        """How old the documentation behind the answer is (None for records made without it)."""
        return self.records().documentation

    def actions(self, max_depth: int | None = None) -> tuple[str, ...]:
        """The required action names (patterns included), optionally up to a depth."""
        return tuple(r.action for r in self.requirements if max_depth is None or r.depth <= max_depth)

    def counts(self) -> dict[Basis, int]:
        """How many requirements of each basis (targets included under ``target``)."""
        out: dict[Basis, int] = dict.fromkeys(BASES, 0)
        for r in self.requirements:
            out[r.basis] += 1
        return out

    @property
    def required(self) -> tuple[Requirement, ...]:
        """The requirements besides the targets themselves: what "N required" counts in every face."""
        return tuple(r for r in self.requirements if r.basis != "target")

    def summary(self) -> str:
        """The one sentence every face prints about the answer's size (so the CLI and the UI agree)."""
        return wording.closure_summary(self.counts(), self.possible)

    def without_actions(self) -> tuple[NoAction, ...]:
        """The rows of the operation targets that list no action (sorted, without repeats)."""
        rows = {n for t in self.targets for n in t.without_actions}
        return tuple(sorted(rows, key=lambda n: (n.provenance, n.operation)))

    def get(self, action: str) -> Requirement | None:
        for r in self.requirements:
            if r.action == action:
                return r
        return None

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.closure import closure_json

        return closure_json(self)
