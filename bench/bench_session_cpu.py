"""Benchmark: server CPU of one session's first view of a deep link, as a ratio to a bare Streamlit page.

Two servers run side by side: the app (served as ``permission-explorer ui`` serves it) and a bare
Streamlit page that writes one line. After one warm-up session each (the app builds its explorer
once per process), N fresh browser sessions open ``/?action=ecs:servers:createImage`` on the app,
and N open the bare page; each waits until its page is drawn. The server's CPU time (user + system,
from /proc/<pid>/stat, children included) over those N sessions, divided by N, is the cost of one
first view; the figure is app / bare. Issue 15 asks for at most 2x.

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

from playwright.sync_api import Browser, sync_playwright  # noqa: E402
from ui_support import CHROMIUM, CHROMIUM_ARGS, free_port, served_catalog, start_server, stop_server, wait_healthy  # noqa: E402

DEEP_LINK = "/?action=ecs:servers:createImage"
BARE_PAGE = 'import streamlit as st\nst.write("bare page")\n'
_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its waited-for children, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(fields[i]) for i in (11, 12, 13, 14))
    return (utime + stime + cutime + cstime) / _TICKS


def _session(browser: Browser, url: str, ready: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(ready, state="attached", timeout=60_000)
    page.wait_for_timeout(300)  # let the script run finish on the server
    context.close()


def measure(browser: Browser, pid: int, url: str, ready: str, sessions: int) -> float:
    _session(browser, url, ready)  # warm-up: imports, catalog load, first graph build
    time.sleep(0.5)
    before = cpu_seconds(pid)
    for _ in range(sessions):
        _session(browser, url, ready)
    time.sleep(0.5)
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
        bare = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(bare_script),
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        bare_url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(bare_url, bare)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                graph = '[data-testid="stGraphVizChart"] svg g.node'
                app_cpu = measure(browser, app.pid, app_url + DEEP_LINK, graph, args.sessions)
                bare_cpu = measure(browser, bare.pid, bare_url, "text=bare page", args.sessions)
                browser.close()
        finally:
            stop_server(app)
            stop_server(bare)
    print(f"server CPU per first view, {args.sessions} sessions each:")
    print(f"  deep link {DEEP_LINK}: {app_cpu * 1000:.0f} ms")
    print(f"  bare Streamlit page:  {bare_cpu * 1000:.0f} ms")
    print(f"  ratio app / bare: {app_cpu / max(bare_cpu, 1e-3):.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
