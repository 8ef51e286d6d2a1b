"""Node positions of a View as Graphviz ``dot`` lays it out, for the interactive graph.

The interactive graph draws the same hierarchical layout as the SVG/PNG exports: the DOT text is the
exports' own (without the legend), run through ``dot -Tjson``, and the positions are read back by the
nodes' safe ids. Coordinates are in points with y pointing down (browser convention).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from explorer.render.dot import to_dot
from explorer.render.formats import DEFAULT_TIMEOUT
from explorer.render.graphviz_run import RenderError, run_dot
from explorer.render.style import safe_id
from explorer.view import View

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class Box:
    """A laid-out node or cluster: centre and size, in points, y down."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    """Where ``dot`` put each node (by View node id) and each service cluster (by service name)."""

    nodes: dict[str, Box]
    services: dict[str, Box]
    width: float
    height: float


def _bb(text: str) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = (float(v) for v in text.split(","))
    return x1, y1, x2, y2


def layout(view: View, *, timeout: float = DEFAULT_TIMEOUT, rankdir: str = "LR") -> Layout:
    """Lay ``view`` out with ``dot`` (left to right, or ``rankdir="TB"`` top to bottom); RenderError when
    Graphviz fails or its output cannot be read."""
    # Without title and notes: their label would shift the nodes, and the page prints them itself.
    bare = replace(view, title="", source="", notes=())
    raw = run_dot(to_dot(bare, legend=False, rankdir=rankdir), "json", timeout=timeout)
    try:
        data = json.loads(raw)
        _, _, width, height = _bb(data["bb"])
        by_name = {obj["name"]: obj for obj in data.get("objects", [])}
    except (ValueError, KeyError, TypeError) as exc:
        raise RenderError(f"Graphviz dot -Tjson gave output that cannot be read: {exc}") from None

    def flip(x: float, y: float) -> tuple[float, float]:
        return x, height - y

    nodes: dict[str, Box] = {}
    for node in view.nodes:
        obj = by_name.get(safe_id("n", node.id))
        if obj is None or "pos" not in obj:
            raise RenderError(f"Graphviz dot -Tjson placed no node {node.id!r}")
        x, y = flip(*(float(v) for v in obj["pos"].split(",")[:2]))
        nodes[node.id] = Box(x, y, float(obj["width"]) * POINTS_PER_INCH, float(obj["height"]) * POINTS_PER_INCH)
    services: dict[str, Box] = {}
    for service in sorted({n.service for n in view.nodes}):
        obj = by_name.get(safe_id("cluster_", service))
        if obj is None or "bb" not in obj:
            continue  # a collapsed View has no clusters
        x1, y1, x2, y2 = _bb(obj["bb"])
        cx, cy = flip((x1 + x2) / 2, (y1 + y2) / 2)
        services[service] = Box(cx, cy, x2 - x1, y2 - y1)
    return Layout(nodes, services, width, height)


__all__ = ["Box", "Layout", "layout"]
