"""``policy lint`` and ``policy generate`` through click: exit codes, --json and --sarif contracts, usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "policies"
CATALOG = str(FIXTURES / "catalog")
SCHEMAS = REPO / "explorer" / "schemas"
SARIF_LEVELS = {"none", "note", "warning", "error"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--catalog", CATALOG])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_exit_status_follows_fail_on() -> None:
    assert run("policy", "lint", str(FIXTURES / "complete.json"))[0] == 0
    assert run("policy", "lint", str(FIXTURES / "missing.json"))[0] == 1
    wildcards = str(FIXTURES / "wildcards.json")  # one warning
    assert run("policy", "lint", wildcards)[0] == 0
    assert run("policy", "lint", wildcards, "--fail-on", "warning")[0] == 1
    assert run("policy", "lint", str(FIXTURES / "deny-only.json"), "--fail-on", "info")[0] == 1


def test_usage_errors_exit_2() -> None:
    code, _, err = run("policy", "lint", "nope.json")
    assert code == 2 and "nope.json: no such file" in err
    code, out, _ = run("policy", "lint", "nope.json", "--json")
    assert code == 2
    assert json.loads(out) == {
        "format_version": 1,
        "error": {"message": "nope.json: no such file (expected a policy JSON or a Terraform .tf file)"},
    }
    assert run("policy", "lint", str(FIXTURES / "complete.json"), "--attach", "region")[0] == 2
    assert run("policy", "lint", str(FIXTURES / "complete.json"), "--json", "--sarif")[0] == 2
    code, out, _ = run("policy", "generate", "ecs:nothing:here")
    assert code == 2 and "unknown action" in json.loads(out)["error"]["message"]


def test_json_output_matches_its_schema() -> None:
    schema = json.loads((SCHEMAS / "policy-lint.schema.json").read_text(encoding="utf-8"))
    for name in ("names.json", "deny.json", "missing.json", "roles.tf", "wrong-types.json", "invalid-json.json"):
        code, out, _ = run("policy", "lint", str(FIXTURES / name), "--json", "--attach", "enterprise-project")
        data = json.loads(out)
        jsonschema.validate(data, schema)
        assert code == (1 if data["counts"]["error"] else 0)
    _, out, _ = run("policy", "lint", str(FIXTURES / "missing.json"), "--json")
    first = json.loads(out)["findings"][0]
    assert {k: first[k] for k in ("code", "severity", "line", "column", "statement", "action", "requirement")} == {
        "code": "MISSING_DEPENDENCY",
        "severity": "error",
        "line": 6,
        "column": 18,
        "statement": 0,
        "action": "ecs:servers:createImage",
        "requirement": "evs:snapshots:create",
    }


def test_output_is_deterministic() -> None:
    args = ("policy", "lint", str(FIXTURES / "names.json"), str(FIXTURES / "deny.json"), "--json")
    assert run(*args)[1] == run(*args)[1]


def test_sarif_structure() -> None:
    code, out, _ = run("policy", "lint", str(FIXTURES / "names.json"), "--sarif")
    assert code == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "permission-explorer"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) == 19
    assert all(r["defaultConfiguration"]["level"] in SARIF_LEVELS for r in driver["rules"])
    assert len(run_["results"]) == 11
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in SARIF_LEVELS
        assert result["message"]["text"]
        (loc,) = result["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"].endswith("tests/fixtures/policies/names.json")
        assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
    levels = [r["level"] for r in run_["results"]]
    assert levels.count("note") == 3 and levels.count("error") == 4


def test_rich_report_names_file_code_and_summary() -> None:
    code, out, _ = run("policy", "lint", str(FIXTURES / "missing.json"))
    assert code == 1
    assert "MISSING_DEPENDENCY" in out and "missing.json" in out
    summary, dates = out.rstrip().splitlines()[-2:]
    assert summary == "1 files, 1 policies (huaweicloud): 3 errors, 0 warnings, 0 infos"
    assert dates.startswith("documentation: ecs tables ")


def test_generate_json_and_terraform() -> None:
    code, out, _ = run("policy", "generate", "ecs:servers:createImage")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, json.loads((SCHEMAS / "policy-generate.schema.json").read_text(encoding="utf-8")))
    assert [(p["attach"], p["type"]) for p in data["policies"]] == [("enterprise-project", "XA"), ("iam-project", "XA")]
    code, out, _ = run("policy", "generate", "ecs:servers:createImage", "--format", "terraform")
    assert code == 0
    assert out.count('resource "huaweicloud_identity_role"') == 2
    assert "enterprise_project_id = var.enterprise_project_id" in out
    assert "project_id = var.project_id" in out


def test_a_folder_stands_for_its_policy_files(tmp_path: Path) -> None:
    for name in ("set-a.json", "set-b.json"):
        (tmp_path / name).write_text((FIXTURES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a policy", encoding="utf-8")
    code, out, _ = run("policy", "lint", str(tmp_path), "--json")
    data = json.loads(out)
    assert code == 0 and data["documents"] == 2 and data["findings"] == []
    assert [Path(f).name for f in data["files"]] == ["set-a.json", "set-b.json"]
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run("policy", "lint", str(empty))
    assert code == 2 and "holds no .json or .tf file" in err
