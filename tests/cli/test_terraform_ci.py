"""The CI entry points of docs/terraform.md: the pre-commit hooks and the GitHub Actions check step, run for real."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[2]
TF = REPO / "tests" / "fixtures" / "terraform"
HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def hook(hook_id: str) -> dict[str, object]:
    return next(h for h in HOOKS if h["id"] == hook_id)


def invoke(entry: str, args: list[str]) -> int:
    words = shlex.split(entry)
    assert words[0] == "permission-explorer"
    result = CliRunner().invoke(cli, [*words[1:], *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code


def test_the_policy_lint_hook_passes_filenames_to_policy_lint() -> None:
    h = hook("permission-explorer-policy-lint")
    assert h.get("pass_filenames", True) is True and h["language"] == "python"
    catalog = ["--catalog", str(REPO / "tests" / "fixtures" / "policies" / "catalog")]
    good = str(REPO / "tests" / "fixtures" / "policies" / "complete.json")
    bad = str(REPO / "tests" / "fixtures" / "policies" / "missing.json")
    assert invoke(str(h["entry"]), [*catalog, good]) == 0
    assert invoke(str(h["entry"]), [*catalog, bad]) == 1


def test_the_terraform_hook_runs_with_the_documented_args() -> None:
    h = hook("permission-explorer-terraform")
    assert h["pass_filenames"] is False
    data = ["--catalog", str(TF / "catalog"), "--provider-data", str(TF / "provider")]
    args = [str(TF / "configs" / "target"), "--against", str(TF / "policies" / "partial.json"), *data]
    assert invoke(str(h["entry"]), args) == 1


def test_the_documented_workflow_uploads_the_sarif_its_check_writes(tmp_path: Path) -> None:
    page = (REPO / "docs" / "terraform.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- workflow: terraform-permissions -->\n```yaml\n(.*?)```\n<!-- /workflow -->", page, re.S)
    assert block is not None
    workflow = yaml.safe_load(block.group(1))
    steps = workflow["jobs"]["check"]["steps"]
    assert workflow["permissions"]["security-events"] == "write"
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    check = next(s for s in steps if "permission-explorer terraform" in str(s.get("run", "")))
    shutil.copytree(TF / "configs" / "target", tmp_path / "infra")
    (tmp_path / "policies").mkdir()
    shutil.copy(TF / "policies" / "partial.json", tmp_path / "policies" / "deployer.json")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PERMISSION_EXPLORER_CATALOG": str(TF / "catalog"),
    }
    proc = subprocess.run(["bash", "-ec", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    sarif = json.loads((tmp_path / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    rules = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert "MISSING_FOR_TERRAFORM" in rules
