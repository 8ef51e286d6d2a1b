"""Two sessions of one server in a real headless Chromium (marker ``browser``): one session's long lint does not
keep another session's Explore from answering (issue 23; how long it takes is measured in bench/bench_stall.py)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, FilePayload, expect
from ui_support import DOCUMENTED, GRAPH_DRAWN_JS

pytestmark = pytest.mark.browser
TIMEOUT = 120_000
TARGET = "ecs:servers:createImage"


def test_explore_answers_while_another_session_lints_a_large_policy(browser: Browser, app_url: str) -> None:
    heavy = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    explore = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        explore.goto(f"{app_url}/?action={DOCUMENTED[0]}", timeout=TIMEOUT)
        explore.wait_for_function(GRAPH_DRAWN_JS, arg=DOCUMENTED[0], timeout=TIMEOUT)
        heavy.goto(f"{app_url}/policy", timeout=TIMEOUT)
        expect(heavy.get_by_text("Paste a policy (JSON or Terraform)", exact=True)).to_be_visible(timeout=TIMEOUT)
        actions = [f"ecs:s:u{i}" for i in range(10_000)]
        policy = json.dumps({"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]}).encode()
        heavy.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[FilePayload(name="big.json", mimeType="application/json", buffer=policy)]
        )
        linted = heavy.get_by_text("UNKNOWN_ACTION").first
        box = explore.locator('input[aria-label^="Action"]').first
        box.fill(TARGET)
        box.press("Enter")
        explore.wait_for_function(GRAPH_DRAWN_JS, arg=TARGET, timeout=TIMEOUT)
        expect(linted).to_be_visible(timeout=TIMEOUT * 3)
    finally:
        heavy.context.close()
        explore.context.close()
