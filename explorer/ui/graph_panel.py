"""Showing a View: in the browser for small graphs, as server-rendered SVG with zoom for large ones.

``st.graphviz_chart`` lays the graph out in the reader's browser and cannot zoom; above
``BROWSER_LAYOUT_LIMIT`` nodes the diagram is rendered by the real ``dot`` on the server (through
the render API, which also collapses very large graphs by service and says so in the View's notes)
and shown in a scrollable, zoomable frame.
"""

from __future__ import annotations

import base64
import html
import re

import streamlit as st

from explorer import api
from explorer.errors import ExplorerError
from explorer.ui.markup import code, plain
from explorer.view import ScopeMark, View

BROWSER_LAYOUT_LIMIT = 60
FRAME_HEIGHT = 640

# Scope is told by a text marker and a border style as well as by colour, in the diagram and here.
SCOPE_LEGEND: tuple[tuple[ScopeMark, str, str], ...] = (
    ("supported", "EP: yes", "works when granted on an enterprise project (solid border)"),
    ("mixed", "EP: mixed", "works for some of the operations that check it (dashed border)"),
    ("not_supported", "EP: no", "IAM project only (bold border)"),
    ("unknown", "EP: ?", "the documentation does not say (dotted border)"),
)
SCOPE_TEXT: dict[ScopeMark, str] = {mark: text for mark, text, _ in SCOPE_LEGEND}

ZOOM_LEVELS: tuple[int | None, ...] = (None, 10, 25, 50, 75, 100, 150, 200, 300)  # None: fit the width
_WIDTH = re.compile(r'\swidth="([0-9.]+)pt"')
# The SVG is shown as an image (no script in it can run, and Streamlit's HTML sanitiser keeps <img>)
# in a scrollable box: scrollbars and the keyboard pan, the width sets the zoom. A white card keeps
# the diagram's own colours legible in the dark theme.
_BOX = (
    '<div style="overflow:auto;max-height:{height}px;background:#fff;border:1px solid #999;'
    'border-radius:4px;padding:4px"><img src="data:image/svg+xml;base64,{data}" width="{width}" '
    'alt="{label}" style="max-width:none"></div>'
)


def legend() -> None:
    """The scope legend as text, so scope is never told by colour alone, and the diagram legend on demand."""
    items = " · ".join(f"**{text}** {meaning}" for _, text, meaning in SCOPE_LEGEND)
    st.caption(
        f"Scope on every node — {items}. Boxes are API operations, ellipses actions, hexagons wildcard "
        "patterns, octagons actions no table defines; dashed edges are conditional, grey edges inferred."
    )
    with st.expander("Diagram legend"):
        st.graphviz_chart(api.legend_dot(), width="content")


def show(view: View) -> None:
    """Draw a View: Graphviz in the browser when small, server-side SVG with zoom and pan when large."""
    loops = [n for n in view.notes if n.startswith(("cycle:", "self-loop:"))]
    for note in view.notes:
        if note not in loops:
            st.info(plain(note))
    if loops:
        with st.expander(f"Cycles and self-loops met ({len(loops)}): every query stops at them"):
            st.markdown("\n".join(f"- {code(n)}" for n in loops))
    if not view.nodes:
        st.info("Nothing to draw.")
        return
    if len(view.nodes) <= BROWSER_LAYOUT_LIMIT:
        # The scope legend is the caption above; the downloads carry the full in-diagram legend.
        st.graphviz_chart(api.to_dot(view, legend=False), width="stretch")
        return
    st.caption(
        f"{len(view.nodes)} nodes: laid out on the server by Graphviz (above {BROWSER_LAYOUT_LIMIT} nodes the "
        "browser layout is slow and cannot zoom). Zoom with the slider; scroll to pan."
    )
    left, right = st.columns([2, 1])
    with left:
        zoom = st.select_slider(
            "Zoom", ZOOM_LEVELS, value=None, key="zoom", format_func=lambda z: "fit" if z is None else f"{z} %"
        )
    with right:
        collapse = st.toggle("Collapse by service", key="collapse", help="One node per service, with member counts.")
    if collapse:
        view = api.collapse_by_service(view)
        st.caption(f"Collapsed by service: {len(view.nodes)} service nodes.")
    try:
        svg = server_svg(view)
    except ExplorerError as exc:
        st.error(f"The diagram could not be rendered: {plain(str(exc))}")
        return
    st.html(zoom_box(svg, zoom, f"{view.title}: {len(view.nodes)} nodes, {len(view.edges)} edges"))


@st.cache_data(show_spinner="Laying out the graph…", max_entries=32)
def server_svg(view: View) -> str:
    """The SVG text of a View rendered by ``dot`` on the server, without the XML prolog (cached per View)."""
    text = api.render_view(view, "svg").decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def zoom_box(svg: str, percent: int | None, label: str) -> str:
    """HTML showing the SVG as an image at ``percent`` of its natural width (None: the box's width), scrollable."""
    found = _WIDTH.search(svg[: svg.find(">") + 1])
    natural_px = float(found.group(1)) * 4 / 3 if found else 800.0  # Graphviz sizes SVG in points
    width = "100%" if percent is None else str(round(natural_px * percent / 100))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return _BOX.format(data=data, width=width, label=html.escape(label, quote=True), height=FRAME_HEIGHT)
