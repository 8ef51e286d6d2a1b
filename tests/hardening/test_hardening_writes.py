"""Every output path is written only when it is a regular file or absent (issue 23).

A device node, FIFO, socket or symbolic link at the path is refused with exit status 2 and a message
naming it, in every output mode, and is left as it was; ``import --out`` removes only the catalog
files it owns. Devices are made with mknod (the tests run as root, as CI and most containers do).
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_support import GOOD, MINI

from explorer.cli import cli

DOC = MINI / "huaweicloud-zh" / "ecs" / "镜像示例.md"
FILE_EXPECTED = "expected a regular file or a path that does not exist yet; nothing was written"
FOLDER_EXPECTED = "expected a folder or a path that does not exist yet; nothing was written"


def _device(path: Path) -> Path:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a null device of our own, not /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root (CAP_MKNOD)")
    return path


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _file_link(path: Path) -> Path:
    path.with_name("target.txt").write_text("the link's target\n")
    path.symlink_to("target.txt")
    return path


def _dangling(path: Path) -> Path:
    path.symlink_to("nowhere.txt")
    return path


def _folder_link(path: Path) -> Path:
    path.with_name("real").mkdir()
    path.symlink_to("real")
    return path


KINDS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "device": (_device, "a character device"),
    "fifo": (_fifo, "a FIFO"),
    "link": (_file_link, "a symbolic link"),
    "dangling": (_dangling, "a symbolic link"),
}


def _snapshot(folder: Path) -> dict[str, tuple[int, str | None]]:
    """Every entry of ``folder``: its type bits and, for a link, where it leads (a device or FIFO is never read)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        info = p.lstat()
        out[p.relative_to(folder).as_posix()] = (stat.S_IFMT(info.st_mode), os.readlink(p) if p.is_symlink() else None)
    return out


def _invoke(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def _commands(target: Path) -> dict[str, list[str]]:
    return {
        "import-doc --out": ["import-doc", str(DOC), "--edition", "huaweicloud-zh", "--out", str(target)],
        "export -o": ["export", "ecs:servers:createImage", "--format", "dot", "-o", str(target)],
        "diff --record-renames": ["diff", str(GOOD), str(GOOD), "--no-impact", "--record-renames", str(target)],
        "diff --record-renames --markdown": [
            *["diff", str(GOOD), str(GOOD), "--no-impact", "--markdown", "--record-renames", str(target)]
        ],
    }


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize(
    "command", ["import-doc --out", "export -o", "diff --record-renames", "diff --record-renames --markdown"]
)
def test_a_file_output_through_a_non_file_is_refused(tmp_path: Path, kind: str, command: str) -> None:
    make, words = KINDS[kind]
    target = make(tmp_path / "out")
    before = _snapshot(tmp_path)
    code, _stdout, stderr = _invoke(_commands(target)[command])
    assert code == 2
    assert stderr.splitlines()[-1] == f"error: {target}: is {words}; {FILE_EXPECTED}"
    assert "wrote" not in stderr
    assert _snapshot(tmp_path) == before  # the device, FIFO or link is still there, as it was
    assert not (tmp_path / "nowhere.txt").exists()
    if kind == "link":
        assert (tmp_path / "target.txt").read_text() == "the link's target\n"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_diff_record_renames_through_a_non_file_is_a_json_error(tmp_path: Path, kind: str) -> None:
    make, words = KINDS[kind]
    target = make(tmp_path / "out")
    before = _snapshot(tmp_path)
    args = ["diff", str(GOOD), str(GOOD), "--no-impact", "--json", "--record-renames", str(target)]
    code, stdout, _stderr = _invoke(args)
    assert code == 2
    assert json.loads(stdout) == {"format_version": 1, "error": {"message": f"{target}: is {words}; {FILE_EXPECTED}"}}
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("kind", [*sorted(KINDS), "folder-link"])
def test_import_out_through_a_non_folder_is_refused(tmp_path: Path, kind: str) -> None:
    make, words = KINDS.get(kind, (_folder_link, "a symbolic link"))
    target = make(tmp_path / "out")
    before = _snapshot(tmp_path)
    code, _stdout, stderr = _invoke(["import", str(MINI), "--out", str(target)])
    assert code == 2
    if kind == "link":  # click's own check of --out (a folder) sees the file the link leads to
        assert stderr.splitlines()[-1] == f"Error: Invalid value for '--out': Directory '{target}' is a file."
    else:
        assert stderr.splitlines()[-1] == f"error: {target}: is {words}; {FOLDER_EXPECTED}"
    assert _snapshot(tmp_path) == before


def test_import_out_refuses_a_cloud_folder_or_report_that_is_a_link(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _invoke(["import", str(MINI), "--out", str(out)])[0] == 0
    elsewhere = tmp_path / "elsewhere"
    (out / "otc").rename(elsewhere)
    (out / "otc").symlink_to(elsewhere)
    (out / "import-report.json").unlink()
    _fifo(out / "import-report.json")
    before = _snapshot(tmp_path)
    code, _stdout, stderr = _invoke(["import", str(MINI), "--out", str(out)])
    assert code == 2
    assert stderr.splitlines()[-2:] == [
        f"error: {out}/import-report.json: is a FIFO; {FILE_EXPECTED}",
        f"{out}/otc: is a symbolic link; {FOLDER_EXPECTED}",
    ]
    assert _snapshot(tmp_path) == before


def _user_files(out: Path) -> None:
    """What a user keeps beside a catalog: none of it is the importer's to remove."""
    (out / "otc" / "notes.txt").write_text("my notes\n")
    (out / "otc" / ".keep").write_text("")
    (out / "otc" / "drafts").mkdir()
    (out / "otc" / "drafts" / "draft.md").write_text("a page being written\n")
    (out / ".keep.tmp").write_text("mine\n")
    (out / "README").write_text("about this catalog\n")


USER_FILES = [".keep.tmp", "README", "otc/.keep", "otc/drafts", "otc/drafts/draft.md", "otc/notes.txt"]


def test_import_into_an_existing_folder_removes_only_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _invoke(["import", str(MINI), "--out", str(out)])[0] == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    _user_files(out)
    (out / "otc" / "stale.yaml").write_text("a service the new catalog no longer has\n")
    code, _stdout, stderr = _invoke(["import", str(MINI), "--out", str(out)])
    assert code == 0, stderr
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == sorted([*written, *USER_FILES])
    assert (out / "otc" / "notes.txt").read_text() == "my notes\n"
    assert (out / ".keep.tmp").read_text() == "mine\n"
    assert _invoke(["validate", str(out)])[0] == 0


def test_a_cloud_the_new_catalog_lacks_keeps_the_users_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _invoke(["import", str(MINI), "--out", str(out)])[0] == 0
    _user_files(out)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = (MINI / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        if line.startswith("huaweicloud"):
            relative = line.split("\t")[2]
            (corpus / relative).parent.mkdir(parents=True, exist_ok=True)
            (corpus / relative).write_bytes((MINI / relative).read_bytes())
    kept = [lines[0], *(ln for ln in lines[1:] if ln.startswith("huaweicloud"))]
    (corpus / "MANIFEST.tsv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    code, _stdout, stderr = _invoke(["import", str(corpus), "--out", str(out)])
    assert code == 0, stderr
    otc = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.parts[len(out.parts)] == "otc")
    assert otc == ["otc", "otc/.keep", "otc/drafts", "otc/drafts/draft.md", "otc/notes.txt"]  # no service file
    assert (out / ".keep.tmp").exists() and (out / "README").exists()


def test_a_read_only_catalog_folder_is_reported_as_read_only(tmp_path: Path) -> None:
    """A real read-only mount (a private mount namespace, gone when the command ends), not a simulated error."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare(1)")
    out = tmp_path / "out"
    assert _invoke(["import", str(MINI), "--out", str(out)])[0] == 0
    before = _snapshot(out)
    cli_path = Path(sys.executable).with_name("permission-explorer")
    script = (
        f"mount --bind {out} {out} && mount -o remount,bind,ro {out} || exit 77; "
        f"exec {cli_path} import {MINI} --out {out}"
    )
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, check=False)
    if proc.returncode == 77 or "unshare failed" in proc.stderr:
        pytest.skip(f"a read-only mount needs CAP_SYS_ADMIN: {proc.stderr.strip()}")
    assert proc.returncode == 2
    reason = "the folder is read-only (Read-only file system); nothing was written"
    assert proc.stderr.splitlines()[-1] == f"error: {out}: cannot write the catalog: {reason}"
    assert _snapshot(out) == before
