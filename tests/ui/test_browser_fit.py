"""The graph fits its window (issue 21), in a real Chromium at 900, 1400 and 1920 px wide (marker ``browser``).

Read from the page itself, through the Cytoscape instance the component exposes as ``window.cy`` in its
frame: where every node was drawn (``renderedBoundingBox()``), the size its labels were drawn at, and
where the key is. Needs the bundled catalog (the three answers of the issue); screenshots of each go
where ``screenshot_dir()`` says (``assets/`` under ``./run assets``).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Frame, Page
from test_browser import GRAPH_FRAME, TIMEOUT, screenshot_dir, wait_idle
from ui_support import BUNDLED_CATALOG, served_catalog

from explorer.app import catalogs

pytestmark = pytest.mark.browser

WIDTHS = (900, 1400, 1920)
# name -> (link, what the first view must be); counts as the bundled catalog answers them
ANSWERS = {
    "10": ("/?action=ecs:servers:createImage&cloud=otc", "whole"),
    "51": ("/?action=ecs:servers:createImage&cloud=otc&possible=1", "readable"),
    "428": ("/?action=vpc:ports:get&cloud=huaweicloud&direction=dependents", "overview"),
}
MIN_LABEL_PX = 11

# Everything a test reads from the frame at once: canvas and key boxes, each drawn node's rendered box
# and label size, each edge label's size.
STATE_JS = """() => {
  const cy = window.cy, canvas = document.getElementById('cy').getBoundingClientRect();
  const key = document.getElementById('key'), k = key.getBoundingClientRect();
  const nodes = cy.nodes().not('.group').map(n => ({ id: n.id(), box: n.renderedBoundingBox({includeOverlays: false}),
      target: n.hasClass('target'), font: parseFloat(n.renderedStyle('font-size')),
      count: n.data('count') || 0, label: n.data('label') || '' }));
  const edges = cy.edges().filter(e => !!e.data('label')).map(e => parseFloat(e.renderedStyle('font-size')));
  return { canvas: [canvas.left, canvas.top, canvas.right, canvas.bottom], width: cy.width(), height: cy.height(),
    key: key.hidden ? null : [k.left, k.top, k.right, k.bottom], nodes: nodes, edgeFonts: edges,
    folded: window.peGraph.folded(), total: window.peGraph.cy().nodes().length };
}"""


def first_view(page: Page, link: str, width: int, app_url: str) -> tuple[Frame, dict[str, Any]]:
    page.set_viewport_size({"width": width, "height": 1000})
    page.goto(app_url + link, timeout=TIMEOUT)
    page.wait_for_function(
        """() => { const f = document.querySelector('iframe[title$="permission_explorer_graph"]');
                   const cy = f && f.contentWindow.cy;  // until drawn, window.cy is the div#cy
                   return !!cy && typeof cy.nodes === "function" && cy.nodes().length > 0; }""",
        timeout=TIMEOUT,
    )
    wait_idle(page)
    page.wait_for_timeout(800)  # the frame settles to the page's width (a ResizeObserver refits)
    handle = page.locator(GRAPH_FRAME).first.element_handle()
    frame = handle.content_frame() if handle is not None else None
    assert frame is not None
    return frame, frame.evaluate(STATE_JS)


def inside(box: dict[str, float], width: float, height: float) -> bool:
    return box["x1"] >= -0.5 and box["y1"] >= -0.5 and box["x2"] <= width + 0.5 and box["y2"] <= height + 0.5


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("answer", sorted(ANSWERS))
def test_the_first_view_fits_the_window(page: Page, app_url: str, answer: str, width: int) -> None:
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog (the 10-, 51- and 428-node answers of issue 21)")
    link, expected = ANSWERS[answer]
    _, state = first_view(page, link, width, app_url)

    # The key never covers the drawing area.
    if state["key"] is not None:
        assert not overlaps(state["key"], state["canvas"]), (state["key"], state["canvas"])
    # Every label is drawn at 11 CSS px or more, node labels and edge labels alike.
    fonts = [n["font"] for n in state["nodes"] if n["label"]] + state["edgeFonts"]
    assert fonts and min(fonts) >= MIN_LABEL_PX, min(fonts)
    # Every node drawn lies inside the visible canvas (the whole answer, or the whole overview).
    outside = [n["id"] for n in state["nodes"] if not inside(n["box"], state["width"], state["height"])]
    assert outside == [], outside
    if expected == "whole":
        assert not state["folded"]
        assert len(state["nodes"]) == 10
        assert [n["id"] for n in state["nodes"] if n["target"]] == ["ecs:servers:createImage"]
    if expected == "overview":
        assert state["folded"]
        assert all(n["id"].startswith("service-group:") for n in state["nodes"])
        # The overview's counts add up to the graph's nodes: the dependents the heading counts, and the target.
        dependents = len(catalogs.get_explorer("huaweicloud", BUNDLED_CATALOG).dependents("vpc:ports:get").dependents)
        assert dependents > 300  # the big answer of the issue (421 dependents on its catalog)
        assert sum(n["count"] for n in state["nodes"]) == dependents + 1
        assert "vpc" in [n["id"].removeprefix("service-group:") for n in state["nodes"] if n["target"]]
        assert page.get_by_text(f"{dependents} dependents").first.is_visible()
    screenshot_fit(page, f"fit-{answer}-{width}", width)


def screenshot_fit(page: Page, name: str, width: int) -> None:
    """The page as the test saw it (its own width, 1000 px tall), into the screenshot folder."""
    folder = screenshot_dir()
    page.mouse.move(width - 1, 999)
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"screenshot-{name}.png"), full_page=False)


def test_fit_and_the_key_toggle_refit(page: Page, app_url: str) -> None:
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog")
    frame, _ = first_view(page, ANSWERS["10"][0], 1400, app_url)
    frame.get_by_role("button", name="Zoom out").click()
    frame.get_by_role("button", name="Zoom out").click()
    assert frame.evaluate("() => window.cy.zoom()") < 0.8
    frame.get_by_role("button", name="Fit").click()
    assert frame.evaluate("() => window.cy.zoom()") >= 1
    assert frame.evaluate("() => window.peGraph.auto()")
    frame.get_by_role("button", name="Key").click()  # hides the key: the canvas widens and the view refits
    state = frame.evaluate(STATE_JS)
    assert state["key"] is None
    assert all(inside(n["box"], state["width"], state["height"]) for n in state["nodes"])
    centre = frame.evaluate("() => { const b = window.cy.elements().renderedBoundingBox(); return (b.x1 + b.x2) / 2; }")
    assert abs(centre - state["width"] / 2) < 2  # centred in the wider canvas


def test_the_overview_unfolds_a_service_on_click(page: Page, app_url: str) -> None:
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog")
    frame, _ = first_view(page, ANSWERS["428"][0], 1400, app_url)
    point = frame.evaluate("() => window.cy.getElementById('service-group:vpc').renderedPosition()")
    frame.locator("#cy").click(position={"x": point["x"], "y": point["y"]})
    frame.wait_for_function("() => window.cy.getElementById('vpc:ports:get').nonempty()", timeout=TIMEOUT)
    assert not frame.evaluate("() => window.peGraph.folded()")
    assert "vpc" not in frame.evaluate("() => window.peGraph.collapsed()")
    assert frame.evaluate("() => window.cy.zoom()") >= 1


def test_a_copied_link_restores_the_view(page: Page, app_url: str) -> None:
    """The graph writes its view into the address (view=zoom,x,y); opening that address restores it."""
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog")
    frame, _ = first_view(page, ANSWERS["10"][0], 1400, app_url)
    page.wait_for_function("() => location.search.includes('view=fit')", timeout=TIMEOUT)
    frame.get_by_role("button", name="Zoom in").click()
    frame.get_by_role("button", name="Zoom in").click()
    page.wait_for_function("() => /view=[0-9.]+%2C/.test(location.search)", timeout=TIMEOUT)
    zoom = frame.evaluate("() => window.cy.zoom()")
    link = page.url
    page.goto("about:blank")
    page.goto(link, timeout=TIMEOUT)
    page.wait_for_function(
        """(z) => { const f = document.querySelector('iframe[title$="permission_explorer_graph"]');
                   const cy = f && f.contentWindow.cy;
                   return !!cy && typeof cy.zoom === "function" && Math.abs(cy.zoom() - z) < 0.01; }""",
        arg=zoom,
        timeout=TIMEOUT,
    )
    page.wait_for_timeout(500)
    assert "view=" in page.url  # the restored view stays in the address
