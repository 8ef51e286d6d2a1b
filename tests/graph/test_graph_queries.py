"""scope(), dependents(), why(), search(), show() and check() on the fixture catalog."""

from __future__ import annotations

import pytest

from explorer import api
from explorer.actions import matches
from explorer.graph import Explorer


def test_seed_scope_not_grantable_with_blockers(fx: Explorer) -> None:
    report = fx.scope("ecs:servers:createImage")
    assert report.verdict == "not_grantable" and report.enterprise_project_grantable is False
    # blockers work on an enterprise project for no row that checks them
    assert {b.action: b.mark for b in report.blockers} == {
        "ecs:servers:createImage": "not_supported",
        "ims:images:create": "not_supported",
        "ims:images:delete": "not_supported",
        "ims:images:get": "not_supported",
    }
    assert report.enterprise_project_actions == ("ims:images:update", "ims:serverImages:create")
    assert report.iam_project_actions == tuple(sorted(b.action for b in report.blockers))
    assert report.check_actions == (
        "ecs:*:get*",
        "evs:snapshots:create",
        "evs:volumes:get",
        "ims:images:list",
        "obs:bucket:*",
    )
    assert "POST /v2/images" in {b.action: b.reason for b in report.blockers}["ims:images:create"]
    data = report.to_dict()
    assert data["verdict"] == "not_grantable" and data["enterprise_project_grantable"] is False
    assert data["blockers"][0] == "ecs:servers:createImage"
    listing = {c["action"]: c for c in data["plan"]["check"]}["ims:images:list"]
    assert listing == {
        "action": "ims:images:list",
        "works_for": ["GET /v2/cloudimages"],
        "fails_for": ["GET /v2/images"],
        "unknown_for": [],
    }


def test_scope_of_an_api_uses_that_rows_pair(fx: Explorer) -> None:
    # ims:images:list is supported through GET /v2/cloudimages but not through the native GET /v2/images
    assert fx.scope("GET /v2/cloudimages").verdict == "grantable"
    native = fx.scope("GET /v2/images")
    assert native.verdict == "not_grantable"
    assert [b.action for b in native.blockers] == ["ims:images:list"]
    listing = fx.scope("ims:images:list")
    assert listing.verdict == "depends" and listing.enterprise_project_grantable is None
    assert listing.checks[0].works == ("GET /v2/cloudimages",) and listing.checks[0].fails == ("GET /v2/images",)


def test_scope_depth_and_conditions_change_the_verdict(fx: Explorer) -> None:
    assert fx.scope("ims:images:update", max_depth=1).verdict == "grantable"
    assert fx.scope("ims:images:update").verdict == "depends"  # ecs:*:get* and obs:bucket:* via serverImages:create
    assert fx.scope("ims:images:update", exclude_conditional=True).verdict == "grantable"


def test_scope_unknown_when_documentation_is_silent(fx: Explorer) -> None:
    report = fx.scope("vpc:ports:create")
    assert report.verdict == "depends" and not report.blockers
    assert [(c.action, c.mark) for c in report.checks] == [("vpc:networks:get", "unknown")]
    assert report.checks[0].reason == "the documentation does not say whether enterprise projects are supported"


def test_dependents_of_snapshot_create(fx: Explorer) -> None:
    result = fx.dependents("evs:snapshots:create")
    assert [(d.depth, d.kind, d.node) for d in result.dependents] == [
        (1, "action", "ecs:servers:createImage"),
        (1, "operation", "op:fx-ecs-createimage"),
        (1, "operation", "op:fx-evs-createsnapshot"),
        (1, "operation", "op:fx-evs-createsnapshot-cinder"),
    ]


def test_dependents_through_a_pattern_and_depth(fx: Explorer) -> None:
    result = fx.dependents("ecs:servers:get")
    depth = {d.node: d.depth for d in result.dependents}
    assert depth["ecs:*:get*"] == 1
    assert depth["ims:serverImages:create"] == 2
    assert depth["ims:images:update"] == 3
    assert depth["ecs:servers:createImage"] == 4
    limited = fx.dependents("ecs:servers:get", max_depth=1)
    assert limited.truncated and max(d.depth for d in limited.dependents) == 1


def test_every_dependent_needs_the_action(fx: Explorer) -> None:
    # what breaks if the action is denied: a dependent's answer holds it, or a wildcard that matches it
    for action in fx.actions():
        for dep in fx.dependents(action).dependents:
            held = fx.closure(dep.node, possible=True).actions()
            assert action in held or any(matches(p, action) for p in held if "*" in p), (action, dep.node)


def test_why_gives_each_edge_with_its_row(fx: Explorer) -> None:
    result = fx.why("obs:bucket:*", "ecs:servers:createImage")
    assert [[(e.source, e.target, e.kind) for e in p] for p in result.paths] == [
        [
            ("ecs:servers:createImage", "ims:images:update", "depends"),
            ("ims:images:update", "ims:serverImages:create", "depends"),
            ("ims:serverImages:create", "obs:bucket:*", "depends"),
        ]
    ]
    assert result.basis == "certain"
    first = result.paths[0][0]
    assert [(p.file, p.row) for p in first.provenance] == [("huaweicloud-zh/ecs/镜像管理.md", 1)]
    assert result.paths[0][1].conditions == ("仅企业项目迁移需要",)
    # what a wildcard matches is granted by it, not required on its own
    assert fx.why("ecs:servers:get", "ecs:servers:createImage").paths == ()


def test_why_not_required(fx: Explorer) -> None:
    assert fx.why("vpc:publicIps:create", "ecs:servers:createImage").paths == ()
    assert fx.why("obs:bucket:*", "ecs:servers:createImage", exclude_conditional=True).paths == ()
    conditional = fx.why("vpc:publicIps:create", "ecs:cloudServers:create")
    assert conditional.paths[0][0].conditions == ("创建云服务器时新创建弹性公网IP",)


def test_search_ranks_exact_then_prefix_then_substring(fx: Explorer) -> None:
    hits = fx.search("ims:images:list")
    assert (hits[0].rank, hits[0].key) == (0, "ims:images:list")
    names = fx.search("镜像列表")
    assert {h.key for h in names[:2]} == {"op:fx-ims-listimages", "op:fx-ims-listimages-native"}
    assert fx.search("GET /v2/images")[0].key == "op:fx-ims-listimages-native"
    fuzzy = fx.search("createimgae")
    assert fuzzy and all(h.rank == 3 for h in fuzzy)
    assert fx.search("zzzzqqq") == ()


def test_show_action_pattern_and_unresolved(fx: Explorer) -> None:
    info = fx.show("ims:images:list")
    assert info.scope_mark == "mixed" and len(info.operations) == 2
    pattern = fx.show("ecs:*:get*")
    assert [e.target for e in pattern.dependencies] == ["ecs:cloudServers:get", "ecs:servers:get"]
    kms = fx.show("kms:cmk:get")
    assert (
        not kms.resolved
        and kms.operations == ()
        and [e.source for e in kms.required_by]
        == [
            "evs:volumes:create",
            "op:fx-evs-createvolume",
        ]
    )


def test_check_reports_problems(fx: Explorer) -> None:
    report = fx.check()
    assert [s.service for s in report.services] == ["ecs", "evs", "ims", "vpc"]
    assert {s.service: (s.operations, s.actions, s.dependencies, s.unresolved) for s in report.services} == {
        "ecs": (6, 6, 15, 0),
        "evs": (4, 3, 2, 1),
        "ims": (7, 6, 3, 0),
        "vpc": (5, 5, 4, 0),
    }
    # (operation, action) pairs by scope flag: (supported, not supported, not documented)
    assert {s.service: (s.enterprise_project, s.iam_project) for s in report.services} == {
        "ecs": ((3, 3, 0), (6, 0, 0)),
        "evs": ((3, 2, 0), (5, 0, 0)),  # the first row checks two actions
        "ims": ((3, 4, 0), (7, 0, 0)),
        "vpc": ((4, 0, 1), (5, 0, 0)),
    }
    assert [a for a, _rows in report.unresolved] == ["kms:cmk:get"]
    assert report.empty_patterns == ("obs:bucket:*",)
    assert report.cycles == (("vpc:networks:get", "vpc:subnets:get"),)
    assert report.self_loops == ("vpc:ports:get",)
    assert {(d.action, d.field) for d in report.disagreements} == {
        ("evs:snapshots:create", "enterprise_project"),
        ("evs:volumes:get", "enterprise_project"),
        ("ims:images:list", "enterprise_project"),
    }
    assert not report.ok


def test_empty_catalog_is_a_catalog_error() -> None:
    from explorer.errors import CatalogError
    from explorer.model import Catalog

    with pytest.raises(CatalogError, match="has no operations"):
        api.build_explorer(Catalog("huaweicloud"), "empty.yaml")
