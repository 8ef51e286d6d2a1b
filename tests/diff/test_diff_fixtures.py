"""Every kind of change on two small catalogs written for it (tests/fixtures/diff/old -> new).

The new side reuses an old operation id on another row and moves one row to another file: matching
must go by content, so neither shows up as a change.
"""

from __future__ import annotations

import pytest
from diff_paths import NEW, OLD

from explorer import api
from explorer.diff import KINDS as CHANGE_KINDS
from explorer.diff import DiffResult


@pytest.fixture(scope="module")
def result() -> DiffResult:
    found, _renames = api.diff(OLD, NEW)
    return found


def test_summary_counts_every_kind(result: DiffResult) -> None:
    assert result.summary() == {
        "operation_added": 1,
        "operation_removed": 1,
        "action_renamed": 2,
        "action_changed": 2,
        "dependency_added": 1,
        "dependency_removed": 0,
        "condition_changed": 2,
        "scope_changed": 1,
        "api_changed": 2,
        "name_changed": 1,
        "column_added": 2,
        "column_removed": 0,
    }
    assert result.matched == 10
    assert (result.old.operations, result.new.operations) == (11, 12)
    assert not result.equal


def test_an_inserted_row_is_one_addition(result: DiffResult) -> None:
    (added,) = result.of_kind("operation_added")
    assert added.new["actions"] == [{"action": "ecs:cloudServers:updateMetadata", "condition": None}]
    assert [(r.side, r.provenance.row) for r in added.evidence] == [("new", 3)]
    (removed,) = result.of_kind("operation_removed")
    assert removed.old["apis"] == ["PUT /v2.1/{project_id}/servers/{server_id}/os-reset-password"]


def test_renames_on_the_same_api(result: DiffResult) -> None:
    renames = {(c.old["action"], c.new["action"], c.api) for c in result.of_kind("action_renamed")}
    assert renames == {
        ("ecs:cloudServers:delete", "ecs:cloudServers:deleteServers", "POST /v1/{project_id}/cloudservers/delete"),
        ("ecs:cloudServers:create", "ecs:cloudServers:createServers", "POST /v1/{project_id}/cloudservers"),
    }
    assert not any(c.suspicious for c in result.of_kind("action_renamed"))


def test_damage_is_suspicious(result: DiffResult) -> None:
    changed = {c.api: c for c in result.of_kind("action_changed")}
    cut = changed["GET /v1/{project_id}/cloudservers/tags"]
    assert (cut.old, cut.new, cut.suspicious, cut.fixes) == (
        {"actions": ["ecs:cloudServers:list"]},
        {"actions": ["ecs:cloudServers:lis"]},
        True,
        False,
    )
    glued = changed["GET /v2.1/{project_id}/os-availability-zone"]
    assert glued.suspicious
    assert glued.new == {
        "actions": ["ecs:availabilityZones:list"],
        "cell": "ecs:availabilityZones:list/v2/{project_id}/os-networks",
    }
    (dep,) = result.of_kind("dependency_added")
    assert dep.new == {"dependency": "evs:volumes:create", "conditions": [], "of": ["ecs:cloudServers:deleteVolume"]}
    assert dep.suspicious
    assert "destructive" in dep.note


def test_split_row_is_one_change(result: DiffResult) -> None:
    split = [c for c in result.of_kind("api_changed") if c.new.get("rows") == 2]
    assert len(split) == 1
    assert split[0].old == {
        "apis": [
            "POST /v1/{project_id}/cloudservers/{server_id}/changeos",
            "POST /v2/{project_id}/cloudservers/{server_id}/changeos",
        ],
        "rows": 1,
    }
    assert sorted((r.side, r.provenance.row) for r in split[0].evidence) == [("new", 5), ("new", 6), ("old", 4)]
    # the parts keep the old row's action: no operation added or removed for them
    assert all("changeOS" not in str(c.new) for c in result.of_kind("operation_added"))


def test_path_placeholder_change_is_an_api_change(result: DiffResult) -> None:
    moved = [c for c in result.of_kind("api_changed") if "rows" not in c.new]
    assert [(c.old, c.new) for c in moved] == [
        (
            {"apis": ["DELETE /v1/{project_id}/cloudservers/{server_id}/detachvolume/{attachment_id}"]},
            {"apis": ["DELETE /v1/{project_id}/cloudservers/{server_id}/detachvolume/{volume_id}"]},
        )
    ]


def test_conditions_scope_names_and_columns(result: DiffResult) -> None:
    conditions = sorted(
        (c.old.get("action") or c.old["dependency"], c.new["conditions"][0])
        for c in result.of_kind("condition_changed")
    )
    assert conditions == [("ecs:cloudServers:create", "新建弹性公网IP时"), ("vpc:publicIps:create", "新建弹性公网IP时")]
    (scope,) = result.of_kind("scope_changed")
    assert (scope.old, scope.new) == ({"enterprise_project": True}, {"enterprise_project": False})
    (name,) = result.of_kind("name_changed")
    assert (name.old, name.new) == ({"zh": "停止云服务器"}, {"zh": "批量停止云服务器"})
    columns = {c.new["column"]: c.new["values"] for c in result.of_kind("column_added")}
    assert columns == {"instance": {"false": 12}, "tag": {"true": 12}}
    # the columns are summarised once: no row reports instance or tag going from unknown to a value
    assert all(set(c.new) == {"enterprise_project"} for c in result.of_kind("scope_changed"))


def test_notation_only_edits_are_suppressed(result: DiffResult) -> None:
    assert result.suppressed == {"name_changed": 1, "condition_changed": 1, "api_changed": 1}
    assert not [c for c in result.changes if "flavors" in c.api]


def test_moved_file_and_reused_id_are_no_change(result: DiffResult) -> None:
    assert not [c for c in result.changes if "metadata" in c.api and c.kind != "operation_added"]
    assert not [
        c for c in result.changes if c.api == "POST /v1/{project_id}/cloudservers/delete" and c.kind != "action_renamed"
    ]


def test_actions_added_and_removed(result: DiffResult) -> None:
    assert [a.action for a in result.actions_added] == [
        "ecs:cloudServers:createServers",
        "ecs:cloudServers:deleteServers",
        "ecs:cloudServers:lis",
        "ecs:cloudServers:updateMetadata",
    ]
    assert [(a.action, a.renamed_to) for a in result.actions_removed] == [
        ("ecs:cloudServers:create", ("ecs:cloudServers:createServers",)),
        ("ecs:cloudServers:delete", ("ecs:cloudServers:deleteServers",)),
        ("ecs:cloudServers:list", ()),
        ("ecs:cloudServers:resetServerPwd", ()),
    ]


def test_impact_on_default_requirements(result: DiffResult) -> None:
    cs = "ecs:cloudServers:"
    assert [(i.kind, i.target, i.added, i.removed) for i in result.impact] == [
        ("action", f"{cs}deleteVolume", ("evs:volumes:create",), ()),
        # an API call's answer includes the actions its row checks: a renamed action changes it
        ("operation", "DELETE /v1/{project_id}/cloudservers/{server_id}/volume", ("evs:volumes:create",), ()),
        ("operation", "GET /v1/{project_id}/cloudservers/tags", (f"{cs}lis",), (f"{cs}list",)),
        ("operation", "POST /v1/{project_id}/cloudservers", (f"{cs}createServers",), (f"{cs}create",)),
        ("operation", "POST /v1/{project_id}/cloudservers/delete", (f"{cs}deleteServers",), (f"{cs}delete",)),
    ]
    assert result.impact[1].name == "删除磁盘"
    assert [(r.side, r.provenance.row) for r in result.impact[1].evidence] == [("old", 10), ("new", 11)]


def test_equal_sides() -> None:
    same, renames = api.diff(OLD, OLD)
    assert same.equal
    assert same.summary() == dict.fromkeys(CHANGE_KINDS, 0)
    assert (same.matched, renames) == (11, ())


def test_reverse_diff_mirrors() -> None:
    back, _ = api.diff(NEW, OLD)
    assert back.summary()["operation_added"] == 1
    assert back.summary()["operation_removed"] == 1
    assert back.summary()["column_removed"] == 2
    fixed = [c for c in back.of_kind("action_changed") if c.fixes]
    assert sorted(c.api for c in fixed) == [
        "GET /v1/{project_id}/cloudservers/tags",
        "GET /v2.1/{project_id}/os-availability-zone",
    ]


def test_output_is_deterministic() -> None:
    one = api.dumps(api.diff_document(api.diff(OLD, NEW)[0]))
    two = api.dumps(api.diff_document(api.diff(OLD, NEW)[0]))
    assert one == two
