"""Benchmark: server CPU of one session's first view of a deep link, as a ratio to a bare Streamlit page.

Two servers run side by side, with the same server options: the app (served exactly as
``permission-explorer ui`` serves it) and a bare Streamlit page that writes one line. After one
warm-up session each (the app loads its catalog and builds its graphs once per process), N new
sessions open ``/?action=ecs:servers:createImage`` on the app and N open the bare page; each waits
until its page is drawn (the app: its interactive graph holds the action as its target). The server's
CPU time (user + system, from /proc/<pid>/stat, children such as ``dot`` included) over those N
sessions, divided by N, is the cost of one first view; the figure is app / bare. Issue 15 asks for at
most 2x. Two kinds of new session are measured:

- a new tab of a browser that has been here before: Streamlit's scripts are cached by the browser
  (they are served ``immutable``), so the server runs the page and sends what it draws;
- a browser that never was: every script the page needs is served too (the app uses more kinds of
  widget than one line of text, and Streamlit loads each kind's code on demand).

    .venv/bin/python bench/bench_session_cpu.py [--sessions 10] [--catalog PATH]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "ui"))

from playwright.sync_api import Browser, BrowserContext, sync_playwright  # noqa: E402
from timing import row  # noqa: E402
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

from explorer.cli.ui_cmd import SERVER_OPTIONS  # noqa: E402

TARGET = "ecs:servers:createImage"
DEEP_LINK = f"/?action={TARGET}"
BARE_PAGE = 'import streamlit as st\nst.write("bare page")\n'
_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its waited-for children, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in (11, 12, 13, 14))
    return (utime + stime + cutime + cstime) / _TICKS


def _view(context: BrowserContext, url: str, app: bool) -> None:
    """One new Streamlit session (a new page is a new websocket), until its first view is drawn."""
    page = context.new_page()
    page.goto(url)
    if app:
        page.wait_for_function(GRAPH_DRAWN_JS, arg=TARGET, timeout=60_000)
    else:
        page.wait_for_selector("text=bare page", state="attached", timeout=60_000)
    page.wait_for_timeout(300)  # let the script run finish on the server
    page.close()


def measure(browser: Browser, pid: int, url: str, app: bool, sessions: int, returning: bool) -> float:
    """Server CPU seconds per new session: new tabs of one browser (``returning``) or new browsers."""
    shared = browser.new_context()
    _view(shared, url, app)  # warm-up: imports, catalog load, graph build; fills the shared browser cache
    time.sleep(0.5)
    before = cpu_seconds(pid)
    for _ in range(sessions):
        if returning:
            _view(shared, url, app)
        else:
            fresh = browser.new_context()
            _view(fresh, url, app)
            fresh.close()
    time.sleep(0.5)
    shared.close()
    return (cpu_seconds(pid) - before) / sessions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--catalog", type=Path, default=served_catalog())
    args = parser.parse_args(argv)
    app, app_url = start_server(args.catalog)
    with tempfile.TemporaryDirectory() as tmp:
        bare_script = Path(tmp) / "bare.py"
        bare_script.write_text(BARE_PAGE, encoding="utf-8")
        port = free_port()
        argv_bare = [sys.executable, "-m", "streamlit", "run", str(bare_script), *SERVER_OPTIONS]
        argv_bare += ["--server.port", str(port), "--server.address", "127.0.0.1"]
        bare = subprocess.Popen(argv_bare, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bare_url = f"http://127.0.0.1:{port}"
        figures: dict[bool, tuple[float, float]] = {}
        try:
            wait_healthy(bare_url, bare)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                for returning in (True, False):
                    ours = measure(browser, app.pid, app_url + DEEP_LINK, True, args.sessions, returning)
                    floor = measure(browser, bare.pid, bare_url, False, args.sessions, returning)
                    figures[returning] = (ours, floor)
                browser.close()
        finally:
            stop_server(app)
            stop_server(bare)
    print(f"server CPU per session's first view of {DEEP_LINK}, {args.sessions} sessions each (issue 15: <= 2x)")
    print("| where a person waits | ours | floor measured in the same run | ratio |")
    print("| --- | --- | --- | --- |")
    for returning, what in ((True, "a new tab of a returning browser"), (False, "a browser that never visited")):
        ours, floor = figures[returning]
        row(
            f"server CPU of a session's first view of the deep link: {what}",
            f"{ours * 1000:.0f} ms",
            f"{floor * 1000:.0f} ms (a bare Streamlit page, same server options)",
            ours / max(floor, 1e-3),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
