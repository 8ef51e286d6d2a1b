"""The web UI's server: ``streamlit run`` on the app, with the catalog made ready while the first
browser loads the page.

Streamlit runs a page's script only once a browser session has connected, so the first reader would
wait for the imports, the catalog load and the graph builds after the browser had fetched and started
Streamlit's own code. Here a background thread does that work as soon as the server is up, into the
same process-wide cache (``st.cache_resource``) the page reads; a session that comes earlier waits for
the same computation instead of starting a second one. ``permission-explorer ui`` runs this module.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import sys
import threading
import time
from pathlib import Path

APP_SCRIPT = Path(__file__).resolve().with_name("app.py")
# While the thread prepares (imports, the catalog: pure Python holding the GIL), the web server's thread
# serves the first browser Streamlit's sixty-odd scripts, and at every request it waits for the GIL for up to
# the switch interval (5 ms by default), which made the browser wait for the server. A tenth of it, only
# while preparing, lets the server answer at once (bench/bench_ui.py's cold start).
PREPARE_SWITCH_INTERVAL = 0.0005


def _serving() -> bool:
    """Whether Streamlit's runtime has started, which its web server does right before it accepts
    connections (the runtime object exists earlier, while the server still imports and builds its app)."""
    from streamlit import runtime

    return runtime.exists() and runtime.get_instance().state != runtime.RuntimeState.INITIAL


def prepare() -> None:
    """Import what the Explore page's first view uses and load the served catalog into the page's cache."""
    deadline = time.monotonic() + 60
    while not _serving() and time.monotonic() < deadline:  # the server's own start comes first
        time.sleep(0.02)
    # Streamlit warns that a cached function ran outside a script run; here that is the point.
    quiet = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    switch = sys.getswitchinterval()
    sys.setswitchinterval(PREPARE_SWITCH_INTERVAL)
    try:
        from explorer.app import catalogs, diagrams
        from explorer.ui import source

        # The engine parts a first view uses, imported now (the use cases import them on first use).
        # Not the page modules: a component declared outside a script run would not be registered.
        # (The Explore table and policy block are drawn when opened, so pandas and the policy engine wait.)
        # The catalog before Streamlit's modules: a session that connects early waits for the catalog.
        diagrams.preload()
        source.bundled(str(catalogs.default_catalog_path()))
        streamlit_preload()
        # Streamlit's first element in a process asks inspect.stack() whether it runs in a REPL, and inspect
        # maps every loaded module to its file on its first use (1,300 modules here: tens of ms at the very
        # start of the first view). Asked here, after the imports, the map is made when the page comes.
        inspect.stack()
    except Exception:  # the page reports a bad catalog itself, with the file and the row
        return
    finally:
        sys.setswitchinterval(switch)
        quiet.setLevel(level)


# The parts of Streamlit a first script run would import itself: a custom component imports pyarrow (and
# numpy) whatever its arguments, the page icon is checked against Streamlit's emoji table, the pages'
# Material icons against its icon names.
STREAMLIT_PRELOAD = (
    "pyarrow",
    "streamlit.components.v1.component_arrow",
    "streamlit.emojis",
    "streamlit.material_icon_names",
)


def streamlit_preload() -> None:
    """Import what the first script run needs from Streamlit and did not import when the server started."""
    for name in STREAMLIT_PRELOAD:
        importlib.import_module(name)


def main() -> None:
    """``python -m explorer.ui.serve [streamlit options]``: serve the app as ``streamlit run`` does."""
    from streamlit.web import cli

    threading.Thread(target=prepare, name="permission-explorer-prepare", daemon=True).start()
    sys.argv = ["streamlit", "run", str(APP_SCRIPT), *sys.argv[1:]]
    cli.main()


if __name__ == "__main__":
    main()
