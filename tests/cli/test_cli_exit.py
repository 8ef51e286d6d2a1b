"""The console script leaves the process without tearing the heap down (explorer.cli._leave), and loses
nothing by it: the whole output reaches a pipe, the exit status is the command's, exit handlers run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# The console script's own entry, with an exit handler registered first, as a library's would be.
ENTRY = (
    "import atexit, sys\n"
    "marker = sys.argv.pop(1)\n"
    "atexit.register(lambda: open(marker, 'w').write('ran'))\n"
    "from explorer.cli import main\n"
    "main()\n"
)


def _run(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    marker = tmp_path / "atexit"
    proc = subprocess.run(
        [sys.executable, "-c", ENTRY, str(marker), *args], capture_output=True, text=True, timeout=120
    )
    return proc, marker


def test_a_long_answer_reaches_the_pipe_whole_and_exit_handlers_run(tmp_path: Path) -> None:
    proc, marker = _run(tmp_path, "dependents", "ecs:servers:get", "--json")
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout) > 65536  # more than one pipe buffer: only a flush gets all of it out
    doc = json.loads(proc.stdout)
    assert doc["action"] == "ecs:servers:get" and doc["dependents"]
    assert marker.read_text() == "ran"


def test_the_exit_status_and_message_of_an_error_are_kept(tmp_path: Path) -> None:
    proc, marker = _run(tmp_path, "closure", "nope")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("error: 'nope' is not an action")
    assert marker.read_text() == "ran"


def test_a_usage_error_keeps_click_s_status(tmp_path: Path) -> None:
    proc, _ = _run(tmp_path, "closure")
    assert proc.returncode == 2
    assert "Missing argument" in proc.stderr
