"""The compiled catalog cache: the same answers as the YAML files, never stale, never read when unsafe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from catalog_support import BUNDLED, REPO, needs_bundled

from explorer import api
from explorer.catalog import compiled
from explorer.catalog.store import load_catalogs, load_catalogs_fresh
from explorer.errors import CatalogError
from explorer.model import Catalog

FIXTURE = REPO / "tests" / "fixtures" / "catalog"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PERMISSION_EXPLORER_CACHE_DIR", str(folder))
    monkeypatch.delenv("PERMISSION_EXPLORER_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    out = tmp_path / "catalog"
    shutil.copytree(FIXTURE, out)
    return out


def _refuse(paths: list[Path]) -> dict[str, Catalog]:
    raise AssertionError(f"the files were parsed again: {paths}")


def _entry(root: Path) -> Path:
    files, problems = compiled.collect_files([root])
    assert not problems
    return compiled.entry_path(files)


def test_second_load_comes_from_the_cache_and_equals_the_files(cache: Path, root: Path) -> None:
    first = load_catalogs([root])
    entry = _entry(root)
    assert entry.parent == cache and entry.is_file()
    assert entry.stat().st_mode & 0o077 == 0  # owner-only
    again = compiled.load_cached([root], _refuse)
    assert again == first == load_catalogs_fresh([root])
    ops = [op.id for op in again["huaweicloud"].operations()]
    assert ops == [op.id for op in first["huaweicloud"].operations()] and len(ops) > 10


def test_a_changed_file_is_never_served_stale_even_with_the_same_size_and_time(cache: Path, root: Path) -> None:
    load_catalogs([root])
    path = root / "huaweicloud" / "ecs.yaml"
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    assert "ecs:servers:createImage" in text
    changed = text.replace("ecs:servers:createImage", "ecs:servers:createImagX")
    assert len(changed) == len(text)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    loaded = load_catalogs([root])
    actions = {r.action for op in loaded["huaweicloud"].operations() for r in op.actions}
    assert "ecs:servers:createImagX" in actions and "ecs:servers:createImage" not in actions
    assert loaded == load_catalogs_fresh([root])
    assert compiled.load_cached([root], _refuse) == loaded  # the entry now holds the new content


def test_a_new_or_removed_file_is_another_catalog(cache: Path, root: Path) -> None:
    load_catalogs([root])
    (root / "huaweicloud" / "vpc.yaml").unlink()
    loaded = load_catalogs([root])
    assert "vpc" not in loaded["huaweicloud"].services
    assert loaded == load_catalogs_fresh([root])


def test_other_decoding_code_is_another_key(cache: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_catalogs([root])
    monkeypatch.setattr(compiled, "_code_digest", lambda: b"another version of the codec")
    calls: list[list[Path]] = []

    def fresh(paths: list[Path]) -> dict[str, Catalog]:
        calls.append(paths)
        return load_catalogs_fresh(paths)

    assert compiled.load_cached([root], fresh) == load_catalogs_fresh([root])
    assert calls == [[root]]


@pytest.mark.parametrize("damage", ["flip a payload byte", "truncate", "not a cache file", "empty"])
def test_a_damaged_entry_is_ignored_and_rewritten(cache: Path, root: Path, damage: str) -> None:
    expected = load_catalogs([root])
    entry = _entry(root)
    blob = bytearray(entry.read_bytes())
    if damage == "flip a payload byte":
        blob[-10] ^= 0xFF
    elif damage == "truncate":
        del blob[len(blob) // 2 :]
    elif damage == "not a cache file":
        blob = bytearray(b"#!/bin/sh\nrm -rf /\n")
    else:
        blob = bytearray()
    entry.write_bytes(bytes(blob))
    os.chmod(entry, 0o600)
    assert compiled.read_entry(entry, compiled.content_key(*_files_and_bytes(root))) is None
    assert load_catalogs([root]) == expected
    assert compiled.load_cached([root], _refuse) == expected  # rewritten


def _files_and_bytes(root: Path) -> tuple[list[Path], list[bytes]]:
    files, _ = compiled.collect_files([root])
    return files, [p.read_bytes() for p in files]


@pytest.mark.parametrize("mode", [0o620, 0o602, 0o666])
def test_an_entry_others_can_write_is_not_read(cache: Path, root: Path, mode: int) -> None:
    load_catalogs([root])
    entry = _entry(root)
    os.chmod(entry, mode)
    assert compiled.read_entry(entry, compiled.content_key(*_files_and_bytes(root))) is None
    calls: list[list[Path]] = []

    def fresh(paths: list[Path]) -> dict[str, Catalog]:
        calls.append(paths)
        return load_catalogs_fresh(paths)

    compiled.load_cached([root], fresh)
    assert calls == [[root]]
    assert entry.stat().st_mode & 0o077 == 0  # replaced by an owner-only entry


def test_a_symlinked_entry_is_not_followed(cache: Path, root: Path, tmp_path: Path) -> None:
    load_catalogs([root])
    entry = _entry(root)
    planted = tmp_path / "planted.bin"
    shutil.copyfile(entry, planted)
    os.chmod(planted, 0o600)
    entry.unlink()
    entry.symlink_to(planted)
    assert compiled.read_entry(entry, compiled.content_key(*_files_and_bytes(root))) is None


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_owned_by_another_user_is_not_read(cache: Path, root: Path) -> None:
    load_catalogs([root])
    entry = _entry(root)
    os.chown(entry, 65534, 65534)
    assert compiled.read_entry(entry, compiled.content_key(*_files_and_bytes(root))) is None


def test_an_invalid_catalog_reports_from_the_files_and_compiles_nothing(cache: Path, root: Path) -> None:
    path = root / "huaweicloud" / "ecs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 7"))
    with pytest.raises(CatalogError) as caught:
        load_catalogs([root])
    assert any(p.location == "schema_version" and p.file == str(path) for p in caught.value.problems)
    assert not cache.exists() or not list(cache.glob("catalog-*.bin"))


def test_a_cache_folder_that_cannot_be_written_only_costs_speed(
    tmp_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("PERMISSION_EXPLORER_CACHE_DIR", str(blocker / "cache"))
    assert load_catalogs([root]) == load_catalogs_fresh([root])


def test_the_cache_can_be_turned_off(cache: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMISSION_EXPLORER_NO_CACHE", "1")
    load_catalogs([root])
    assert not cache.exists()


def test_old_entries_are_pruned(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 2)
    for i in range(4):
        copy = tmp_path / f"copy{i}"
        shutil.copytree(FIXTURE, copy)
        load_catalogs([copy])
    assert len(list(cache.glob("catalog-*.bin"))) == 2


@needs_bundled
@pytest.mark.parametrize("cloud", ["huaweicloud", "otc"])
def test_cached_and_fresh_answers_agree_on_the_whole_bundled_catalog(cache: Path, cloud: str) -> None:
    """Every action's closure and dependents, from the compiled catalog and from the YAML files."""
    files = [p for p in sorted(BUNDLED.glob(f"{cloud}/*.yaml"))]
    fresh = load_catalogs_fresh(files)
    load_catalogs(files)  # compiles
    cached = compiled.load_cached(files, _refuse)
    assert cached == fresh
    a = api.build_explorer(fresh[cloud], "bundled")
    b = api.build_explorer(cached[cloud], "bundled")
    assert a.actions() == b.actions() and len(a.actions()) > 100
    for action in a.actions():
        assert a.closure(action).to_dict() == b.closure(action).to_dict(), action
        assert a.dependents(action).to_dict() == b.dependents(action).to_dict(), action
    assert a.check().to_dict() == b.check().to_dict()
