"""Every file the tool opens goes through one guarded open (issue 23): a FIFO or device where a file is
expected is refused at once, never waited on or read, in every output mode.

The commands run as processes with a timeout: a regression would block on the FIFO, and the test
must fail rather than hang.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_support import GOOD, MINI

CLI = Path(sys.executable).with_name("permission-explorer")
TIMEOUT = 60  # seconds; a blocked open never returns, a refused one takes as long as the command's start


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    try:
        return subprocess.run(
            [str(CLI), *args], capture_output=True, text=True, timeout=TIMEOUT, env=full_env, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"permission-explorer {' '.join(args)} blocked for {TIMEOUT} s")


def _device(path: Path) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # a zero device of our own: endless bytes
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    return path


def _special(tmp: Path, kind: str) -> tuple[Path, str]:
    if kind == "fifo":
        os.mkfifo(tmp / "doc.md")
        return tmp / "doc.md", "a FIFO"
    return _device(tmp / "doc.md"), "a character device"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_doc_of_a_fifo_or_device_is_refused_at_once(tmp_path: Path, kind: str) -> None:
    path, words = _special(tmp_path, kind)
    proc = _run(["import-doc", str(path), "--edition", "huaweicloud-zh"])
    assert proc.returncode == 2
    assert (proc.stdout, proc.stderr) == ("", f"error: {path}: is {words}, not a regular file; not read\n")


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_policy_lint_of_a_fifo_or_device_is_refused_in_every_output_mode(tmp_path: Path, kind: str) -> None:
    path, words = _special(tmp_path, kind)
    message = f"{path}: is {words}, not a regular file; not read"
    text = _run(["policy", "lint", str(path), "--catalog", str(GOOD), "--cloud", "otc"])
    assert (text.returncode, text.stdout, text.stderr) == (2, "", f"error: {message}\n")
    for mode in ("--json", "--sarif"):
        proc = _run(["policy", "lint", str(path), "--catalog", str(GOOD), "--cloud", "otc", mode])
        assert proc.returncode == 2, mode
        assert json.loads(proc.stdout) == {"format_version": 1, "error": {"message": message}}, mode


def test_a_fifo_in_a_corpus_is_a_file_problem_not_a_wait(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    page = corpus / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    page.unlink()
    os.mkfifo(page)
    proc = _run(["import", str(corpus), "--out", str(tmp_path / "out")])
    assert proc.returncode == 0, proc.stderr  # a page that cannot be read is a problem of the import, as before
    report = json.loads((tmp_path / "out" / "import-report.json").read_text(encoding="utf-8"))
    (entry,) = [f for f in report["files"] if f["file"] == "huaweicloud-zh/ecs/镜像示例.md"]
    reason = "not a regular file; expected a documentation page"
    assert entry["problems"] == [{"table": 0, "row": 0, "skipped": True, "reason": reason}]


def _closure(catalog: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    return _run(["closure", "ecs:servers:createImage", "--cloud", "otc", "--catalog", str(catalog), *extra], env)


def test_a_fifo_planted_in_the_shared_cache_folder_never_hangs_a_command(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o1777)  # shared, as /tmp is: anyone may plant an entry
    env = {"PERMISSION_EXPLORER_CACHE_DIR": str(cache), "PERMISSION_EXPLORER_NO_CACHE": "0"}
    expected = {mode: _closure(GOOD, env, *mode) for mode in ((), ("--json",))}
    assert all(proc.returncode == 0 for proc in expected.values())
    entries = sorted(cache.glob("catalog-*.bin"))
    assert len(entries) == 1  # the compiled catalog the next run would read
    for mode, first in expected.items():
        entries[0].unlink(missing_ok=True)
        os.mkfifo(entries[0])
        again = _closure(GOOD, env, *mode)
        assert (again.returncode, again.stdout) == (0, first.stdout)


def test_a_fifo_planted_as_the_generation_pointer_is_no_pointer(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    shutil.copytree(GOOD, root)
    os.mkfifo(root / ".generation")
    env = {"PERMISSION_EXPLORER_NO_CACHE": "1"}
    proc = _run(["validate", str(root)], env)
    assert (proc.returncode, proc.stderr) == (0, "ok: 3 files, 3 services, 9 operations\n")
    assert _closure(root, env).stdout == _closure(GOOD, env).stdout
