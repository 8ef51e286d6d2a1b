"""The interactive graph: a Streamlit component drawing Graphviz's layout with Cytoscape.js.

Positions come from ``dot`` on the server (:func:`explorer.app.diagrams.layout`), so the picture keeps the
hierarchical, stable layout of the exports; the browser only pans, zooms, finds, folds services and
reports the node the reviewer clicks. The frontend is plain JavaScript over Cytoscape.js from npm,
built into ``build/`` (committed; rebuilt with ``./run component``), and loads nothing from elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypedDict

import streamlit.components.v1 as components

from explorer.app import diagrams, links
from explorer.view import View

BUILD_DIR = Path(__file__).resolve().parent / "build"
_component = components.declare_component("permission_explorer_graph", path=str(BUILD_DIR))


class Picked(TypedDict):
    node: str
    seq: int


def styles() -> dict[str, Any]:
    """The diagrams' visual language (explorer.app.diagrams) for the key and the canvas."""
    return {
        "scope": {
            mark: {
                "fill": s.fill,
                "border": s.border,
                "width": s.stroke_width,
                "marker": s.marker,
                "meaning": s.meaning,
            }
            for mark, s in diagrams.SCOPE_STYLES.items()
        },
        "edges": {
            key: {"color": e.color, "style": e.style, "width": e.penwidth, "arrow": e.arrowhead, "meaning": e.meaning}
            for key, e in diagrams.EDGE_STYLES.items()
        },
        "kinds": dict(diagrams.KIND_MEANING),
        "possible": "possible requirement: only some rows of a dependency list it",
    }


def elements(view: View, layout: diagrams.Layout) -> dict[str, Any]:
    """The View with Graphviz's positions, as the component reads it; ``key`` changes when the graph does."""
    nodes = [
        {
            "id": n.id,
            "lines": diagrams.node_lines(n),
            "kind": n.kind,
            "scope": n.scope,
            "service": n.service,
            "depth": n.depth,
            "resolved": n.resolved,
            "possible": n.basis == "possible",
            "x": round(layout.nodes[n.id].x, 1),
            "y": round(layout.nodes[n.id].y, 1),
            "w": round(layout.nodes[n.id].width, 1),
            "h": round(layout.nodes[n.id].height, 1),
        }
        for n in view.nodes
    ]
    edges = [
        {
            "source": e.source,
            "target": e.target,
            "style": diagrams.edge_style_key(e),
            "label": diagrams.edge_label(e),
            "possible": e.possible,
        }
        for e in view.edges
    ]
    services = {name: {"x": round(b.x, 1), "y": round(b.y, 1)} for name, b in layout.services.items()}
    key = links.view_digest(view)
    return {"key": key, "nodes": nodes, "edges": edges, "services": services}


def graph(
    view: View,
    layout: diagrams.Layout,
    *,
    key: str,
    selected: str = "",
    path_nodes: Iterable[str] = (),
    path_edges: Sequence[tuple[str, str]] = (),
    height: int = 620,
    on_change: Any = None,
) -> Picked | None:
    """Draw the graph; returns the last node the reviewer clicked (``{"node", "seq"}``) or None."""
    value: Picked | None = _component(
        graph=elements(view, layout),
        styles=styles(),
        selected=selected,
        path={"nodes": sorted(set(path_nodes)), "edges": [list(e) for e in path_edges]},
        height=height,
        label=f"{view.title}: {len(view.nodes)} nodes, {len(view.edges)} edges",
        key=key,
        default=None,
        on_change=on_change,
    )
    return value
