"""Large images: a PNG above PNG_COLLAPSE_ABOVE nodes is drawn one node per service by default, and says so."""

from __future__ import annotations

import io

from PIL import Image

from explorer.render.export import COLLAPSE_ABOVE, PNG_COLLAPSE_ABOVE, collapse_limit, drawn, render
from explorer.render.synthetic import synthetic_view


def test_the_limits_per_format() -> None:
    assert collapse_limit("png") == PNG_COLLAPSE_ABOVE
    assert PNG_COLLAPSE_ABOVE < collapse_limit("svg") == collapse_limit("pdf") == COLLAPSE_ABOVE
    assert collapse_limit("mermaid") < PNG_COLLAPSE_ABOVE


def test_a_large_png_is_collapsed_by_default_and_says_so() -> None:
    view = synthetic_view(PNG_COLLAPSE_ABOVE + 50)
    assert len(view.nodes) > PNG_COLLAPSE_ABOVE
    shown = drawn(view, "png")
    assert shown is not view and {n.kind for n in shown.nodes} == {"service"}
    assert f"collapsed by service: {len(view.nodes)} nodes in {len(shown.nodes)} services" in shown.notes
    png = render(view, "png")
    assert Image.open(io.BytesIO(png)).format == "PNG"
    assert png == render(shown, "png", collapse=False)  # what was drawn is the service graph
    assert drawn(view, "png", collapse=False) is view
    assert drawn(view, "svg") is view and drawn(view, "json") is view


def test_a_png_at_the_limit_keeps_every_node() -> None:
    view = synthetic_view(100)
    assert len(view.nodes) <= PNG_COLLAPSE_ABOVE
    assert drawn(view, "png") is view
