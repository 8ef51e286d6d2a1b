"""The Changes page in a real headless Chromium against ``streamlit run`` (marker ``browser``)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from ui_support import served_catalog

from explorer import api

pytestmark = pytest.mark.browser
TIMEOUT = 60_000


def test_deep_link_reproduces_the_view_and_the_link_follows_the_widgets(page: Page, app_url: str) -> None:
    catalogs = api.load([served_catalog()])
    result, _ = api.diff(catalogs, catalogs, editions=("huaweicloud-zh", "otc-en"), services=("ecs",))
    added = len(result.of_kind("dependency_added"))
    assert added > 0
    page.goto(
        f"{app_url}/changes?old=edition:huaweicloud-zh&new=edition:otc-en&service=ecs&kind=dependency_added",
        timeout=TIMEOUT,
    )
    heading = page.get_by_role("heading", name=re.compile(r"^Changes \("))
    expect(heading).to_have_text(f"Changes ({added} of {len(result.changes)})", timeout=TIMEOUT)
    page.locator('[data-testid="stCheckbox"]').filter(has_text="Suspicious only").click()
    suspicious = len([c for c in result.of_kind("dependency_added") if c.suspicious])
    expect(heading).to_have_text(f"Changes ({suspicious} of {len(result.changes)})", timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"suspicious=1"), timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"kind=dependency_added"), timeout=TIMEOUT)
