"""One rule for every face: bad input is a message with file, location and what was expected, never a traceback."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hardening_support import GOOD, MINI, SEED, tree

from explorer import api
from explorer.cli import cli


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.exit_code, " ".join(result.output.split())


def _catalog(tmp: Path, text: bytes) -> Path:
    root = tmp / "cat"
    (root / "otc").mkdir(parents=True)
    (root / "otc" / "ecs.yaml").write_bytes(text)
    return root


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (b"table: 1\n", b"table: " + b"9" * 5000 + b"\n", "integer of 5000 digits; at most 18 are allowed"),
        (b"schema_version: 3\n", b"schema_version: 2.0\n", "schema_version: expected 1, 2 or 3, got number 2.0"),
        (b"schema_version: 3\n", b"schema_version: 0x2\n", "schema_version: expected 1, 2 or 3, got string '0x2'"),
        (b"row: 1\n", b"row: 1:00\n", "source.row: expected a positive integer, got string '1:00'"),
        (b"id: 4bf1b57ad807", b'id: "4bf1\\0b57ad807"', "control character U+0000"),
    ],
)
def test_strict_scalars_and_huge_integers_are_messages(tmp_path: Path, old: bytes, new: bytes, message: str) -> None:
    assert old in SEED
    root = _catalog(tmp_path, SEED.replace(old, new, 1))
    code, output = _run(["validate", str(root)])
    assert code == 1 and message in output, output
    assert f"{root}/otc/ecs.yaml" in output
    code, output = _run(["closure", "ecs:servers:createImage", "--cloud", "otc", "--catalog", str(root)])
    assert code == 2 and message in output, output


def _fail_writes(monkeypatch: pytest.MonkeyPatch, number: int, inside: Path) -> None:
    real = os.open

    def fake(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and str(path).startswith(str(inside)):
            raise OSError(number, os.strerror(number), str(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake)


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_failing_disk_in_import_is_a_message_and_leaves_the_old_catalog(
    number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    api.import_corpus(MINI, out)
    before = tree(out)
    _fail_writes(monkeypatch, number, out)
    code, output = _run(["import", str(MINI), "--out", str(out)])
    assert code == 2
    assert f"cannot write the catalog: {os.strerror(number)}; the previous catalog is unchanged" in output
    monkeypatch.undo()
    assert tree(out) == before


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS])
def test_a_failing_disk_in_import_doc_out_is_a_message(
    number: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "ecs.yaml"
    target.write_text("old\n")
    real = os.fdopen

    def fake(fd: int, *args: Any, **kwargs: Any) -> Any:
        os.close(fd)
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "fdopen", fake)
    doc = MINI / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    code, output = _run(["import-doc", str(doc), "--edition", "huaweicloud-zh", "--out", str(target)])
    monkeypatch.setattr(os, "fdopen", real)
    assert code == 2
    assert f"cannot write: {os.strerror(number)}; nothing was changed" in output
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ecs.yaml"]


def test_import_doc_out_to_a_folder_is_a_message(tmp_path: Path) -> None:
    doc = MINI / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    code, output = _run(["import-doc", str(doc), "--edition", "huaweicloud-zh", "--out", str(tmp_path)])
    assert code == 2
    assert "is a directory" in output


def test_an_unreadable_folder_in_validate_is_a_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _catalog(tmp_path, SEED)
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if str(path).startswith(str(root)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_stat = Path.stat

    def stat(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self).startswith(str(root / "otc")):
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    code, output = _run(["validate", str(root / "otc" / "ecs.yaml"), str(root)])
    assert code == 1
    assert "Permission denied" in output and "Traceback" not in output


LONG = "x" * 20_000


@pytest.mark.parametrize(
    "args",
    [
        ["closure", LONG],
        ["closure", f"ecs:{LONG}:get"],
        ["closure", f"op:{LONG}"],
        ["closure", f"ecs:*{LONG}"],
        ["dependents", LONG],
        ["scope", LONG],
        ["show", LONG],
        ["search", LONG],
        ["closure", LONG, "--json"],
    ],
)
def test_long_input_is_quoted_short_in_every_message(args: list[str]) -> None:
    """A pasted 20,000-character argument comes back as its start and its length, not whole."""
    result = CliRunner().invoke(cli, [*args, "--catalog", str(GOOD)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (1, 2)
    assert "(20,0" in result.output and " characters)" in result.output
    assert len(result.output) < 2_000, len(result.output)


def test_clip_keeps_short_text_and_the_punctuation_around_long_runs() -> None:
    from explorer.errors import MAX_QUOTED, QueryError, clip

    short = "y" * MAX_QUOTED
    assert clip(f"unknown {short}") == f"unknown {short}"
    assert (
        clip("a " + "z" * 500 + "; did you mean: b")
        == "a " + "z" * (MAX_QUOTED - 20) + "… (500 characters); did you mean: b"
    )
    assert str(QueryError("bad " + "q" * 300, ("q:r:s",))).endswith("… (300 characters); did you mean: q:r:s")
