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
from playwright.sync_api import Browser, Locator, Page, expect
from ui_support import ASSETS, BUNDLED_CATALOG, DOCUMENTED, FIXTURE_CATALOG, served_catalog

pytestmark = pytest.mark.browser

# The drawn graph, not the legend chart inside its (closed) expander.
GRAPH_NODES = '[data-testid="stGraphVizChart"]:not([data-testid="stExpander"] *) svg g.node'
TIMEOUT = 30_000


def node_texts(page: Page) -> set[str]:
    """The node labels once the drawing has settled.

    The browser lays the graph out and draws it after the script run ends, node by node, so a single
    read can catch half a graph: wait until the run is over and two reads 300 ms apart agree.
    """
    deadline = time.monotonic() + TIMEOUT / 1000
    last: set[str] | None = None
    while True:
        wait_idle(page)
        texts = {t.strip() for t in page.locator(f"{GRAPH_NODES} text").all_text_contents()}
        if (texts and texts == last) or time.monotonic() > deadline:
            return texts
        last = texts
        page.wait_for_timeout(300)


def wait_for_graph(page: Page) -> Locator:
    nodes = page.locator(GRAPH_NODES)
    expect(nodes.first).to_be_visible(timeout=TIMEOUT)
    return nodes


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


def test_explore_link_depth_and_svg_download(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImage&node=evs:snapshots:create", timeout=TIMEOUT)
    wait_for_graph(page)
    assert set(DOCUMENTED) <= node_texts(page)
    expect(page.get_by_text("Path 1")).to_be_visible(timeout=TIMEOUT)  # the why-panel the link asked for
    screenshot(page, "explore")

    # The OTC edition documents two more dependencies; what only some of their rows list is possible:
    # drawn only when asked for.
    page.goto(f"{app_url}/?action=ecs:servers:createImage&cloud=otc", timeout=TIMEOUT)
    nodes = wait_for_graph(page)
    shallow = node_texts(page)
    assert {*DOCUMENTED, "ecs:servers:list", "ims:quotas:get"} <= shallow
    assert "vpc:securityGroups:delete" not in shallow
    count = nodes.count()
    page.get_by_text("Include possible requirements").click()
    expect(nodes).not_to_have_count(count, timeout=TIMEOUT)
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


def test_unknown_action_link_offers_suggestions(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?action=ecs:servers:createImag", timeout=TIMEOUT)
    expect(page.get_by_text("Did you mean")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("button", name=re.compile(r"^ecs:servers:createImage")).first.click()
    wait_for_graph(page)
    assert set(DOCUMENTED) <= node_texts(page)


def test_keyboard_only(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/?cloud=otc", timeout=TIMEOUT)
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    box.focus()
    page.keyboard.type("ecs:servers:createImage")
    page.keyboard.press("Enter")
    nodes = wait_for_graph(page)
    count = nodes.count()
    page.get_by_role("checkbox", name="Include possible requirements").focus()
    page.keyboard.press("Space")
    expect(nodes).not_to_have_count(count, timeout=TIMEOUT)
    assert "possible=1" in page.url
    depth_all = page.get_by_role("radiogroup", name="Depth").get_by_role("radio", name="all")
    depth_all.focus()
    page.keyboard.press("ArrowRight")  # native radio group: arrows move the choice (wrapping to 1)
    expect(page).to_have_url(re.compile(r"depth=1"), timeout=TIMEOUT)


def test_pages_keep_their_state_across_navigation(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/scope?targets=ecs:servers:createImage", timeout=TIMEOUT)
    expect(page.get_by_text("Not grantable on an enterprise project")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Explore").click()
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    box.fill("evs:snapshots:create")
    box.press("Enter")
    wait_for_graph(page)
    page.get_by_role("radiogroup", name="Depth").get_by_text("2", exact=True).click()
    expect(page).to_have_url(re.compile(r"depth=2"), timeout=TIMEOUT)
    page.get_by_role("link", name="Scope").click()
    expect(page.get_by_text("Not grantable on an enterprise project")).to_be_visible(timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"targets=ecs%3Aservers%3AcreateImage"), timeout=TIMEOUT)
    page.get_by_role("link", name="Explore").click()
    expect(page).to_have_url(re.compile(r"action=evs%3Asnapshots%3Acreate.*depth=2"), timeout=TIMEOUT)
    expect(box).to_have_value("evs:snapshots:create")


def test_scope_page_verdict(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/scope?targets=ecs:servers:createImage", timeout=TIMEOUT)
    expect(page.get_by_text("Not grantable on an enterprise project")).to_be_visible(timeout=TIMEOUT)
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
    expect(page.get_by_text("Loaded ims.yaml: otc (1 services, 2 operations)")).to_be_visible(timeout=TIMEOUT)
    page.get_by_role("link", name="Explore it").click()
    box = page.get_by_role("textbox", name="Action, operation name (Chinese or English) or API path")
    box.fill("ims:images:update")
    box.press("Enter")
    wait_for_graph(page)
    assert {"ims:images:update", "ims:serverImages:create", "obs:bucket:*"} <= node_texts(page)
    expect(page.get_by_text("Exploring an upload: ims.yaml")).to_be_visible()
    page.get_by_role("button", name="Back to the bundled catalog").click()
    expect(page.get_by_text(re.compile(r"^Catalog: "))).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text("Exploring an upload")).to_have_count(0)


def test_dark_theme_explore(browser: Browser, app_url: str) -> None:
    context = browser.new_context(color_scheme="dark", viewport={"width": 1400, "height": 1000})
    try:
        page = context.new_page()
        page.goto(f"{app_url}/?action=ecs:servers:createImage", timeout=TIMEOUT)
        wait_for_graph(page)
        assert set(DOCUMENTED) <= node_texts(page)
        screenshot(page, "explore-dark")
    finally:
        context.close()


def test_policy_page_lints_an_upload(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/policy?attach=enterprise-project", timeout=TIMEOUT)
    expect(page.get_by_text("Paste a policy", exact=True)).to_be_visible(timeout=TIMEOUT)
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
