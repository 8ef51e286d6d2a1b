"""``permission-explorer ui`` without streamlit (the ui extra) exits with an install hint, not a traceback."""

from __future__ import annotations

import subprocess
import sys

# A Python with streamlit unimportable, as after `pip install permission-explorer` without [ui]:
# None in sys.modules is how Python marks a module as not importable.
WITHOUT_STREAMLIT = "import sys; sys.modules['streamlit'] = None; from explorer.cli import main; main()"


def test_ui_without_streamlit_says_how_to_install_it() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_STREAMLIT, "ui", "--port", "1"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr == (
        'error: the web UI needs streamlit, which is not installed: pip install "permission-explorer[ui]"\n'
    )


def test_the_other_commands_run_without_streamlit() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", WITHOUT_STREAMLIT, "closure", "ecs:servers:createImage", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert '"format_version": 1' in proc.stdout
