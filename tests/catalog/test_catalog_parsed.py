"""parsed-catalog.json: the documents beside the YAML, used only for the exact bytes recorded, never unchecked."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from catalog_support import BUNDLED, REPO, bundled_files, needs_bundled

from explorer.catalog import parsed, scan
from explorer.catalog.store import load_catalogs_fresh, scan_catalogs, write_catalogs
from explorer.catalog.validate import validate
from explorer.catalog.yamlio import parse_yaml_text
from explorer.errors import CatalogError

FIXTURE = REPO / "tests" / "fixtures" / "catalog"


def _no_yaml(text: Any, file: str) -> Any:
    raise AssertionError(f"{file} was parsed from its YAML")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The fixture catalog written by write_catalogs, as an import writes one."""
    out = tmp_path / "catalog"
    write_catalogs(scan_catalogs([FIXTURE]).catalogs.values(), out)
    return out


def _entries(base: Path) -> list[list[Any]]:
    lines = (base / parsed.NAME).read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0].rstrip(",").removeprefix("[")) == {"kind": parsed.KIND, "format": parsed.FORMAT}
    return [json.loads(line.rstrip(",")) for line in lines[1:-1]]


def _rewrite(base: Path, change: Any) -> None:
    """Rewrite the parsed form with ``change(entries)`` applied, in the writer's own layout."""
    entries = _entries(base)
    change(entries)
    head = json.dumps({"kind": parsed.KIND, "format": parsed.FORMAT}, separators=(",", ":"))
    body = ",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in entries)
    (base / parsed.NAME).write_text(f"[{head},\n{body}\n]\n", encoding="utf-8")


@needs_bundled
def test_the_bundled_parsed_form_is_exactly_what_its_yaml_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _entries(BUNDLED)
    files = bundled_files()
    assert [e[0] for e in entries] == [f"{p.parent.name}/{p.name}" for p in files]
    for (rel, digest, doc), path in zip(entries, files, strict=True):
        raw = path.read_bytes()
        assert digest == hashlib.sha256(raw).hexdigest(), f"{rel}: stale; run ./run catalog"
        assert doc == parse_yaml_text(raw, str(path)), rel
    from_yaml = scan_catalogs([BUNDLED]).catalogs
    monkeypatch.setattr(scan, "parse_yaml_text", _no_yaml)
    assert load_catalogs_fresh([BUNDLED]) == from_yaml
    monkeypatch.undo()  # validate reads the YAML itself, and finds the parsed form in agreement
    assert validate([BUNDLED]).problems == ()


def test_a_write_records_every_service_file_and_a_load_needs_no_yaml(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(root.glob("*/*.yaml"))
    assert [e[0] for e in _entries(root)] == [f"huaweicloud/{p.name}" for p in files] and len(files) == 4
    from_yaml, two_from_yaml = scan_catalogs([root]).catalogs, scan_catalogs(files[:2]).catalogs
    monkeypatch.setattr(scan, "parse_yaml_text", _no_yaml)
    assert load_catalogs_fresh([root]) == from_yaml
    assert load_catalogs_fresh(files[:2]) == two_from_yaml  # files named one by one find it too


def test_an_edited_file_is_parsed_from_its_yaml(root: Path) -> None:
    path = root / "huaweicloud" / "ecs.yaml"
    text = path.read_text(encoding="utf-8")
    assert "ecs:servers:createImage" in text
    path.write_text(text.replace("ecs:servers:createImage", "ecs:servers:createImage2", 1), encoding="utf-8")
    loaded = load_catalogs_fresh([root])
    assert loaded == scan_catalogs([root]).catalogs
    actions = {a.action for op in loaded["huaweicloud"].services["ecs"].operations for a in op.actions}
    assert "ecs:servers:createImage2" in actions


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b'[{"kind":"permission-explorer parsed catalog","format":1},\n["huaweicloud/ecs.yaml"',
        b"{}",
        b'[{"kind":"permission-explorer parsed catalog","format":99}]',
        b"\xff\xfe not json",
    ],
)
def test_a_damaged_or_foreign_parsed_form_is_ignored(root: Path, damage: bytes) -> None:
    (root / parsed.NAME).write_bytes(damage)
    assert parsed.read(root) == {}
    assert load_catalogs_fresh([root]) == scan_catalogs([root]).catalogs


def test_a_parsed_form_that_is_not_a_regular_file_is_not_read(root: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere.json"
    shutil.move(root / parsed.NAME, real)
    (root / parsed.NAME).symlink_to(real)
    assert parsed.read(root) == {}


def test_paths_out_of_the_root_are_refused(root: Path) -> None:
    def escape(entries: list[list[Any]]) -> None:
        entries[0][0] = "../huaweicloud/ecs.yaml"

    _rewrite(root, escape)
    assert parsed.read(root) == {}


def test_a_recorded_document_still_goes_through_every_check(root: Path) -> None:
    def corrupt(entries: list[list[Any]]) -> None:
        entries[0][2]["operations"][0]["actions"] = [{"action": "not an action\x1b[31m"}]

    _rewrite(root, corrupt)
    with pytest.raises(CatalogError) as caught:
        load_catalogs_fresh([root])
    assert any(p.file == str(root / "huaweicloud" / "ecs.yaml") for p in caught.value.problems)


def test_validate_reads_the_yaml_and_reports_a_parsed_form_that_disagrees(root: Path) -> None:
    assert validate([root]).problems == ()

    def rename(entries: list[list[Any]]) -> None:
        entries[0][2]["operations"][0]["notes"] = "not what the YAML says"

    _rewrite(root, rename)
    problems = validate([root]).problems
    assert [(p.file, p.location) for p in problems] == [(str(root / parsed.NAME), "huaweicloud/ecs.yaml")]
    assert "records another document for this file than its YAML" in problems[0].message


def test_rendering_is_deterministic(root: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    write_catalogs(scan_catalogs([root]).catalogs.values(), again)
    assert (again / parsed.NAME).read_bytes() == (root / parsed.NAME).read_bytes()


def test_only_the_lines_of_the_wanted_files_are_decoded(root: Path) -> None:
    files = sorted(root.glob("*/*.yaml"))
    everything = parsed.read(root)
    assert sorted(everything) == files
    assert parsed.read(root, files[1:2]) == {files[1]: everything[files[1]]}
    assert parsed.read(root, [root / "huaweicloud" / "absent.yaml"]) == {}
