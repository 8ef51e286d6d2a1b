"""The terraform use case: the acceptance examples of issue 22, on the bundled catalog and the shipped provider
data (both in the repository), and exact answers on the fixture catalog and provider of tests/fixtures/terraform."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "terraform"))
from terraform_support import CATALOG, CONFIGS, PLANS, POLICIES, PROVIDER_FIXTURE

from explorer import api
from explorer.policy import LintReport


def answer(*paths: Path, **kw: object) -> api.TerraformAnswer:
    ex = api.get_explorer("huaweicloud", CATALOG)
    return api.terraform_answer(list(paths), ex, provider=PROVIDER_FIXTURE, **kw)  # type: ignore[arg-type]


def check(found: api.TerraformAnswer, files: list[Path]) -> LintReport:
    return api.terraform_check(found, api.lint_policies(api.read_paths(files), "huaweicloud", CATALOG))


def test_an_instance_needs_create_servers_on_the_bundled_catalog() -> None:
    found = api.terraform_answer([CONFIGS / "target"], api.get_explorer())
    assert found.closure is not None
    assert "ecs:cloudServers:createServers" in found.closure.actions()
    create = found.closure.get("ecs:cloudServers:createServers")
    assert create is not None and create.basis == "target"
    assert found.brought_by["ecs:cloudServers:createServers"][0] == ("huaweicloud_compute_instance",)
    assert "ECS POST /v1.1/{project_id}/cloudservers" in found.brought_by["ecs:cloudServers:createServers"][1]


def test_an_alias_gives_the_same_answer_as_its_target() -> None:
    for provider in (None, PROVIDER_FIXTURE):
        catalog = None if provider is None else CATALOG
        ex = api.get_explorer("huaweicloud", catalog)
        target = api.terraform_answer([CONFIGS / "target"], ex, provider=provider).to_dict()
        alias = api.terraform_answer([CONFIGS / "alias"], ex, provider=provider).to_dict()
        for key in ("requirements", "verdict", "operations", "unmatched"):
            strip = (
                [{k: v for k, v in r.items() if k != "types"} for r in target[key]] if key == "requirements" else None
            )
            if strip is not None:
                assert strip == [{k: v for k, v in r.items() if k != "types"} for r in alias[key]]
            elif key == "unmatched":
                assert [a["api"] for a in target[key]["apis"]] == [a["api"] for a in alias[key]["apis"]]
            else:
                assert target[key] == alias[key], key
        assert [p["document"] for p in target["policies"]] == [p["document"] for p in alias["policies"]]


def test_the_requirements_are_closures_records_of_the_same_operations() -> None:
    found = answer(CONFIGS / "basic")
    assert found.targets == (
        "op:tf-ecs-create",
        "op:tf-ecs-delete",
        "op:tf-ecs-job",
        "op:tf-ecs-show",
        "op:tf-vpc-create",
        "op:tf-vpc-deleteport",
        "op:tf-vpc-get",
        "op:tf-vpc-job",
        "op:tf-vpc-list",
    )
    ex = api.get_explorer("huaweicloud", CATALOG)
    closure = ex.closure(list(found.targets))
    records = sorted((r.to_dict() for r in closure.requirements), key=lambda r: r["action"])
    assert records == sorted(
        (
            {k: v for k, v in r.items() if k not in ("types", "apis_from", "shared_api")}
            for r in found.requirement_dicts()
        ),
        key=lambda r: r["action"],
    )
    assert found.scope is not None and found.scope.to_dict() == ex.scope(list(found.targets)).to_dict()
    generated = api.generate_policies(list(found.targets), catalog=CATALOG)
    assert found.generated is not None
    assert [p.document for p in found.generated.policies] == [p.document for p in generated.policies]
    assert [p.name for p in found.generated.policies] == ["terraform-basic-ep-xa", "terraform-basic-iam-xa"]


def test_each_requirement_names_the_types_and_apis_that_bring_it_in() -> None:
    by = answer(CONFIGS / "basic").brought_by
    assert by["vpc:subnets:get"] == (("huaweicloud_compute_instance",), ("ECS POST /v1.1/{project_id}/cloudservers",))
    assert by["vpc:vpcs:list"] == (("huaweicloud_vpc",), ("VPC GET /v1/{project_id}/vpcs",))
    assert by["vpc:vpcs:get"] == (
        ("huaweicloud_vpc",),
        ("VPC GET /v1/{project_id}/vpcs/{id}", "VPC GET /v1/{project_id}/vpcs/{vpc_id}"),
    )


def test_a_data_source_brings_only_the_actions_of_its_apis() -> None:
    found = answer(CONFIGS / "data-only")
    assert found.closure is not None
    assert sorted(found.closure.actions()) == ["vpc:vpcs:get", "vpc:vpcs:list"]
    assert found.targets == ("op:tf-vpc-get", "op:tf-vpc-list")


def test_what_is_not_mapped_is_reported_with_the_reason() -> None:
    data = answer(CONFIGS / "basic").to_dict()
    assert data["unmatched"]["types"] == [
        {"type": "random_id", "kind": "resource", "count": 1, "reason": "not a type of the huaweicloud provider"}
    ]
    assert [(a["service"], a["api"], a["status"], a["types"]) for a in data["unmatched"]["apis"]] == [
        ("BSS", "POST /v2/orders/customer-orders/pay", "no_table", ["huaweicloud_compute_instance"]),
        (
            "ECS",
            "POST /v1/{project_id}/cloudservers/{server_id}/changevpc",
            "undocumented",
            ["huaweicloud_compute_instance"],
        ),
        (
            "EPS",
            "POST /v1.0/enterprise-projects/{enterprise_project_id}/resources-migrate",
            "no_table",
            ["huaweicloud_compute_instance"],
        ),
    ]
    assert data["counts"] == {
        "types": 4,
        "types_unmapped": 1,
        "apis": 13,
        "apis_matched": 10,
        "apis_no_table": 2,
        "apis_undocumented": 1,
        "apis_actions_only": 0,
        "operations": 9,
        "requirements_shared_api": 0,
    }


def test_a_plan_that_only_reads_is_told_apart_from_one_that_creates() -> None:
    created = {(t.kind, t.type): t.plan_verb for t in answer(PLANS / "create.json").types}
    unchanged = {(t.kind, t.type): t.plan_verb for t in answer(PLANS / "read.json").types}
    assert created == {("data", "huaweicloud_vpc"): "reads only", ("resource", "huaweicloud_vpc"): "creates"}
    assert unchanged == {("data", "huaweicloud_vpc"): "reads only", ("resource", "huaweicloud_vpc"): "leaves unchanged"}


def test_depth_and_possible_are_closures() -> None:
    cut = answer(CONFIGS / "target", max_depth=1)
    assert cut.closure is not None and cut.closure.truncated and "vpc:subnets:get" not in cut.closure.actions()


@pytest.mark.parametrize("config", ["basic", "target", "data-only"])
def test_the_generated_policy_passes_against_the_same_configuration(config: str, tmp_path: Path) -> None:
    found = answer(CONFIGS / config)
    assert found.generated is not None
    files = []
    for p in found.generated.policies:
        f = tmp_path / f"{p.name}.json"
        f.write_text(api.dumps(p.document), encoding="utf-8")
        files.append(f)
    report = check(found, files)
    assert [f for f in report.findings if f.code == "MISSING_FOR_TERRAFORM"] == []


def test_a_partial_policy_misses_exactly_what_it_does_not_allow() -> None:
    found = answer(CONFIGS / "target")
    report = check(found, [POLICIES / "partial.json"])
    missing = [
        (f.action, f.where.file.endswith("target/main.tf"), f.where.line)
        for f in report.findings
        if f.code == "MISSING_FOR_TERRAFORM"
    ]
    assert missing == [
        ("ecs:cloudServers:deleteServers", True, 1),
        ("ecs:cloudServers:listServerJobs", True, 1),
        ("ecs:cloudServers:showServer", True, 1),
        ("evs:volumes:create", True, 1),
        ("vpc:ports:delete", True, 1),
        ("vpc:subnets:get", True, 1),
    ]
    assert report.fails("error")


def test_uploads_are_read_in_memory_and_local_modules_listed_as_not_followed() -> None:
    from explorer.app.terraform import analyse_uploads

    ex = api.get_explorer("huaweicloud", CATALOG)
    main = (CONFIGS / "basic" / "main.tf").read_bytes()
    found = analyse_uploads([("main.tf", main)], ex)
    assert [(m.name, m.followed) for m in found.modules] == [("net", False), ("remote", False)]
    assert "folder was not uploaded" in found.modules[0].reason
    assert {u.file for t in found.types for u in t.uses} == {"main.tf"}
    plan = analyse_uploads([("plan.json", (PLANS / "read.json").read_bytes())], ex)
    assert {t.plan_verb for t in plan.types} == {"reads only", "leaves unchanged"}


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"x", "notes.txt: expected a .tf file or a plan"),
        ("main.tf", b"\xff\xfe", "main.tf: not valid UTF-8"),
        ("main.tf", b'resource "a" {\n', "main.tf: line"),
    ],
)
def test_bad_uploads_are_clear_errors(name: str, data: bytes, message: str) -> None:
    from explorer.app.terraform import analyse_uploads
    from explorer.errors import ExplorerError

    with pytest.raises(ExplorerError, match=message):
        analyse_uploads([(name, data)], api.get_explorer("huaweicloud", CATALOG))


def test_an_instance_flags_what_only_the_shared_server_action_api_brings_in(tmp_path: Path) -> None:
    found = api.terraform_answer([CONFIGS / "target"], api.get_explorer())
    by_action = {r["action"]: r for r in found.requirement_dicts()}
    image = by_action["ecs:servers:createImage"]["shared_api"]
    assert image is not None and [a["api"] for a in image] == ["ECS POST /v2.1/{project_id}/servers/{server_id}/action"]
    assert image[0]["operations"] == len(image[0]["names"]) > 2
    assert image[0]["needed_by"] == ["创建镜像（OpenStack原生）"]
    assert by_action["ecs:cloudServers:createServers"]["shared_api"] is None
    assert found.counts()["requirements_shared_api"] == sum(1 for r in by_action.values() if r["shared_api"])
    assert "reached only through an API the documentation shares between several operations" in found.summary()
    # flagged, not dropped: the generated policies grant them and pass --against on the same configuration
    assert found.generated is not None
    files = []
    for p in found.generated.policies:
        f = tmp_path / f"{p.name}.json"
        f.write_text(api.dumps(p.document), encoding="utf-8")
        files.append(f)
    report = api.terraform_check(found, api.lint_policies(api.read_paths(files), "huaweicloud"))
    assert [f.action for f in report.findings if f.code == "MISSING_FOR_TERRAFORM"] == []


def test_requirements_are_listed_by_depth_basis_then_action() -> None:
    from explorer.graph.answers.common import BASES

    found = api.terraform_answer([CONFIGS / "target"], api.get_explorer())
    rows = [(r["depth"], BASES.index(r["basis"]), r["action"]) for r in found.requirement_dicts()]
    assert rows == sorted(rows) and len(rows) == len(found.closure.requirements)  # type: ignore[union-attr]
    n = [sum(1 for r in rows if r[1] == b) for b in range(3)]
    assert found.summary().startswith(
        f"{len(rows)} actions: {n[0]} checked by the APIs the configuration's types call, "
        f"{n[1]} documented dependencies, {n[2]} certain. "
    )


def test_a_bucket_says_obs_names_no_api_and_warns_that_its_actions_are_missing(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('resource "huaweicloud_obs_bucket" "b" {\n  bucket = "b"\n}\n', "utf-8")
    found = api.terraform_answer([tmp_path], api.get_explorer()).to_dict()
    obs = [a for a in found["unmatched"]["apis"] if a["service"] == "OBS"]
    assert len(obs) == found["counts"]["apis_actions_only"] > 30
    assert {a["reason"] for a in obs} == {
        "the service's action tables name no API at all (actions only), so none can be matched"
    }
    assert found["requirements"] == [] and found["policies"] == []
    assert (
        f"The policies lack every OBS action: its tables name actions but no APIs, so none of the {len(obs)} OBS "
        "APIs of huaweicloud_obs_bucket maps to an action (none is guessed)" in found["summary"]
    )
