"""Why-paths: the shortest paths by which a closure's answer reaches an action, each edge with its rows."""

from __future__ import annotations

from explorer.graph.answers import ClosureResult, Edge, Target, WhyResult

MAX_WHY_PATHS = 20


def why_paths(result: ClosureResult, goal: str, max_paths: int = MAX_WHY_PATHS) -> WhyResult:
    """The shortest paths from ``result``'s targets to ``goal`` (a node of the graph) along the answer's
    own links; none when the answer does not require it (or it is a target)."""
    target: Target = result.targets[0]
    req = result.get(goal)
    if req is None or req.depth == 0:
        basis = "" if req is None else req.basis
        return WhyResult(cloud=result.cloud, action=goal, target=target, paths=(), truncated=False, basis=basis)
    depth = {s: 0 for t in result.targets for s in t.seeds}
    bases = {r.action: r.basis for r in result.requirements}
    depth.update({r.action: r.depth for r in result.requirements})
    into: dict[str, list[Edge]] = {}
    for link in result.links:
        e = link.edge
        if (link.basis == "possible") == (bases.get(e.target) == "possible"):
            into.setdefault(e.target, []).append(e)

    def parents(node: str) -> list[Edge]:
        d = depth[node] - 1
        return sorted((e for e in into.get(node, ()) if depth.get(e.source) == d), key=lambda e: e.source)

    paths: list[tuple[Edge, ...]] = []
    truncated = False
    stack: list[tuple[str, tuple[Edge, ...]]] = [(goal, ())]
    while stack:  # depth-first from the goal back to a seed, alphabetical, so paths come out sorted
        node, tail = stack.pop()
        if depth[node] == 0:
            if len(paths) == max_paths:
                truncated = True
                break
            paths.append(tail)
            continue
        for e in reversed(parents(node)):
            stack.append((e.source, (e, *tail)))
    on_paths = sorted({n for path in paths for e in path for n in (e.source, e.target) if n in bases})
    return WhyResult(
        cloud=result.cloud,
        action=goal,
        target=target,
        paths=tuple(paths),
        truncated=truncated,
        basis=req.basis,
        bases=tuple((n, bases[n]) for n in on_paths),
    )
