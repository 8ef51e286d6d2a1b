"""write_catalogs replaces the catalog as a whole or not at all."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from catalog_support import GOOD, tree

from explorer import api
from explorer.catalog import store
from explorer.catalog.store import write_catalogs
from explorer.model import Catalog, ServiceCatalog


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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["huaweicloud", "import-report.json", "otc"]


def test_a_cloud_directory_is_replaced_as_a_whole(tmp_path: Path) -> None:
    _previous(tmp_path)
    (tmp_path / "otc" / "gone.yaml").write_text("stale", encoding="utf-8")
    otc = _good()["otc"]
    only_ecs = Catalog("otc", {"ecs": otc.services["ecs"]})
    write_catalogs([only_ecs], tmp_path)
    assert sorted(p.name for p in (tmp_path / "otc").iterdir()) == ["ecs.yaml"]
    assert (tmp_path / "huaweicloud" / "ecs.yaml").read_bytes() == (GOOD / "huaweicloud" / "ecs.yaml").read_bytes()


def test_a_failing_dump_touches_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _previous(tmp_path)
    real = store.dump_service

    def dump(svc: ServiceCatalog) -> str:
        if svc.service == "dws":
            raise RuntimeError("disk full")
        return real(svc)

    monkeypatch.setattr(store, "dump_service", dump)
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


def test_the_swap_renames_each_cloud_aside_then_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _previous(tmp_path)
    calls = _count_replaces(monkeypatch, None)
    clouds = _good()
    write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path)
    kinds = [(src.split(".")[1:3] if src.startswith(".") else [src], dst.split(".")[1:3]) for src, dst in calls]
    assert kinds == [
        (["huaweicloud"], ["huaweicloud", "old"]),
        (["huaweicloud", "staging"], []),
        (["otc"], ["otc", "old"]),
        (["otc", "staging"], []),
    ]


@pytest.mark.parametrize("fail_at", [1, 2, 3, 4])
def test_a_failure_at_any_rename_leaves_the_previous_catalog(
    fail_at: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _previous(tmp_path)
    _count_replaces(monkeypatch, fail_at)
    clouds = _good()
    with pytest.raises(OSError, match="No space left"):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert tree(tmp_path) == before  # same files, same bytes, and no hidden staging or backup folder
    monkeypatch.undo()
    assert {cloud: sorted(cat.services) for cloud, cat in api.load([tmp_path]).items()} == {
        "huaweicloud": ["ecs"],
        "otc": ["ecs"],
    }


def test_an_interrupt_while_staging_leaves_no_staging_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _previous(tmp_path)
    real = Path.write_text

    def write_text(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.parent.name.startswith(".otc.staging."):
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    clouds = _good()
    with pytest.raises(KeyboardInterrupt):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path)
    assert tree(tmp_path) == before


def test_a_failure_into_a_new_folder_leaves_it_empty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _count_replaces(monkeypatch, 2)
    clouds = _good()
    with pytest.raises(OSError):
        write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path / "new")
    assert list((tmp_path / "new").iterdir()) == []


def test_write_text_atomic_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "import-report.json"
    target.write_text("old\n", encoding="utf-8")
    _count_replaces(monkeypatch, 1)
    with pytest.raises(OSError):
        store.write_text_atomic(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["import-report.json"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_written_files_and_folders_get_ordinary_permissions(tmp_path: Path) -> None:
    umask = store.process_umask()
    clouds = _good()
    write_catalogs([clouds[c] for c in sorted(clouds)], tmp_path, {"import-report.json": "{}\n"})
    assert stat.S_IMODE((tmp_path / "otc").stat().st_mode) == 0o777 & ~umask
    assert stat.S_IMODE((tmp_path / "otc" / "ecs.yaml").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE((tmp_path / "import-report.json").stat().st_mode) == 0o666 & ~umask
    (tmp_path / "import-report.json").chmod(0o640)
    store.write_text_atomic(tmp_path / "import-report.json", "{}\n")
    assert stat.S_IMODE((tmp_path / "import-report.json").stat().st_mode) == 0o640
