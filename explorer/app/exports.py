"""Diagrams: the View of a query's answer, drawn to one of the export formats and written to a file
(``permission-explorer export``, the pages' downloads). The format names are imported here; the renderers,
Graphviz and networkx only when something is drawn."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.errors import QueryError
from explorer.render.formats import DEFAULT_TIMEOUT as DEFAULT_TIMEOUT
from explorer.render.formats import FORMATS as FORMATS
from explorer.render.formats import SUFFIXES as SUFFIXES
from explorer.view import View

if TYPE_CHECKING:
    from explorer.app.queries import ClosureResult, DependentsResult, Exclude, Explorer

DIRECTIONS = ("requirements", "dependents")


def closure_view(
    ex: Explorer,
    targets: str | Sequence[str],
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
    result: ClosureResult | None = None,
) -> View:
    """The closure as a graph (pass the ``result`` of the same closure to draw it without computing it again)."""
    from explorer.graph.views import closure_view as view

    return view(ex, targets, max_depth, exclude, possible, result)


def dependents_view(
    ex: Explorer, action: str, max_depth: int | None = None, result: DependentsResult | None = None
) -> View:
    """Who needs ``action``, as a graph (pass the ``result`` of the same query to draw it without asking again)."""
    from explorer.graph.views import dependents_view as view

    return view(ex, action, max_depth, result)


def why_view(
    ex: Explorer,
    action: str,
    from_target: str,
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
) -> View:
    """The shortest paths by which ``from_target``'s answer reaches ``action``, as a graph."""
    from explorer.graph.views import why_view as view

    return view(ex, action, from_target, max_depth, exclude, possible)


def service_view(ex: Explorer, service: str) -> View:
    """One service's actions and the dependencies among them, as a graph."""
    from explorer.graph.views import service_view as view

    return view(ex, service)


def diagram_view(
    targets: str | tuple[str, ...] | list[str],
    *,
    direction: str = "requirements",
    depth: int | None = None,
    exclude: Exclude = False,
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    possible: bool = False,
) -> View:
    """The View an export draws: the closure of ``targets`` ("requirements") or who needs one action ("dependents")."""
    from explorer.app.catalogs import get_explorer

    names = (targets,) if isinstance(targets, str) else tuple(targets)
    ex = get_explorer(cloud, catalog)
    if direction == "requirements":
        return closure_view(ex, names, depth, exclude, possible)
    if direction != "dependents":
        raise QueryError(f"unknown direction {direction!r}; expected one of {', '.join(DIRECTIONS)}")
    if len(names) != 1:
        raise QueryError(f"--direction dependents takes one action, got {len(names)}: {', '.join(names)}")
    if exclude:
        raise QueryError("leaving out conditional dependencies applies to --direction requirements only")
    if possible:
        raise QueryError("possible requirements apply to --direction requirements only")
    return dependents_view(ex, names[0], depth)


def render_view(
    view: View, fmt: str, *, legend: bool = True, collapse: bool | None = None, timeout: float = DEFAULT_TIMEOUT
) -> bytes:
    """The View drawn in ``fmt`` (one of FORMATS); ``collapse`` None collapses by service only above the
    format's limit. RenderError / RenderTimeoutError when Graphviz fails or takes longer than ``timeout``."""
    from explorer.render.export import render

    return render(view, fmt, legend=legend, collapse=collapse, timeout=timeout)


def drawn_view(view: View, fmt: str, collapse: bool | None = None) -> View:
    """The View as :func:`render_view` draws it in ``fmt`` (collapsed by service, or as it is)."""
    from explorer.render.export import drawn

    return drawn(view, fmt, collapse)


def write_output(path: Path, data: bytes) -> None:
    """Write a drawing to ``path`` atomically (its folder must exist; an existing file keeps its permissions)."""
    from explorer.render.export import write_output as write

    write(path, data)
