"""The ``ui`` command: serve the Streamlit app on the bundled catalog or one named with --catalog."""

from __future__ import annotations

import importlib.util
import ipaddress
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import click

from explorer.app import catalogs
from explorer.errors import ExplorerError

INSTALL_HINT = 'the web UI needs streamlit, which is not installed: pip install "permission-explorer[ui]"'

# Streamlit's default accent is red, which reviewers read as an error on chips and focus borders. Set
# per light and dark theme, so the app still follows the reader's system setting.
ACCENT_LIGHT = "#2f6fd6"
ACCENT_DARK = "#6ea8ff"


# Streamlit's server options for serving the app (the UI benchmarks give a bare page the same ones).
SERVER_OPTIONS = (
    "--server.headless",
    "true",
    "--browser.gatherUsageStats",
    "false",
    "--client.toolbarMode",
    "viewer",
    # An installed tool's source does not change while it is served: without a file watcher a new
    # session does not scan every imported module's path (bench/bench_session_cpu.py), and no edit of
    # a file beside the app reruns anyone's page.
    "--server.fileWatcherType",
    "none",
    "--server.runOnSave",
    "false",
    # The pages call st.* for everything they show; "magic" (a bare expression is displayed) would
    # rewrite each page's syntax tree whenever Streamlit recompiles it, i.e. for every new session
    # once the last one has gone (its script cache is emptied then).
    "--runner.magicEnabled",
    "false",
    # An error we did not expect shows its type and a generic message in the browser, never the traceback
    # with the server's paths (the server's log still has it).
    "--client.showErrorDetails",
    "type",
)


def streamlit_command(port: int, address: str) -> list[str]:
    """The argv that serves the app (also used by the browser tests and the UI benchmarks)."""
    return [
        sys.executable,
        "-m",
        "explorer.ui.serve",  # `streamlit run` on the app, preparing the catalog meanwhile
        *SERVER_OPTIONS,
        "--server.port",
        str(port),
        "--server.address",
        address,
        "--theme.light.primaryColor",
        ACCENT_LIGHT,
        "--theme.dark.primaryColor",
        ACCENT_DARK,
    ]


# A host name as RFC 1123 spells it; its last label is not all digits, so "1.2.3.4.5" is neither an
# address nor a name (the web server's bind used to fail on it with a traceback).
_HOST_NAME = re.compile(
    r"(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*(?=[^.]*[A-Za-z-])"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?"
)


def check_address(address: str) -> str:
    """``address`` if it is an IP address or a host name, else a usage error naming what was expected."""
    try:
        ipaddress.ip_address(address)
    except ValueError:
        if _HOST_NAME.fullmatch(address) is None:
            raise click.BadParameter(
                f"{address!r} is neither an IP address (1.2.3.4, ::1) nor a host name", param_hint="--address"
            ) from None
    return address


def check_bind(address: str, port: int) -> None:
    """Bind the address and port once before the server does, so that a busy port or an address of another
    machine is our message and exit status 2, not the web server's traceback."""
    try:
        infos = socket.getaddrinfo(address, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _name, where = infos[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(where)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise click.BadParameter(f"cannot serve on {address} port {port}: {reason}", param_hint="--address") from None


@click.command("ui")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True, help="TCP port to serve on.")
@click.option("--address", default="localhost", show_default=True, help="Address to bind (0.0.0.0 for all interfaces).")
@click.option(
    "--catalog",
    "catalog",
    type=click.Path(path_type=Path),
    default=None,
    help="Catalog root or file to serve (default: $PERMISSION_EXPLORER_CATALOG or the bundled catalog).",
)
def ui(port: int, address: str, catalog: Path | None) -> None:
    """Serve the web UI (Explore, Scope, Catalog, Upload) with Streamlit (the ui extra)."""
    # streamlit is an optional dependency (the ui extra): this command only checks that it is there
    if importlib.util.find_spec("streamlit") is None:
        raise ExplorerError(INSTALL_HINT)
    root = catalog.resolve() if catalog is not None else catalogs.default_catalog_path()
    if not root.exists():
        raise click.BadParameter(
            f"{root} does not exist; expected a catalog root (<cloud>/<service>.yaml)", param_hint="--catalog"
        )
    check_bind(check_address(address), port)
    env = dict(os.environ, PERMISSION_EXPLORER_CATALOG=str(root))
    click.echo(f"serving {root} at http://{address}:{port}", err=True)
    server = subprocess.Popen(streamlit_command(port, address), env=env)
    # A terminated command takes its server down with it (the finally clause below runs on exit).
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: sys.exit(0))
    try:
        status = server.wait()
    except KeyboardInterrupt:
        status = 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if server.poll() is None:  # interrupted or killed here: never leave the server running
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    if status not in (0, -2):
        sys.exit(status)


COMMANDS: list[click.Command] = [ui]
