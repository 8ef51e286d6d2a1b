"""Matching by content and the notation and damage rules, on hand-made rows."""

from __future__ import annotations

import dataclasses

from diff_paths import NEW, OLD
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.catalog.store import dump_service, load_service_text
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope


def _op(row: int, api_: str, action: str, name: str = "", deps: tuple[str, ...] = (), lang: str = "en") -> Operation:
    return Operation(
        f"id{row}",
        {lang: name or action},
        (api_,),
        (ActionRef(action),),
        tuple(ActionRef(d) for d in deps),
        Scope(True, True),
        (),
        Provenance("otc-en/ecs/x.rst", 1, row, "otc-en"),
    )


def _catalog(*ops: Operation) -> dict[str, Catalog]:
    return {"otc": Catalog("otc", {"ecs": load_service_text(_yaml(ops), "x.yaml")})}


def _yaml(ops: tuple[Operation, ...]) -> str:
    from explorer.model import ServiceCatalog, SourceDoc

    return dump_service(ServiceCatalog("otc", "ecs", (SourceDoc("otc-en/ecs/x.rst", "otc-en"),), ops))


def test_shared_api_rows_pair_by_action_not_position() -> None:
    # three rows on one API (batch start/stop/reboot), reordered and with one inserted
    old = _catalog(
        _op(1, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:start"),
        _op(2, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:stop"),
        _op(3, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:reboot"),
    )
    new = _catalog(
        _op(1, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:reboot"),
        _op(2, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:delete"),
        _op(3, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:start", deps=("ecs:servers:get",)),
        _op(4, "POST /v1/{project_id}/cloudservers/action", "ecs:cloudServers:stop"),
    )
    result, _ = api.diff(old, new, impact=False)
    assert [(c.kind, c.new.get("actions", [{}])[0].get("action") if c.new else None) for c in result.changes] == [
        ("operation_added", "ecs:cloudServers:delete"),
        ("dependency_added", None),
    ]
    (dep,) = result.of_kind("dependency_added")
    assert dep.new["of"] == ["ecs:cloudServers:start"]


def test_placeholder_names_and_query_templates_do_not_unpair() -> None:
    old = _catalog(_op(1, "GET /v1/{project_id}/servers/{id}{?limit}", "ecs:servers:get", "Query"))
    new = _catalog(_op(9, "get /v1/{project_id}/servers/{server_id}/", "ecs:servers:get", "Query"))
    result, _ = api.diff(old, new, impact=False)
    servers = "GET /v1/{project_id}/servers/"
    assert [(c.kind, c.old, c.new) for c in result.changes] == [
        ("api_changed", {"apis": [servers + "{id}"]}, {"apis": [servers + "{server_id}"]})
    ]


def test_camel_case_extension_is_a_rename_mid_word_cut_is_damage() -> None:
    old = _catalog(
        _op(1, "POST /v1/x/delete", "ecs:cloudServers:delete", "Delete"),
        _op(2, "GET /v1/x/tags", "ecs:tags:list", "Tags"),
    )
    new = _catalog(
        _op(1, "POST /v1/x/delete", "ecs:cloudServers:deleteServers", "Delete"),
        _op(2, "GET /v1/x/tags", "ecs:tags:li", "Tags"),
    )
    result, renames = api.diff(old, new, impact=False)
    assert [(c.kind, c.suspicious) for c in result.changes] == [("action_renamed", False), ("action_changed", True)]
    assert [(r.old, r.new) for r in renames] == [("ecs:cloudServers:delete", "ecs:cloudServers:deleteServers")]


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(12)))
def test_row_order_never_matters(order: list[int]) -> None:
    # the fixture's new rows in any order, renumbered: the same changes (up to the row numbers of the evidence)
    base = api.load([NEW])["huaweicloud"].services["ecs"]
    ops = tuple(
        dataclasses.replace(
            base.operations[i], provenance=dataclasses.replace(base.operations[i].provenance, row=n + 1)
        )
        for n, i in enumerate(order)
    )
    shuffled = {"huaweicloud": Catalog("huaweicloud", {"ecs": dataclasses.replace(base, operations=ops)})}
    result, _ = api.diff(OLD, shuffled, impact=False)
    assert result.summary() == api.diff(OLD, NEW, impact=False)[0].summary()
    assert sorted((c.kind, c.api, repr(c.old), repr(c.new)) for c in result.changes) == sorted(
        (c.kind, c.api, repr(c.old), repr(c.new)) for c in api.diff(OLD, NEW, impact=False)[0].changes
    )


def test_an_api_version_change_keeps_the_row() -> None:
    # names in two languages (two editions) cannot pair the rows: the version-insensitive API does
    old = _catalog(
        _op(1, "POST /v2.1/{project_id}/servers/{server_id}/action", "ecs:servers:rebuild", "重建", lang="zh")
    )
    new = _catalog(_op(1, "POST /v2/{project_id}/servers/{server_id}/action", "ecs:servers:rebuild", "Rebuild"))
    result, _ = api.diff(old, new, impact=False)
    assert [(c.kind, c.old, c.new) for c in result.changes] == [
        (
            "api_changed",
            {"apis": ["POST /v2.1/{project_id}/servers/{server_id}/action"]},
            {"apis": ["POST /v2/{project_id}/servers/{server_id}/action"]},
        )
    ]


def test_title_case_and_full_width_names_are_notation() -> None:
    old = _catalog(_op(1, "GET /v1/x/groups", "ecs:groups:list", "Querying ECS groups (native OpenStack API)"))
    new = _catalog(_op(1, "GET /v1/x/groups", "ecs:groups:list", "Querying ECS Groups（Native OpenStack API）"))
    result, _ = api.diff(old, new, impact=False)
    assert result.equal
    assert result.suppressed == {"name_changed": 1}


def test_rows_equal_under_a_key_that_swapped_places_pair_with_themselves() -> None:
    api_ = "POST /v1/{project_id}/cloudservers/action"
    old = _catalog(
        _op(1, api_, "ecs:cloudServers:start", "Batch", deps=("ecs:servers:get",)),
        _op(2, api_, "ecs:cloudServers:start", "Batch", deps=("ecs:servers:list",)),
    )
    new = _catalog(
        _op(1, api_, "ecs:cloudServers:start", "Batch", deps=("ecs:servers:list",)),
        _op(2, api_, "ecs:cloudServers:start", "Batch", deps=("ecs:servers:get",)),
    )
    result, _ = api.diff(old, new, impact=False)
    assert result.equal
    assert result.matched == 2


def test_conditions_in_two_languages_compare_only_whether_they_are_conditional() -> None:
    base = _op(1, "POST /v1/{project_id}/cloudservers", "ecs:cloudServers:create", "创建云服务器", lang="zh")
    zh = dataclasses.replace(base, dependencies=(ActionRef("vpc:publicIps:create", "创建云服务器时新创建弹性公网IP"),))
    en = dataclasses.replace(
        zh,
        name={"en": "Creating an ECS"},
        dependencies=(ActionRef("vpc:publicIps:create", "When a new EIP is created"),),
    )
    plain_en = dataclasses.replace(en, dependencies=(ActionRef("vpc:publicIps:create"),))
    assert api.diff(_catalog(zh), _catalog(en), impact=False)[0].equal
    result, _ = api.diff(_catalog(zh), _catalog(plain_en), impact=False)
    (change,) = result.changes
    assert (change.kind, change.old["conditions"], change.new["conditions"]) == (
        "condition_changed",
        ["创建云服务器时新创建弹性公网IP"],
        [],
    )
    assert change.note == "rows in two languages: only whether it is conditional is compared"


def test_an_added_dependency_that_contradicts_its_row_is_suspicious() -> None:
    # a query that now needs to create security groups, and one that now needs another query: only the first
    sg = "GET /v2.1/{project_id}/os-security-groups"
    old = _catalog(_op(1, sg, "ecs:securityGroups:use", "List"), _op(2, "GET /v1/x", "ecs:servers:get", "Get"))
    new = _catalog(
        _op(1, sg, "ecs:securityGroups:use", "List", deps=("vpc:securityGroups:create",)),
        _op(2, "GET /v1/x", "ecs:servers:get", "Get", deps=("evs:volumes:get",)),
    )
    result, _ = api.diff(old, new, impact=False)
    assert [(c.new["dependency"], c.suspicious, c.note) for c in result.of_kind("dependency_added") if c.new] == [
        ("evs:volumes:get", False, ""),
        (
            "vpc:securityGroups:create",
            True,
            "ecs:securityGroups:use (read-only) now depends on vpc:securityGroups:create",
        ),
    ]
