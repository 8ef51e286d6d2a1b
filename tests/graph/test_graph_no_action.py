"""Operations whose rows list no action: nodes without checks edges that resolve, close, search and count.

The fixture catalog tests/fixtures/no_action_catalog holds such rows next to ordinary ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api
from explorer.graph import Explorer

CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "no_action_catalog"


@pytest.fixture(scope="module")
def ex() -> Explorer:
    return api.get_explorer("huaweicloud", CATALOG)


def test_the_catalog_with_empty_action_lists_is_valid() -> None:
    result = api.validate([CATALOG], schema=True)
    assert result.problems == ()
    assert result.operations == 6


def test_an_operation_without_actions_is_a_node_without_checks_edges(ex: Explorer) -> None:
    g = ex.data
    assert g.graph.nodes["op:noaction0001"]["kind"] == "operation"
    assert g.links.succ.get("op:noaction0001", ()) == ()
    # its dependency is still an edge, and the action it names a node
    assert [(e.target, e.kind) for e in g.links.out_edges["op:noaction0005"]] == [("ims:images:create", "depends")]
    assert "ims:images:create" in g.nodes.unresolved
    assert g.nodes.defined == frozenset({"evs:zones:get", "evs:volumes:list"})


def test_resolve_and_closure_of_an_api_that_needs_no_action(ex: Explorer) -> None:
    target = ex.resolve("GET /")
    assert (target.kind, target.seeds, target.actions, target.operations) == (
        "operation",
        ("op:noaction0001",),
        (),
        ("noaction0001",),
    )
    assert target.lists_no_action
    assert target.note == "API GET /; the documentation lists no action for it"
    assert [(n.operation, n.notes) for n in target.without_actions] == [
        ("noaction0001", ("no action required (action cell: 无)",))
    ]
    result = ex.closure("GET /")
    assert result.requirements == ()
    assert not result.truncated
    assert [n.text for n in result.without_actions()] == [
        "查询接口版本信息列表（示例）: no action required (action cell: 无) [huaweicloud-zh/evs/示例.md table 1 row 1]"
    ]
    data = result.to_dict()
    assert data["requirements"] == []
    assert data["targets"][0]["without_actions"][0]["notes"] == ["no action required (action cell: 无)"]
    # by name, and by op id; a row without API (DLI's "/") is found by its name
    assert ex.resolve("op:noaction0001").lists_no_action
    pool = ex.closure("查询所有弹性资源池（示例）")
    assert pool.requirements == ()
    assert pool.without_actions()[0].notes == ("not covered by fine-grained authorization (action cell: /)",)


def test_closure_of_an_api_documented_with_and_without_an_action(ex: Explorer) -> None:
    target = ex.resolve("GET /v2/{project_id}/os-availability-zone")
    assert target.actions == ("evs:zones:get",)
    assert not target.lists_no_action
    assert target.note.endswith("1 of its 2 rows lists no action")
    assert [n.operation for n in target.without_actions] == ["noaction0002"]
    result = ex.closure("GET /v2/{project_id}/os-availability-zone")
    assert [(r.action, r.depth) for r in result.requirements] == [("evs:zones:get", 1)]


def test_a_dependency_of_a_row_without_actions_is_documented(ex: Explorer) -> None:
    result = ex.closure("POST /v2/{project_id}/volumes/{volume_id}/action")
    assert [(r.action, r.depth, r.via) for r in result.requirements] == [("ims:images:create", 1, "op:noaction0005")]
    assert result.requirements[0].reason.startswith("documented dependency of operation 导出云硬盘为镜像（示例）")
    assert result.targets[0].lists_no_action  # its row lists no action of its own, only the dependency


def test_scope_of_an_api_that_needs_no_action(ex: Explorer) -> None:
    report = ex.scope("GET /")
    assert report.nothing_to_grant
    assert (report.actions, report.blockers, report.iam_project_actions) == ((), (), ())
    assert report.to_dict()["nothing_to_grant"] is True
    assert not ex.scope("GET /v2/{project_id}/volumes").nothing_to_grant
    # a dependency must still be granted, so there is something to grant
    assert not ex.scope("POST /v2/{project_id}/volumes/{volume_id}/action").nothing_to_grant


def test_views_search_and_counts(ex: Explorer) -> None:
    view = api.closure_view(ex, ["GET /"])
    assert [n.id for n in view.nodes] == ["op:noaction0001"]
    assert view.edges == ()
    assert view.notes[0].startswith("the documentation lists no action for 查询接口版本信息列表（示例）")
    service = api.service_view(ex, "evs")
    assert {n.id for n in service.nodes if n.kind == "operation"} == {f"op:noaction000{i}" for i in range(1, 7)}
    assert [h.key for h in ex.search("弹性资源池")] == ["op:noaction0004"]
    assert any(h.kind == "api" and h.key == "op:noaction0001" for h in ex.search("GET /"))
    stats = ex.check()
    assert stats.operations == 6
    assert stats.actions == 3  # two checked, one only referenced
    (evs,) = stats.services
    assert (evs.operations, evs.without_actions, evs.actions, evs.unresolved) == (6, 4, 2, 1)
    # scope counts are of (operation, action) pairs: rows without actions add none
    assert evs.enterprise_project == (2, 0, 0)
    assert evs.iam_project == (2, 0, 0)
