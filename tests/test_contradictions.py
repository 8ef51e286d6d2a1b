"""The copy-error rule (explorer.contradictions), on rows shaped like the documentation's."""

from __future__ import annotations

import pytest

from explorer.contradictions import Contradiction, contradiction, row_contradictions, verb, writes
from explorer.model import ActionRef, Operation, Provenance, Scope

VOLUMES = "/v2.1/{project_id}/os-volumes/{volume_id}"


def _row(apis: tuple[str, ...], actions: tuple[str, ...], deps: tuple[str, ...]) -> Operation:
    return Operation(
        "r1",
        {"en": "row"},
        apis,
        tuple(ActionRef(a) for a in actions),
        tuple(ActionRef(d) for d in deps),
        Scope(True, None),
        (),
        Provenance("otc-en/ecs/disk_management.rst", 1, 10, "otc-en"),
    )


def test_a_query_needing_to_create_delete_and_update_security_groups_is_flagged() -> None:
    # the OTC ECS row of GET .../os-security-groups (security_group_management.rst row 1)
    row = _row(
        ("GET /v2/{project_id}/servers/{server_id}/os-security-groups",),
        ("ecs:securityGroups:use",),
        (
            "vpc:securityGroups:get",
            "vpc:securityGroups:create",
            "vpc:securityGroups:delete",
            "vpc:securityGroups:update",
        ),
    )
    assert row_contradictions(row) == (
        Contradiction("read_needs_write", "vpc:securityGroups:create", "ecs:securityGroups:use"),
        Contradiction("read_needs_write", "vpc:securityGroups:delete", "ecs:securityGroups:use"),
        Contradiction("read_needs_write", "vpc:securityGroups:update", "ecs:securityGroups:use"),
    )
    assert row_contradictions(row)[0].reason == (
        "a read-only operation needs a writing action: ecs:securityGroups:use depends on vpc:securityGroups:create"
    )


def test_a_disk_delete_needing_evs_volumes_create_is_flagged_by_its_method() -> None:
    row = _row((f"DELETE {VOLUMES}",), ("ecs:serverVolumes:use",), ("evs:volumes:get", "evs:volumes:create"))
    assert row_contradictions(row) == (Contradiction("delete_needs_create", "evs:volumes:create", f"DELETE {VOLUMES}"),)


@pytest.mark.parametrize(
    ("apis", "actions", "dependency", "kind"),
    [
        ((), ("dws:resources:list",), "bss:order:update", "read_needs_write"),  # no API: the action's verb
        ((), ("dws:resources:list",), "ecs:*:create*", "read_needs_write"),  # a pattern with a literal verb
        (("GET /v1/x",), ("m:task:getTask",), "obs:bucket:DeleteBucketPolicy", "read_needs_write"),
        ((), ("dws:MRSConnection:delete",), "mrs:cluster:create", "delete_needs_create"),
        ((), ("dws:cluster:stopCluster",), "ecs:*:start", "delete_needs_create"),
        (("POST /v1/x/detach",), ("ecs:cloudServers:detachVolume",), "evs:volumes:attach", "delete_needs_create"),
    ],
)
def test_the_patterns_found_in_the_corpus(
    apis: tuple[str, ...], actions: tuple[str, ...], dependency: str, kind: str
) -> None:
    found = contradiction(actions, apis, dependency)
    assert found is not None and found.kind == kind


@pytest.mark.parametrize(
    ("apis", "actions", "dependency"),
    [
        (("GET /v1/x",), ("ecs:servers:get",), "evs:volumes:get"),  # reading needs reading
        (("GET /v1/x",), ("ecs:servers:get",), "ecs:*:*"),  # a wildcard verb says nothing
        (("POST /v1/x",), ("ecs:servers:create",), "vpc:ports:delete"),  # cleanup after a failed create
        (("POST /v1/x",), ("ecs:servers:createImage",), "ims:images:create"),
        (("DELETE /v1/x",), ("ecs:servers:delete",), "evs:volumes:delete"),  # a delete may delete more
        (("POST /v1/x/action",), ("ecs:securityGroups:use",), "vpc:securityGroups:create"),  # an action: unknown
        (("GET /v1/x", "POST /v1/x"), ("ecs:servers:list",), "ecs:servers:update"),  # not every API reads
    ],
)
def test_what_is_not_a_contradiction(apis: tuple[str, ...], actions: tuple[str, ...], dependency: str) -> None:
    assert contradiction(actions, apis, dependency) is None


def test_words() -> None:
    assert [verb(a) for a in ("obs:object:PutObject", "ecs:*:get*", "ecs:*:*", "a:b:listV2")] == [
        "put",
        "get",
        "",
        "list",
    ]
    assert [writes(a) for a in ("a:b:batchDeleteTags", "a:b:get", "a:b:*", "a:b:setMetadata")] == [
        True,
        False,
        False,
        True,
    ]
