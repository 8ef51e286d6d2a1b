"""The dependents query: everything whose closure contains an action (what breaks if it is denied)."""

from __future__ import annotations

from explorer.graph.answers import Dependent, DependentsAnswer, DependentsResult
from explorer.graph.build import CatalogGraph
from explorer.graph.walk import walk_back


def _loops(g: CatalogGraph, reached: dict[str, int]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """The cycles and self-loops among the reached nodes (set intersections run in C)."""
    cycle_of = g.cycle_of
    cycles = {cycle_of[n] for n in reached.keys() & cycle_of.keys()} if cycle_of else set()
    return tuple(sorted(cycles)), tuple(sorted(reached.keys() & g.links.self_loops))


def dependents(g: CatalogGraph, seed: str, max_depth: int | None) -> DependentsResult:
    """Who needs ``seed`` (an action or documented pattern): walked now, records made when first read."""
    depth, reached_by, truncated = walk_back(seed, g.links.in_edges, max_depth)

    def make() -> DependentsAnswer:
        ops = g.rows.operations
        patterns = g.nodes.patterns
        out: list[Dependent] = []
        append = out.append
        for node, d in depth.items():  # (depth, name) order, as walked
            if not d:
                continue
            edge = reached_by[node]
            if node in ops:
                op = ops[node]
                label = op.display_name() + (f" ({op.apis[0]})" if op.apis else "")
                append(Dependent(node, "operation", d, edge.target, edge, label))
            else:
                append(Dependent(node, "pattern" if node in patterns else "action", d, edge.target, edge, node))
        cycles, loops = _loops(g, depth)
        return DependentsAnswer(tuple(out), cycles, loops)

    # positional: keyword arguments cost about twice the construction of a record (explorer.graph.closure)
    return DependentsResult(g.cloud, seed, max_depth, truncated, make)
