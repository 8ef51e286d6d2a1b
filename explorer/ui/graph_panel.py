"""Showing a View: the interactive graph (Graphviz's layout in Cytoscape.js), the static SVG as fallback.

Every size gets the interactive graph: ``dot`` lays the View out on the server (the same hierarchical
layout as the exports), the browser pans, zooms, finds nodes and folds services. The key sits beside
the canvas, cycles are listed below it. The static SVG (server-rendered, zoomable image) is one toggle
away and is what the page falls back to when the layout cannot be computed.
"""

from __future__ import annotations

import base64
import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import streamlit as st

from explorer.app import diagrams, exports
from explorer.errors import ExplorerError
from explorer.ui.components import graph as graph_component
from explorer.ui.markup import code, plain
from explorer.view import ScopeMark, View

# Above this many nodes even the interactive graph starts collapsed by service: dot needs tens of
# seconds to lay more out, and no reviewer reads that many labels (the exports do the same).
INTERACTIVE_LIMIT = 1500
FRAME_HEIGHT = 620

# Scope is told by a text marker and a border style as well as by colour, in the diagram and here.
SCOPE_LEGEND: tuple[tuple[ScopeMark, str, str], ...] = (
    ("supported", "EP: yes", "works when granted on an enterprise project (solid border)"),
    ("mixed", "EP: mixed", "works for some of the operations that check it (dashed border)"),
    ("not_supported", "EP: no", "IAM project only (bold border)"),
    ("unknown", "EP: ?", "the documentation does not say (dotted border)"),
)

ZOOM_LEVELS: tuple[int | None, ...] = (None, 10, 25, 50, 75, 100, 150, 200, 300)  # None: fit the width
_WIDTH = re.compile(r'\swidth="([0-9.]+)pt"')
# The static SVG is shown as an image (no script in it can run, and Streamlit's HTML sanitiser keeps
# <img>) in a scrollable box: scrollbars and the keyboard pan, the width sets the zoom. A white card
# keeps the diagram's own colours legible in the dark theme.
_BOX = (
    '<div style="overflow:auto;max-height:{height}px;background:#fff;border:1px solid #999;'
    'border-radius:4px;padding:4px"><img src="data:image/svg+xml;base64,{data}" width="{width}" '
    'alt="{label}" style="max-width:none"></div>'
)

Pick = Callable[[str], None]


def legend_caption() -> None:
    """The scope legend as text, for the static image (the interactive graph has its key beside it)."""
    items = " · ".join(f"**{text}** {meaning}" for _, text, meaning in SCOPE_LEGEND)
    st.caption(
        f"Scope on every node — {items}. Boxes are API operations, ellipses actions, hexagons wildcard "
        "patterns, octagons actions no table defines; dashed edges are conditional, grey edges inferred."
    )


def loops_of(view: View) -> list[str]:
    return [n for n in view.notes if n.startswith(("cycle:", "self-loop:"))]


def notes(view: View, shown: Iterable[str] = ()) -> None:
    """The View's notes other than cycles (listed below the graph) and those the page already shows."""
    skip = {*loops_of(view), *shown}
    for note in view.notes:
        if note not in skip:
            st.info(plain(note))


def cycles(view: View) -> None:
    """Cycles and self-loops the query met, listed below the graph rather than printed into it."""
    loops = loops_of(view)
    if loops:
        with st.expander(f"Cycles and self-loops met ({len(loops)}): every query stops at them"):
            st.markdown("\n".join(f"- {code(n)}" for n in loops))


def show(
    view: View,
    *,
    key: str,
    selected: str = "",
    path_nodes: Iterable[str] = (),
    path_edges: Sequence[tuple[str, str]] = (),
    on_pick: Pick | None = None,
    with_notes: bool = True,
    view_state: str = "",
) -> None:
    """Draw a View interactively (or as a static image on request or when the layout fails)."""
    if with_notes:
        notes(view)
    if not view.nodes:
        st.info("Nothing to draw.")
        return
    if len(view.nodes) > INTERACTIVE_LIMIT:
        view = diagrams.collapse_by_service(view)
        st.caption(f"Collapsed by service above {INTERACTIVE_LIMIT} nodes: {len(view.nodes)} service nodes.")
    static = st.toggle(
        "Static image",
        key=f"{key}_static",
        help="The diagram as the SVG export draws it (server-rendered, no interaction).",
    )
    if not static:
        try:
            placed = layout(view)
        except ExplorerError as exc:
            st.warning(f"The interactive graph cannot be laid out ({plain(str(exc))}); showing the static image.")
        else:

            def picked() -> None:
                value = st.session_state.get(key)
                if on_pick is not None and isinstance(value, dict) and isinstance(value.get("node"), str):
                    on_pick(value["node"])

            graph_component.graph(
                view,
                placed,
                folded=overview(view, placed),
                view_state=view_state,
                key=key,
                selected=selected,
                path_nodes=path_nodes,
                path_edges=path_edges,
                height=FRAME_HEIGHT,
                on_change=picked,
            )
            cycles(view)
            return
    static_image(view, key)
    cycles(view)


def export(view: View, fmt: str) -> bytes:
    """A download of the View; a PNG of more than LARGE_GRAPH nodes is collapsed by service, as Mermaid is
    (a poster of hundreds of nodes, tens of thousands of pixels tall, is an image nobody can open)."""
    collapse = True if fmt == "png" and len(view.nodes) > diagrams.LARGE_GRAPH else None
    return exports.render_view(view, fmt, collapse=collapse)


# A drawing this small at zoom 1 is read whole in the narrowest canvas the page gives (900 px window):
# no overview is laid out for it.
SMALL_WIDTH, SMALL_HEIGHT = 540.0, 640.0


def overview(view: View, placed: diagrams.Layout) -> dict[str, Any] | None:
    """The folded overview by service the graph opens on when the whole answer cannot be read in its
    window (None for a single service, a drawing that fits any window, or when it cannot be laid out:
    the graph then starts on its target)."""
    if len({n.service for n in view.nodes}) < 2:
        return None
    if placed.width <= SMALL_WIDTH and placed.height <= SMALL_HEIGHT:
        return None
    try:
        return _overview(view)
    except ExplorerError:
        return None


@st.cache_data(show_spinner=False, max_entries=64)
def _overview(view: View) -> dict[str, Any]:
    counts = Counter(n.service for n in view.nodes)
    folded = diagrams.collapse_by_service(view)
    # One short line per service (its node count) instead of the kinds' breakdown: dot then packs the
    # overview tight enough to be read in a narrow window.
    collapsed = replace(
        folded,
        nodes=tuple(
            replace(n, detail=f"{counts[n.service]} node{'s' if counts[n.service] != 1 else ''}") for n in folded.nodes
        ),
    )
    # Both directions at once: each is a dot process of a few nodes, so the wait is one of them.
    with ThreadPoolExecutor(max_workers=2) as pool:
        across = pool.submit(diagrams.layout, collapsed)
        down = pool.submit(diagrams.layout, collapsed, "TB")
        return graph_component.overview(view, collapsed, across.result(), down.result())


@st.cache_data(show_spinner="Laying out the graph…", max_entries=64)
def layout(view: View) -> diagrams.Layout:
    """Graphviz's positions for a View (cached per View)."""
    return diagrams.layout(view)


def static_image(view: View, key: str) -> None:
    """The server-rendered SVG in a scrollable box with a zoom slider, and the scope legend as text."""
    legend_caption()
    zoom = st.select_slider(
        "Zoom", ZOOM_LEVELS, value=None, key=f"{key}_zoom", format_func=lambda z: "fit" if z is None else f"{z} %"
    )
    try:
        svg = server_svg(view)
    except ExplorerError as exc:
        st.error(f"The diagram could not be rendered: {plain(str(exc))}")
        return
    st.html(zoom_box(svg, zoom, f"{view.title}: {len(view.nodes)} nodes, {len(view.edges)} edges"))


@st.cache_data(show_spinner="Laying out the graph…", max_entries=32)
def server_svg(view: View) -> str:
    """The SVG text of a View rendered by ``dot`` on the server, without the XML prolog (cached per View)."""
    text = exports.render_view(view, "svg", legend=False).decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else text


def zoom_box(svg: str, percent: int | None, label: str) -> str:
    """HTML showing the SVG as an image at ``percent`` of its natural width (None: the box's width), scrollable."""
    found = _WIDTH.search(svg[: svg.find(">") + 1])
    natural_px = float(found.group(1)) * 4 / 3 if found else 800.0  # Graphviz sizes SVG in points
    width = "100%" if percent is None else str(round(natural_px * percent / 100))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return _BOX.format(data=data, width=width, label=html.escape(label, quote=True), height=FRAME_HEIGHT)
