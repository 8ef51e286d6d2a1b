"""The answers of graph queries: immutable records with a ``to_dict()`` for JSON.

Every tuple in a result is sorted, so the same catalog gives the same answer (and the same JSON)
whatever order its files and rows were read in.

Results are read-only by convention. The records a query creates per graph node (``Requirement``,
``Dependent``) and the per-query containers are plain slotted dataclasses rather than frozen ones:
a frozen dataclass costs about six times as much to construct, which dominated closure latency.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeVar

from explorer.model import Provenance
from explorer.view import EdgeKind, ScopeMark

TargetKind = Literal["action", "pattern", "operation"]
# Why a requirement is in an answer: the target itself; ``documented`` by the target's own rows;
# ``certain``: every row that checks the dependency above it lists it (needed whichever API the service
# calls on the user's behalf); ``possible``: only some of those rows list it (only with ``possible=True``).
Basis = Literal["target", "documented", "certain", "possible"]
BASES: tuple[Basis, ...] = ("target", "documented", "certain", "possible")
Verdict = Literal["grantable", "not_grantable", "depends"]
RequirementKind = Literal["action", "pattern"]
DependentKind = Literal["action", "pattern", "operation"]
HitKind = Literal["action", "operation", "api"]

if TYPE_CHECKING:
    from explorer.graph.age import Documentation
    from explorer.graph.suspicion import SuspiciousRow


def plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses become dicts, tuples and sets become lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _provenance_dict(p: Provenance) -> dict[str, Any]:
    return {"file": p.file, "table": p.table, "row": p.row, "edition": p.edition}


def _evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"operation": e.operation, "condition": e.condition, "provenance": _provenance_dict(e.provenance)}


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
        said = "; ".join(self.notes) or "the action cell gives none"
        p = self.provenance
        return f"{self.operation_name}: {said} [{p.file} table {p.table} row {p.row}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "operation": self.operation,
            "operation_name": self.operation_name,
            "apis": list(self.apis),
            "notes": list(self.notes),
            "provenance": _provenance_dict(self.provenance),
        }


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
        data: dict[str, Any] = plain(self)
        data["without_actions"] = [n.to_dict() for n in self.without_actions]
        return data


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
        return {
            "action": self.action,
            "operation": self.operation,
            "operation_name": self.operation_name,
            "apis": list(self.apis),
            "iam_project": self.iam_project,
            "enterprise_project": self.enterprise_project,
            "inferred": list(self.inferred),
            "provenance": _provenance_dict(self.provenance),
        }


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
        return {
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "conditions": list(self.conditions),
            "evidence": [_evidence_dict(e) for e in self.evidence],
        }


class Link(NamedTuple):
    """An edge of the graph that an answer relies on, with the basis it gives its target.

    A named tuple, not a dataclass: a query makes one per edge of its answer (see the module note)."""

    edge: Edge
    basis: Basis


@dataclass(slots=True)  # not frozen: see the module note on speed
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
        """``broad``, ``destructive`` and ``suspicious``, for tables and diagrams: what a reviewer should see
        before granting."""
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
        if self.edge is None:
            return "asked for"
        if self.edge.kind == "matches":
            text = f"matched by the pattern {self.via}"
        elif self.edge.kind == "checks":
            text = f"checked by operation {self.via_label or self.via}"
        elif self.basis == "documented":
            via = f"operation {self.via_label}" if self.via_label else self.via
            text = f"documented dependency of {via}"
        elif self.basis == "certain":
            text = f"certain: every row that checks {self.via} lists it"
        else:
            n = len(self.rows)
            if n < self.of_rows:
                text = f"possible: {n} of the {self.of_rows} rows that check {self.via} list it"
            else:
                text = f"possible: every row that checks {self.via} lists it, and {self.via} is itself only possible"
            if self.apis:
                text += " (" + ", ".join(self.apis[:3]) + (" ..." if len(self.apis) > 3 else "") + ")"
        rows = self.provenance
        if rows:
            first = rows[0]
            more = f" and {len(rows) - 1} more rows" if len(rows) > 1 else ""
            text += f" [{first.file} table {first.table} row {first.row}{more}]"
        if self.kind == "pattern":
            text += f"; matches {self.matches} {'action' if self.matches == 1 else 'actions'}"
        if self.conditions:
            text += " when: " + "; ".join(self.conditions)
        if self.suspicious:
            odd = self.suspicious[0]
            others = f" and {len(self.suspicious) - 1} more rows" if len(self.suspicious) > 1 else ""
            text += f"; suspicious, {odd.reason} [{odd.where}{others}]"
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "depth": self.depth,
            "kind": self.kind,
            "basis": self.basis,
            "documented": self.documented,
            "via": self.via,
            "via_label": self.via_label,
            "reason": self.reason,
            "conditions": list(self.conditions),
            "provenance": [_provenance_dict(p) for p in self.provenance],
            "rows": [_evidence_dict(e) for e in self.rows],
            "apis": list(self.apis),
            "of_rows": self.of_rows if self.basis == "possible" else None,
            "broad": self.broad,
            "destructive": self.destructive,
            "suspicious": bool(self.suspicious),
            "suspicious_rows": [s.to_dict() for s in self.suspicious],
            "outdated": self.outdated,
            "matches": self.matches if self.kind == "pattern" else None,
            "resolved": self.resolved,
            "scope_mark": self.scope_mark,
            "scope": [s.to_dict() for s in self.scope],
        }


class ClosureAnswer(NamedTuple):
    """The records of a closure, made from its walk when first read (see :class:`ClosureResult`)."""

    requirements: tuple[Requirement, ...]
    links: tuple[Link, ...]
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]
    documentation: Documentation | None = None  # the dates of the tables it names, rows of deleted pages


Records = TypeVar("Records")


class _MadeOnRead(Protocol[Records]):
    """A result whose records are made from its walk the first time they are read, once."""

    make: Callable[[], Records] | None
    answer: Records | None


def _records(result: _MadeOnRead[Records]) -> Records:
    """The records, made on first use (two threads may both make them: the same records)."""
    made = result.answer
    if made is None:
        assert result.make is not None, f"a {type(result).__name__} needs its records or a way to make them"
        made = result.answer = result.make()
        result.make = None  # the walk behind them is no longer needed
    return made


@dataclass(slots=True, eq=False)  # not frozen: see the module note on speed
class ClosureResult:
    """What a policy must allow for the targets: one requirement per action, by depth then name.

    A query walks the graph and returns; the records (``requirements``, ``links``, ``cycles``,
    ``self_loops``) are made from the walk the first time one of them is read, once. A caller that only
    needs the walk's outcome (``truncated``, or whether the query is valid) pays for the walk alone, and
    every face that reads the records pays for them exactly once.
    """

    cloud: str
    targets: tuple[Target, ...]
    max_depth: int | None
    excluded_conditions: tuple[str, ...]  # ("*",) when every conditional dependency was left out
    truncated: bool  # True when max_depth cut off further requirements
    possible: bool  # True when possible requirements were asked for (and are listed)
    make: Callable[[], ClosureAnswer] | None = field(default=None, repr=False)
    answer: ClosureAnswer | None = field(default=None, repr=False)

    def records(self) -> ClosureAnswer:
        return _records(self)

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.records().requirements

    @property
    def links(self) -> tuple[Link, ...]:
        """The edges the answer rests on, in walk order: what a diagram of it draws."""
        return self.records().links

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        """Dependency cycles met (each sorted), sorted."""
        return self.records().cycles

    @property
    def self_loops(self) -> tuple[str, ...]:
        return self.records().self_loops

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
        c = self.counts()
        n = c["documented"] + c["certain"]
        text = f"{n} required {'action' if n == 1 else 'actions'} besides the target"
        text += f" ({c['documented']} documented, {c['certain']} certain)"
        if self.possible:
            text += f", and {c['possible']} possible"
        return text

    def without_actions(self) -> tuple[NoAction, ...]:
        """The rows of the operation targets that list no action (sorted, without repeats)."""
        rows = {n for t in self.targets for n in t.without_actions}
        return tuple(sorted(rows, key=lambda n: (n.provenance, n.operation)))

    def get(self, action: str) -> Requirement | None:
        for r in self.requirements:
            if r.action == action:
                return r
        return None

    @property
    def documentation(self) -> Documentation | None:
        """How old the documentation behind the answer is (None for records made without it)."""
        return self.records().documentation

    def to_dict(self) -> dict[str, Any]:
        doc = self.documentation
        return {
            "cloud": self.cloud,
            "targets": [t.to_dict() for t in self.targets],
            "max_depth": self.max_depth,
            "excluded_conditions": list(self.excluded_conditions),
            "truncated": self.truncated,
            "possible": self.possible,
            "counts": dict(self.counts()),
            "summary": self.summary(),
            "requirements": [r.to_dict() for r in self.requirements],
            "cycles": [list(c) for c in self.cycles],
            "self_loops": list(self.self_loops),
            "documentation": doc.to_dict() if doc is not None else {"services": [], "deleted_rows": []},
        }


@dataclass(slots=True)  # not frozen: see the module note on speed
class Dependent:
    """An action, pattern or operation that needs the asked-about action, directly (depth 1) or not."""

    node: str  # action name, pattern, or op:<id>
    kind: DependentKind
    depth: int
    via: str  # the node one step closer to the asked-about action
    edge: Edge
    label: str = ""  # operation name and API for an operation

    def to_dict(self) -> dict[str, Any]:
        return {
            "node": self.node,
            "kind": self.kind,
            "depth": self.depth,
            "via": self.via,
            "label": self.label,
            "edge": self.edge.to_dict(),
        }


class DependentsAnswer(NamedTuple):
    """The records of a dependents query, made from its walk when first read."""

    dependents: tuple[Dependent, ...]
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]


@dataclass(slots=True, eq=False)  # not frozen: see the module note on speed
class DependentsResult:
    """Who needs an action: everything whose closure contains it (what breaks if it is denied).

    As with :class:`ClosureResult`, the records are made from the walk when one is first read."""

    cloud: str
    action: str
    max_depth: int | None
    truncated: bool
    make: Callable[[], DependentsAnswer] | None = field(default=None, repr=False)
    answer: DependentsAnswer | None = field(default=None, repr=False)

    def records(self) -> DependentsAnswer:
        return _records(self)

    @property
    def dependents(self) -> tuple[Dependent, ...]:
        return self.records().dependents

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        return self.records().cycles

    @property
    def self_loops(self) -> tuple[str, ...]:
        return self.records().self_loops

    def nodes(self) -> tuple[str, ...]:
        return tuple(d.node for d in self.dependents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "action": self.action,
            "max_depth": self.max_depth,
            "truncated": self.truncated,
            "dependents": [d.to_dict() for d in self.dependents],
            "cycles": [list(c) for c in self.cycles],
            "self_loops": list(self.self_loops),
        }


@dataclass(frozen=True, slots=True)
class WhyResult:
    """Why ``action`` is in the closure of ``target``: shortest paths, each edge with its evidence."""

    cloud: str
    action: str
    target: Target
    paths: tuple[tuple[Edge, ...], ...]
    truncated: bool  # more shortest paths exist than were listed
    basis: Basis | Literal[""] = ""  # how the answer requires it ("" when it does not)
    bases: tuple[tuple[str, Basis], ...] = ()  # the basis of every node on the paths, sorted by node

    def basis_of(self, node: str) -> Basis | Literal[""]:
        return dict(self.bases).get(node, "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "action": self.action,
            "basis": self.basis or None,
            "target": self.target.to_dict(),
            "truncated": self.truncated,
            "paths": [[e.to_dict() for e in path] for path in self.paths],
        }


# Where an action of an answer may be granted: ``enterprise_project`` when every row that checks it works
# there; ``iam_project`` when no row does; ``check`` when it depends on the API called (mixed) or the
# documentation does not say (unknown, unresolved).
Placement = Literal["enterprise_project", "iam_project", "check"]


@dataclass(frozen=True, slots=True)
class ActionScope:
    """An action of an answer with its (operation, action) pairs, their summary and where to grant it.

    ``works`` / ``fails`` / ``unknown`` are the APIs (or operation names) of the rows that say it works on an
    enterprise project, that it does not, and that do not say.
    """

    action: str
    depth: int
    mark: ScopeMark
    pairs: tuple[PairScope, ...]
    reason: str  # why it can or cannot go to an enterprise-project policy
    basis: Basis = "documented"
    placement: Placement = "check"
    works: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "depth": self.depth,
            "basis": self.basis,
            "mark": self.mark,
            "placement": self.placement,
            "reason": self.reason,
            "works_for": list(self.works),
            "fails_for": list(self.fails),
            "unknown_for": list(self.unknown),
            "pairs": [p.to_dict() for p in self.pairs],
        }


@dataclass(frozen=True, slots=True)
class ScopeReport:
    """Can the targets' answer be granted through an enterprise project, and how to split the grants.

    ``verdict``: ``grantable`` when every action works on an enterprise project for every row that checks it;
    ``not_grantable`` when some action works there for no row (the target's own row saying no included);
    ``depends`` otherwise: some actions work for some APIs only, or the documentation does not say (the
    ``check`` part of the plan names the APIs). ``blockers`` are the actions that make it not grantable.
    """

    cloud: str
    targets: tuple[Target, ...]
    actions: tuple[ActionScope, ...]
    verdict: Verdict
    blockers: tuple[ActionScope, ...]
    enterprise_project_actions: tuple[str, ...]  # grant plan: may go to an enterprise-project policy
    iam_project_actions: tuple[str, ...]  # grant plan: must be granted on an IAM project
    check_actions: tuple[str, ...]  # grant plan: works for some APIs only, or undocumented: check before granting
    max_depth: int | None
    excluded_conditions: tuple[str, ...]
    possible: bool = False

    @property
    def enterprise_project_grantable(self) -> bool | None:
        """True / False for grantable / not_grantable; None when it depends on the API called."""
        return {"grantable": True, "not_grantable": False, "depends": None}[self.verdict]

    @property
    def checks(self) -> tuple[ActionScope, ...]:
        return tuple(a for a in self.actions if a.placement == "check")

    @property
    def pairs(self) -> tuple[PairScope, ...]:
        return tuple(sorted(p for a in self.actions for p in a.pairs))

    @property
    def nothing_to_grant(self) -> bool:
        """True when the closure requires no action: every target is an operation whose rows list none
        (and no dependency). Then the verdict is ``grantable`` vacuously."""
        return not self.actions and bool(self.targets) and all(t.lists_no_action for t in self.targets)

    @property
    def headline(self) -> str:
        """The verdict in one sentence, as every face prints it."""
        if self.nothing_to_grant:
            return "Nothing to grant: the documentation lists no action for it."
        if self.verdict == "grantable":
            return f"Grantable on an enterprise project: all {len(self.actions)} actions work there for every row."
        if self.verdict == "not_grantable":
            n = len(self.blockers)
            return (
                f"Not grantable on an enterprise project: {n} {'action works' if n == 1 else 'actions work'} "
                "there for no documented row."
            )
        n = len(self.check_actions)
        return (
            f"Depends on the API called: {n} {'action works' if n == 1 else 'actions work'} on an enterprise "
            "project for some rows only, or the documentation does not say."
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "targets": [t.to_dict() for t in self.targets],
            "verdict": self.verdict,
            "enterprise_project_grantable": self.enterprise_project_grantable,
            "headline": self.headline,
            "nothing_to_grant": self.nothing_to_grant,
            "possible": self.possible,
            "blockers": [b.action for b in self.blockers],
            "blocker_details": [b.to_dict() for b in self.blockers],
            "plan": {
                "enterprise_project": list(self.enterprise_project_actions),
                "iam_project": list(self.iam_project_actions),
                "check": [
                    {
                        "action": a.action,
                        "works_for": list(a.works),
                        "fails_for": list(a.fails),
                        "unknown_for": list(a.unknown),
                    }
                    for a in self.checks
                ],
            },
            "max_depth": self.max_depth,
            "excluded_conditions": list(self.excluded_conditions),
            "actions": [a.to_dict() for a in self.actions],
        }


@dataclass(frozen=True, slots=True, order=True)
class SearchHit:
    """One search result; lower ``rank`` is better (0 exact, 1 prefix, 2 substring, 3 close match)."""

    rank: int
    score: float  # within a rank, higher first is encoded as a negative similarity
    kind: HitKind
    key: str  # action name, or op:<id> for an operation or API hit
    text: str  # the text that matched
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"rank": self.rank, "kind": self.kind, "key": self.key, "text": self.text, "label": self.label}


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """Everything the catalog says about one action or pattern."""

    cloud: str
    action: str
    kind: RequirementKind
    service: str
    resolved: bool
    scope_mark: ScopeMark
    operations: tuple[PairScope, ...]  # the rows that check it
    dependencies: tuple[Edge, ...]  # outgoing depends/matches edges
    required_by: tuple[Edge, ...]  # incoming depends/checks/matches edges
    documentation: Documentation | None = None  # its service's table date, its rows from deleted pages

    @property
    def outdated(self) -> bool:
        """True when every row that checks it comes from a page deleted since: older documentation."""
        doc = self.documentation
        return bool(self.operations and doc and len(doc.deleted_rows) == len({p.provenance for p in self.operations}))

    def to_dict(self) -> dict[str, Any]:
        doc = self.documentation
        return {
            "cloud": self.cloud,
            "action": self.action,
            "kind": self.kind,
            "service": self.service,
            "resolved": self.resolved,
            "scope_mark": self.scope_mark,
            "operations": [p.to_dict() for p in self.operations],
            "dependencies": [e.to_dict() for e in self.dependencies],
            "required_by": [e.to_dict() for e in self.required_by],
            "documentation": doc.to_dict() if doc is not None else {"services": [], "deleted_rows": []},
            "outdated": self.outdated,
        }


@dataclass(frozen=True, slots=True)
class ServiceStats:
    service: str
    operations: int
    actions: int  # distinct actions the service's rows check
    dependencies: int  # distinct (action, dependency) pairs its rows document
    unresolved: int  # distinct actions its rows depend on that no table defines
    # (operation, action) pairs of its rows by scope flag: (supported, not supported, not documented)
    enterprise_project: tuple[int, int, int] = (0, 0, 0)
    iam_project: tuple[int, int, int] = (0, 0, 0)
    without_actions: int = 0  # operations whose rows list no action (counted in ``operations`` too)

    def to_dict(self) -> dict[str, Any]:
        def counts(c: tuple[int, int, int]) -> dict[str, int]:
            return {"supported": c[0], "not_supported": c[1], "not_documented": c[2]}

        return {
            "service": self.service,
            "operations": self.operations,
            "without_actions": self.without_actions,
            "actions": self.actions,
            "dependencies": self.dependencies,
            "unresolved": self.unresolved,
            "enterprise_project": counts(self.enterprise_project),
            "iam_project": counts(self.iam_project),
        }


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One action that rows (or editions) document differently.

    ``field`` is ``enterprise_project``, ``iam_project`` or ``dependencies``; ``values`` maps each
    distinct value (as text) to the rows that wrote it.
    """

    action: str
    field: str
    values: tuple[tuple[str, tuple[Provenance, ...]], ...]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Catalog health: counts per service, unresolved references, cycles, self-loops, disagreements."""

    cloud: str
    services: tuple[ServiceStats, ...]
    operations: int
    actions: int
    patterns: int
    dependency_edges: int
    unresolved: tuple[tuple[str, tuple[Provenance, ...]], ...]  # action -> rows that reference it
    empty_patterns: tuple[str, ...]  # patterns that match no catalog action
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]
    disagreements: tuple[Disagreement, ...] = field(default=())
    suspicious: tuple[SuspiciousRow, ...] = field(default=())  # dependencies that contradict their row

    @property
    def ok(self) -> bool:
        """True when nothing is unresolved and no pattern is empty (cycles and disagreements are facts)."""
        return not self.unresolved and not self.empty_patterns

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "operations": self.operations,
            "actions": self.actions,
            "patterns": self.patterns,
            "dependency_edges": self.dependency_edges,
            "services": [s.to_dict() for s in self.services],
            "unresolved": [
                {"action": a, "referenced_by": [_provenance_dict(p) for p in rows]} for a, rows in self.unresolved
            ],
            "empty_patterns": list(self.empty_patterns),
            "cycles": [list(c) for c in self.cycles],
            "self_loops": list(self.self_loops),
            "disagreements": [
                {
                    "action": d.action,
                    "field": d.field,
                    "values": [{"value": v, "rows": [_provenance_dict(p) for p in rows]} for v, rows in d.values],
                }
                for d in self.disagreements
            ],
            "suspicious": [s.to_dict() for s in self.suspicious],
        }
