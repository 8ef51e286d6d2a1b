"""Policy-lint findings that appear or disappear between the sides of a diff (``diff --policy``), with the
real linter (explorer.policy) on each side's graph."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from diff_paths import FIXTURES, HISTORY, NEW, OLD, SKIP_NO_HISTORY

from explorer import api
from explorer.cli import cli
from explorer.diff.policy_impact import finding_changes

SCHEMA = json.loads(resources.files("explorer").joinpath("schemas/diff.schema.json").read_text(encoding="utf-8"))
POLICY = FIXTURES / "policy.json"  # allows ecs:cloudServers:delete, ecs:cloudServers:deleteVolume, evs:volumes:delete
CREATE_IMAGE = FIXTURES / "create_image_policy.json"  # createImage and the 7 dependencies of the seed row


def diff_json(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["diff", *args, "--json"])
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    return data


def test_a_renamed_action_and_a_new_dependency_appear_as_findings() -> None:
    data = diff_json(str(OLD), str(NEW), "--policy", str(POLICY))
    found = [(p["change"], p["code"], p["action"], p.get("requirement")) for p in data["policies"]]
    assert found == [
        ("appeared", "UNKNOWN_ACTION", "ecs:cloudServers:delete", None),
        ("appeared", "MISSING_DEPENDENCY", "ecs:cloudServers:deleteVolume", "evs:volumes:create"),
    ]
    unknown = data["policies"][0]
    # what this diff saw, and what the bundled record holds for the cloud (Huawei's 2023 renames)
    assert unknown["renamed_to"] == [
        "ecs:cloudServers:deleteServerGroup",
        "ecs:cloudServers:deleteServerGroupMember",
        "ecs:cloudServers:deleteServers",
    ]


def test_the_same_policy_on_equal_sides_has_no_finding_change() -> None:
    data = diff_json(str(OLD), str(OLD), "--policy", str(POLICY))
    assert data["policies"] == [] and data["equal"] is True


def test_findings_are_told_apart_by_requirement_and_compared_both_ways() -> None:
    sources = api.read_paths([POLICY])
    old_graph = api.build_explorer(api.load([OLD])["huaweicloud"])
    new_graph = api.build_explorer(api.load([NEW])["huaweicloud"])
    before = api.lint_policies(sources, "huaweicloud", explorers={"huaweicloud": old_graph}).findings
    after = api.lint_policies(sources, "huaweicloud", explorers={"huaweicloud": new_graph}).findings
    forward = finding_changes(before, after)
    backward = finding_changes(after, before)
    assert [c.change for c in forward] == ["appeared", "appeared"]
    assert [c.change for c in backward] == ["disappeared", "disappeared"]
    assert sorted(str(c.finding["code"]) for c in forward) == sorted(str(c.finding["code"]) for c in backward)


def test_missing_policy_file_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["diff", str(OLD), str(NEW), "--policy", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"error: {tmp_path / 'none.json'}: no such file (expected a policy JSON or a Terraform .tf file)\n"
    )


@pytest.mark.corpus
@pytest.mark.skipif(not HISTORY.is_dir(), reason=SKIP_NO_HISTORY)
def test_your_policy_misses_what_the_2025_docs_added() -> None:
    old, new = HISTORY / "otc-ecs-2024-12", HISTORY / "otc-ecs-2025-04"
    data = diff_json(str(old), str(new), "--policy", str(CREATE_IMAGE))
    errors = [(p["action"], p["requirement"]) for p in data["policies"] if p["severity"] == "error"]
    assert errors == [("ecs:servers:createImage", "ecs:servers:list"), ("ecs:servers:createImage", "ims:quotas:get")]
    assert all(p["change"] == "appeared" for p in data["policies"])
    text = CliRunner().invoke(cli, ["diff", str(old), str(new), "--policy", str(CREATE_IMAGE)]).stdout
    assert "appeared: " + str(CREATE_IMAGE) + " MISSING_DEPENDENCY [error] ecs:servers:createImage: " in text
