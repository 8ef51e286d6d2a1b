"""Fixtures of the UI tests: a real ``streamlit run`` server and Playwright pointed at Debian's Chromium.

The browser suite (marker ``browser``) never runs ``playwright install``. It serves the bundled
catalog when the repository has one and the small fixture catalog otherwise, so it also runs on a
fresh clone without ../shared.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from ui_support import CHROMIUM, CHROMIUM_ARGS, served_catalog, start_server, stop_server


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    external = os.environ.get("PERMISSION_EXPLORER_UI_URL")
    if external:  # a server someone already runs (e.g. while developing the app)
        yield external.rstrip("/")
        return
    if not CHROMIUM.exists() or shutil.which("dot") is None:
        pytest.skip("the browser suite needs /usr/bin/chromium and Graphviz dot (apt-get install chromium graphviz)")
    proc, url = start_server(served_catalog())
    yield url
    stop_server(proc)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """pytest-playwright's launch arguments, pointed at Debian's Chromium."""
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "accept_downloads": True}


_LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(autouse=True)
def _nothing_leaves_the_loopback_address(request: pytest.FixtureRequest) -> Iterator[None]:
    """In every browser test, a request to any host but the loopback address is blocked and fails the test.

    A security tool must work offline and tell no third party what a reviewer looks at (issue 15:
    Streamlit fetched a Material Symbols favicon from a font CDN on every page).
    """
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    from urllib.parse import urlsplit

    context = request.getfixturevalue("context")
    leaked: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in _LOOPBACK_HOSTS:
            leaked.append(url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", guard)
    yield
    assert leaked == [], f"requests left the loopback address: {leaked}"
