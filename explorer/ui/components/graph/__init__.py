"""The interactive graph: a Streamlit component drawing Graphviz's layout with Cytoscape.js.

Positions come from ``dot`` on the server (:func:`explorer.app.diagrams.layout`), so the picture keeps the
hierarchical, stable layout of the exports; the browser only pans, zooms, finds, folds services and
reports the node the reviewer clicks. The frontend is plain JavaScript over Cytoscape.js from npm,
built into ``build/`` (committed; rebuilt with ``./run component``), and loads nothing from elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypedDict

import streamlit.components.v1 as components

from explorer.app import diagrams, links
from explorer.view import View

BUILD_DIR = Path(__file__).resolve().parent / "build"
_component = components.declare_component("permission_explorer_graph", path=str(BUILD_DIR))


class Picked(TypedDict, total=False):
    node: str
    seq: int
    view: str


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


def overview(view: View, collapsed: View, layout: diagrams.Layout, across: diagrams.Layout) -> dict[str, Any]:
    """The folded overview: one node per service with its node count, laid out on its own (a compact
    picture, not the service boxes' centres in the full layout), and one edge per service pair.
    ``layout`` is left to right, ``across`` top to bottom (``tx``/``ty``): the browser takes the one
    that reads larger in its window."""
    counts: dict[str, int] = {}
    for n in view.nodes:
        counts[n.service] = counts.get(n.service, 0) + 1
    nodes = []
    for n in collapsed.nodes:
        box = layout.nodes[n.id]
        turned = across.nodes[n.id]
        count = counts.get(n.service, 0)
        nodes.append(
            {
                "id": n.id,
                "service": n.service,
                "count": count,
                "scope": n.scope,
                "target": any(t.service == n.service and t.depth == 0 for t in view.nodes),
                "lines": [n.service, f"{count} node{'s' if count != 1 else ''}", diagrams.SCOPE_STYLES[n.scope].marker],
                "x": round(box.x, 1),
                "y": round(box.y, 1),
                "tx": round(turned.x, 1),
                "ty": round(turned.y, 1),
                "w": round(box.width, 1),
                "h": round(box.height, 1),
            }
        )
    edges = [
        {"source": e.source, "target": e.target, "label": e.conditions[0] if e.conditions else ""}
        for e in collapsed.edges
    ]
    return {"nodes": nodes, "edges": edges}


def graph(
    view: View,
    layout: diagrams.Layout,
    *,
    key: str,
    selected: str = "",
    path_nodes: Iterable[str] = (),
    path_edges: Sequence[tuple[str, str]] = (),
    height: int = 620,
    folded: dict[str, Any] | None = None,
    view_state: str = "",
    on_change: Any = None,
) -> Picked | None:
    """Draw the graph; returns the last node the reviewer clicked (``{"node", "seq"}``) or None.

    ``folded`` is the overview the graph opens on when the whole answer cannot be read in its window;
    ``view_state`` is a viewport a link carries (``zoom,x,y`` or ``overview``), restored on first draw."""
    # The graph, the overview, the styles and the path go as one JSON text (the frontend merges it into its
    # arguments): Streamlit checks every dict or list argument of a component for being a data frame, and
    # that check imports pandas, which was a third of the server's part of the first view's wait.
    data = {
        "graph": elements(view, layout),
        "overview": folded,
        "styles": styles(),
        "path": {"nodes": sorted(set(path_nodes)), "edges": [list(e) for e in path_edges]},
    }
    value: Picked | None = _component(
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        view_state=view_state,
        selected=selected,
        height=height,
        label=f"{view.title}: {len(view.nodes)} nodes, {len(view.edges)} edges",
        key=key,
        default=None,
        on_change=on_change,
    )
    return value
