"""``validate`` checks every API against the API grammar, and action names and notes for signs of damage."""

from __future__ import annotations

from pathlib import Path

from explorer import api
from explorer.catalog.store import dump_service
from explorer.model import ActionRef, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

FILE = "huaweicloud-zh/ecs/标签管理.md"


def _op(row: int, apis: tuple[str, ...], actions: tuple[str, ...], notes: tuple[str, ...] = ()) -> Operation:
    refs = tuple(ActionRef(a) for a in actions)
    return Operation(f"op{row}", {"zh": f"操作{row}"}, apis, refs, (), Scope(), notes, Provenance(FILE, 1, row))


def _write(tmp_path: Path, operations: list[Operation]) -> Path:
    svc = ServiceCatalog("huaweicloud", "ecs", (SourceDoc(FILE, "huaweicloud-zh"),), tuple(operations))
    path = tmp_path / "huaweicloud" / "ecs.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(dump_service(svc), encoding="utf-8")
    return tmp_path


def test_apis_outside_the_grammar_are_problems(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        [
            _op(1, ("GET /v1/{project_id}/cloudservers/tags",), ("ecs:cloudServers:list",)),
            _op(2, ("POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS",), ("ims:images:create",)),
            _op(3, ("GET /v2/{project_id}/elb/ certificates/{certificate_id}",), ("elb:certificates:get",)),
            _op(4, ("PUT/v1/{projectId}/waf/policy",), ("waf:policy:put",)),
            _op(5, ("GET v3.0/OS-SECURITYPOLICY/domains/{domain_id}",), ("iam:policies:get",)),
            _op(6, ("Querying the list",), ("ecs:servers:list",)),
        ],
    )
    result = api.validate([root])
    assert [(p.location, p.message) for p in result.problems] == [
        (
            "operations[1].apis[0]",
            "API 'POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS': prose glued after the path",
        ),
        (
            "operations[1].apis[0]",
            "API 'POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS': text that is not part of the API: "
            "'外部文件制作镜像前请确保已开通OBS'",
        ),
        (
            "operations[2].apis[0]",
            "API 'GET /v2/{project_id}/elb/ certificates/{certificate_id}': space inside the path",
        ),
        ("operations[3].apis[0]", "API 'PUT/v1/{projectId}/waf/policy': method glued to the path"),
        (
            "operations[4].apis[0]",
            "API 'GET v3.0/OS-SECURITYPOLICY/domains/{domain_id}': path without a leading '/'",
        ),
        (
            "operations[5].apis[0]",
            "API 'Querying the list': not an API: expected METHOD /path (e.g. GET /v2/{project_id}/servers)",
        ),
    ]
    assert not result.ok


def test_truncated_names_and_urls_glued_to_actions_are_warnings(tmp_path: Path) -> None:
    root = _write(
        tmp_path,
        [
            _op(1, ("GET /v1/{project_id}/cloudservers/tags",), ("ecs:cloudServers:lis",)),
            _op(2, ("GET /v1/{project_id}/cloudservers/detail",), ("ecs:cloudServers:list",)),
            _op(3, ("GET /v1/{project_id}/cloudservers",), ("ecs:cloudServers:list",)),
            # a name continued by a new camelCase word is not truncation
            _op(4, ("GET /v1/{project_id}/cloudservers/{server_id}/log",), ("ecs:cloudServers:listLog",)),
            _op(
                5,
                ("GET /v2.1/{project_id}/os-availability-zone",),
                ("ecs:availabilityZones:list",),
                ("ecs:availabilityZones:list/v2/{project_id}/os-networks",),
            ),
        ],
    )
    result = api.validate([root])
    assert result.ok
    assert [(p.location, p.message) for p in result.warnings] == [
        (
            "operations[0].actions[0]",
            "'ecs:cloudServers:lis' looks truncated: no other row names it, and 'ecs:cloudServers:list' (2 rows) "
            "continues it",
        ),
        (
            "operations[4].notes[0]",
            "a URL is glued to the action 'ecs:availabilityZones:list' "
            "('ecs:availabilityZones:list/v2/{project_id}/os-networks'); the cell lost a separator",
        ),
    ]
