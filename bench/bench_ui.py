"""UI benchmark: choosing an action to the updated graph in a real browser, against a bare Streamlit page.

In one run:
0. Cold start: each server (the app, and a bare Streamlit page that draws the same DOT for the action
   in the link) is started anew and timed from its start to the graph of
   ``/?action=ecs:servers:createImage`` drawn in headless Chromium (the browser is already running).
   Then one Explore rerun on AppTest, counting how often it runs each query (the floor: once each).
1. The app (served exactly as ``permission-explorer ui`` serves it) and a minimal Streamlit page that
   only draws pre-computed DOT for the typed action with ``st.graphviz_chart`` are both driven by
   headless Chromium: type an action, press Enter, wait until the graph is drawn (the app: its
   interactive graph holds the action as its target; the bare page: the SVG titled with it). The
   figure is the ratio of the medians (app / bare page): what the app adds (the query, the layout by
   ``dot`` on the server, the component) on top of Streamlit's own round trip and a browser layout.
2. Ten browser sessions open ten different deep links at once; every one must draw its graph with no
   exception, and the server's resident memory (RSS) is reported before and after.

Usage: ``python bench/bench_ui.py [--rounds N] [--catalog PATH]`` (default: the bundled catalog, or the
UI fixture catalog when the checkout has none).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ui"))

from playwright.async_api import Page, async_playwright  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from timing import row, timed_row  # noqa: E402
from ui_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    GRAPH_DRAWN_JS,
    free_port,
    served_catalog,
    start_server,
    stop_server,
    wait_healthy,
)

from explorer import api  # noqa: E402
from explorer.cli.ui_cmd import SERVER_OPTIONS  # noqa: E402
from explorer.graph import Explorer  # noqa: E402
from explorer.render.dot import to_dot  # noqa: E402

CLOUD = "huaweicloud"
INPUT = 'input[aria-label^="Action"]'
# The bare page: Graphviz in the browser has drawn the graph titled with the action.
TITLE_JS = """(title) => Array.from(document.querySelectorAll('[data-testid="stGraphVizChart"] svg text'))
    .some(t => t.textContent === title)"""
# The app: the interactive graph's frame has drawn the target node.
DRAWN_JS = GRAPH_DRAWN_JS
# The bare page: what Streamlit alone costs to turn typed text into a drawn graph.
BARE_PAGE = """
import json, streamlit as st
DOTS = json.loads(open({dots!r}, encoding="utf-8").read())
text = st.text_input("Action", value=st.query_params.get("action", ""))
if text in DOTS:
    st.graphviz_chart(DOTS[text], width="stretch")
"""
COLD_TARGET = "ecs:servers:createImage"
APP = REPO / "explorer" / "ui" / "app.py"


def pick_actions(explorer: Explorer, count: int) -> list[str]:
    """Actions with documented dependencies, spread over the catalog (deterministic)."""
    with_deps = [a for a in explorer.actions() if explorer.show(a).dependencies]
    if not with_deps:
        with_deps = list(explorer.actions())
    step = max(1, len(with_deps) // count)
    return with_deps[::step][:count]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def time_choices(url: str, actions: list[str], rounds: int, *, app: bool) -> list[float]:
    """Seconds from pressing Enter on an action to its graph being drawn, per choice."""
    times: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url, timeout=120_000)
        box = page.locator(INPUT).first
        box.wait_for(timeout=120_000)
        for _ in range(rounds):
            for action in actions:
                box.fill(action)
                start = time.perf_counter()
                box.press("Enter")
                if app:
                    page.wait_for_function(DRAWN_JS, arg=action, timeout=60_000)
                else:
                    page.wait_for_function(TITLE_JS, arg=f"Closure of {action}", timeout=60_000)
                times.append(time.perf_counter() - start)
        browser.close()
    return times


async def _session(page: Page, url: str, action: str) -> str:
    await page.goto(f"{url}/?action={action}&cloud={CLOUD}", timeout=120_000)
    await page.wait_for_function(DRAWN_JS, arg=action, timeout=120_000)
    if await page.locator('[data-testid="stException"]').count():
        return f"{action}: exception shown"
    return ""


async def concurrent_sessions(url: str, actions: list[str]) -> tuple[list[str], float]:
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        contexts = [await browser.new_context() for _ in actions]
        pages = [await c.new_page() for c in contexts]
        start = time.perf_counter()
        errors = await asyncio.gather(*(_session(pg, url, a) for pg, a in zip(pages, actions, strict=True)))
        elapsed = time.perf_counter() - start
        await browser.close()
    return [e for e in errors if e], elapsed


def bare_command(script: Path, port: int) -> list[str]:
    """The bare page, served with the app's server options (so a ratio is what the app adds)."""
    return [sys.executable, "-m", "streamlit", "run", str(script), *SERVER_OPTIONS, "--server.port", str(port)]


def cold_start(argv: list[str], env: dict[str, str], url: str, action: str, *, app: bool) -> float:
    """Seconds from starting a server to the graph of ``url`` being drawn (the browser is already up)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        server = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = url.split("/?", 1)[0]
            wait_healthy(base, server)
            page.goto(url, timeout=120_000)
            if app:
                page.wait_for_function(DRAWN_JS, arg=action, timeout=120_000)
            else:
                page.wait_for_function(TITLE_JS, arg=f"Closure of {action}", timeout=120_000)
            elapsed = time.perf_counter() - start
        finally:
            stop_server(server)
            browser.close()
    return elapsed


def cold_rows(catalog: Path, bare_script: Path, rounds: int) -> None:
    """Server start -> first graph for the app and the bare page, alternating, both cold every time."""
    from explorer.cli.ui_cmd import streamlit_command

    app_times, bare_times = [], []
    env = dict(os.environ, PERMISSION_EXPLORER_CATALOG=str(catalog))
    for _ in range(rounds):
        port = free_port()
        url = f"http://127.0.0.1:{port}/?action={COLD_TARGET}&cloud={CLOUD}"
        app_times.append(cold_start(streamlit_command(port, "127.0.0.1"), env, url, COLD_TARGET, app=True))
        port = free_port()
        url = f"http://127.0.0.1:{port}/?action={COLD_TARGET}"
        bare_times.append(cold_start(bare_command(bare_script, port), env, url, COLD_TARGET, app=False))
    app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
    print(
        "cold starts (s), app: "
        + ", ".join(f"{t:.2f}" for t in app_times)
        + "; bare page: "
        + ", ".join(f"{t:.2f}" for t in bare_times)
    )
    timed_row(f"UI: start the server -> first graph for `/?action={COLD_TARGET}`", app_med, bare_med, "bare page")


def queries_per_rerun(catalog: Path, action: str, node: str) -> dict[str, int]:
    """How often one Explore rerun (with a why-path open) calls each query, counted on AppTest."""
    from streamlit.testing.v1 import AppTest

    from explorer.graph.explorer import Explorer

    counts = {"closure": 0, "why": 0, "dependents": 0}
    originals = {name: getattr(Explorer, name) for name in counts}

    def counting(name: str) -> object:
        def wrapper(self: Explorer, *args: object, **kwargs: object) -> object:
            counts[name] += 1
            return originals[name](self, *args, **kwargs)

        return wrapper

    os.environ["PERMISSION_EXPLORER_CATALOG"] = str(catalog)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params.update(action=action, cloud=CLOUD, node=node)
    at.run()  # the first run warms the caches; the second is the rerun counted
    for name in counts:
        setattr(Explorer, name, counting(name))
    try:
        at.run()
    finally:
        for name, fn in originals.items():
            setattr(Explorer, name, fn)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="passes over the chosen actions (default 2)")
    parser.add_argument("--actions", type=int, default=6, help="actions to choose per pass (default 6)")
    parser.add_argument("--catalog", type=Path, default=None, help="catalog root (default: bundled, else fixture)")
    parser.add_argument("--cold", type=int, default=3, help="cold starts of each server, median (default 3)")
    parser.add_argument("--cold-only", action="store_true", help="measure the cold starts only")
    args = parser.parse_args()
    catalog = args.catalog or served_catalog()
    explorer = api.build_explorer(api.load([catalog])[CLOUD], "bundled catalog")
    actions = pick_actions(explorer, args.actions)
    print(f"catalog {catalog}, cloud {CLOUD}; actions: {', '.join(actions)}")

    with tempfile.TemporaryDirectory() as tmp:
        dots = Path(tmp) / "dots.json"
        # The same DOT the app draws for each action at the default depth (all), without the legend.
        drawn = sorted({*actions, COLD_TARGET})
        dots.write_text(
            json.dumps({a: to_dot(api.closure_view(explorer, a), legend=False) for a in drawn}),
            encoding="utf-8",
        )
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_PAGE.format(dots=str(dots)), encoding="utf-8")
        print("| where a person waits | ours | floor measured in the same run | ratio |")
        print("| --- | --- | --- | --- |")
        cold_rows(catalog, bare_script, args.cold)
        if args.cold_only:
            return
        node = explorer.closure(COLD_TARGET).requirements[-1].action
        counts = queries_per_rerun(catalog, COLD_TARGET, node)
        calls = ", ".join(f"{name} {n}x" for name, n in counts.items() if n)
        row(
            "one Explore rerun (a why-path open): query calls",
            calls or "none",
            "closure 1x, why 1x",
            sum(counts.values()) / 2,
        )
        bare_port = free_port()
        bare = subprocess.Popen(
            bare_command(bare_script, bare_port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        app, app_url = start_server(catalog)
        try:
            bare_url = f"http://127.0.0.1:{bare_port}"
            wait_healthy(bare_url, bare)
            # Interleave so both see the same machine load (the cores are shared).
            app_times = time_choices(f"{app_url}/?cloud={CLOUD}", actions, args.rounds, app=True)
            bare_times = time_choices(bare_url, actions, args.rounds, app=False)
            app_times += time_choices(f"{app_url}/?cloud={CLOUD}", actions, 1, app=True)
            bare_times += time_choices(bare_url, actions, 1, app=False)
            app_med, bare_med = statistics.median(app_times), statistics.median(bare_times)
            print(
                f"choose -> graph, app:  median {app_med * 1000:.0f} ms, max {max(app_times) * 1000:.0f} ms "
                f"over {len(app_times)} choices"
            )
            print(
                f"choose -> graph, bare: median {bare_med * 1000:.0f} ms, max {max(bare_times) * 1000:.0f} ms "
                f"over {len(bare_times)} choices"
            )
            print(f"ratio app / bare Streamlit page: {app_med / bare_med:.2f}x")
            timed_row("UI: one Explore interaction (choose an action -> graph drawn)", app_med, bare_med, "bare page")

            before = rss_kib(app.pid)
            many = pick_actions(explorer, 10)
            errors, elapsed = asyncio.run(concurrent_sessions(app_url, many))
            after = rss_kib(app.pid)
            print(f"10 concurrent sessions: {10 - len(errors)}/10 answered without error in {elapsed:.1f} s")
            for e in errors:
                print(f"  error: {e}")
            print(
                f"server RSS: {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after "
                f"(+{(after - before) / 1024:.0f} MiB)"
            )
        finally:
            stop_server(app)
            stop_server(bare)
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
