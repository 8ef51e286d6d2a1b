"""One entry point from a View to the bytes of any export format, and atomic output files."""

from __future__ import annotations

from pathlib import Path

from explorer.fileio import FileIOError, write_bytes_atomic
from explorer.render.collapse import COLLAPSE_ABOVE, collapse_by_service
from explorer.render.dot import LARGE_GRAPH, to_dot
from explorer.render.formats import BINARY_FORMATS, DEFAULT_TIMEOUT, FORMATS, GRAPHVIZ_FORMATS, SUFFIXES
from explorer.render.graphml import to_graphml
from explorer.render.graphviz_run import RenderError, run_dot
from explorer.render.json_graph import to_json
from explorer.render.mermaid import to_mermaid
from explorer.view import View

__all__ = ["BINARY_FORMATS", "FORMATS", "SUFFIXES", "collapse_limit", "drawn", "prepare", "render", "write_output"]

# A PNG cannot be zoomed, and rasterising grows with the canvas: a 422-node dependents graph took 10 s
# and 34 MB and was unreadable at any size a screen shows. Above this many nodes a PNG is collapsed by
# service unless told otherwise; SVG and PDF (vectors, zoomable) keep every node up to COLLAPSE_ABOVE
# with dot's cheap layout settings (render.dot.LARGE_GRAPH), which draws 400 nodes in about a second.
PNG_COLLAPSE_ABOVE = 250


def prepare(view: View, collapse: bool | None = None, limit: int = COLLAPSE_ABOVE) -> View:
    """The View to draw: collapsed by service when asked, or (``None``) when it has more than ``limit`` nodes."""
    if collapse or (collapse is None and len(view.nodes) > limit):
        return collapse_by_service(view)
    return view


def collapse_limit(fmt: str) -> int:
    """Above this many nodes ``fmt`` is drawn one node per service unless ``collapse=False`` is asked."""
    if fmt == "mermaid":
        # Mermaid refuses big diagrams (50,000 characters, 500 edges by default) and is slow to lay them out
        return LARGE_GRAPH
    return PNG_COLLAPSE_ABOVE if fmt == "png" else COLLAPSE_ABOVE


def drawn(view: View, fmt: str, collapse: bool | None = None) -> View:
    """The View that ``render(view, fmt, collapse=collapse)`` draws (data formats keep every node)."""
    if fmt in ("json", "graphml"):
        return view
    return prepare(view, collapse, collapse_limit(fmt))


def render(
    view: View,
    fmt: str,
    *,
    legend: bool = True,
    collapse: bool | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> bytes:
    """``view`` in format ``fmt`` (one of FORMATS); text formats are UTF-8."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt in ("json", "graphml"):  # data exports keep every node, whatever the size
        return (to_json(view) if fmt == "json" else to_graphml(view)).encode("utf-8")
    shown = drawn(view, fmt, collapse)
    if fmt == "mermaid":
        return to_mermaid(shown, legend=legend).encode("utf-8")
    dot = to_dot(shown, legend=legend)
    if fmt in GRAPHVIZ_FORMATS:
        return run_dot(dot, fmt, timeout=timeout)
    return dot.encode("utf-8")


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to exactly ``path``, atomically: a reader sees the old file or the new one, never a part.

    The parent folder must exist (nothing is created outside what the user named); an existing file
    keeps its permissions, a new one gets the usual ones (a bare temporary file would be private).
    """
    if path.is_dir():
        raise RenderError(f"{path}: is a directory; expected a file name to write the diagram to")
    if not path.parent.is_dir():
        raise RenderError(f"{path}: folder {path.parent} does not exist")
    try:
        write_bytes_atomic(path, data, make_parents=False)
    except FileIOError as exc:  # a device, FIFO or link at the path is refused, never replaced or written through
        raise RenderError(str(exc)) from None
