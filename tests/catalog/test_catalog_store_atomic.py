"""write_catalogs replaces the catalog as a whole or not at all."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from catalog_support import GOOD, tree

from explorer import api, fileio
from explorer.catalog import store
from explorer.catalog.generations import resolve_root
from explorer.catalog.store import write_catalogs
from explorer.errors import CatalogError, Problem
from explorer.fileio import FileIOError
from explorer.model import Catalog


def _good() -> dict[str, Catalog]:
    return api.load([GOOD])


def _previous(out: Path) -> dict[str, bytes]:
    """A previous catalog in ``out``: the good fixtures with one service fewer, and a report."""
    shutil.copytree(GOOD, out, dirs_exist_ok=True)
    (out / "otc" / "dws.yaml").unlink()
    (out / "import-report.json").write_text('{"version": 0}\n', encoding="utf-8")
    return tree(out)


def test_writing_gives_the_fixture_bytes_and_reads_back_equal(tmp_path: Path) -> None:
    clouds = _good()
    written = write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert [str(p.relative_to(tmp_path)) for p in written] == [
        "huaweicloud/ecs.yaml",
        "otc/dws.yaml",
        "otc/ecs.yaml",
        "import-report.json",
    ]
    for path in written[:-1]:
        assert path.read_bytes() == (GOOD / path.relative_to(tmp_path)).read_bytes()
    assert api.load([tmp_path]) == clouds
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "huaweicloud",
        "import-report.json",
        "otc",
        "parsed-catalog.json",
    ]


def test_a_cloud_directory_is_replaced_as_a_whole_and_a_cloud_not_written_is_removed(tmp_path: Path) -> None:
    _previous(tmp_path)
    (tmp_path / "otc" / "gone.yaml").write_text("stale", encoding="utf-8")
    (tmp_path / "notes").mkdir()  # not a cloud: left alone
    otc = _good()["otc"]
    only_ecs = Catalog("otc", {"ecs": otc.services["ecs"]})
    write_catalogs([only_ecs], tmp_path)
    assert sorted(p.name for p in (tmp_path / "otc").iterdir()) == ["ecs.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["import-report.json", "notes", "otc", "parsed-catalog.json"]


def test_a_failing_dump_touches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _previous(tmp_path)
    real = store.dump_document

    def dump(doc: dict[str, Any]) -> str:
        if doc["service"] == "dws":
            raise RuntimeError("disk full")
        return real(doc)

    monkeypatch.setattr(store, "dump_document", dump)
    clouds = _good()
    with pytest.raises(RuntimeError, match="disk full"):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert tree(tmp_path) == before


def _count_replaces(monkeypatch: pytest.MonkeyPatch, fail_at: int | None) -> list[tuple[str, str]]:
    calls: list[tuple[str, str]] = []
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        calls.append((Path(src).name, Path(dst).name))
        if len(calls) == fail_at:
            raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def test_the_commit_is_one_rename_of_the_pointer_then_the_flat_layout_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _previous(tmp_path)
    calls = _count_replaces(monkeypatch, None)
    clouds = _good()
    write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert calls[0][1] == ".generation"  # the commit comes first; everything after it is unpacking
    assert [dst for _, dst in calls[1:]] == [
        "huaweicloud.old",
        "huaweicloud",
        "otc.old",
        "otc",
        "import-report.json",
        "parsed-catalog.json",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "huaweicloud",
        "import-report.json",
        "otc",
        "parsed-catalog.json",
    ]


def _new(tmp_path: Path) -> dict[str, bytes]:
    new = tmp_path / "expected"
    clouds = _good()
    write_catalogs([clouds[c] for c in sorted(clouds)], new, {"import-report.json": "{}\n"})
    return tree(new)


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4, 5, 6])
def test_a_failure_at_any_rename_leaves_the_old_catalog_or_the_new_one(
    fail_at: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _new(tmp_path)
    out = tmp_path / "out"
    before = _previous(out)
    _count_replaces(monkeypatch, fail_at)
    clouds = _good()
    with pytest.raises(CatalogError, match="No space left"):
        write_catalogs([clouds[c] for c in sorted(clouds)], out, {"import-report.json": "{}\n"})
    monkeypatch.undo()
    seen = tree(resolve_root(out))
    if fail_at == 1:  # the commit itself failed: the old catalog, and nothing left behind
        assert tree(out) == before
    else:  # committed: readers read the new catalog from its generation until it is unpacked
        assert seen == expected
    store.write_catalogs([clouds[c] for c in sorted(clouds)], out, {"import-report.json": "{}\n"})
    assert tree(out) == expected  # the next write recovers and leaves nothing behind


def test_an_interrupt_while_building_leaves_no_generation_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _previous(tmp_path)
    real = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    clouds = _good()
    with pytest.raises(KeyboardInterrupt):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path)
    assert tree(tmp_path) == before


def test_a_failure_into_a_new_folder_leaves_it_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _count_replaces(monkeypatch, 1)
    clouds = _good()
    with pytest.raises(CatalogError):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path / "new")
    assert list((tmp_path / "new").iterdir()) == []


def test_a_failed_check_leaves_the_old_catalog(tmp_path: Path) -> None:
    before = _previous(tmp_path)
    clouds = _good()
    veto = [Problem("x", "", "bad")]
    with pytest.raises(CatalogError, match="the new catalog was not written"):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, check=lambda gen: veto)
    assert tree(tmp_path) == before


@pytest.mark.parametrize(
    "cloud,service", [("otc", "../../escape"), ("otc", ".hidden"), ("../x", "ecs"), ("otc", "a\0b")]
)
def test_names_outside_the_grammar_are_refused_before_any_path_is_built(
    cloud: str, service: str, tmp_path: Path
) -> None:
    svc = _good()["otc"].services["ecs"]
    out = tmp_path / "out"
    with pytest.raises(CatalogError, match="expected a"):
        write_catalogs([Catalog(cloud, {service: svc})], out)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == []


def test_write_text_atomic_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "import-report.json"
    target.write_text("old\n", encoding="utf-8")
    _count_replaces(monkeypatch, 1)
    with pytest.raises(FileIOError, match="No space left on device"):
        fileio.write_text_atomic(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["import-report.json"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_written_files_and_folders_get_ordinary_permissions(tmp_path: Path) -> None:
    umask = fileio.process_umask()
    clouds = _good()
    write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert stat.S_IMODE((tmp_path / "otc").stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((tmp_path / "otc" / "ecs.yaml").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "import-report.json").stat().st_mode) == 0o666 & ~umask
    (tmp_path / "import-report.json").chmod(0o640)
    fileio.write_text_atomic(tmp_path / "import-report.json", "{}\n")
    assert stat.S_IMODE((tmp_path / "import-report.json").stat().st_mode) == 0o640
