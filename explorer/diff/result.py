"""The records a diff produces, each with a ``to_dict()`` in the shape of ``diff.schema.json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from explorer.diff.policy_impact import PolicyChange
from explorer.model import Operation, Provenance

ChangeKind = Literal[
    "operation_added",
    "operation_removed",
    "action_renamed",
    "action_changed",
    "dependency_added",
    "dependency_removed",
    "condition_changed",
    "scope_changed",
    "api_changed",
    "name_changed",
    "column_added",
    "column_removed",
]
KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)  # in report order
Side = Literal["old", "new"]
SCOPE_FIELDS = ("iam_project", "enterprise_project", "instance", "tag")


@dataclass(frozen=True, slots=True, order=True)
class RowRef:
    """A documentation row behind a change, on the old or the new side."""

    side: Side
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        p = self.provenance
        return {
            "side": self.side,
            "file": p.file,
            "table": p.table,
            "row": p.row,
            "edition": p.edition,
            "repo": p.repo,
            "commit": p.commit,
            "path": p.path,
        }


def rows(side: Side, ops: tuple[Operation, ...] | list[Operation]) -> tuple[RowRef, ...]:
    return tuple(RowRef(side, op.provenance) for op in ops)


@dataclass(frozen=True, slots=True)
class Change:
    """One change between the sides. ``old`` / ``new`` are JSON-ready values (None where a side has nothing).

    ``suspicious`` marks an edit that looks like damage (a truncated action, a URL glued to an action, a
    destructive operation that suddenly depends on creating); ``fixes`` marks the repair of such damage.
    """

    kind: ChangeKind
    cloud: str
    service: str
    api: str
    old: Any
    new: Any
    evidence: tuple[RowRef, ...]
    suspicious: bool = False
    fixes: bool = False
    note: str = ""

    def sort_key(self) -> tuple[str, str, int, str, str, tuple[RowRef, ...]]:
        return (self.cloud, self.service, KINDS.index(self.kind), self.api, repr((self.old, self.new)), self.evidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "cloud": self.cloud,
            "service": self.service,
            "api": self.api,
            "old": self.old,
            "new": self.new,
            "suspicious": self.suspicious,
            "fixes": self.fixes,
            "note": self.note,
            "evidence": [r.to_dict() for r in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class ActionDelta:
    """An action that rows of one side check and no row of the other side does."""

    cloud: str
    service: str
    action: str
    evidence: tuple[RowRef, ...]
    renamed_to: tuple[str, ...] = ()  # for a removed action: what rows on the same APIs check now

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "service": self.service,
            "action": self.action,
            "renamed_to": list(self.renamed_to),
            "evidence": [r.to_dict() for r in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class RequirementChange:
    """One requirement an action's default answer gained or lost: why it is (was) required, and the rows."""

    action: str
    change: Literal["added", "removed"]
    basis: str  # the closure's basis: documented, certain (or inferred before least-privilege closures)
    rows: tuple[RowRef, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "change": self.change,
            "basis": self.basis,
            "rows": [r.to_dict() for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class Impact:
    """How the default requirements (the closure's default answer) of one action changed."""

    target: str  # the action, or for an operation its (first) API
    added: tuple[str, ...]
    removed: tuple[str, ...]
    renamed_from: str = ""
    details: tuple[RequirementChange, ...] = ()
    kind: Literal["action", "operation"] = "action"
    name: str = ""  # an operation's name
    evidence: tuple[RowRef, ...] = ()  # an operation's rows (old, new)

    def delta(self) -> tuple[tuple[str, ...], tuple[str, ...], tuple[RequirementChange, ...]]:
        return (self.added, self.removed, self.details)

    def to_dict(self, delta: int) -> dict[str, Any]:
        """The entry, its requirements' bases and rows left to ``impact_deltas[delta]`` (shared by every
        action whose answer changed the same way)."""
        return {
            "target": self.target,
            "kind": self.kind,
            "name": self.name,
            "evidence": [r.to_dict() for r in self.evidence],
            "added": list(self.added),
            "removed": list(self.removed),
            "renamed_from": self.renamed_from or None,
            "delta": delta,
        }


def impact_dicts(impact: tuple[Impact, ...]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The impact entries and the distinct deltas they refer to, each delta written once (in order of first use):
    the output grows with the changes, not with the changes times the actions they reach."""
    index: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[RequirementChange, ...]], int] = {}
    entries = [i.to_dict(index.setdefault(i.delta(), len(index))) for i in impact]
    deltas = [
        {"added": list(added), "removed": list(removed), "details": [d.to_dict() for d in details]}
        for added, removed, details in index
    ]
    return entries, deltas


@dataclass(frozen=True, slots=True)
class SideInfo:
    """What one side of the diff was: a label (path, edition) and how many operations it held."""

    label: str
    clouds: tuple[str, ...]
    operations: int
    notes: tuple[str, ...] = ()  # e.g. rows the importer skipped when the side is a corpus

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "clouds": list(self.clouds),
            "operations": self.operations,
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class DiffResult:
    """Everything that changed from ``old`` to ``new``, sorted; ``equal`` when nothing did."""

    old: SideInfo
    new: SideInfo
    changes: tuple[Change, ...]
    actions_added: tuple[ActionDelta, ...] = ()
    actions_removed: tuple[ActionDelta, ...] = ()
    impact: tuple[Impact, ...] = ()
    matched: int = 0
    suppressed: dict[str, int] = field(default_factory=dict)
    policies: tuple[PolicyChange, ...] = ()  # lint findings that appear or disappear (when policies were given)

    @property
    def equal(self) -> bool:
        return not (self.changes or self.actions_added or self.actions_removed or self.impact or self.policies)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        for c in self.changes:
            counts[c.kind] += 1
        return counts

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        entries, deltas = impact_dicts(self.impact)
        return {
            "old": self.old.to_dict(),
            "new": self.new.to_dict(),
            "equal": self.equal,
            "summary": self.summary(),
            "matched_operations": self.matched,
            "suppressed_notation": dict(sorted(self.suppressed.items())),
            "changes": [c.to_dict() for c in self.changes],
            "actions": {
                "added": [a.to_dict() for a in self.actions_added],
                "removed": [a.to_dict() for a in self.actions_removed],
            },
            "impact": entries,
            "impact_deltas": deltas,
            "policies": [p.to_dict() for p in self.policies],
        }
