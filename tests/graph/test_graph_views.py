"""Views handed to renderers and the UI: nodes, depths, edge kinds, scope marks, notes."""

from __future__ import annotations

import pytest

from explorer import api
from explorer.errors import QueryError
from explorer.graph import Explorer


def test_closure_view(fx: Explorer) -> None:
    view = api.closure_view(fx, "ecs:servers:createImage", max_depth=2)
    nodes = {n.id: n for n in view.nodes}
    assert nodes["ecs:servers:createImage"].depth == 0
    assert nodes["ims:images:list"].depth == 1 and nodes["ims:images:list"].scope == "mixed"
    assert nodes["ims:serverImages:create"].depth == 2
    assert "ecs:*:get*" not in nodes
    edges = {(e.source, e.target): e for e in view.edges}
    assert not edges[("ecs:servers:createImage", "ims:images:update")].inferred
    deeper = edges[("ims:images:update", "ims:serverImages:create")]
    assert deeper.inferred and deeper.conditions == ("仅企业项目迁移需要",)
    assert nodes["ims:serverImages:create"].basis == "certain"
    assert view.notes == (
        "8 required actions besides the target (7 documented, 1 certain)",
        "cut at depth 2: more requirements lie deeper",
    )
    assert list(view.nodes) == sorted(view.nodes) and list(view.edges) == sorted(view.edges)


def test_closure_view_of_an_api_has_the_operation(fx: Explorer) -> None:
    view = api.closure_view(fx, "GET /v2/images")
    nodes = {n.id: n for n in view.nodes}
    op = nodes["op:fx-ims-listimages-native"]
    assert (op.kind, op.depth, op.scope, op.detail) == ("operation", 0, "not_supported", "GET /v2/images")
    assert [(e.source, e.target, e.kind) for e in view.edges] == [
        ("op:fx-ims-listimages-native", "ims:images:list", "checks")
    ]


def test_closure_view_patterns_and_unresolved(fx: Explorer) -> None:
    view = api.closure_view(fx, "ims:serverImages:create")
    nodes = {n.id: n for n in view.nodes}
    pattern = nodes["ecs:*:get*"]
    assert pattern.kind == "pattern" and pattern.detail == "pattern, 2 matches" and pattern.flags == ("broad",)
    # a wildcard is one requirement: what it matches is not drawn as required
    assert not [e for e in view.edges if e.kind == "matches"] and "ecs:servers:get" not in nodes
    kms = {n.id: n for n in api.closure_view(fx, "evs:volumes:create").nodes}["kms:cmk:get"]
    assert not kms.resolved and kms.scope == "unknown"


def test_closure_view_notes_cycles(fx: Explorer) -> None:
    view = api.closure_view(fx, "vpc:ports:create")
    assert "cycle: vpc:networks:get -> vpc:subnets:get" in view.notes
    assert ("vpc:networks:get", "vpc:subnets:get") in {(e.source, e.target) for e in view.edges}
    assert ("vpc:subnets:get", "vpc:networks:get") in {(e.source, e.target) for e in view.edges}


def test_dependents_view(fx: Explorer) -> None:
    view = api.dependents_view(fx, "evs:snapshots:create")
    assert {(n.id, n.depth) for n in view.nodes} == {
        ("evs:snapshots:create", 0),
        ("ecs:servers:createImage", 1),
        ("op:fx-ecs-createimage", 1),
        ("op:fx-evs-createsnapshot", 1),
        ("op:fx-evs-createsnapshot-cinder", 1),
    }
    assert all(e.target == "evs:snapshots:create" or e.source.startswith("op:") for e in view.edges)


def test_why_view(fx: Explorer) -> None:
    view = api.why_view(fx, "obs:bucket:*", "ecs:servers:createImage")
    assert [n.id for n in sorted(view.nodes, key=lambda n: n.depth)] == [
        "ecs:servers:createImage",
        "ims:images:update",
        "ims:serverImages:create",
        "obs:bucket:*",
    ]
    assert len(view.edges) == 3 and not any(e.possible for e in view.edges)
    assert view.title == "Why ecs:servers:createImage needs obs:bucket:*"
    empty = api.why_view(fx, "vpc:publicIps:create", "ecs:servers:createImage")
    assert empty.edges == () and empty.notes == ("vpc:publicIps:create is not required by ecs:servers:createImage",)


def test_service_view(fx: Explorer) -> None:
    view = api.service_view(fx, "ims")
    kinds = {n.id: (n.kind, n.depth) for n in view.nodes}
    assert kinds["op:fx-ims-createimage"] == ("operation", 0)
    assert kinds["ims:serverImages:create"] == ("action", 1)
    assert kinds["obs:bucket:*"] == ("pattern", 2)
    with pytest.raises(QueryError, match="no service 'imz'") as err:
        api.service_view(fx, "imz")
    assert err.value.suggestions == ("ims",)
