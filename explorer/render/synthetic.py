"""Synthetic Views of a chosen size, shaped like real closures, for benchmarks and scaling tests.

Deterministic (a seeded generator): the same size always gives the same View.
"""

from __future__ import annotations

import random

from explorer.view import ScopeMark, View, ViewEdge, ViewNode

_SERVICES = ("ecs", "evs", "ims", "vpc", "kms", "obs", "rds", "cce", "elb", "dns", "iam", "smn")
_VERBS = ("get", "list", "create", "update", "delete", "attach", "detach", "start", "stop")
_SCOPES: tuple[ScopeMark, ...] = ("supported", "not_supported", "mixed", "unknown")


def synthetic_view(size: int, *, seed: int = 7) -> View:
    """A View of ``size`` nodes: one target action, then layers fanning out over a dozen services."""
    rng = random.Random(seed)
    nodes: list[ViewNode] = []
    edges: list[ViewEdge] = []
    depth_of: dict[str, int] = {}
    for i in range(size):
        service = _SERVICES[i % len(_SERVICES)] if i else "ecs"
        name = f"{service}:res{i // len(_VERBS)}:{_VERBS[i % len(_VERBS)]}{i}"
        if i:
            parent = nodes[rng.randrange(max(1, i // 2), i) if i > 2 else 0].id
            depth = depth_of[parent] + 1
            conditions = ("a new resource is created",) if rng.random() < 0.05 else ()
            edges.append(ViewEdge(parent, name, "depends", inferred=depth > 1, conditions=conditions))
        else:
            depth = 0
        depth_of[name] = depth
        nodes.append(ViewNode(name, "action", name, service, depth, rng.choice(_SCOPES), resolved=rng.random() > 0.05))
    return View(
        title=f"Synthetic closure of {size} nodes",
        cloud="synthetic",
        source="generated",
        targets=(nodes[0].id,),
        nodes=tuple(sorted(nodes)),
        edges=tuple(sorted(edges)),
    )
