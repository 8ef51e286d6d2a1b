"""``permission-explorer terraform``: the sections in order, --against with its exit status, SARIF at the .tf line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[2]
TF = "tests/fixtures/terraform"
DATA = ["--catalog", f"{TF}/catalog", "--provider-data", f"{TF}/provider"]


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["terraform", *args, *DATA])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_the_text_answer_has_its_sections_in_the_issues_order() -> None:
    code, out = run(f"{TF}/configs/basic")
    assert code == 0, out
    marks = [
        "Types used:",
        "Requirements (huaweicloud):",
        "Not mapped:",
        "Cannot be granted",
        "Grant plan for",
        "Policies:",
    ]
    places = [out.index(m) for m in marks]
    assert places == sorted(places)
    assert "module remote (terraform-huaweicloud-modules/vpc/huaweicloud)" in out and "not followed" in out
    assert "count = var.web_count" in out and "huaweicloud_compute_instance" in out
    assert '"name": "terraform-basic-ep-xa"' in out


def test_terraform_format_prints_roles() -> None:
    code, out = run(f"{TF}/configs/target", "--format", "terraform")
    assert code == 0 and 'resource "huaweicloud_identity_role"' in out


def test_a_plan_says_what_it_does_with_each_type() -> None:
    code, out = run(f"{TF}/plans/create.json")
    assert code == 0 and "creates" in out and "reads only" in out


def test_against_exits_1_and_sarif_points_at_the_resource_line() -> None:
    code, out = run(f"{TF}/configs/basic", "--against", f"{TF}/policies/partial.json", "--sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    missing = [r for r in results if r["ruleId"] == "MISSING_FOR_TERRAFORM"]
    assert missing and all(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".tf") for r in missing
    )
    places = {
        (r["properties"]["action"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in missing
    }
    assert ("vpc:vpcs:create", 5) in places  # modules/net/main.tf, the huaweicloud_vpc block
    assert ("ecs:cloudServers:showServer", 9) in places  # main.tf, the instance block


def test_fail_on_and_a_complete_policy(tmp_path: Path) -> None:
    code, out = run(f"{TF}/configs/target", "--json")
    policies = json.loads(out)["policies"]
    files = []
    for p in policies:
        f = tmp_path / f"{p['name']}.json"
        f.write_text(json.dumps(p["document"]))
        files += ["--against", str(f)]
    code, out = run(f"{TF}/configs/target", *files, "--json")
    assert code == 0, out
    assert not [f for f in json.loads(out)["findings"] if f["code"] == "MISSING_FOR_TERRAFORM"]
    code, _ = run(f"{TF}/configs/target", "--against", f"{TF}/policies/partial.json", "--fail-on", "error")
    assert code == 1


def test_bad_input_is_a_clear_error_with_status_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tf"
    bad.write_text('resource "x" {\n')
    code, out = run(str(bad))
    assert code == 2 and "bad.tf" in out and "Traceback" not in out
    code, out = run(str(bad), "--json")
    assert code == 2 and json.loads(out)["error"]["message"].startswith(str(bad))
    code, out = run(f"{TF}/configs/target", "--sarif")
    assert code == 2 and "--sarif reports the findings of --against" in out


def test_the_text_answer_on_the_bundled_catalog_and_shipped_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERMISSION_EXPLORER_CATALOG", raising=False)
    result = CliRunner().invoke(cli, ["terraform", f"{TF}/configs/target"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "ecs:cloudServers:createServers" in out and "Grant plan for" in out
    assert "3. Check first" in out and "ims:images:list" in out.split("3. Check first")[1]


def test_a_run_pauses_the_collector_and_gives_it_back_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from explorer.app import terraform as use_case

    seen: list[bool] = []
    real = use_case.analyse

    def spy(*args: Any, **kwargs: Any) -> use_case.TerraformAnswer:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(use_case, "analyse", spy)
    assert gc.isenabled()
    frozen = gc.get_freeze_count()  # the UI's tests, in the same process, may have frozen objects
    code, out = run(f"{TF}/configs/basic", "--json")
    assert code == 0 and json.loads(out)["counts"]["types"] > 0
    assert seen == [False] and gc.isenabled() and gc.get_freeze_count() == frozen
