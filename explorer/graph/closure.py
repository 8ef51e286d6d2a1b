"""The least-privilege walk: what a policy must allow for a target, and on what basis.

A documented dependency belongs to its row. The target's own rows give its *documented* requirements.
For a dependency D, the documentation says only that the service checks D on the user's behalf, not
which API it calls, so a requirement of D is *certain* when every row that checks D lists it and merely
*possible* when some do. Certain requirements are followed the same way, level by level; possible ones
are listed (on request) with the rows that would need them and never followed. A wildcard dependency is a
leaf: granting it grants every action it matches, which is flagged, not expanded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explorer.graph.age import mark_outdated
from explorer.graph.build import CatalogGraph, summarise
from explorer.graph.results import Basis, Edge, Evidence, Link, PairScope, Requirement, Target
from explorer.graph.suspicion import mark as mark_suspicious
from explorer.model import Provenance

# Does a row's listing of a dependency survive the exclusion of conditional dependencies (None: keep all)?
RowFilter = Callable[[Evidence], bool] | None


@dataclass(slots=True)
class Walk:
    """The raw answer: every node reached with its depth and basis, the first edge to it, the links.

    The default walk (:func:`walk_certain`) records only what it cannot derive: a node's basis follows from
    its depth there (0 target, 1 documented, deeper certain), and so does a link's (the first
    ``documented`` links are the targets' own rows, the rest certain); ``basis`` and ``links`` are then
    ``None`` and :meth:`basis_of` and :meth:`all_links` derive them when a record is read.
    """

    depth: dict[str, int]
    basis: dict[str, Basis] | None
    via: dict[str, Edge]
    links: list[Link] | None
    possible: dict[str, list[Edge]]  # possible node -> the edges (from nodes of the answer) that list it
    possible_depth: dict[str, int]
    truncated: bool
    target_loops: set[str]  # targets whose own rows list them
    edges: list[Edge] | None = None  # with ``links`` None: the links' edges, in walk order
    documented: int = 0  # with ``links`` None: how many of ``edges`` come from the targets' own rows

    def basis_of(self, node: str) -> Basis:
        if self.basis is not None:
            return self.basis[node]
        return _BY_DEPTH[min(self.depth[node], 2)]

    def all_links(self) -> list[Link]:
        if self.links is not None:
            return self.links
        edges = self.edges or []
        k = self.documented
        return [Link(e, "documented") for e in edges[:k]] + [Link(e, "certain") for e in edges[k:]]


_BY_DEPTH: tuple[Basis, Basis, Basis] = ("target", "documented", "certain")


def walk_certain(g: CatalogGraph, seeds: Sequence[str]) -> Walk:
    """The default answer (actions or patterns as targets, every row kept, all depths, nothing possible):
    the targets' own edges, then the certain edges the build made, level by level, each level sorted by
    name. Every query of a face starts here, so it does no more than a bare breadth-first search: one dict
    per node reached and one list entry per link (bench/bench_graph.py holds it to ``networkx.descendants``).
    :func:`walk` gives the same answer (a property test compares them)."""
    depth = dict.fromkeys(seeds, 0)
    via: dict[str, Edge] = {}
    edges: list[Edge] = []
    loops: set[str] = set()
    frontier: list[str] = []
    empty: tuple[Edge, ...] = ()
    out_edges = g.out_edges
    for u in seeds:
        for e in out_edges.get(u, empty):
            v = e.target
            if v in depth:
                if depth[v]:
                    edges.append(e)
                elif v == u:
                    loops.add(u)  # a target that depends on itself: reported, not drawn
                continue
            depth[v] = 1
            via[v] = e
            edges.append(e)
            frontier.append(v)
    documented = len(edges)
    get = g.certain_edges.get
    level = 1
    while frontier:
        level += 1
        frontier.sort()
        nxt: list[str] = []
        for u in frontier:
            for e in get(u, empty):
                v = e.target
                if v in depth:
                    if depth[v]:
                        edges.append(e)
                    continue
                depth[v] = level
                via[v] = e
                edges.append(e)
                nxt.append(v)
        frontier = nxt
    return Walk(depth, None, via, None, {}, {}, False, loops, edges, documented)


def _kept(e: Edge, keep: RowFilter) -> int:
    """How many rows behind ``e`` survive the filter."""
    if keep is None:
        return len(e.evidence)
    return sum(1 for ev in e.evidence if keep(ev))


def walk(g: CatalogGraph, seeds: Sequence[str], max_depth: int | None, keep: RowFilter, want_possible: bool) -> Walk:
    """Breadth-first over the answer's own edges; each level sorted by name (deterministic records).

    Any query: operations as targets, rows filtered out (``keep``), a depth cut, possible requirements.
    Plain loops over the sorted adjacency tuples, one length comparison per edge for the certain rule.
    """
    depth = dict.fromkeys(seeds, 0)
    basis: dict[str, Basis] = dict.fromkeys(seeds, "target")
    via: dict[str, Edge] = {}
    links: list[Link] = []
    candidates: list[tuple[str, Edge]] = []
    out_edges = g.out_edges
    row_count = g.row_count
    ops = g.operations
    patterns = g.patterns
    empty: tuple[Edge, ...] = ()
    certain_edges = g.certain_edges
    truncated = False
    loops: set[str] = set()
    frontier = list(depth)
    level = 0
    while frontier:
        cut = max_depth is not None and level >= max_depth
        nxt: list[str] = []
        for u in frontier:
            step: list[tuple[Edge, Basis]]
            if u in ops:  # an operation asked about: its own row's actions and dependencies
                step = [
                    (e, "target" if e.kind == "checks" else "documented")
                    for e in out_edges.get(u, empty)
                    if e.kind == "checks" or keep is None or _kept(e, keep)
                ]
            elif basis[u] == "target":
                if depth[u]:  # an action an operation target checks: that row already gave its dependencies
                    continue
                step = [(e, "documented") for e in out_edges.get(u, empty) if keep is None or _kept(e, keep)]
            elif u in patterns:
                continue
            elif keep is None:  # the common case, on links the build made: see bench/bench_graph.py
                for e in certain_edges.get(u, empty):
                    v = e.target
                    if v in depth:
                        if depth[v]:
                            links.append(Link(e, "certain"))
                        elif v == u:
                            loops.add(u)
                        continue
                    if cut:
                        truncated = True
                        continue
                    depth[v] = level + 1
                    basis[v] = "certain"
                    via[v] = e
                    links.append(Link(e, "certain"))
                    nxt.append(v)
                if want_possible:
                    n = row_count.get(u, 0)
                    candidates.extend((u, e) for e in out_edges.get(u, empty) if 0 < len(e.evidence) < n)
                continue
            else:
                n = row_count.get(u, 0)
                if not n:  # referenced, but no table defines it: nothing is known of what it needs
                    continue
                step = []
                for e in out_edges.get(u, empty):
                    kept = len(e.evidence) if keep is None else _kept(e, keep)
                    if kept == n:
                        step.append((e, "certain"))
                    elif kept and want_possible:
                        candidates.append((u, e))
            for e, b in step:
                v = e.target
                if v in depth:
                    if depth[v]:
                        links.append(Link(e, b))
                    elif v == u:
                        loops.add(u)  # a target that depends on itself: reported, not drawn
                    continue
                if cut:
                    truncated = True
                    continue
                depth[v] = level + 1
                basis[v] = b
                via[v] = e
                links.append(Link(e, b))
                nxt.append(v)
        nxt.sort()
        frontier = nxt
        level += 1
    possible: dict[str, list[Edge]] = {}
    pdepth: dict[str, int] = {}
    if want_possible:
        truncated = _possible(g, depth, candidates, max_depth, keep, possible, pdepth) or truncated
    return Walk(depth, basis, via, links, possible, pdepth, truncated, loops)


def _possible(
    g: CatalogGraph,
    depth: dict[str, int],
    candidates: list[tuple[str, Edge]],
    max_depth: int | None,
    keep: RowFilter,
    possible: dict[str, list[Edge]],
    pdepth: dict[str, int],
) -> bool:
    """Follow what only some rows list, level by level: everything below a possible requirement is possible
    too (needed only if the service happens to call one of those rows' APIs). Returns whether depth cut it."""
    pending: dict[int, list[tuple[str, Edge]]] = {}
    for u, e in candidates:
        pending.setdefault(depth[u] + 1, []).append((u, e))
    out_edges = g.out_edges
    row_count = g.row_count
    patterns = g.patterns
    while pending:
        level = min(pending)
        items = pending.pop(level)
        if max_depth is not None and level > max_depth:
            return True
        new: list[str] = []
        for _u, e in items:
            v = e.target
            if v in depth:
                continue
            if v not in pdepth:
                pdepth[v] = level
                new.append(v)
            possible.setdefault(v, []).append(e)
        for v in sorted(new):
            if v in patterns or not row_count.get(v, 0):
                continue
            for e in out_edges.get(v, ()):
                if e.target not in depth and _kept(e, keep):
                    pending.setdefault(level + 1, []).append((v, e))
    return False


def requirements(g: CatalogGraph, w: Walk, own: dict[str, tuple[PairScope, ...]], keep: RowFilter) -> list[Requirement]:
    """One record per required action or pattern, by depth then name (possible ones among them)."""
    ops = g.operations
    info = g.info
    succ = g.succ
    destructive = g.destructive
    basis = w.basis
    via_of = w.via
    reqs: list[Requirement] = []
    append = reqs.append
    for node, d in w.depth.items():
        if node in ops:
            continue
        edge = via_of.get(node)
        via = edge.source if edge is not None else ""
        kind, resolved, scope, mark = info[node]
        if own and node in own:
            scope = own[node]
            mark = summarise(scope)
        append(
            Requirement(
                node,
                d,
                kind,
                via,
                edge,
                resolved,
                scope,
                mark,
                ops[via].display_name() if via in ops else "",
                _BY_DEPTH[d if d < 2 else 2] if basis is None else basis[node],
                edge.evidence if edge is not None else (),
                kind == "pattern",
                node in destructive,
                len(succ.get(node, ())) if kind == "pattern" else 0,
            )
        )
    if not w.possible:
        mark_suspicious(g, reqs)
        mark_outdated(reqs)
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
                node,
                w.possible_depth[node],
                kind,
                first.source,
                first,
                resolved,
                scope,
                mark,
                "",
                "possible",
                rows,
                kind == "pattern",
                node in destructive,
                len(succ.get(node, ())) if kind == "pattern" else 0,
                apis,
                g.row_count.get(first.source, 0),
            )
        )
    reqs.sort(key=lambda r: (r.depth, r.action))
    mark_suspicious(g, reqs)
    mark_outdated(reqs)
    return reqs


def _row_order(ev: Evidence) -> tuple[Provenance, str, str]:
    return ev.provenance, ev.operation, ev.condition or ""


def possible_links(w: Walk) -> list[Link]:
    return [Link(e, "possible") for node in sorted(w.possible) for e in w.possible[node]]


def answer_links(w: Walk) -> tuple[Link, ...]:
    """The edges the answer rests on, in walk order (deterministic: sorted levels over sorted adjacency),
    then the possible ones."""
    return tuple(w.all_links() + possible_links(w)) if w.possible else tuple(w.all_links())


def _row_apis(g: CatalogGraph, ev: Evidence) -> tuple[str, ...]:
    node = g.row_node.get((ev.operation, ev.provenance))
    if node is None:
        return ()
    op = g.operations[node]
    return op.apis or (op.display_name(),)


def own_pairs(g: CatalogGraph, targets: Sequence[Target]) -> dict[str, tuple[PairScope, ...]]:
    """An operation asked about needs its own actions under its own row's scope, not every row's."""
    ops = g.operations
    own: dict[str, tuple[PairScope, ...]] = {}
    for t in targets:
        if t.kind != "operation":
            continue
        for s in t.seeds:
            op_id = ops[s].id
            for r in ops[s].actions:
                mine = tuple(p for p in g.pairs[r.action] if p.operation == op_id)
                own[r.action] = tuple(sorted(set(own.get(r.action, ()) + mine)))
    return own
