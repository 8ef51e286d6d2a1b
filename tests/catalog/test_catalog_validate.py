"""``validate``: every problem in catalog files, each with file, location and what was expected."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
import yaml
from catalog_support import BAD, BAD_FILES, GOOD, place
from click.testing import CliRunner

from explorer import api
from explorer.catalog.store import load_service_file
from explorer.catalog.validate import validate_paths
from explorer.cli import cli
from explorer.errors import CatalogError, Problem

# Content problems of the bad fixtures, as (location, part of the message). One fixture, one defect.
EXPECTED: dict[str, list[tuple[str, str]]] = {
    "action_two_parts": [("operations[0].actions[0]", "'ecs:createImage' is not an action, or a pattern with '*'")],
    "action_upper_service": [("operations[0].actions[0]", "'ECS:servers:createImage' is not an action")],
    "action_wildcard": [("operations[0].actions[0]", "'*:servers:createImage' is not an action, or a pattern")],
    "alias_bomb": [("line 2, column 4", "YAML anchors and aliases are not allowed")],
    "apis_not_list": [("operations[0].apis", "expected a list of strings, got string")],
    "commit_not_hex": [("sources[0].commit", "expected a 40-digit lower-case hex commit id, got 'efcbeed'")],
    "condition_empty": [("operations[0].dependencies[9].condition", "expected a non-empty string, got string ''")],
    "dangling_source": [("operations[0].source.file", "dangling reference: 'otc-en/ecs/image_management.rst'")],
    "dependency_repeated": [("operations[0].dependencies[9]", "duplicate entry 'ims:images:get'")],
    "dependency_service_wildcard": [("operations[0].dependencies[9]", "'*:*:*' is not an action, or a pattern with")],
    "dependency_space": [("operations[0].dependencies[9]", "'ims: images: get' is not an action")],
    "duplicate_id": [("operations[1].id", "duplicate operation id '4bf1b57ad807' (first at operations[0])")],
    "duplicate_key": [("line 5, column 1", "duplicate key 'cloud'")],
    "duplicate_row": [("operations[1].source", "duplicate operation: the same table row as operations[0]")],
    "duplicate_source": [("sources[2].file", "duplicate source 'otc-en/ecs/image_management.rst'")],
    "edition_other_cloud": [("sources[1].edition", "edition 'huaweicloud-zh' documents cloud 'huaweicloud'")],
    "empty": [("(top level)", "empty document")],
    "flag_not_boolean": [("operations[0].scope.tag", "expected true, false or null, got string 'yes'")],
    "malformed": [("line 7, column 1", "malformed YAML")],
    "missing_actions": [("operations[0]", "missing required key 'actions'")],
    "name_language_key": [("operations[0].name.english", "expected a language code such as 'en' or 'zh'")],
    "operations_mapping": [("operations", "expected a list, got a mapping")],
    "row_not_positive": [("operations[1].source.row", "expected a positive integer, got number 0")],
    "schema_version_4": [("schema_version", "expected 1, 2 or 3, got number 4")],
    "source_date_invalid": [("sources[0].date", "'2025-13-01' is not a calendar date; expected YYYY-MM-DD")],
    "source_status_unknown": [("sources[0].status", "unknown status 'removed'; expected one of: current, deleted")],
    "table_not_integer": [("operations[0].source.table", "expected a positive integer, got string '1'")],
    "top_level_list": [("(top level)", "expected a mapping, got a list")],
    "two_documents": [("line 7, column 1", "expected a single document in the stream")],
    "unknown_cloud": [("cloud", "unknown cloud 'aws'; expected one of: huaweicloud, otc")],
    "unknown_edition": [("sources[1].edition", "unknown edition 'otc-de'; expected one of: huaweicloud-zh, otc-en")],
    "unknown_key_operation": [("operations[0].description", "unknown key; expected one of: id, name, apis")],
    "unknown_key_scope": [("operations[0].scope.project", "unknown key; expected one of: iam_project")],
    "unknown_key_top": [("owner", "unknown key; expected one of: schema_version, cloud, service")],
}


def test_every_bad_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in BAD_FILES) == sorted(EXPECTED)


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.stem)
def test_each_bad_fixture_gives_exactly_its_problem(path: Path) -> None:
    with pytest.raises(CatalogError) as info:
        load_service_file(path)
    got = [(p.file, p.location, p.message) for p in info.value.problems]
    assert len(got) == len(EXPECTED[path.stem]), got
    for (file, location, message), (want_location, want_message) in zip(got, EXPECTED[path.stem], strict=True):
        assert (file, location) == (str(path), want_location)
        assert want_message in message


def test_validate_collects_problems_of_every_file_in_one_run(tmp_path: Path) -> None:
    place(BAD / "flag_not_boolean.yaml", tmp_path, "otc", "ecs")
    place(BAD / "unknown_key_top.yaml", tmp_path, "otc", "evs")
    place(GOOD / "otc" / "dws.yaml", tmp_path, "otc", "dws")
    result = api.validate([tmp_path])
    assert result.files == tuple(str(tmp_path / "otc" / f"{s}.yaml") for s in ("dws", "ecs", "evs"))
    assert [(Path(p.file).name, p.location) for p in result.problems] == [
        ("ecs.yaml", "operations[0].scope.tag"),
        ("evs.yaml", "owner"),
        ("evs.yaml", "service"),  # the file says ecs, its name says evs
    ]
    assert (result.services, result.operations) == (1, 2)  # only dws is valid


def test_cloud_and_service_must_agree_with_the_files_place(tmp_path: Path) -> None:
    moved = place(GOOD / "otc" / "ecs.yaml", tmp_path, "huaweicloud", "ims")
    assert validate_paths([tmp_path]) == [
        Problem(str(moved), "cloud", "is 'otc'; expected 'huaweicloud', from the folder the file is in"),
        Problem(str(moved), "service", "is 'ecs'; expected 'ims', from the file name ims.yaml"),
    ]


def test_a_service_defined_in_two_roots_is_a_duplicate(tmp_path: Path) -> None:
    first = place(GOOD / "otc" / "ecs.yaml", tmp_path / "a")
    second = place(GOOD / "otc" / "ecs.yaml", tmp_path / "b")
    assert validate_paths([tmp_path / "a", tmp_path / "b"]) == [
        Problem(str(second), "service", f"duplicate service: 'ecs' of cloud 'otc' is also defined in {first}")
    ]
    # The same file named twice (as a root and as a file) is read once, not a duplicate.
    assert validate_paths([tmp_path / "a", first]) == []


def test_hidden_staging_folders_are_not_part_of_the_catalog(tmp_path: Path) -> None:
    shutil.copytree(GOOD, tmp_path / "cat")
    shutil.copytree(tmp_path / "cat" / "otc", tmp_path / "cat" / ".otc.staging.x1")
    result = api.validate([tmp_path / "cat"])
    assert result.ok
    assert not any(".staging" in f for f in result.files)


def test_missing_paths_and_empty_roots_are_problems(tmp_path: Path) -> None:
    assert validate_paths([tmp_path / "nope", tmp_path]) == [
        Problem(str(tmp_path), "", "no catalog files (expected <cloud>/<service>.yaml below it)"),
        Problem(str(tmp_path / "nope"), "", "no such file or directory"),
    ]


def test_cli_validate_good_fixtures_exits_0() -> None:
    result = CliRunner().invoke(cli, ["validate", str(GOOD)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "ok: 3 files, 3 services, 9 operations\n"


def test_cli_validate_prints_each_problem_and_exits_1(tmp_path: Path) -> None:
    target = place(BAD / "row_not_positive.yaml", tmp_path)
    result = CliRunner().invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stdout == f"{target}: operations[1].source.row: expected a positive integer, got number 0\n"
    assert result.stderr == "1 problem in 1 file\n"


def test_cli_validate_json_and_the_default_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = place(BAD / "dangling_source.yaml", tmp_path)
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(tmp_path))
    result = CliRunner().invoke(cli, ["validate", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["files"] == [str(target)]
    assert data["problems"] == [
        {
            "file": str(target),
            "location": "operations[0].source.file",
            "message": "dangling reference: 'otc-en/ecs/image_management.rst' is not listed under sources",
        }
    ]


def test_cli_validate_with_the_schema_adds_its_findings(tmp_path: Path) -> None:
    place(BAD / "flag_not_boolean.yaml", tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--schema", "--json", str(tmp_path)])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["location"], p["message"]) for p in problems] == [
        ("operations[0].scope.tag", "expected true, false or null, got string 'yes'"),
        ("operations[0].scope.tag", "schema: 'yes' is not of type 'boolean', 'null'"),
    ]


def test_cli_schema_path_points_at_the_shipped_schema() -> None:
    result = CliRunner().invoke(cli, ["validate", "--schema-path"])
    assert result.exit_code == 0
    path = Path(result.stdout.strip())
    assert path == api.schema_path()
    assert json.loads(path.read_text(encoding="utf-8"))["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_problems_come_in_document_order(tmp_path: Path) -> None:
    doc = yaml.safe_load((GOOD / "huaweicloud" / "ecs.yaml").read_text(encoding="utf-8"))
    seed = doc["operations"][0]
    doc["operations"] = [
        {**copy.deepcopy(seed), "id": f"op{i}", "source": {**seed["source"], "row": i + 1}} for i in range(12)
    ]
    for i in (10, 2):
        doc["operations"][i]["source"]["row"] = -1
    target = tmp_path / "huaweicloud" / "ecs.yaml"
    target.parent.mkdir()
    target.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert [p.location for p in validate_paths([tmp_path])] == [
        "operations[2].source.row",
        "operations[10].source.row",
    ]


def test_an_operation_in_two_service_files_is_a_duplicate(tmp_path: Path) -> None:
    first = place(GOOD / "otc" / "ecs.yaml", tmp_path, "otc", "ecs")
    text = first.read_text(encoding="utf-8").replace("service: ecs", "service: ims", 1)
    second = tmp_path / "otc" / "ims.yaml"
    second.write_text(text, encoding="utf-8")
    problems = validate_paths([tmp_path])
    assert [(p.file, p.location) for p in problems] == [
        (str(second), f"operations[{i}].{field}") for i in range(3) for field in ("id", "source")
    ]
    assert problems[0].message == f"duplicate operation id '4bf1b57ad807': also {first} operations[0]"
    assert problems[1].message == f"duplicate operation: the same table row as {first} operations[0]"


def test_yaml_files_that_loading_would_ignore_are_reported(tmp_path: Path) -> None:
    shutil.copytree(GOOD, tmp_path / "cat")
    root = tmp_path / "cat"
    (root / "otc" / "evs.yml").write_text("x: 1\n", encoding="utf-8")
    (root / "ims.yaml").write_text("x: 1\n", encoding="utf-8")
    (root / "otc" / "old").mkdir()
    (root / "otc" / "old" / "ecs.yaml").write_text("x: 1\n", encoding="utf-8")
    (root / ".otc.old.x").mkdir()
    (root / ".otc.old.x" / "ecs.yaml").write_text("x: 1\n", encoding="utf-8")
    expected = f"<cloud>/<service>.yaml directly below {root}"
    assert validate_paths([root]) == [
        Problem(str(root / "ims.yaml"), "", f"ignored: a catalog file belongs at {expected}"),
        Problem(str(root / "otc" / "evs.yml"), "", "ignored: a catalog file is named <service>.yaml"),
        Problem(str(root / "otc" / "old" / "ecs.yaml"), "", f"ignored: a catalog file belongs at {expected}"),
    ]
    assert sorted(api.load([root])["otc"].services) == ["dws", "ecs"]  # loading reads the valid files only
