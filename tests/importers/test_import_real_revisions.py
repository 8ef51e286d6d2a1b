"""Older revisions of real documentation pages (tests/fixtures/real/README.md), read field by field: the
four-column OTC ECS tables before the scope columns, and the Huawei Cloud VPC table whose scope is prose."""

from __future__ import annotations

from pathlib import Path

from explorer.api import import_document

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "docs"


def rows(name: str, cloud: str, edition: str) -> list[tuple[object, ...]]:
    result = import_document(name, (DOCS / name).read_bytes(), cloud=cloud, edition=edition)
    assert result.report.unknown_headers() == []
    return [
        (
            op.provenance.row,
            tuple(op.apis),
            tuple(a.action for a in op.actions),
            tuple(d.action for d in op.dependencies),
            op.scope.iam_project,
            op.scope.enterprise_project,
        )
        for op in result.catalog.operations
    ]


def test_the_old_ecs_table_without_scope_columns() -> None:
    fips = "{project_id}/os-floating-ips"
    assert rows("ecs-old-four-columns.rst", "otc", "otc-en") == [
        (
            1,
            (f"POST /v2/{fips}", f"POST /v2.1/{fips}"),
            ("ecs:serverFloatingIps:use",),
            ("vpc:floatingIps:get", "vpc:floatingIps:create", "vpc:floatingIps:update", "vpc:ports:get"),
            None,
            None,
        ),
        (
            2,
            (f"GET /v2/{fips}", f"GET /v2.1/{fips}"),
            ("ecs:serverFloatingIps:use",),
            ("vpc:floatingIps:get", "vpc:ports:get"),
            None,
            None,
        ),
        (
            3,
            (f"DELETE /v2/{fips}/{{floating_ip_id}}", f"DELETE /v2.1/{fips}/{{floating_ip_id}}"),
            ("ecs:serverFloatingIps:use",),
            ("vpc:floatingIps:get", "vpc:floatingIps:delete", "vpc:floatingIps:update", "vpc:ports:get"),
            None,
            None,
        ),
    ]


def test_the_old_vpc_table_with_its_scope_in_prose() -> None:
    found = rows("vpc-old-scope-prose.md", "huaweicloud", "huaweicloud-zh")
    assert [(r[0], r[1], r[2], r[3]) for r in found] == [
        (1, ("POST /v1/{tenant_id}/vpcs",), ("vpc:vpcs:create",), ()),
        (2, ("GET /v1/{tenant_id}/vpcs/{vpc_id}",), ("vpc:vpcs:get",), ()),
        (3, ("GET /v1/{tenant_id}/vpcs",), ("vpc:vpcs:list",), ()),
        (4, ("PUT /v1/{tenant_id}/vpcs/{vpc_id}",), ("vpc:vpcs:update",), ()),
        (5, ("DELETE /v1/{tenant_id}/vpcs/{vpc_id}",), ("vpc:vpcs:delete",), ()),
    ]
    # "支持：项目（Project）、企业项目（Enterprise Project）": both supported
    assert {(r[4], r[5]) for r in found} == {(True, True)}
