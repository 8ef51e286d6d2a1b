"""The app in a real headless Chromium against ``streamlit run`` (marker ``browser``).

Runs on the bundled catalog when the checkout has one, else on the fixture catalog. It takes screenshots
of the main pages; with PERMISSION_EXPLORER_SCREENSHOTS=assets (as ``./run assets`` sets) on the bundled
catalog they refresh the README's screenshots.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Browser, Frame, Page, expect
from playwright.sync_api import Error as PlaywrightError
from ui_support import ASSETS, BUNDLED_CATALOG, DOCUMENTED, FIXTURE_CATALOG, served_catalog

from explorer import api

pytestmark = pytest.mark.browser

GRAPH_FRAME = 'iframe[title$="permission_explorer_graph"]'
TIMEOUT = 30_000
# Inside the graph's frame: the names of the answer's nodes, drawn or folded into the overview by service.
NODE_NAMES_JS = "() => window.peGraph ? peGraph.names() : []"


def graph(page: Page) -> Frame:
    """The interactive graph's frame once its graph is drawn."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while True:
        expect(page.locator(GRAPH_FRAME).first).to_be_visible(timeout=TIMEOUT)
        handle = page.locator(GRAPH_FRAME).first.element_handle()
        frame = handle.content_frame() if handle is not None else None
        try:
            if frame is not None and frame.evaluate("() => !!window.peGraph && peGraph.cy().nodes().length > 0"):
                return frame
        except PlaywrightError:  # the frame was replaced while we asked
            pass
        if time.monotonic() > deadline:
            raise AssertionError("the interactive graph was not drawn")
        page.wait_for_timeout(200)


def node_texts(page: Page) -> set[str]:
    """The names of the nodes drawn, once the script run is over and two reads 300 ms apart agree."""
    deadline = time.monotonic() + TIMEOUT / 1000
    last: set[str] | None = None
    while True:
        wait_idle(page)
        try:
            texts = set(graph(page).evaluate(NODE_NAMES_JS))
        except PlaywrightError:  # the frame was replaced between finding it and asking it: ask again
            if time.monotonic() > deadline:
                raise
            continue
        if (texts and texts == last) or time.monotonic() > deadline:
            return texts
        last = texts
        page.wait_for_timeout(300)


def node_count(page: Page) -> int:
    return len(node_texts(page))


def click_node(page: Page, node: str) -> None:
    """A real mouse click on a node, where Cytoscape drew it on the canvas inside the frame."""
    frame = graph(page)
    if frame.evaluate("(id) => peGraph.cy().getElementById(id).empty() && peGraph.folded()", node):
        # a large answer opens folded by service
        frame.get_by_role("button", name="Unfold all").click()
    frame.evaluate("(id) => peGraph.cy().center(peGraph.cy().getElementById(id))", node)
    point = frame.evaluate("(id) => peGraph.cy().getElementById(id).renderedPosition()", node)
    frame.locator("#cy").click(position={"x": point["x"], "y": point["y"]})


def wait_idle(page: Page) -> None:
    """Wait until the script run is over and no element is still a loading placeholder."""
    page.wait_for_function(
        """() => !document.querySelector('[data-testid="stStatusWidget"]')
                 && !document.querySelector('[data-testid="stSkeleton"]')""",
        timeout=TIMEOUT,
    )


def screenshot_dir() -> Path:
    """Where screenshots go: assets/ when ``./run assets`` asks for them, else a scratch folder.

    A plain test run must not rewrite committed files: pages differ by a few pixels from run to run.
    """
    chosen = os.environ.get("PERMISSION_EXPLORER_SCREENSHOTS")
    return Path(chosen) if chosen else Path(tempfile.gettempdir()) / "permission-explorer-screenshots"


def screenshot(page: Page, name: str) -> None:
    """Take screenshot-NAME.png; assets/ is refreshed only from the bundled catalog (the README shows real data)."""
    folder = screenshot_dir()
    if folder.resolve() == ASSETS.resolve() and served_catalog() != BUNDLED_CATALOG:
        return
    page.set_viewport_size({"width": 1400, "height": 1500})
    # what a reader sees on arriving: the page from its top, no tooltip of the last button clicked
    page.mouse.move(1399, 1499)  # a corner of the main area, where nothing shows a hover state
    page.evaluate(
        """() => { document.activeElement && document.activeElement.blur();
                   const main = document.querySelector('[data-testid="stMain"]');
                   if (main) main.scrollTo(0, 0); window.scrollTo(0, 0); }"""
    )
    wait_idle(page)
    page.wait_for_timeout(1000)  # data grids draw on a canvas after the run ends
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".screenshot-{name}.tmp.png"
    target = folder / f"screenshot-{name}.png"
    page.screenshot(path=str(tmp), full_page=False)
    with Image.open(tmp) as shot:
        assert shot.size == (1400, 1500), f"{name}: unexpected screenshot size {shot.size}"
    if target.is_file() and same_pixels(tmp, target):
        tmp.unlink()  # keep the committed file byte for byte when nothing visible changed
    else:
        os.replace(tmp, target)


def same_pixels(a: Path, b: Path) -> bool:
    with Image.open(a) as first, Image.open(b) as second:
        if first.size != second.size:
            return False
        return ImageChops.difference(first.convert("RGB"), second.convert("RGB")).getbbox() is None


def wait_for_count_change(page: Page, before: int) -> int:
    deadline = time.monotonic() + TIMEOUT / 1000
    while time.monotonic() < deadline:
        now = node_count(page)
        if now != before:
            return now
        page.wait_for_timeout(300)
    raise AssertionError(f"the graph kept {before} nodes")


def test_explore_link_depth_and_svg_download(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImage&node=evs:snapshots:create", timeout=TIMEOUT)
    assert set(DOCUMENTED) <= node_texts(page)
    expect(page.get_by_text("Path 1")).to_be_visible(timeout=TIMEOUT)  # the why-panel the link asked for
    frame = graph(page)
    frame.wait_for_function("() => peGraph.cy().edges('.onpath').length === 1", timeout=TIMEOUT)
    screenshot(page, "explore")

    # The OTC edition documents two more dependencies; what only some of their rows list is possible:
    # drawn only when asked for.
    page.goto(f"{app_url}/?action=ecs:servers:createImage&cloud=otc", timeout=TIMEOUT)
    shallow = node_texts(page)
    assert {*DOCUMENTED, "ecs:servers:list", "ims:quotas:get"} <= shallow
    assert "vpc:securityGroups:delete" not in shallow
    page.get_by_text("Include possible requirements").click()
    wait_for_count_change(page, len(shallow))
    deeper = node_texts(page)
    assert shallow < deeper and "ecs:securityGroups:use" in deeper
    assert "possible=1" in page.url

    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="SVG", exact=True).click()
    download = info.value
    assert download.suggested_filename.endswith(".svg")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    svg = saved.read_text(encoding="utf-8")
    assert "<svg" in svg and "ecs:servers:createImage" in svg and "evs:snapshots:create" in svg


def test_clicking_a_node_opens_its_why_path_and_highlights_it(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImage&cloud=otc&depth=2&possible=1", timeout=TIMEOUT)
    assert "ims:serverImages:create" in node_texts(page)
    explorer = api.get_explorer("otc", served_catalog())
    why = explorer.why("ims:serverImages:create", "ecs:servers:createImage", 2, possible=True)
    expected = sorted({f"{e.source} -> {e.target}" for path in why.paths for e in path})
    click_node(page, "ims:serverImages:create")
    expect(page.get_by_text("Path 1")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"node=ims%3AserverImages%3Acreate"), timeout=TIMEOUT)
    frame = graph(page)
    frame.wait_for_function(f"() => peGraph.cy().edges('.onpath').length === {len(expected)}", timeout=TIMEOUT)
    on_path = frame.evaluate("() => peGraph.cy().edges('.onpath').map(e => e.source().id() + ' -> ' + e.target().id())")
    assert sorted(on_path) == expected
    assert frame.evaluate("() => peGraph.cy().getElementById('ims:serverImages:create').hasClass('chosen')")
    assert frame.evaluate("() => peGraph.cy().getElementById('ims:images:list').hasClass('faded')")


def test_find_a_node_and_fold_a_service(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImage", timeout=TIMEOUT)
    frame = graph(page)
    find = frame.get_by_role("searchbox", name="Find a node")
    find.fill("ims:images:list")
    find.press("Enter")
    expect(page.get_by_text("Path 1")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"node=ims%3Aimages%3Alist"), timeout=TIMEOUT)
    frame = graph(page)
    frame.get_by_role("button", name="Fold services").click()
    folded = frame.evaluate("() => peGraph.cy().nodes('.folded').map(n => n.id())")
    assert sorted(folded) == ["service-group:ecs", "service-group:evs", "service-group:ims"]
    assert frame.evaluate("() => peGraph.cy().nodes('.folded').length === peGraph.cy().nodes().length")
    click_node(page, "service-group:ims")
    frame.wait_for_function("() => peGraph.cy().getElementById('ims:images:list').nonempty()", timeout=TIMEOUT)
    assert frame.evaluate("() => peGraph.collapsed().sort()") == ["ecs", "evs"]


def test_a_large_dependents_graph_is_readable_at_its_default_zoom(page: Page, app_url: str) -> None:
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog (the 58-node graph of the issue)")
    page.goto(f"{app_url}/?action=vpc:ports:get&direction=dependents&cloud=otc&depth=1", timeout=TIMEOUT)
    assert node_count(page) >= 58
    frame = graph(page)
    sizes = frame.evaluate(
        """() => { const cy = peGraph.cy(); const ext = cy.extent();
                   return cy.nodes().not('.group').filter(n => { const p = n.position();
                       return p.x > ext.x1 && p.x < ext.x2 && p.y > ext.y1 && p.y < ext.y2; })
                     .map(n => parseFloat(n.renderedStyle('font-size'))); }"""
    )
    assert sizes and min(sizes) >= 10, sizes  # labels of the nodes in view, in CSS pixels
    screenshot(page, "explore-dependents")


def test_unknown_action_link_offers_suggestions(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImag", timeout=TIMEOUT)
    expect(page.get_by_text("Did you mean")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name=re.compile(r"^ecs:servers:createImage")).first.click()
    assert set(DOCUMENTED) <= node_texts(page)


def test_copy_link_copies_the_address_of_the_view(page: Page, app_url: str) -> None:
    """The sidebar's button copies the page's address as it is when clicked (the graph's view included)."""
    page.goto(f"{app_url}/?action=ecs:servers:createImage", timeout=TIMEOUT)
    graph(page)
    page.wait_for_function("() => location.search.includes('view=')", timeout=TIMEOUT)
    holder = page.locator('iframe[title$="permission_explorer_copy"]').first
    button = holder.content_frame.get_by_role("button", name="Copy link")
    expect(button).to_have_attribute("title", "Copy the address of this view, to share or to come back to")
    button.click()
    expect(holder.content_frame.locator("#done")).to_have_text("copied", timeout=TIMEOUT)
    handle = holder.element_handle()
    frame = handle.content_frame() if handle is not None else None
    assert frame is not None
    assert frame.evaluate("() => window.copied") == page.url


def focused(page: Page) -> str:
    return page.evaluate("() => document.activeElement.getAttribute('aria-label') || document.activeElement.tagName")


def test_keyboard_only(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?cloud=otc", timeout=TIMEOUT)
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    expect(box).to_be_visible(timeout=TIMEOUT)
    wait_idle(page)
    # Tab 1 is Streamlit's "Skip to main content" link; Enter follows it; the next Tab is the search field.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert focused(page) == "Action, operation name (Chinese or English) or API path"  # 2 Tab stops
    page.keyboard.type("ecs:servers:createImage")
    page.keyboard.press("Enter")
    count = node_count(page)
    page.get_by_role("checkbox", name="Include possible requirements").focus()
    page.keyboard.press("Space")
    wait_for_count_change(page, count)
    assert "possible=1" in page.url
    depth_all = page.get_by_role("radiogroup", name="Depth").get_by_role("radio", name="all")
    depth_all.focus()
    page.keyboard.press("ArrowRight")  # native radio group: arrows move the choice (wrapping to 1)
    expect(page).to_have_url(re.compile(r"depth=1"), timeout=TIMEOUT)
    # The focused radio shows a ring of at least 2 px in a colour that stands out (not a faint grey patch).
    ring = page.evaluate(
        """() => { const label = document.activeElement.closest('label'); const s = getComputedStyle(label);
                   return [s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"""
    )
    assert ring[0] == "solid" and ring[1] >= 2, ring
    assert not_red(ring[2]) and ring[2] not in ("rgba(0, 0, 0, 0)", "transparent"), ring


def rgb(colour: str) -> tuple[int, int, int]:
    found = re.findall(r"[0-9.]+", colour)
    r, g, b = (int(float(v)) for v in found[:3])
    return r, g, b


def not_red(colour: str) -> bool:
    r, g, b = rgb(colour)
    return not (r > g + 60 and r > b + 60)


def test_scope_picker_keeps_exactly_what_was_typed_and_chips_stay_in_view(page: Page, app_url: str) -> None:
    if served_catalog() != BUNDLED_CATALOG:
        pytest.skip("needs the bundled catalog (evs:volumes:get has fuzzy neighbours there)")
    page.goto(f"{app_url}/scope", timeout=TIMEOUT)
    picker = page.get_by_role("combobox", name="Actions or APIs")
    expect(picker).to_be_visible(timeout=TIMEOUT)
    picker.click()
    page.keyboard.type("evs:volumes:get")
    expect(page.get_by_role("option").first).to_be_visible(timeout=TIMEOUT)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"targets=evs%3Avolumes%3Aget(&|$)"), timeout=TIMEOUT)
    chosen = ["evs:volumes:get", "ecs:servers:createImage", "ims:images:list", "ims:images:get", "evs:snapshots:create"]
    page.goto(f"{app_url}/scope?targets={','.join(chosen)}", timeout=TIMEOUT)
    expect(page.get_by_text("Grant plan")).to_be_visible(timeout=TIMEOUT)
    widget = page.get_by_test_id("stMultiSelect")
    first_chip = widget.get_by_text("evs:volumes:get", exact=True)
    expect(first_chip).to_be_in_viewport()
    outer = widget.bounding_box()
    chip = first_chip.bounding_box()
    assert outer is not None and chip is not None and chip["x"] >= outer["x"]  # not scrolled out to the left
    background = first_chip.evaluate(
        "e => { for (let n = e; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor;"
        " if (c !== 'rgba(0, 0, 0, 0)') return c; } return ''; }"
    )
    assert not_red(background), background
    picker.focus()
    border = widget.evaluate("e => getComputedStyle(e.querySelector('[data-rac][role=group]')).borderColor")
    assert not_red(border), border


def test_table_csv_opens_with_chinese_intact(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImage", timeout=TIMEOUT)
    node_texts(page)
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Table CSV", exact=True).click()
    saved = tmp_path / "table.csv"
    info.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets need to read UTF-8
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("action,depth,basis")
    assert "镜像管理.md table 1 row 1" in text


def test_pages_keep_their_state_across_navigation(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/scope?targets=ecs:servers:createImage", timeout=TIMEOUT)
    expect(page.get_by_text("Cannot be granted on an enterprise project").first).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Explore").click()
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    box.fill("evs:snapshots:create")
    box.press("Enter")
    node_texts(page)
    page.get_by_role("radiogroup", name="Depth").get_by_text("2", exact=True).click()
    expect(page).to_have_url(re.compile(r"depth=2"), timeout=TIMEOUT)
    page.get_by_role("link", name="Scope").click()
    expect(page.get_by_text("Cannot be granted on an enterprise project").first).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"targets=ecs%3Aservers%3AcreateImage"), timeout=TIMEOUT)
    page.get_by_role("link", name="Explore").click()
    expect(page).to_have_url(re.compile(r"action=evs%3Asnapshots%3Acreate.*depth=2"), timeout=TIMEOUT)
    expect(box).to_have_value("evs:snapshots:create")


def test_scope_page_verdict(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/scope?targets=ecs:servers:createImage", timeout=TIMEOUT)
    expect(page.get_by_text("Cannot be granted on an enterprise project").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Grant plan")).to_be_visible()
    screenshot(page, "scope")


def test_catalog_page(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/catalog", timeout=TIMEOUT)
    expect(page.get_by_text("Per service")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(re.compile(r"^Unresolved references \(\d+\)$"))).to_be_visible()
    screenshot(page, "catalog")


def test_malformed_upload_shows_a_clear_error(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/upload", timeout=TIMEOUT)
    expect(page.get_by_text("What are you uploading?")).to_be_visible(timeout=TIMEOUT)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "broken.yaml", "mimeType": "application/x-yaml", "buffer": b"cloud: otc\nservice: [ims\n"}]
    )
    expect(page.get_by_text("broken.yaml")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Explore the upload").click()
    alert = page.get_by_text(re.compile(r"broken\.yaml: line \d+, column \d+: malformed YAML"))
    expect(alert).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("The upload cannot be explored")).to_be_visible()
    screenshot(page, "upload")


def test_uploaded_catalog_is_explored(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/upload", timeout=TIMEOUT)
    expect(page.get_by_text("What are you uploading?")).to_be_visible(timeout=TIMEOUT)
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(str(FIXTURE_CATALOG / "otc" / "ims.yaml"))
    expect(page.get_by_text("ims.yaml", exact=True)).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name="Explore the upload").click()
    # one step: Explore opens on the upload, the sidebar says what was loaded
    expect(page.get_by_text("Loaded ims.yaml: otc (1 services, 2 operations)")).to_be_visible(timeout=TIMEOUT)
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    box.fill("ims:images:update")
    box.press("Enter")
    assert {"ims:images:update", "ims:serverImages:create", "obs:bucket:*"} <= node_texts(page)
    expect(page.get_by_text(re.compile(r"^Exploring an upload: ims\.yaml \(laid over "))).to_be_visible()
    expect(page).to_have_url(re.compile(r"upload=[0-9a-f]{16}"), timeout=TIMEOUT)
    page.reload()  # a new Streamlit session: the link brings the upload back
    expect(page.get_by_text(re.compile(r"^Exploring an upload: ims\.yaml"))).to_be_visible(timeout=TIMEOUT)
    assert {"ims:images:update", "ims:serverImages:create"} <= node_texts(page)
    page.get_by_role("button", name="Back to the bundled catalog").click()
    expect(page.get_by_text(re.compile(r"^Catalog: "))).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Exploring an upload")).to_have_count(0)
    expect(page).not_to_have_url(re.compile(r"upload="), timeout=TIMEOUT)


def test_dark_theme_explore(browser: Browser, app_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?action=ecs:servers:createImage&node=ims:images:list", timeout=TIMEOUT)
        assert set(DOCUMENTED) <= node_texts(page)
        canvas = graph(page).evaluate("() => getComputedStyle(document.getElementById('cy')).backgroundColor")
        r, g, b = rgb(canvas)
        assert 0.299 * r + 0.587 * g + 0.114 * b < 60, canvas  # a dark canvas in the dark theme
        screenshot(page, "explore-dark")
    finally:
        context.close()


def test_policy_page_lints_an_upload(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/policy?attach=enterprise-project", timeout=TIMEOUT)
    expect(page.get_by_text("Paste a policy (JSON or Terraform)", exact=True)).to_be_visible(timeout=TIMEOUT)
    policy = b'{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}]}'
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "mine.json", "mimeType": "application/json", "buffer": policy}]
    )
    expect(page.get_by_text("MISSING_DEPENDENCY").first).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("NOT_EFFECTIVE_WHERE_ATTACHED").first).to_be_visible()
    page.get_by_role("button", name="Why is it needed?").first.click()
    expect(page.get_by_role("link", name="why: the path in Explore")).to_be_visible(timeout=TIMEOUT)
    page.keyboard.press("Escape")
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_role("button", name="Fixed policy JSON").click()
    fixed = Path(info.value.path()).read_text(encoding="utf-8")
    assert '"evs:snapshots:create"' in fixed and '"ecs:servers:createImage"' in fixed
    screenshot(page, "policy")


def test_policy_page_lints_a_paste_without_a_key_press(page: Page, app_url: str) -> None:
    """Issue 21: a paste is linted after a short pause, with no Lint click, no Ctrl+Enter and no blur."""
    page.goto(f"{app_url}/policy?cloud=huaweicloud", timeout=TIMEOUT)
    area = page.get_by_label("Paste a policy (JSON or Terraform)")
    expect(area).to_be_visible(timeout=TIMEOUT)
    area.click()
    page.keyboard.insert_text(  # as a paste does: one input event with the whole text
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}]}'
    )
    expect(page.get_by_text("MISSING_DEPENDENCY").first).to_be_visible(timeout=TIMEOUT)
    expect(area).to_be_focused()  # the commit did not take the focus away: the user can go on typing
    page.keyboard.press("End")
    page.keyboard.insert_text(" ")
    expect(area).to_have_value(re.compile(r"\} $"))
