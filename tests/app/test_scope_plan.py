"""The scope verdict and grant plan every face shares (issue 21): the reviewer's wording and the three parts."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from explorer.app import catalogs, scope_plan
from explorer.cli import cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "catalog"


def explorer() -> catalogs.Explorer:
    return catalogs.get_explorer("huaweicloud", FIXTURE)


def test_not_grantable_is_worded_for_a_reviewer_with_the_blockers_named() -> None:
    plan = scope_plan.plan(explorer(), ["ecs:servers:createImage"])
    assert plan.verdict == "not_grantable"
    assert plan.headline == (
        "Cannot be granted on an enterprise project: 4 actions work there for no documented row "
        "(ecs:servers:createImage, ims:images:create, ims:images:delete and 1 more)."
    )
    assert plan.enterprise_project == ("ims:images:update", "ims:serverImages:create")
    assert plan.iam_project == ("ecs:servers:createImage", "ims:images:create", "ims:images:delete", "ims:images:get")
    assert [a for a, _ in plan.check] == [
        "evs:snapshots:create",
        "evs:volumes:get",
        "ims:images:list",
        "ecs:*:get*",  # wildcard requirements: their scope depends on the actions they match
        "obs:bucket:*",
    ]
    assert plan.lines[0] == plan.headline
    assert plan.lines[5] == "Grant plan for ecs:servers:createImage (huaweicloud):"
    assert plan.lines[6] == "  1. Enterprise-project policy (2): ims:images:update, ims:serverImages:create"
    assert plan.text.endswith("\n") and plan.text.count("\n") == len(plan.lines)


def test_grantable_and_depends_wording() -> None:
    ex = explorer()
    grantable = scope_plan.plan(ex, ["GET /v2/cloudimages"])
    assert (
        grantable.headline
        == "Can be granted on an enterprise project: its action works there for every documented row."
    )
    assert grantable.lines[-1] == (
        "  3. Check first (0): grant on an IAM project unless the API you call works on an enterprise project"
    )
    depends = scope_plan.plan(ex, ["ims:images:list"])
    assert depends.verdict == "depends"
    assert depends.headline == (
        "Depends on the API called: 1 action works on an enterprise project for some rows only, "
        "or the documentation does not say (ims:images:list)."
    )


def test_the_cli_prints_the_same_plan() -> None:
    result = CliRunner().invoke(cli, ["scope", "ecs:servers:createImage", "--catalog", str(FIXTURE)])
    assert result.exit_code == 0
    plan = scope_plan.plan(explorer(), ["ecs:servers:createImage"])
    printed = result.output.splitlines()
    start = printed.index(plan.lines[0])
    assert printed[start : start + len(plan.lines)] == list(plan.lines)
