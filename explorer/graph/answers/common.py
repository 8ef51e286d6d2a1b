"""The records several answers share: targets, edges with their evidence, scope pairs, the made-on-read helper.

Every tuple in a record is sorted, so the same catalog gives the same answer (and the same JSON) whatever
order its files and rows were read in.

Records are read-only by convention. The records a query creates per graph node (``Requirement``,
``Dependent``) and the per-query containers are plain slotted dataclasses rather than frozen ones: a
frozen dataclass costs about six times as much to construct, which dominated closure latency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Literal, NamedTuple, Protocol, TypeVar

from explorer.graph import wording
from explorer.model import Provenance
from explorer.view import EdgeKind

TargetKind = Literal["action", "pattern", "operation"]
# Why a requirement is in an answer: the target itself; ``documented`` by the target's own rows;
# ``certain``: every row that checks the dependency above it lists it (needed whichever API the service
# calls on the user's behalf); ``possible``: only some of those rows list it (only with ``possible=True``).
Basis = Literal["target", "documented", "certain", "possible"]
BASES: tuple[Basis, ...] = ("target", "documented", "certain", "possible")
RequirementKind = Literal["action", "pattern"]


@dataclass(frozen=True, slots=True, order=True)
class NoAction:
    """An operation whose documentation row lists no action: calling it needs none, as far as the row says.

    ``notes`` are the row's notes that say so, quoting its action cell (e.g. "no action required (action
    cell: 无)"); all of the row's notes when none does (a catalog written by hand).
    """

    operation: str  # operation id
    operation_name: str
    apis: tuple[str, ...]
    notes: tuple[str, ...]
    provenance: Provenance

    @property
    def text(self) -> str:
        """One line for people: the row, what its action cell said, and where it is."""
        return wording.no_action_text(self)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.common import no_action_json

        return no_action_json(self)


@dataclass(slots=True)  # not frozen: see the module note on speed
class Target:
    """What a query's target string resolved to.

    ``seeds`` are the graph nodes a closure starts from at depth 0: the action, the actions a pattern
    matches, or ``op:<id>`` of each operation an API path or name denotes. ``node`` is the single
    graph node the text names, if any: the action or the documented pattern ("" otherwise).
    """

    query: str
    kind: TargetKind
    seeds: tuple[str, ...]
    actions: tuple[str, ...]  # the actions the target names: itself, a pattern's matches, an operation's checks
    operations: tuple[str, ...] = ()  # operation ids, for an API or operation target
    resolved: bool = True  # False for an action referenced by some row but defined by none
    note: str = ""  # how the text was understood, e.g. "matched case-insensitively"
    node: str = ""
    # the operations of an API or operation target whose rows list no action, in document order
    without_actions: tuple[NoAction, ...] = ()

    label: str = ""  # the target as the catalog spells it: the action, or the operation's name and API

    @property
    def title(self) -> str:
        """What titles show: the catalog's spelling, never an ``op:`` id or the lower-cased input."""
        return self.label or self.query

    @property
    def lists_no_action(self) -> bool:
        """True for an operation target none of whose rows lists an action (its closure may still hold
        dependencies the rows list)."""
        return self.kind == "operation" and not self.actions and bool(self.without_actions)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.common import target_json

        return target_json(self)


@dataclass(frozen=True, slots=True, order=True)
class PairScope:
    """Scope of one (operation, action) pair, as that operation's row documents it."""

    action: str
    operation: str  # operation id
    operation_name: str
    apis: tuple[str, ...]
    iam_project: bool | None
    enterprise_project: bool | None
    provenance: Provenance
    # the flags ("iam_project", "enterprise_project") the importer read from the row's prose, not its columns
    inferred: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.common import pair_scope_json

        return pair_scope_json(self)


@dataclass(frozen=True, slots=True, order=True)
class Evidence:
    """One documentation row behind an edge: the row's operation, its provenance and the condition it wrote."""

    operation: str
    provenance: Provenance
    condition: str | None = None


@dataclass(frozen=True, slots=True)
class Edge:
    """An edge of the graph with what justifies it (empty evidence for a ``matches`` edge)."""

    source: str
    target: str
    kind: EdgeKind
    evidence: tuple[Evidence, ...] = ()

    @property
    def conditions(self) -> tuple[str, ...]:
        """The conditions written on this dependency; empty when any row lists it unconditionally."""
        if any(e.condition is None for e in self.evidence):
            return ()
        return tuple(sorted({e.condition for e in self.evidence if e.condition is not None}))

    @property
    def provenance(self) -> tuple[Provenance, ...]:
        return tuple(sorted({e.provenance for e in self.evidence}))

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.common import edge_json

        return edge_json(self)


class Link(NamedTuple):
    """An edge of the graph that an answer relies on, with the basis it gives its target.

    A named tuple, not a dataclass: a query makes one per edge of its answer (see the module note)."""

    edge: Edge
    basis: Basis


class WalkAnswer(Protocol):
    """What every answer made from a walk holds besides its records: the loops it met."""

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]: ...

    @property
    def self_loops(self) -> tuple[str, ...]: ...


Records = TypeVar("Records", bound=WalkAnswer)


class MadeOnRead(Generic[Records]):
    """A query result whose records are made from its walk the first time they are read, once.

    A caller that only needs the walk's outcome (``truncated``, or whether the query is valid) pays for the
    walk alone, and every face that reads the records pays for them exactly once. Subclasses are slotted
    dataclasses with the fields ``make`` and ``answer``.
    """

    make: Callable[[], Records] | None
    answer: Records | None

    def records(self) -> Records:
        """The records, made on first use (two threads may both make them: the same records)."""
        made = self.answer
        if made is None:
            assert self.make is not None, f"a {type(self).__name__} needs its records or a way to make them"
            made = self.answer = self.make()
            self.make = None  # the walk behind them is no longer needed
        return made

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """Dependency cycles met (each sorted), sorted."""
        return self.records().cycles

    @property
    def self_loops(self) -> tuple[str, ...]:
        return self.records().self_loops
