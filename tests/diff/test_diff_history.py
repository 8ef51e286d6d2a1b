"""Acceptance on real documentation history (../shared/corpus-history, see its README): the changes the
docs actually made, found by importing both snapshots in memory and diffing them."""

from __future__ import annotations

from collections import Counter

import pytest
from diff_paths import CORPUS, HISTORY, SKIP_NO_CORPUS, SKIP_NO_HISTORY

from explorer import api
from explorer.diff import DiffResult, Rename

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not HISTORY.is_dir(), reason=SKIP_NO_HISTORY)]

HW_2022 = HISTORY / "huaweicloud-ecs-2022-10"
HW_2023 = HISTORY / "huaweicloud-ecs-2023-06"
OTC_2024 = HISTORY / "otc-ecs-2024-12"
OTC_2025 = HISTORY / "otc-ecs-2025-04"
V1 = "/v1/{project_id}/cloudservers"
CS = "ecs:cloudServers:"

RENAMES_2023 = {
    (f"DELETE {V1}/os-server-groups/{{server_group_id}}", "delete", "deleteServerGroup"),
    ("GET /v1/cloudservers/{server_id}/block_device/{volume_id}", "get", "showServerBlockDevice"),
    (f"GET {V1}/{{server_id}}", "get", "showServer"),
    (f"GET {V1}/{{server_id}}/block_device", "get", "listServerBlockDevices"),
    (f"GET {V1}/{{server_id}}/os-interface", "get", "listServerInterfaces"),
    (f"GET {V1}/{{server_id}}/os-resetpwd-flag", "get", "showResetPasswordFlag"),
    (f"GET {V1}/{{server_id}}/os-server-password", "get", "showServerPassword"),
    (f"GET {V1}/{{server_id}}/os-volume_attachments", "get", "listServerVolumeAttachments"),
    (f"GET {V1}/{{server_id}}/tags", "get", "showServerTags"),
    ("POST /v1.1/{project_id}/cloudservers", "create", "createServers"),
    (f"POST {V1}", "create", "createServers"),
    (f"POST {V1}/delete", "delete", "deleteServers"),
    (f"POST {V1}/os-server-groups/{{server_group_id}}/action", "create", "addServerGroupMember"),
    (f"POST {V1}/os-server-groups/{{server_group_id}}/action", "delete", "deleteServerGroupMember"),
    (f"POST {V1}/{{server_id}}/tags/action", "put", "batchSetServerTags"),
    ("POST /v1{project_id}/cloudservers/os-server-groups", "create", "createServerGroup"),  # the docs lack a "/"
    (f"PUT {V1}/server-name", "put", "batchUpdateServersName"),
    (f"PUT {V1}/{{server_id}}", "put", "updateServer"),
}


@pytest.fixture(scope="module")
def hw_2022_2023() -> tuple[DiffResult, tuple[Rename, ...]]:
    return api.diff(HW_2022, HW_2023)


def test_huawei_2022_to_2023_renames(hw_2022_2023: tuple[DiffResult, tuple[Rename, ...]]) -> None:
    result, renames = hw_2022_2023
    found = {
        (c.api, c.old["action"].removeprefix(CS), c.new["action"].removeprefix(CS))
        for c in result.of_kind("action_renamed")
    }
    assert len(result.of_kind("action_renamed")) == 18
    assert found == RENAMES_2023
    assert len(renames) == 18
    by_file = Counter(r.new_row.file.removeprefix("huaweicloud-zh/ecs/") for r in renames)
    assert by_file == {
        "生命周期管理-27.md": 5,
        "云服务器组管理-37.md": 4,
        "磁盘管理-33.md": 3,
        "密码管理-36.md": 2,
        "标签管理-39.md": 2,
        "批量操作-29.md": 1,
        "网卡管理-32.md": 1,
    }


def test_huawei_2022_to_2023_no_operation_added_or_removed(
    hw_2022_2023: tuple[DiffResult, tuple[Rename, ...]],
) -> None:
    result, _ = hw_2022_2023
    summary = result.summary()
    assert (summary["operation_added"], summary["operation_removed"]) == (0, 0)
    assert (result.matched, result.old.operations, result.new.operations) == (117, 117, 117)
    assert summary["dependency_added"] == summary["dependency_removed"] == summary["scope_changed"] == 0


def test_huawei_2022_to_2023_columns_appear_once(hw_2022_2023: tuple[DiffResult, tuple[Rename, ...]]) -> None:
    result, _ = hw_2022_2023
    columns = [(c.new["column"], c.new["rows"], c.new["values"]) for c in result.of_kind("column_added")]
    assert columns == [("instance", 117, {"false": 92, "true": 25}), ("tag", 117, {"false": 90, "true": 27})]
    assert result.summary()["column_removed"] == 0
    # one piece of evidence per table page: all 19 pages gained the columns
    assert all(len(c.evidence) == 19 for c in result.of_kind("column_added"))


def test_huawei_2022_to_2023_damage_is_flagged(hw_2022_2023: tuple[DiffResult, tuple[Rename, ...]]) -> None:
    result, _ = hw_2022_2023
    damaged = {c.api: (c.suspicious, c.fixes) for c in result.of_kind("action_changed")}
    assert damaged == {
        f"GET {V1}/tags": (True, False),  # ecs:cloudServers:list -> ecs:cloudServers:lis
        "GET /v2.1/{project_id}/os-availability-zone": (True, False),  # a URL glued to the action
    }
    conditions = result.of_kind("condition_changed")
    assert len(conditions) == 6  # 2 create-server rows x (vpc:publicIps:create, vpc:publicIps:update, the action)
    assert {c.api for c in conditions} == {"POST /v1.1/{project_id}/cloudservers", f"POST {V1}"}


@pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)
def test_huawei_2023_to_corpus() -> None:
    result, renames = api.diff(HW_2023, CORPUS, clouds=("huaweicloud",), services=("ecs",))
    added = sorted((c.api, c.new["actions"][0]["action"]) for c in result.of_kind("operation_added"))
    assert added == [
        (f"DELETE {V1}/{{server_id}}/metadata/{{key}}", f"{CS}deleteMetadata"),
        (f"GET {V1}/os-server-groups", f"{CS}list"),
        (f"GET {V1}/os-server-groups/{{server_group_id}}", f"{CS}showServerGroup"),
        ("GET /v1/{project_id}/servers/tags", "ecs:servers:getTags"),
        (f"POST {V1}/resource_instances/action", f"{CS}list"),
        (f"POST {V1}/{{server_id}}/metadata", f"{CS}updateMetadata"),
        ("POST /v1/{project_id}/servers/{server_id}/tags/action", "ecs:servers:setTags"),
        ("POST /v2/{project_id}/cloudservers/fpga_image", "ecs:cloudServerFpgaImages:create"),
    ]
    removed = sorted((c.api, c.old["actions"][0]["action"]) for c in result.of_kind("operation_removed"))
    assert removed == [
        (f"PUT {V1}/{{server_id}}/os-interface/{{port_id}}", "ecs:cloudServerNics:update"),
        ("PUT /v2.1/{project_id}/servers/{server_id}/os-reset-password", f"{CS}resetServerPwd"),
    ]
    splits = sorted(c.api for c in result.of_kind("api_changed") if c.new.get("rows", 1) > 1)
    assert splits == [
        "POST /v2/{project_id}/cloudservers/{server_id}/changeos",
        "POST /v2/{project_id}/cloudservers/{server_id}/reinstallos",
    ]
    fixed = sorted((c.api, c.fixes, c.suspicious) for c in result.of_kind("action_changed"))
    assert fixed == [(f"GET {V1}/tags", True, False), ("GET /v2.1/{project_id}/os-availability-zone", True, False)]
    others = [c for c in result.of_kind("api_changed") if c.new.get("rows", 1) == 1]
    detach = f"DELETE {V1}/{{server_id}}/detachvolume/"
    assert [(c.old["apis"], c.new["apis"]) for c in others] == [
        ([detach + "{attachment_id}"], [detach + "{volume_id}"])
    ]
    summary = result.summary()
    assert (summary["name_changed"], summary["action_renamed"], summary["dependency_added"]) == (5, 0, 0)
    assert (summary["scope_changed"], summary["column_added"], summary["condition_changed"]) == (0, 0, 0)
    assert (result.old.operations, result.new.operations, result.matched) == (117, 125, 113 + 2)
    assert renames == ()


@pytest.fixture(scope="module")
def otc_2024_2025() -> DiffResult:
    return api.diff(OTC_2024, OTC_2025)[0]


def test_otc_2024_to_2025_removed_operations(otc_2024_2025: DiffResult) -> None:
    removed = sorted((c.api, c.old["actions"][0]["action"]) for c in otc_2024_2025.of_kind("operation_removed"))
    assert removed == [
        ("GET /v1/{project_id}/servers/tags", "ecs:servers:getTags"),
        ("POST /v1/{project_id}/servers/{server_id}/tags/action", "ecs:servers:setTags"),
    ]
    summary = otc_2024_2025.summary()
    assert (summary["operation_added"], summary["action_renamed"], summary["dependency_removed"]) == (0, 0, 0)
    # both snapshots import completely, so nothing is missing from a side for the importer's sake
    assert otc_2024_2025.old.notes == ("imported in memory: 17 files, 92 of 92 rows",)
    assert otc_2024_2025.new.notes == ("imported in memory: 17 files, 90 of 90 rows",)


def test_otc_2024_to_2025_dependencies(otc_2024_2025: DiffResult) -> None:
    added = otc_2024_2025.of_kind("dependency_added")
    assert len(added) == 7
    rows = {(c.evidence[-1].provenance.file, c.evidence[-1].provenance.row) for c in added}
    assert len(rows) == 6
    assert sorted((c.api, c.new["dependency"], tuple(c.new["of"])) for c in added) == [
        ("DELETE /v2/{project_id}/servers/{server_id}/metadata/{key}", "ecs:servers:get", ("ecs:servers:setMetadata",)),
        ("GET /v1/{project_id}/servers/{server_id}/tags", "ecs:servers:get", ("ecs:servers:getTags",)),
        ("POST /v1/{project_id}/servers/resource_instances/action", "ecs:servers:get", ("ecs:servers:getTags",)),
        ("POST /v2/{project_id}/servers/{server_id}/action", "ecs:servers:list", ("ecs:servers:createImage",)),
        ("POST /v2/{project_id}/servers/{server_id}/action", "ims:quotas:get", ("ecs:servers:createImage",)),
        ("POST /v2/{project_id}/servers/{server_id}/metadata", "ecs:servers:get", ("ecs:servers:setMetadata",)),
        ("PUT /v2/{project_id}/servers/{server_id}/metadata/{key}", "ecs:servers:get", ("ecs:servers:setMetadata",)),
    ]
    assert not any(c.suspicious for c in added)


def test_otc_2024_to_2025_create_image_closure(otc_2024_2025: DiffResult) -> None:
    actions = [(i.target, i.added, i.removed) for i in otc_2024_2025.impact if i.kind == "action"]
    assert actions == [("ecs:servers:createImage", ("ecs:servers:list", "ims:quotas:get"), ())]
    (detail,) = [
        d for i in otc_2024_2025.impact for d in i.details if d.action == "ims:quotas:get" and i.kind == "action"
    ]
    assert (detail.basis, [(r.side, r.provenance.file, r.provenance.row) for r in detail.rows]) == (
        "documented",
        [("new", "otc-en/ecs/image_management.rst", 1)],
    )
    # the six rows that gained dependencies are the six API calls whose answer changed
    calls = {(i.target, i.evidence[-1].provenance.row): i for i in otc_2024_2025.impact if i.kind == "operation"}
    assert sorted(calls) == [
        ("DELETE /v2/{project_id}/servers/{server_id}/metadata/{key}", 3),
        ("GET /v1/{project_id}/servers/{server_id}/tags", 5),
        ("POST /v1/{project_id}/servers/resource_instances/action", 4),
        ("POST /v2/{project_id}/servers/{server_id}/action", 1),
        ("POST /v2/{project_id}/servers/{server_id}/metadata", 5),
        ("PUT /v2/{project_id}/servers/{server_id}/metadata/{key}", 4),
    ]
    assert calls[("POST /v2/{project_id}/servers/{server_id}/action", 1)].added == (
        "ecs:servers:list",
        "ims:quotas:get",
    )
    assert all("ecs:servers:get" in i.added and not i.removed for i in calls.values() if "metadata" in i.target)
