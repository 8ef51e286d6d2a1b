"""Pages in the shape of services the corpus does not have: split headers, role columns, damaged API cells.

The fixtures under tests/fixtures/docs/unseen are written from the patterns the issue lists, not
copied from real pages: a scope header split over two lines next to ``IAM (Project)``, system-role
columns, every kind of API damage, no-action wordings in both languages, a wildcard action cell,
a role note, and an unknown column.
"""

from __future__ import annotations

from import_paths import FIXTURES

from explorer.api import import_document
from explorer.model import ActionRef, Scope

UNSEEN = FIXTURES / "unseen"


def _import(name: str, edition: str):  # type: ignore[no-untyped-def]
    cloud = "otc" if edition.startswith("otc") else "huaweicloud"
    return import_document(name, (UNSEEN / name).read_bytes(), cloud=cloud, edition=edition, service="svc")


def test_split_scope_headers_and_role_columns_are_read() -> None:
    result = _import("role_columns.rst", "otc-en")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    assert sorted(ops) == list(range(1, 10))
    assert result.report.unknown_headers() == []
    # the flags of "IAM (Project)" and "Enterprise (Enterprise Project)" are documented marks, not null
    assert [(ops[i].scope.iam_project, ops[i].scope.enterprise_project) for i in (1, 2)] == [
        (True, True),
        (True, False),
    ]
    assert ops[1].scope == Scope(True, True)
    # the role columns are kept per row, as the cells say
    assert ops[3].notes == (
        "system role SVC Administrator: Y",
        "system role FullAccess: Y",
        "system role ReadOnlyAccess: x",
    )


def test_damaged_api_cells_are_parsed_and_every_repair_is_reported() -> None:
    result = _import("role_columns.rst", "otc-en")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    assert [ops[i].apis for i in range(1, 9)] == [
        ("GET /v2/{project_id}/svc/certificates/{cert_id}",),
        ("GET /v2/{project_id}/svc/certificates",),
        ("GET /v1/{project_id}/svc/{key_id}/tags",),
        ("PUT /v1/{projectId}/svc/policy/{policy_id}",),
        ("PUT /v3/{project_id}/svc/tags",),
        ("DELETE /v2/{project_id}/svc/rules/{rule_id}",),
        ("GET /v3.0/SVC-POLICY/domains/{domain_id}/policies",),
        ("/api/*",),
    ]
    repairs = [(p.row, p.reason) for p in result.report.problems() if p.kind == "api_repair"]
    assert repairs == [
        (
            1,
            "line 14: API 'GET /v2/{project_id}/svc/certificates/{cert_id}' read with a repair (space inside the path) "
            "from the cell text 'GET /v2/{project_id}/svc/ certificates/{cert_id}'",
        ),
        (
            3,
            "line 18: API 'GET /v1/{project_id}/svc/{key_id}/tags' read with a repair (space inside a placeholder) "
            "from the cell text 'GET /v1/{project_id}/svc/{ key_id }/tags'",
        ),
        (
            4,
            "line 20: API 'PUT /v1/{projectId}/svc/policy/{policy_id}' read with a repair (method glued to the path) "
            "from the cell text 'PUT/v1/{projectId}/svc/policy/{policy_id}'",
        ),
        (
            5,
            "line 22: API 'PUT /v3/{project_id}/svc/tags' read with a repair (scheme and host before the path "
            "dropped) from the cell text 'PUT https://{Endpoint}/v3/{project_id}/svc/tags'",
        ),
        (
            6,
            "line 24: API 'DELETE /v2/{project_id}/svc/rules/{rule_id}' read with a repair (space inside a "
            "placeholder) from the cell text 'DELETE /v2/{project_id}/svc/rules/{rule_id }'",
        ),
        (
            7,
            "line 26: API 'GET /v3.0/SVC-POLICY/domains/{domain_id}/policies' read with a repair (path without a "
            "leading '/') from the cell text 'GET v3.0/SVC-POLICY/domains/{domain_id}/policies'",
        ),
        (8, "line 29: API '/api/*' read with a repair (no HTTP method) from the cell text '/api/*'"),
    ]


def test_every_row_is_kept_with_what_its_action_cell_says() -> None:
    result = _import("role_columns.rst", "otc-en")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    assert ops[7].actions == ()
    assert ops[7].notes[0] == "no action required (action cell: No authorization required.)"
    assert ops[8].actions == (ActionRef("svc:native:*"),)
    assert ops[9].actions == ()
    assert (
        ops[9].notes[0]
        == "included in a system role, no action of its own (action cell: Included in the Tenant Guest role.)"
    )
    assert [p for p in result.report.problems() if p.skipped] == []


def test_a_chinese_page_with_prose_glued_to_paths_and_an_unknown_column() -> None:
    result = _import("示例服务.md", "huaweicloud-zh")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    image, job, regions = ops[1], ops[2], ops[3]
    assert image.apis == ("POST /v2/cloudimages/action",)
    assert image.notes == ("外部文件制作镜像前请确保已开通对象存储服务。",)
    assert image.scope == Scope(True, True)
    assert job.apis == ("POST /v1.0/{project_id}/jobs/submit-job",)
    assert job.notes == ("SQL语句调用",)
    assert job.scope == Scope(True, False)
    # a method on one line and its path on the next is one API
    assert regions.apis == ("GET /v1/regions",)
    assert regions.notes == ("no action required (action cell: 无需授权)",)
    assert [str(u) for u in result.report.unknown_headers()] == [
        "示例服务.md: table 1 (line 4): unknown column header '神秘列'"
    ]
    lost = [(p.row, p.reason) for p in result.report.problems() if p.kind == "value_lost"]
    assert lost == [(1, "line 20: column '神秘列' (unknown header, ignored): value lost: '保留'")]


def test_an_api_split_over_method_and_uri_columns_is_one_api() -> None:
    text = "\n".join(
        [
            "| No. | Operation | HTTP Method | URI | Required Actions | IAM Project | Enterprise Project |",
            "|---|---|---|---|---|---|---|",
            "| 1 | Listing samples | GET | /v1/{project_id}/samples | svc:samples:list | Supported | Supported |",
            "| 2 | Deleting a sample | DELETE | /v1/{project_id}/samples/{ sample_id } | svc:samples:delete | Y | x |",
            "",
        ]
    )
    result = import_document("split.md", text.encode(), cloud="otc", edition="otc-en")
    ops = result.catalog.operations
    assert [(op.name, op.apis, op.actions, op.scope, op.notes) for op in ops] == [
        (
            {"en": "Listing samples"},
            ("GET /v1/{project_id}/samples",),
            (ActionRef("svc:samples:list"),),
            Scope(True, True),
            (),
        ),
        (
            {"en": "Deleting a sample"},
            ("DELETE /v1/{project_id}/samples/{sample_id}",),
            (ActionRef("svc:samples:delete"),),
            Scope(True, False),
            (),
        ),
    ]
    assert result.report.unknown_headers() == []
    assert [p.kind for p in result.report.problems()] == ["api_repair"]


def test_a_header_of_two_rows_is_read_per_column() -> None:
    result = _import("two_row_header.rst", "otc-en")
    (op,) = result.catalog.operations
    assert (op.name, op.apis, op.actions) == (
        {"en": "List things"},
        ("GET /v1/things",),
        (ActionRef("svc:things:list"),),
    )
    assert op.scope == Scope(True, False)
    assert result.report.unknown_headers() == []


def test_a_column_with_an_unknown_header_is_read_by_its_content_when_that_is_unambiguous() -> None:
    text = "\n".join(
        [
            "| Operation | Endpoint | Policy Item |",
            "|---|---|---|",
            "| Listing samples | GET /v1/{project_id}/samples | svc:samples:list |",
            "| Reading a sample | GET /v1/{project_id}/samples/{id} | svc:samples:get |",
            "",
        ]
    )
    result = import_document("content.md", text.encode(), cloud="otc", edition="otc-en")
    assert [(op.apis, op.actions) for op in result.catalog.operations] == [
        (("GET /v1/{project_id}/samples",), (ActionRef("svc:samples:list"),)),
        (("GET /v1/{project_id}/samples/{id}",), (ActionRef("svc:samples:get"),)),
    ]
    assert [(p.kind, p.reason) for p in result.report.problems()] == [
        (
            "header_by_content",
            "table at line 1: column 'Endpoint' (unknown header) read as the api column: its cells hold API paths",
        ),
        (
            "header_by_content",
            "table at line 1: column 'Policy Item' (unknown header) read as the action column: "
            "its cells hold action names",
        ),
    ]
