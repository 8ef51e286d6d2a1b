"""UI benchmark: how long one session's Explore answer takes while another session lints a heavy policy (issue 23:
no request of one UI session may stall another for more than a second).

One server (served exactly as ``permission-explorer ui`` serves it), two browser sessions in headless Chromium:

- the heavy session uploads a valid policy of N unknown actions in one statement to the Policy page (the linter
  then suggests names for each, and the page lists every finding);
- the other session, on Explore, types an action and presses Enter; the figure is the time until its graph is
  drawn, alone (the floor, the median of several) and while the heavy session's lint runs (the median of the
  choices made during it). The extra time is the stall.

    .venv/bin/python bench/bench_stall.py [--actions 40000] [--catalog PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ui"))

from playwright.sync_api import FilePayload, Page, sync_playwright  # noqa: E402
from timing import row  # noqa: E402
from ui_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    GRAPH_DRAWN_JS,
    served_catalog,
    start_server,
    stop_server,
)

INPUT = 'input[aria-label^="Action"]'
CHOICES = ("ecs:servers:createImage", "evs:snapshots:create", "ims:images:create", "ecs:servers:list")
LINTED = "UNKNOWN_ACTION"


def heavy_policy(n: int) -> bytes:
    actions = [f"ecs:s:u{i}" for i in range(n)]
    return json.dumps({"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]}).encode()


def choose(page: Page, action: str) -> float:
    """Seconds from pressing Enter on ``action`` in Explore to its graph being drawn."""
    box = page.locator(INPUT).first
    box.fill(action)
    start = time.perf_counter()
    box.press("Enter")
    page.wait_for_function(GRAPH_DRAWN_JS, arg=action, timeout=300_000)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--actions", type=int, default=40_000, help="unknown actions in the heavy policy")
    parser.add_argument("--catalog", type=Path, default=None)
    options = parser.parse_args()
    proc, url = start_server(options.catalog or served_catalog())
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            explore = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            heavy = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            explore.goto(f"{url}/?action={CHOICES[-1]}", timeout=120_000)
            explore.wait_for_function(GRAPH_DRAWN_JS, arg=CHOICES[-1], timeout=120_000)
            alone = [choose(explore, a) for a in CHOICES * 2]
            heavy.goto(f"{url}/policy", timeout=120_000)
            heavy.get_by_text("Paste a policy (JSON or Terraform)", exact=True).wait_for(timeout=120_000)
            start = time.perf_counter()
            heavy.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                files=[FilePayload(name="big.json", mimeType="application/json", buffer=heavy_policy(options.actions))]
            )
            during: list[float] = []
            while not heavy.get_by_text(LINTED).first.is_visible():
                during.append(choose(explore, CHOICES[len(during) % len(CHOICES)]))
                if len(during) >= 40:
                    break
            heavy.get_by_text(LINTED).first.wait_for(timeout=600_000)
            linted = time.perf_counter() - start
            browser.close()
    finally:
        stop_server(proc)
    floor = statistics.median(alone)
    worst = max(during) if during else float("nan")
    row(
        f"Explore answer while another session lints {options.actions:,} unknown actions ({linted:.1f} s)",
        f"median {statistics.median(during) if during else float('nan'):.2f} s, worst {worst:.2f} s "
        f"({len(during)} answers)",
        f"{floor:.2f} s alone (median of {len(alone)})",
        worst / floor,
    )


if __name__ == "__main__":
    main()
