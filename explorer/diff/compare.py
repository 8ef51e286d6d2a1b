"""Diffing two catalogs (or two editions of one) service by service: matching, changes, action deltas."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from explorer.contradictions import row_contradictions
from explorer.diff import suspicious
from explorer.diff.changes import Collector, column_changes, compare_match, first_api, operation_summary
from explorer.diff.impact import Closure, impact_of
from explorer.diff.matching import match_operations
from explorer.diff.renames import Rename
from explorer.diff.result import ActionDelta, Change, DiffResult, RowRef, SideInfo, rows
from explorer.errors import QueryError
from explorer.model import Catalog, Operation


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a diff: its catalogs by cloud, a label, and (for impact) a closure per cloud."""

    label: str
    catalogs: Mapping[str, Catalog]
    closures: Mapping[str, Closure] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class _Found:
    changes: list[Change] = field(default_factory=list)
    renames: list[Rename] = field(default_factory=list)
    added: list[ActionDelta] = field(default_factory=list)
    removed: list[ActionDelta] = field(default_factory=list)
    suppressed: Counter[str] = field(default_factory=Counter)
    matched: int = 0
    rows: dict[str, list[tuple[Operation, Operation]]] = field(default_factory=dict)  # matched 1:1, per cloud


def _checked(ops: Iterable[Operation]) -> dict[str, list[Operation]]:
    out: dict[str, list[Operation]] = {}
    for op in ops:
        for r in op.actions:
            out.setdefault(r.action, []).append(op)
    return out


def _added_operation(out: Collector, op: Operation, pool: frozenset[str]) -> None:
    cut = [a for a in sorted({r.action for r in op.actions}) if suspicious.truncation_of(a, pool)]
    glued = suspicious.glued_cells(op)
    against = [f"{c.against} depends on {c.dependency}" for c in row_contradictions(op)]
    notes = [f"looks truncated: {c}" for c in cut] + [f"text glued to the action: {g!r}" for g in glued] + against
    out.add(
        "operation_added",
        first_api((op,)),
        None,
        operation_summary(op),
        rows("new", [op]),
        suspicious=bool(notes),
        note="; ".join(notes),
    )


def _service(found: _Found, label: str, service: str, old: list[Operation], new: list[Operation]) -> None:
    out = Collector(label, service)
    skip = column_changes(out, old, new)
    pool = frozenset(r.action for op in new for r in op.actions)
    matching = match_operations(old, new)
    found.matched += sum(len(m.old) for m in matching.matches)
    found.rows.setdefault(label, []).extend((m.old[0], m.new[0]) for m in matching.matches if not m.split)
    for m in matching.matches:
        for before, after, o, n in compare_match(out, m, skip, pool):
            found.renames.append(Rename(label, service, before, after, tuple(n.apis), o.provenance, n.provenance))
    for op in matching.removed:
        out.add("operation_removed", first_api((op,)), operation_summary(op), None, rows("old", [op]))
    for op in matching.added:
        _added_operation(out, op, pool)
    found.changes.extend(out.changes)
    found.suppressed.update(out.suppressed)
    checked_before, checked_after = _checked(old), _checked(new)
    renamed: dict[str, set[str]] = {}
    for r in found.renames:
        if r.service == service and r.cloud == label:
            renamed.setdefault(r.old, set()).add(r.new)
    for action in sorted(checked_after.keys() - checked_before.keys()):
        found.added.append(ActionDelta(label, service, action, rows("new", checked_after[action])))
    for action in sorted(checked_before.keys() - checked_after.keys()):
        to = tuple(sorted(renamed.get(action, ())))
        found.removed.append(ActionDelta(label, service, action, rows("old", checked_before[action]), to))


def _cloud_label(old: str, new: str) -> str:
    return old if old == new else f"{old}->{new}"


def diff_sides(
    old: Side,
    new: Side,
    *,
    clouds: tuple[tuple[str, str], ...] | None = None,
    services: Iterable[str] = (),
    progress: Callable[[str], None] | None = None,
) -> tuple[DiffResult, tuple[Rename, ...]]:
    """Compare ``old`` with ``new``: per cloud pair (default: every cloud of either side, paired by name),
    per service (default: every service of either side). Returns the result and the renames seen."""
    pairs = clouds or tuple((c, c) for c in sorted(set(old.catalogs) | set(new.catalogs)))
    wanted = frozenset(services)
    present = {s for side in (old, new) for c in side.catalogs.values() for s in c.services}
    unknown = sorted(wanted - present)
    if unknown:
        known = ", ".join(sorted(present)) or "none"
        raise QueryError(f"no service {', '.join(map(repr, unknown))} on either side (services: {known})")
    found = _Found()
    impacts = []
    counts = [0, 0]
    for old_cloud, new_cloud in pairs:
        label = _cloud_label(old_cloud, new_cloud)
        before = old.catalogs.get(old_cloud, Catalog(old_cloud))
        after = new.catalogs.get(new_cloud, Catalog(new_cloud))
        either = set(before.services) | set(after.services)
        names = sorted(either & wanted if wanted else either)
        for service in names:
            if progress is not None:
                progress(f"{label}/{service}")
            old_ops = list(before.services[service].operations) if service in before.services else []
            new_ops = list(after.services[service].operations) if service in after.services else []
            counts[0] += len(old_ops)
            counts[1] += len(new_ops)
            _service(found, label, service, old_ops, new_ops)
        old_closure, new_closure = old.closures.get(old_cloud), new.closures.get(new_cloud)
        if old_closure is not None and new_closure is not None:
            mine = [r for r in found.renames if r.cloud == label]
            old_targets = _targets(before, names)
            new_targets = _targets(after, names)
            rows = found.rows.get(label, [])
            impacts.extend(impact_of(old_closure, new_closure, old_targets, new_targets, mine, rows))
    result = DiffResult(
        SideInfo(old.label, tuple(sorted({a for a, _ in pairs})), counts[0], old.notes),
        SideInfo(new.label, tuple(sorted({b for _, b in pairs})), counts[1], new.notes),
        tuple(sorted(found.changes, key=Change.sort_key)),
        tuple(found.added),
        tuple(found.removed),
        tuple(impacts),
        found.matched,
        dict(found.suppressed),
    )
    return result, tuple(sorted(found.renames))


def _targets(catalog: Catalog, services: list[str]) -> frozenset[str]:
    return frozenset(
        r.action for s in services if s in catalog.services for op in catalog.services[s].operations for r in op.actions
    )


__all__ = ["RowRef", "Side", "diff_sides"]
