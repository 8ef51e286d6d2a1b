"""Query answers as :class:`explorer.view.View` objects, the input of every renderer and of the UI.

Nodes and edges are sorted (the View dataclasses order by id, then kind), so the same catalog always
gives the same View.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from explorer.actions import service_of
from explorer.errors import QueryError
from explorer.graph.answers import ClosureResult, DependentsResult, Edge, WhyResult
from explorer.graph.build import summarise
from explorer.graph.closure import Exclude
from explorer.graph.explorer import Explorer
from explorer.graph.resolve import close_matches
from explorer.view import View, ViewEdge, ViewNode


def _node(ex: Explorer, node: str, depth: int) -> ViewNode:
    g = ex.data
    if node in g.rows.operations:
        op = g.rows.operations[node]
        scope = summarise(p for r in op.actions for p in g.rows.pairs.get(r.action, ()) if p.operation == op.id)
        return ViewNode(
            node,
            "operation",
            op.display_name(),
            g.rows.op_service[node],
            depth,
            scope,
            True,
            op.apis[0] if op.apis else "",
        )
    if node in g.nodes.patterns:
        matched = g.links.succ.get(node, ())
        scope = summarise(p for a in matched for p in g.rows.pairs.get(a, ()))
        return ViewNode(node, "pattern", node, service_of(node), depth, scope, True, f"pattern, {len(matched)} matches")
    return ViewNode(
        node, "action", node, service_of(node), depth, g.nodes.marks.get(node, "unknown"), node in g.nodes.defined, ""
    )


def _edges_among(ex: Explorer, nodes: dict[str, int]) -> list[Edge]:
    """Every graph edge between two of ``nodes`` (walks only their own out-edges, not the whole graph)."""
    out = ex.data.links.out_edges
    return [e for n in nodes for e in out.get(n, ()) if e.target in nodes]


def _edge(e: Edge, inferred: bool) -> ViewEdge:
    return ViewEdge(e.source, e.target, e.kind, inferred, e.conditions, e.provenance)


def _view(
    ex: Explorer,
    title: str,
    targets: Sequence[str],
    depths: dict[str, int],
    edges: Iterable[Edge],
    notes: Sequence[str] = (),
) -> View:
    nodes = tuple(sorted(_node(ex, n, d) for n, d in depths.items()))
    view_edges = tuple(sorted({_edge(e, depths.get(e.source, 0) >= 1) for e in edges}))
    return View(title, ex.cloud, ex.source, tuple(targets), nodes, view_edges, tuple(notes))


def _notes(
    cycles: Sequence[Sequence[str]], loops: Sequence[str], truncated: bool, max_depth: int | None, what: str
) -> list[str]:
    notes = [f"cycle: {' -> '.join(c)}" for c in cycles]
    notes += [f"self-loop: {n}" for n in loops]
    if truncated:
        notes.append(f"cut at depth {max_depth}: more {what} lie deeper")
    return notes


def closure_view(
    ex: Explorer,
    targets: str | Sequence[str],
    max_depth: int | None = None,
    exclude_conditional: Exclude = False,
    possible: bool = False,
    result: ClosureResult | None = None,
) -> View:
    """The answer as a graph: targets at depth 0, documented requirements at 1, certain ones deeper, and
    (with ``possible``) the possible ones with their edges marked. Only the edges the answer rests on are
    drawn: a dependency one row of an action lists is not drawn as if every row needed it.
    Pass the ``result`` of the same closure to draw it without computing it again."""
    if result is None:
        result = ex.closure(targets, max_depth, exclude_conditional, possible)
    depths: dict[str, int] = {s: 0 for t in result.targets for s in t.seeds}
    depths.update({r.action: r.depth for r in result.requirements})
    reqs = {r.action: r for r in result.requirements}
    nodes = []
    for n, d in depths.items():
        node = _node(ex, n, d)
        r = reqs.get(n)
        if r is not None:
            node = replace(node, basis=r.basis, flags=r.flags)
        nodes.append(node)
    edges = [
        ViewEdge(
            e.source,
            e.target,
            e.kind,
            k.basis in ("certain", "possible"),
            e.conditions,
            e.provenance,
            k.basis == "possible",
        )
        for k in result.links
        for e in (k.edge,)
    ]
    names = ", ".join(t.title for t in result.targets)
    notes = [f"the documentation lists no action for {n.text}" for n in result.without_actions()]
    notes.append(result.summary())
    notes += _notes(result.cycles, result.self_loops, result.truncated, result.max_depth, "requirements")
    if result.excluded_conditions:
        notes.append("conditional dependencies left out: " + ", ".join(result.excluded_conditions))
    title = f"Closure of {names}"
    view_nodes = tuple(sorted(nodes))
    return View(
        title,
        ex.cloud,
        ex.source,
        tuple(t.query for t in result.targets),
        view_nodes,
        tuple(sorted(set(edges))),
        tuple(notes),
    )


def dependents_view(
    ex: Explorer, action: str, max_depth: int | None = None, result: DependentsResult | None = None
) -> View:
    """Who needs ``action``: the action at depth 0, its direct dependents at 1, and so on; edges point forward.
    Pass the ``result`` of the same dependents query to draw it without computing it again."""
    if result is None:
        result = ex.dependents(action, max_depth)
    depths = {result.action: 0, **{d.node: d.depth for d in result.dependents}}
    shown = _edges_among(ex, depths)
    notes = _notes(result.cycles, result.self_loops, result.truncated, result.max_depth, "dependents")
    view = _view(ex, f"Dependents of {result.action}", [result.action], depths, shown, notes)
    # an edge is "inferred" when it is not the one asked about: from a dependent more than one step away
    edges = tuple(
        sorted(
            ViewEdge(e.source, e.target, e.kind, depths[e.source] > 1, e.conditions, e.provenance) for e in view.edges
        )
    )
    return View(view.title, view.cloud, view.source, view.targets, view.nodes, edges, view.notes)


def why_view(
    ex: Explorer,
    action: str,
    from_target: str,
    max_depth: int | None = None,
    exclude_conditional: Exclude = False,
    possible: bool = False,
    result: WhyResult | None = None,
) -> View:
    """The shortest paths from ``from_target`` to ``action``; empty of edges when it is not required.
    Pass the ``result`` of the same why query to draw it without computing it again."""
    if result is None:
        result = ex.why(action, from_target, max_depth, exclude_conditional, possible=possible)
    depths: dict[str, int] = dict.fromkeys(result.target.seeds, 0)
    edges: list[Edge] = []
    for path in result.paths:
        for i, e in enumerate(path):
            depths.setdefault(e.source, i)
            depths.setdefault(e.target, i + 1)
            edges.append(e)
    notes = [] if result.paths else [f"{result.action} is not required by {result.target.title}"]
    if result.basis == "possible":
        notes.append(f"{result.action} is only possibly required: some rows on the path do not list it")
    if result.truncated:
        notes.append(f"only the first {len(result.paths)} shortest paths are shown")
    view = _view(ex, f"Why {result.target.title} needs {result.action}", [result.target.query], depths, edges, notes)
    if result.basis != "possible":
        return view
    marked = tuple(replace(e, possible=True) if result.basis_of(e.target) == "possible" else e for e in view.edges)
    return replace(view, edges=marked)


def service_view(ex: Explorer, service: str) -> View:
    """A whole service: its operations (depth 0), the actions they check (1) and those actions' direct
    dependencies in any service (2)."""
    g = ex.data
    if service not in ex.services():
        raise QueryError(f"no service {service!r} in the {ex.cloud} catalog", close_matches(service, ex.services()))
    depths: dict[str, int] = {}
    edges: list[Edge] = []
    for node in sorted(n for n, s in g.rows.op_service.items() if s == service):
        depths[node] = 0
        for t in g.links.succ.get(node, ()):
            if g.links.edges[(node, t)].kind == "checks":
                depths.setdefault(t, 1)
                edges.append(g.links.edges[(node, t)])
    for action in sorted(a for a, d in depths.items() if d == 1):
        for t in g.links.succ.get(action, ()):
            depths.setdefault(t, 2)
            edges.append(g.links.edges[(action, t)])
    return _view(ex, f"Service {service} ({ex.cloud})", [service], depths, edges)
