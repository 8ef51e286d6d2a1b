"""The least-privilege walk: what a policy must allow for a target, and on what basis; and the walk back.

A documented dependency belongs to its row. The target's own rows give its *documented* requirements.
For a dependency D, the documentation says only that the service checks D on the user's behalf, not
which API it calls, so a requirement of D is *certain* when every row that checks D lists it and merely
*possible* when some do. Certain requirements are followed the same way, level by level; possible ones
are listed (on request) with the rows that would need them and never followed. A wildcard dependency is a
leaf: granting it grants every action it matches, which is flagged, not expanded.

One walk answers every closure: the default query (nothing filtered out, every depth, nothing possible),
which every face asks first, goes through the same loop on the certain edges the build chose, so it does
no more than a bare breadth-first search (bench/bench_graph.py holds it to ``networkx.descendants``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from explorer.graph.answers import Basis, Edge, Evidence, Link
from explorer.graph.build import CatalogGraph

# Does a row's listing of a dependency survive the exclusion of conditional dependencies (None: keep all)?
RowFilter = Callable[[Evidence], bool] | None

_BY_DEPTH: tuple[Basis, Basis, Basis] = ("target", "documented", "certain")
_EMPTY: tuple[Edge, ...] = ()


@dataclass(slots=True)
class Walk:
    """The raw answer: every node reached with its depth, the first edge to it, the edges it rests on.

    Bases are not stored: they follow from the walk. A node's is ``target`` at depth 0 or when an operation
    target checks it, ``documented`` at depth 1, ``certain`` below; a link's is ``target`` for a ``checks``
    edge and ``documented`` among the first ``documented`` edges (the targets' own rows), ``certain`` after.
    """

    depth: dict[str, int]
    via: dict[str, Edge]
    edges: list[Edge]  # the links' edges, in walk order
    documented: int  # how many of ``edges`` come from the targets' own rows
    possible: dict[str, list[Edge]]  # possible node -> the edges (from nodes of the answer) that list it
    possible_depth: dict[str, int]
    truncated: bool
    target_loops: set[str]  # targets whose own rows list them

    def basis_of(self, node: str) -> Basis:
        d = self.depth[node]
        if d == 1 and self.via[node].kind == "checks":
            return "target"
        return _BY_DEPTH[d if d < 2 else 2]

    def all_links(self) -> list[Link]:
        edges = self.edges
        k = self.documented
        own = [Link(e, "target" if e.kind == "checks" else "documented") for e in edges[:k]]
        return own + [Link(e, "certain") for e in edges[k:]]


def _kept(e: Edge, keep: RowFilter) -> int:
    """How many rows behind ``e`` survive the filter."""
    if keep is None:
        return len(e.evidence)
    return sum(1 for ev in e.evidence if keep(ev))


def _own_edges(g: CatalogGraph, u: str, keep: Callable[[Evidence], bool]) -> list[Edge]:
    """A target's own rows that the filter keeps: an action's dependencies, or an operation's actions (always)
    and dependencies."""
    return [e for e in g.links.out_edges.get(u, _EMPTY) if e.kind == "checks" or _kept(e, keep)]


def _certain_filtered(
    g: CatalogGraph, keep: Callable[[Evidence], bool]
) -> Callable[[str, tuple[Edge, ...]], Sequence[Edge]]:
    """The certain step when rows are filtered out: the edges every kept row of the node lists."""
    out_edges = g.links.out_edges
    row_count = g.rows.row_count
    patterns = g.nodes.patterns

    def certain(u: str, empty: tuple[Edge, ...]) -> Sequence[Edge]:
        n = row_count.get(u, 0)
        if not n or u in patterns:  # no table defines it (nothing is known of what it needs), or a leaf
            return empty
        return [e for e in out_edges.get(u, empty) if _kept(e, keep) == n]

    return certain


def walk(
    g: CatalogGraph,
    seeds: Sequence[str],
    max_depth: int | None = None,
    keep: RowFilter = None,
    want_possible: bool = False,
    operations: bool = False,
) -> Walk:
    """Breadth-first from the targets' own rows down the certain edges, each level sorted by name.

    ``keep`` leaves out the rows' listings it refuses, ``max_depth`` cuts the walk, ``want_possible`` also
    follows what only some rows list (never further than possible); ``operations`` says that some seeds are
    operations (whose checked actions are targets, not followed)."""
    depth = dict.fromkeys(seeds, 0)
    via: dict[str, Edge] = {}
    edges: list[Edge] = []
    loops: set[str] = set()
    frontier: list[str] = []
    empty = _EMPTY  # a local: the loops below read it once per node
    out_edges = g.links.out_edges
    for u in seeds:
        for e in out_edges.get(u, empty) if keep is None else _own_edges(g, u, keep):
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
    if operations:  # an action an operation target checks is a target: that row gave its dependencies
        frontier = [v for v in frontier if via[v].kind != "checks"]
    documented = len(edges)
    certain = g.links.certain_edges.get if keep is None else _certain_filtered(g, keep)
    levels: list[list[str]] = []  # with want_possible: every level walked, for the possible candidates
    truncated = False
    level = 1
    while frontier:
        cut = level == max_depth  # (levels count up from 1, and max_depth is None or at least 1)
        level += 1
        frontier.sort()  # each level in name order: deterministic records without sorting them later
        if want_possible:
            levels.append(frontier)
        nxt: list[str] = []
        for u in frontier:
            for e in certain(u, empty):
                v = e.target
                if v in depth:
                    if depth[v]:
                        edges.append(e)
                    continue
                if cut:
                    truncated = True
                    continue
                depth[v] = level
                via[v] = e
                edges.append(e)
                nxt.append(v)
        frontier = nxt
    possible: dict[str, list[Edge]] = {}
    pdepth: dict[str, int] = {}
    if levels:
        candidates = _candidates(g, levels, keep)
        truncated = _possible(g, depth, candidates, max_depth, keep, possible, pdepth) or truncated
    return Walk(depth, via, edges, documented, possible, pdepth, truncated, loops)


def _candidates(g: CatalogGraph, levels: list[list[str]], keep: RowFilter) -> list[tuple[str, Edge]]:
    """The edges some but not all kept rows of a walked node list, in walk order: possible requirements."""
    out_edges = g.links.out_edges
    row_count = g.rows.row_count
    patterns = g.nodes.patterns
    found: list[tuple[str, Edge]] = []
    for frontier in levels:
        for u in frontier:
            n = row_count.get(u, 0)
            if n and u not in patterns:
                found.extend((u, e) for e in out_edges.get(u, _EMPTY) if 0 < _kept(e, keep) < n)
    return found


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
    out_edges = g.links.out_edges
    row_count = g.rows.row_count
    patterns = g.nodes.patterns
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


def walk_back(
    seed: str, in_edges: dict[str, tuple[Edge, ...]], max_depth: int | None
) -> tuple[dict[str, int], dict[str, Edge], bool]:
    """Breadth-first against every edge: the depth of every node reached, the edge that first reached it
    (from the first node by name on the level below) and whether max_depth cut the walk. Nodes come out
    level by level, each level sorted by name. (Dependents walk this way: whatever reaches an action by
    any row may break when it is denied.)"""
    depth = {seed: 0}
    via: dict[str, Edge] = {}
    frontier = [seed]
    level = 0
    empty = _EMPTY
    get = in_edges.get
    while frontier:
        if max_depth is not None and level >= max_depth:
            cut = any(e.source not in depth for u in frontier for e in get(u, empty))
            return depth, via, cut
        level += 1
        nxt: list[str] = []
        for u in frontier:
            for e in get(u, empty):
                v = e.source
                if v not in depth:
                    depth[v] = level
                    via[v] = e
                    nxt.append(v)
        nxt.sort()  # each level in name order: deterministic records without sorting them later
        frontier = nxt
    return depth, via, False
