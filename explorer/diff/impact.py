"""Impact of a diff on answers: which actions' default requirements changed, and how.

The engine does not build graphs itself: each side hands in a ``Closure``, a function from an action to
what its default closure requires (target + documented + certain, see ``Explorer.closure``): each
requirement's name with its basis and the documentation rows behind it. So this module stays
independent of how closures are computed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from explorer.diff.notation import api_text
from explorer.diff.renames import Rename
from explorer.diff.result import Impact, RequirementChange, RowRef
from explorer.model import Operation, Provenance

Requirements = Mapping[str, tuple[str, tuple[Provenance, ...]]]  # name -> (basis, rows)


@dataclass(frozen=True, slots=True)
class Graph:
    """What lets the comparison skip the answers that cannot differ: a closure reads only what its target
    reaches, so a target that reaches no node whose own data differs between the sides has the same answer
    on both (one changed edge then costs the answers above it, not every answer of the catalog)."""

    nodes: Collection[str]
    pred: Mapping[str, Iterable[str]]  # node -> the nodes with an edge to it
    data: Callable[[str], object]  # everything a closure reads of one node (its edges, rows, marks), for ==
    node_of: Callable[[Operation], str]  # an operation's node


@dataclass(frozen=True, slots=True)
class Closure:
    """One side's default closures: of an action (by name) and of an operation (one row, as the API asks);
    ``graph`` (both sides' or neither) to compute only the answers that may differ."""

    of_action: Callable[[str], Requirements]
    of_operation: Callable[[Operation], Requirements]
    graph: Graph | None = None


def _stale(old: Graph | None, new: Graph | None) -> Callable[[str], bool] | None:
    """Whether an old-side node's answer may differ on the new side: it reaches a node whose data differs."""
    if old is None or new is None:
        return None
    known = set(old.nodes)
    frontier = [n for n in known | set(new.nodes) if n not in known or old.data(n) != new.data(n)]
    reached = set(frontier)
    while frontier:
        step = [p for n in frontier for p in old.pred.get(n, ()) if p not in reached]
        reached.update(step)
        frontier = step
    return lambda n: n in reached or n not in known


Delta = tuple[tuple[str, ...], tuple[str, ...], tuple[RequirementChange, ...]]  # added, removed, details


def _delta(
    target: str,
    before: Requirements,
    after: Requirements,
    renamed_from: str = "",
    shared: dict[Delta, Delta] | None = None,
) -> Impact | None:
    old = {k: v for k, v in before.items() if k not in (target, renamed_from)}
    new = {k: v for k, v in after.items() if k not in (target, renamed_from)}
    if old.keys() == new.keys():
        return None
    added = tuple(sorted(new.keys() - old.keys()))
    removed = tuple(sorted(old.keys() - new.keys()))
    details = tuple(RequirementChange(a, "added", new[a][0], tuple(RowRef("new", p) for p in new[a][1])) for a in added)
    details += tuple(
        RequirementChange(a, "removed", old[a][0], tuple(RowRef("old", p) for p in old[a][1])) for a in removed
    )
    # Many actions share one changed sub-answer (everything above a changed edge gains the same requirements):
    # they share one delta, so the result holds each distinct delta once, not once per action.
    key: Delta = (added, removed, details)
    if shared is not None:
        key = shared.setdefault(key, key)
    return Impact(target, key[0], key[1], renamed_from, key[2])


def _operation_delta(
    o: Operation, n: Operation, old: Closure, new: Closure, shared: dict[Delta, Delta]
) -> Impact | None:
    found = _delta("", old.of_operation(o), new.of_operation(n), shared=shared)
    if found is None:
        return None
    api = api_text(n.apis[0]) if n.apis else n.display_name()
    evidence = (RowRef("old", o.provenance), RowRef("new", n.provenance))
    return replace(found, target=api, kind="operation", name=n.display_name(), evidence=evidence)


def impact_of(
    old: Closure,
    new: Closure,
    old_targets: frozenset[str],
    new_targets: frozenset[str],
    renames: Iterable[Rename],
    rows: Iterable[tuple[Operation, Operation]] = (),
) -> list[Impact]:
    """Every action checked on both sides whose default requirements differ (the action itself left out),
    every renamed action compared with its old name, and every matched row (an API call) whose answer differs."""
    out: list[Impact] = []
    shared: dict[Delta, Delta] = {}
    stale = _stale(old.graph, new.graph)
    for target in sorted(old_targets & new_targets):
        if stale is not None and not stale(target):
            continue
        found = _delta(target, old.of_action(target), new.of_action(target), shared=shared)
        if found is not None:
            out.append(found)
    seen: set[tuple[str, str]] = set()
    for r in sorted(renames):
        key = (r.old, r.new)
        if key in seen or r.old not in old_targets or r.new not in new_targets or r.new in old_targets:
            continue
        seen.add(key)
        found = _delta(r.new, old.of_action(r.old), new.of_action(r.new), r.old, shared)
        if found is not None:
            out.append(found)
    if stale is not None and old.graph is not None:
        rows = [(o, n) for o, n in rows if stale(old.graph.node_of(o))]
    out.extend(i for o, n in rows if (i := _operation_delta(o, n, old, new, shared)) is not None)
    return sorted(out, key=lambda i: (i.kind != "action", i.target, i.name, i.renamed_from, i.evidence))
