"""The interactive graph of the web UI: Graphviz's positions for a View and the diagrams' visual language
(the same styles the exports draw with), so the page's canvas and the downloads look alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.render.dot import LARGE_GRAPH as LARGE_GRAPH
from explorer.render.style import EDGE_STYLES as EDGE_STYLES
from explorer.render.style import KIND_MEANING as KIND_MEANING
from explorer.render.style import SCOPE_STYLES as SCOPE_STYLES
from explorer.render.style import edge_label as edge_label
from explorer.render.style import edge_style_key as edge_style_key
from explorer.render.style import node_lines as node_lines
from explorer.view import View

if TYPE_CHECKING:
    from explorer.render.layout import Layout as Layout


def layout(view: View, rankdir: str = "LR") -> Layout:
    """Graphviz's positions of the View's nodes and services (``dot`` runs on the server), left to right
    or (``rankdir="TB"``) top to bottom."""
    from explorer.render.layout import layout as run

    return run(view, rankdir=rankdir)


def collapse_by_service(view: View) -> View:
    """The View with one node per service (for graphs too big to show node by node)."""
    from explorer.render.collapse import collapse_by_service as collapse

    return collapse(view)


def preload() -> None:
    """Import what drawing a first view needs (the views, the layout, the renderers), so that the server does
    it while it starts instead of the first reviewer's page."""
    import explorer.graph.views
    import explorer.render.export
    import explorer.render.layout  # noqa: F401
