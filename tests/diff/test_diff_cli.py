"""``permission-explorer diff`` through click's CliRunner: outputs, the JSON Schema, exit statuses, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from diff_paths import FIXTURES, NEW, OLD

from explorer.cli import cli

SCHEMA = json.loads(resources.files("explorer").joinpath("schemas/diff.schema.json").read_text(encoding="utf-8"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["diff", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def check(document: Any) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)


def test_json_differs_exit_1_and_matches_schema() -> None:
    code, out, _ = run(str(OLD), str(NEW), "--json")
    assert code == 1
    data = json.loads(out)
    check(data)
    assert next(iter(data)) == "format_version"
    assert data["summary"]["action_renamed"] == 2
    assert sum(data["summary"].values()) == len(data["changes"]) == 15
    first = data["changes"][0]
    assert set(first) >= {"kind", "cloud", "service", "api", "old", "new", "suspicious", "evidence"}
    impact = data["impact"][0]
    assert [i["kind"] for i in data["impact"]] == ["action", "operation", "operation", "operation", "operation"]
    assert (impact["target"], impact["added"], impact["removed"], impact["renamed_from"]) == (
        "ecs:cloudServers:deleteVolume",
        ["evs:volumes:create"],
        [],
        None,
    )
    delta = data["impact_deltas"][impact["delta"]]
    assert (delta["added"], delta["removed"]) == (impact["added"], impact["removed"])
    (detail,) = delta["details"]
    assert (detail["action"], detail["change"], detail["basis"]) == ("evs:volumes:create", "added", "documented")
    assert [(r["side"], r["row"]) for r in detail["rows"]] == [("new", 11)]
    dependency = next(c for c in data["changes"] if c["kind"] == "dependency_added")
    assert dependency["suspicious"] is True
    assert dependency["evidence"][1] == {
        "side": "new",
        "file": "huaweicloud-zh/ecs/a.md",
        "table": 1,
        "row": 11,
        "edition": "huaweicloud-zh",
        "repo": "huaweicloudDocs/ecs",
        "commit": "",
        "path": "",
    }


def test_equal_exit_0() -> None:
    code, out, _ = run(str(OLD), str(OLD), "--json")
    assert code == 0
    data = json.loads(out)
    check(data)
    assert data["equal"] is True
    assert data["changes"] == [] and data["impact"] == []
    code, out, _ = run(str(OLD), str(OLD))
    assert (code, out) == (0, f"{OLD} and {OLD}: no change (11 operations matched)\n")


def test_text_lists_each_kind_with_rows() -> None:
    code, out, _ = run(str(OLD), str(NEW), "--evidence")
    assert code == 1
    assert "Actions renamed on the same API (2)" in out
    assert "ecs:cloudServers:delete -> ecs:cloudServers:deleteServers" in out
    assert "rows: old: huaweicloud-zh/ecs/a.md table 1 row 1; new: huaweicloud-zh/ecs/a.md table 1 row 1" in out
    assert "[SUSPICIOUS]" in out
    assert "ecs:cloudServers:deleteVolume: +evs:volumes:create" in out
    assert "3 notation-only differences suppressed" in out


def test_markdown_for_a_pull_request() -> None:
    code, out, _ = run(str(OLD), str(NEW), "--markdown")
    assert code == 1
    assert out.startswith(f"## Catalog diff: {OLD} → {NEW}\n".replace("_", "\\_"))
    assert "| Actions renamed on the same API | 2 |" in out
    assert "`ecs:cloudServers:delete` → `ecs:cloudServers:deleteServers`" in out
    assert "**suspicious**" in out


def test_output_is_byte_identical_across_runs() -> None:
    assert run(str(OLD), str(NEW), "--json")[1] == run(str(OLD), str(NEW), "--json")[1]
    assert run(str(OLD), str(NEW), "--markdown")[1] == run(str(OLD), str(NEW), "--markdown")[1]


def test_missing_side_is_exit_2_with_a_message(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "nope"), str(NEW))
    assert code == 2
    assert out == ""
    assert err == f"error: {tmp_path / 'nope'}: no such file or directory\n"
    code, out, _ = run(str(tmp_path / "nope"), str(NEW), "--json")
    assert code == 2
    data = json.loads(out)
    check(data)
    assert data == {"format_version": 1, "error": {"message": f"{tmp_path / 'nope'}: no such file or directory"}}


def test_broken_catalog_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "huaweicloud"
    bad.mkdir()
    (bad / "ecs.yaml").write_text("schema_version: 1\ncloud: huaweicloud\nservice: ecs\noperations: [\n")
    code, _, err = run(str(OLD), str(tmp_path))
    assert code == 2
    assert err.startswith(f"error: {bad / 'ecs.yaml'}: line ")
    assert "malformed YAML" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--edition", "huaweicloud-zh"), "--edition is given twice (A and B), got 1"),
        ((str(OLD),), "expected OLD and NEW"),
        ((str(OLD), str(NEW), "--json", "--markdown"), "--json and --markdown exclude each other"),
        (
            ("--edition", "huaweicloud-zh", "--edition", "otc-en", "--record-renames", "x.json"),
            "--record-renames takes two versions of the same documentation, not two editions or clouds",
        ),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in (json.loads(out)["error"]["message"] if "--json" in args else err)


def test_usage_error_under_json_is_a_json_error() -> None:
    code, out, _ = run(str(OLD), "--json")
    assert code == 2
    data = json.loads(out)
    check(data)
    assert data["error"]["message"].startswith("expected OLD and NEW")


def test_unknown_edition_and_cloud() -> None:
    code, out, _ = run(str(OLD), "--edition", "huaweicloud-zh", "--edition", "otc-en", "--json")
    assert code == 2
    assert json.loads(out)["error"]["message"] == (
        "no rows of edition 'otc-en' in the catalog (editions there: huaweicloud-zh)"
    )
    code, _, err = run(str(OLD), str(NEW), "--cloud", "otc")
    assert code == 2
    assert err == "error: no cloud 'otc' on the old side (it has: huaweicloud)\n"
    code, _, err = run(str(OLD), str(NEW), "--service", "evs")
    assert code == 2
    assert err == "error: no service 'evs' on either side (services: ecs)\n"


def test_record_renames(tmp_path: Path) -> None:
    target = tmp_path / "renames.yaml"
    code, _, err = run(str(OLD), str(NEW), "--record-renames", str(target))
    assert code == 1
    assert err == f"{target}: 2 new renames recorded (2 seen)\n"
    first = target.read_bytes()
    code, _, err = run(str(OLD), str(NEW), "--record-renames", str(target))
    assert err == f"{target}: 0 new renames recorded (2 seen)\n"
    assert target.read_bytes() == first


def test_a_corpus_side_is_imported_in_memory_and_says_what_it_left_out() -> None:
    corpus = FIXTURES / "corpus"  # one table page and one page the manifest lists but that is missing
    code, out, _ = run(str(corpus), str(corpus), "--json")
    assert code == 0
    data = json.loads(out)
    check(data)
    assert data["old"]["notes"] == [
        "imported in memory: 2 files, 2 of 2 rows",
        "warning: 1 file could not be read: otc-en/ecs/missing.md",
    ]
    assert (data["matched_operations"], data["old"]["clouds"]) == (2, ["otc"])
    assert not list(corpus.rglob("*.yaml"))  # nothing written


def test_diff_help_loads_no_engine() -> None:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "explorer", "diff", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage: permission-explorer diff" in proc.stdout or "Usage: python -m explorer diff" in proc.stdout
    loaded = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    heavy = ("explorer.diff", "explorer.graph", "explorer.importers", "explorer.policy", "networkx", "yaml")
    assert sorted(n for n in loaded if n.split(".")[0] in {"networkx", "yaml"} or n.startswith(heavy)) == []
