"""Paths and the ``streamlit run`` server shared by the UI tests and the UI benchmark."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from explorer.cli.ui_cmd import streamlit_command

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CATALOG = REPO / "tests" / "fixtures" / "ui_catalog"
BUNDLED_CATALOG = REPO / "catalog"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASSETS = REPO / "assets"
# The seed row: the dependencies the Huawei table documents for ecs:servers:createImage.
DOCUMENTED = (
    "evs:snapshots:create",
    "evs:volumes:get",
    "ims:images:create",
    "ims:images:delete",
    "ims:images:get",
    "ims:images:list",
    "ims:images:update",
)


def served_catalog() -> Path:
    """The bundled catalog when it is in the checkout, else the fixture catalog."""
    if (BUNDLED_CATALOG / "huaweicloud").is_dir():
        return BUNDLED_CATALOG
    return FIXTURE_CATALOG


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with status {proc.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {timeout} s")


def start_server(catalog: Path, port: int | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``streamlit run`` on the app exactly as ``permission-explorer ui`` does; return it and its URL."""
    port = port or free_port()
    env = dict(os.environ, PERMISSION_EXPLORER_CATALOG=str(catalog))
    proc = subprocess.Popen(
        streamlit_command(port, "127.0.0.1"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
    except RuntimeError:
        proc.terminate()
        proc.wait(10)
        raise
    return proc, url


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


# In the page: the interactive graph's frame has drawn the answer whose target is ``action`` (node by node,
# or folded by service when it cannot be read whole; Cytoscape draws on its next frame), for
# page.wait_for_function(GRAPH_DRAWN_JS, arg=action) in the benchmarks.
GRAPH_DRAWN_JS = """(action) => { const f = document.querySelector('iframe[title$="permission_explorer_graph"]');
    const g = f && f.contentWindow && f.contentWindow.peGraph;
    return !!g && g.targets().includes(action) && g.cy().nodes().length > 0
        && (g.folded() || g.cy().getElementById(action).hasClass('target')); }"""
