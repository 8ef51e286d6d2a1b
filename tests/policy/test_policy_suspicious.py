"""A requirement that rests on a row contradicting it (a copy error) is missing as a warning, not an error."""

from __future__ import annotations

from explorer import api
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc
from explorer.policy import PolicySource
from explorer.policy.lint import lint

FILE = "otc-en/ecs/security_group_management.rst"


def _op(i: int, api_: str, action: str, deps: tuple[str, ...]) -> Operation:
    return Operation(
        f"op{i}",
        {"en": f"row {i}"},
        (api_,),
        (ActionRef(action),),
        tuple(ActionRef(d) for d in deps),
        Scope(True, None),
        (),
        Provenance(FILE, 1, i, "otc-en"),
    )


def test_a_query_needing_to_create_security_groups_is_a_suspicious_warning() -> None:
    ops = (
        _op(
            1,
            "GET /v2/{project_id}/servers/{server_id}/os-security-groups",
            "ecs:securityGroups:list",
            ("vpc:securityGroups:get", "vpc:securityGroups:create"),
        ),
        _op(2, "GET /v2/{project_id}/security-groups", "vpc:securityGroups:get", ()),
        _op(3, "POST /v2/{project_id}/security-groups", "vpc:securityGroups:create", ()),
    )
    cat = Catalog("otc", {"ecs": ServiceCatalog("otc", "ecs", (SourceDoc(FILE, "otc-en"),), ops)})
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:securityGroups:list"]}]}'
    report = lint([PolicySource("p.json", text.encode())], api.build_explorer(cat))
    found = [(f.code, f.severity, f.details["requirement"]) for f in report.findings]
    assert found == [
        ("MISSING_DEPENDENCY", "warning", "vpc:securityGroups:create"),
        ("MISSING_DEPENDENCY", "error", "vpc:securityGroups:get"),
    ]
    odd = report.findings[0]
    reason = (
        "a read-only operation needs a writing action: ecs:securityGroups:list depends on vpc:securityGroups:create"
    )
    assert odd.details["suspicious"] == [f"{reason} [{FILE} table 1 row 1]"]
    assert odd.message.endswith(f"; no statement allows it; suspicious, {reason} [{FILE} table 1 row 1]")
