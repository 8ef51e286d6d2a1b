"""The closure query: the walk's outcome made into requirement records, with the cycles of the answer.

The walk itself is :mod:`explorer.graph.walk`; this module resolves the exclusion of conditional
dependencies into a row filter, runs the walk and makes the records when they are first read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from explorer.graph.age import documentation, mark_outdated
from explorer.graph.answers import (
    Basis,
    ClosureAnswer,
    ClosureResult,
    Evidence,
    Link,
    PairScope,
    Requirement,
    Target,
)
from explorer.graph.build import CatalogGraph, summarise
from explorer.graph.cycles import strongly_connected
from explorer.graph.suspicion import mark as mark_suspicious
from explorer.graph.walk import RowFilter, Walk, walk
from explorer.model import Provenance

# A closure may leave out conditional dependencies: all of them (True), or those whose condition
# contains any of the given texts (case-insensitive).
Exclude = bool | Iterable[str]

_BY_DEPTH: tuple[Basis, Basis, Basis] = ("target", "documented", "certain")


def row_filter(exclude: Exclude) -> tuple[RowFilter, tuple[str, ...]]:
    """Which rows' listings an exclusion of conditional dependencies keeps (None: all), and the exclusion
    as reported in results (``("*",)`` for all conditional dependencies)."""
    if exclude is False:
        return None, ()
    if exclude is True:

        def unconditional(ev: Evidence) -> bool:
            return ev.condition is None

        return unconditional, ("*",)
    items = (exclude,) if isinstance(exclude, str) else exclude  # one condition given as a plain string
    texts = tuple(sorted({t.casefold() for t in items if t.strip()}))
    if not texts:
        return None, ()

    def unless_named(ev: Evidence) -> bool:
        return ev.condition is None or not any(t in ev.condition.casefold() for t in texts)

    return unless_named, texts


def closure(
    g: CatalogGraph, resolved: tuple[Target, ...], max_depth: int | None, exclude: Exclude, possible: bool
) -> ClosureResult:
    """What a policy must allow for the resolved targets (see ``Explorer.closure``)."""
    seeds = resolved[0].seeds if len(resolved) == 1 else sorted({s for t in resolved for s in t.seeds})
    keep, excluded = (None, ()) if exclude is False else row_filter(exclude)
    operations = any(t.kind == "operation" for t in resolved)
    w = walk(g, seeds, max_depth, keep, possible, operations)
    own = own_pairs(g, resolved) if operations else {}

    def make() -> ClosureAnswer:
        links = answer_links(w)
        reached = {**w.depth, **w.possible_depth} if w.possible else w.depth
        cycles, loops = answer_loops(reached, links, w.target_loops)
        reqs = tuple(requirements(g, w, own, keep))
        rows = (p for r in reqs for p in r.provenance)
        return ClosureAnswer(reqs, links, cycles, loops, documentation(g, (r.action for r in reqs), rows))

    # positional, as every per-query record on the hot path (see requirements())
    return ClosureResult(g.cloud, resolved, max_depth, excluded, w.truncated, possible, make)


def answer_loops(
    reached: dict[str, int], links: Sequence[Link], target_loops: set[str]
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The cycles and self-loops among the answer's own links (a catalog cycle through an action the
    answer does not require is not a cycle of the answer)."""
    # Breadth-first, every link of a cycle-free answer goes one level down: a cycle needs a link that
    # does not (a cheap test on the answer alone, no catalog-wide cycle search).
    if not target_loops and all(reached[k.edge.target] > reached[k.edge.source] for k in links):
        return (), ()
    succ: dict[str, set[str]] = {}
    for k in links:
        succ.setdefault(k.edge.source, set()).add(k.edge.target)
    cycles = strongly_connected(succ, {s: tuple(sorted(ts)) for s, ts in succ.items()})
    loops = sorted({k.edge.source for k in links if k.edge.source == k.edge.target} | target_loops)
    return tuple(cycles), tuple(loops)


def requirements(g: CatalogGraph, w: Walk, own: dict[str, tuple[PairScope, ...]], keep: RowFilter) -> list[Requirement]:
    """One record per required action or pattern, by depth then name (possible ones among them)."""
    ops = g.rows.operations
    info = g.nodes.info
    succ = g.links.succ
    destructive = g.nodes.destructive
    via_of = w.via
    reqs: list[Requirement] = []
    append = reqs.append
    # Records are made per node, positionally (each argument named in a comment): keyword arguments cost
    # about twice the construction of the record, which is most of the cost of reading a closure's records.
    for node, d in w.depth.items():
        if node in ops:
            continue
        edge = via_of.get(node)
        via = edge.source if edge is not None else ""
        kind, resolved, scope, mark = info[node]
        if own and node in own:
            scope = own[node]
            mark = summarise(scope)
        basis = _BY_DEPTH[d if d < 2 else 2]
        if d == 1 and edge is not None and edge.kind == "checks":
            basis = "target"  # an action an operation target checks
        append(
            Requirement(
                node,  # action
                d,  # depth
                kind,  # kind
                via,  # via
                edge,  # edge
                resolved,  # resolved
                scope,  # scope
                mark,  # scope_mark
                ops[via].display_name() if via in ops else "",  # via_label
                basis,  # basis
                edge.evidence if edge is not None else (),  # rows
                kind == "pattern",  # broad
                node in destructive,  # destructive
                len(succ.get(node, ())) if kind == "pattern" else 0,  # matches
            )
        )
    if not w.possible:
        mark_suspicious(g, reqs)
        mark_outdated(g, reqs)
        return reqs
    at = {**w.possible_depth, **w.depth}
    for node in sorted(w.possible):
        edges = sorted(w.possible[node], key=lambda e: (at[e.source], e.source))
        first = edges[0]
        rows = tuple(sorted({ev for e in edges for ev in e.evidence if keep is None or keep(ev)}, key=_row_order))
        apis = tuple(sorted({api for ev in rows for api in _row_apis(g, ev)}))
        kind, resolved, scope, mark = info[node]
        append(
            Requirement(
                node,  # action
                w.possible_depth[node],  # depth
                kind,  # kind
                first.source,  # via
                first,  # edge
                resolved,  # resolved
                scope,  # scope
                mark,  # scope_mark
                "",  # via_label
                "possible",  # basis
                rows,  # rows
                kind == "pattern",  # broad
                node in destructive,  # destructive
                len(succ.get(node, ())) if kind == "pattern" else 0,  # matches
                apis,  # apis
                g.rows.row_count.get(first.source, 0),  # of_rows
            )
        )
    reqs.sort(key=lambda r: (r.depth, r.action))
    mark_suspicious(g, reqs)
    mark_outdated(g, reqs)
    return reqs


def _row_order(ev: Evidence) -> tuple[Provenance, str, str]:
    return ev.provenance, ev.operation, ev.condition or ""


def answer_links(w: Walk) -> tuple[Link, ...]:
    """The edges the answer rests on, in walk order (deterministic: sorted levels over sorted adjacency),
    then the possible ones."""
    links = w.all_links()
    if w.possible:
        links += [Link(e, "possible") for node in sorted(w.possible) for e in w.possible[node]]
    return tuple(links)


def _row_apis(g: CatalogGraph, ev: Evidence) -> tuple[str, ...]:
    node = g.rows.row_node.get((ev.operation, ev.provenance))
    if node is None:
        return ()
    op = g.rows.operations[node]
    return op.apis or (op.display_name(),)


def own_pairs(g: CatalogGraph, targets: Sequence[Target]) -> dict[str, tuple[PairScope, ...]]:
    """An operation asked about needs its own actions under its own row's scope, not every row's."""
    ops = g.rows.operations
    own: dict[str, tuple[PairScope, ...]] = {}
    for t in targets:
        if t.kind != "operation":
            continue
        for s in t.seeds:
            op_id = ops[s].id
            for r in ops[s].actions:
                mine = tuple(p for p in g.rows.pairs[r.action] if p.operation == op_id)
                own[r.action] = tuple(sorted(set(own.get(r.action, ()) + mine)))
    return own
