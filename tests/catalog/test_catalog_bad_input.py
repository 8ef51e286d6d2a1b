"""Bad catalog input: a clear CatalogError naming the file and the place, never a traceback, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from catalog_support import BAD, BUNDLED, GOOD, GOOD_FILES, bundled_files, needs_bundled, place, tree
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.catalog.files import MAX_FILE_BYTES
from explorer.catalog.validate import validate_paths
from explorer.catalog.yamlio import load_service_text, parse_yaml_text
from explorer.cli import cli
from explorer.errors import CatalogError, Problem

SEED = (GOOD / "huaweicloud" / "ecs.yaml").read_bytes()

# Each: the bytes of a service file, then the location and a part of the message the problem must have.
BAD_BYTES: dict[str, tuple[bytes, str, str]] = {
    "malformed YAML": ((BAD / "malformed.yaml").read_bytes(), "line 7, column 1", "malformed YAML: did not find"),
    "alias bomb": ((BAD / "alias_bomb.yaml").read_bytes(), "line 2, column 4", "anchors and aliases are not allowed"),
    "duplicate key": ((BAD / "duplicate_key.yaml").read_bytes(), "line 5, column 1", "duplicate key 'cloud'"),
    "two documents": ((BAD / "two_documents.yaml").read_bytes(), "line 7, column 1", "expected a single document"),
    "empty file": (b"", "(top level)", "empty document; expected a mapping"),
    "comment only": (b"# nothing here\n", "(top level)", "empty document"),
    "top-level list": ((BAD / "top_level_list.yaml").read_bytes(), "(top level)", "expected a mapping, got a list"),
    "binary garbage": (bytes(range(256)) * 4, "line 1, column 1", "not a text file (a NUL byte)"),
    "NUL inside": (SEED.replace(b"row: 1\n", b"row: 1\x00\n", 1), "line 42, column 11", "not a text file"),
    "control character": (b"schema_version: 1\ncloud: \x07otc\n", "line 2, column 8", "control character U+0007"),
    "not UTF-8": (SEED.replace("镜像".encode(), "镜像".encode("gb18030"), 1), "line 5, column 28", "not valid UTF-8"),
    "a tag": (b"schema_version: !!python/object:os.system 1\n", "line 1, column 17", "determine a constructor"),
    "merge key": (b"<<: {cloud: otc}\n", "line 1, column 1", "merge keys (<<) are not allowed"),
    "complex key": (b"? [cloud]\n: otc\n", "line 1, column 3", "a list or mapping used as a mapping key"),
    "wrong type": (SEED.replace(b"row: 1\n", b"row: first\n", 1), "operations[0].source.row", "positive integer"),
}


@pytest.mark.parametrize("case", sorted(BAD_BYTES))
def test_bad_bytes_give_one_clear_problem_with_file_and_location(case: str) -> None:
    data, location, message = BAD_BYTES[case]
    with pytest.raises(CatalogError) as info:
        load_service_text(data, "catalog/huaweicloud/ecs.yaml")
    first = info.value.problems[0]
    assert (first.file, first.location) == ("catalog/huaweicloud/ecs.yaml", location)
    assert message in first.message
    assert str(info.value).startswith(f"catalog/huaweicloud/ecs.yaml: {location}: " if location else "catalog/")


def test_the_alias_bomb_is_refused_before_it_expands() -> None:
    # Nine levels of ten-fold aliases would be 10**9 strings if anything expanded them.
    with pytest.raises(CatalogError, match="anchors and aliases"):
        parse_yaml_text((BAD / "alias_bomb.yaml").read_bytes(), "bomb.yaml")


def test_a_file_too_large_is_refused_before_parsing() -> None:
    with pytest.raises(CatalogError) as info:
        parse_yaml_text(b"#" * (MAX_FILE_BYTES + 1), "big.yaml")
    assert info.value.problems == [Problem("big.yaml", "", f"file is larger than {MAX_FILE_BYTES} bytes")]


@pytest.mark.parametrize("cut", [0.1, 0.35, 0.5, 0.8, 0.97])
def test_a_truncated_file_names_what_is_missing(cut: float) -> None:
    data = SEED[: int(len(SEED) * cut)]
    with pytest.raises(CatalogError) as info:
        load_service_text(data, "ecs.yaml")
    assert all(p.file == "ecs.yaml" and p.location for p in info.value.problems)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED) - 1))
def test_any_truncation_fails_cleanly_or_keeps_a_prefix_of_the_rows(cut: int) -> None:
    # YAML has no end marker: a cut can leave a valid catalog. Then every operation but the last one
    # is exactly as in the full file, and the last one is at worst a cut-short copy of the same row.
    full = load_service_text(SEED, "ecs.yaml").operations
    try:
        ops = load_service_text(SEED[:cut], "ecs.yaml").operations
    except CatalogError as exc:
        assert exc.problems and all(p.file == "ecs.yaml" for p in exc.problems)
        return
    assert ops[:-1] == full[: len(ops) - 1]
    if ops:
        assert ops[-1].id == full[len(ops) - 1].id


# integers of at most 18 digits: longer ones are refused (see test_hardening_yaml)
_json_scalars = st.none() | st.booleans() | st.integers(-(10**18) + 1, 10**18 - 1) | st.text(max_size=30)
_json = st.recursive(
    _json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(_json)
def test_the_event_loader_reads_what_yaml_safe_load_reads(data: object) -> None:
    for text in (yaml.safe_dump(data, allow_unicode=True), yaml.safe_dump(data, default_flow_style=True)):
        assert parse_yaml_text(text, "x.yaml") == yaml.safe_load(text)


@pytest.mark.parametrize("path", GOOD_FILES + (bundled_files()[:12]), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_event_loader_matches_the_c_safe_loader_on_catalog_files(path: Path) -> None:
    data = path.read_bytes()
    assert parse_yaml_text(data, str(path)) == yaml.load(data, Loader=yaml.CSafeLoader)


def test_yaml_scalars_resolve_strictly_not_as_yaml_1_1() -> None:
    # YAML 1.1 (yaml.safe_load) reads 017 as 15, 0x1F as 31, 1_000 as 1000, yes as True, 190:20:30 as 685230
    text = "a: 017\nb: 0x1F\nc: 1_000\nd: -3\ne: yes\nf: ~\ng: '12'\nh: ! 12\ni: 1.5\nj: 2001-12-14\nk: 190:20:30\n"
    assert parse_yaml_text(text, "x.yaml") == {
        "a": "017",
        "b": "0x1F",
        "c": "1_000",
        "d": -3,
        "e": "yes",
        "f": None,
        "g": "12",
        "h": 12,
        "i": 1.5,
        "j": "2001-12-14",
        "k": "190:20:30",
    }


@pytest.mark.parametrize("case", ["malformed.yaml", "alias_bomb.yaml", "duplicate_key.yaml", "empty.yaml"])
def test_the_cli_reports_bad_files_without_a_traceback_and_writes_nothing(case: str, tmp_path: Path) -> None:
    root = tmp_path / "cat"
    target = place(BAD / case, root)
    before = tree(tmp_path)
    show = ["show", "ecs:servers:createImage", "--cloud", "otc", "--catalog", str(root)]
    for args in (["validate", str(root)], show):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        assert str(target) in result.output
    assert tree(tmp_path) == before


def test_loading_bad_input_through_the_api_raises_catalog_error_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "cat"
    (root / "otc").mkdir(parents=True)
    (root / "otc" / "ecs.yaml").write_bytes(bytes(range(256)))
    before = tree(tmp_path)
    with pytest.raises(CatalogError) as info:
        api.load([root])
    assert info.value.problems == [
        Problem(str(root / "otc" / "ecs.yaml"), "line 1, column 1", "not a text file (a NUL byte); expected UTF-8 YAML")
    ]
    assert tree(tmp_path) == before


@needs_bundled
def test_the_bundled_catalog_is_not_touched_by_loading() -> None:
    before = tree(BUNDLED)
    api.load([BUNDLED])
    assert tree(BUNDLED) == before


def test_a_huge_file_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    target = tmp_path / "otc" / "ecs.yaml"
    target.parent.mkdir()
    with target.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, and nothing would be read
    assert validate_paths([tmp_path]) == [Problem(str(target), "", f"file is larger than {MAX_FILE_BYTES} bytes")]
