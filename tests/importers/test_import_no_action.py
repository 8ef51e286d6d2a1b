"""Rows whose action cell says no action applies are kept as operations without actions, with a note.

Every row that names an operation or an API is kept: a wildcard action cell as a pattern, a cell
saying a system role covers the operation with that note, an unreadable cell quoted in a note and
reported. Only a row that names nothing is left out, and reported.
"""

from __future__ import annotations

import pytest

from explorer.api import import_document
from explorer.errors import DocumentImportError
from explorer.importers.rows import no_action_note
from explorer.model import ActionRef, Operation, Scope

HEADER = "|权限|对应API接口|授权项（Action）|依赖的授权项|IAM项目（Project）|企业项目（Enterprise Project）|"
ROWS = [
    "|查询版本（示例）|GET /|无|-|√|×|",
    "|查询视图（示例）|GET /v2/schemas/image|N/A|-|√|x|",
    "|查询资源池（示例）|-|/|-|-|-|",
    "|查询证书（示例）|GET /v3/clusters/{cluster_id}/clustercert| |-|-|-|",
    "|导出镜像（示例）|POST /v2/volumes/{volume_id}/action|None|ims:images:create|√|-|",
    "|查询云硬盘（示例）|GET /v2/volumes|evs:volumes:list|-|√|√|",
    "|操作K8s资源（示例）|/api/*|cce:kubernetes:*|-|√|√|",
    "|创建视图（示例）|POST /v1.0/jobs|database:create_view|-|√|×|",
    "|查询配额（示例）|GET /v1.0/tms/quotas|Included in the Tenant Guest permissions.|-|×|×|",
    "||| |-|-|-|",
    "|查询地域（示例）|GET /v1/regions|无需授权|-|√|√|",
    "|Listing versions (sample)|GET /v2/versions|No authorization required.|-|√|√|",
    "|查询规格（示例）|GET /v1/flavors|该操作包含在ReadOnlyAccess系统角色中|-|√|√|",
]


def _import() -> tuple[dict[int, Operation], list[tuple[int, bool, str]]]:
    text = "\n".join(["# 示例", "", HEADER, "|--|--|--|--|--|--|", *ROWS, ""])
    result = import_document("no_action.md", text.encode(), cloud="huaweicloud", edition="huaweicloud-zh")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    problems = [(p.row, p.skipped, p.reason) for p in result.report.files[0].problems]
    return ops, problems


@pytest.mark.parametrize(
    ("cells", "note"),
    [
        ([("无",)], "no action required (action cell: 无)"),
        ([("N/A",)], "no action required (action cell: N/A)"),
        ([("None",)], "no action required (action cell: None)"),
        ([("-",)], "no action required (action cell: -)"),
        ([("Not required",)], "no action required (action cell: Not required)"),
        ([("/",)], "not covered by fine-grained authorization (action cell: /)"),
        ([()], "no action listed (the action cell is empty)"),
        ([("",)], "no action listed (the action cell is empty)"),
        ([("cce:kubernetes:*",)], None),
        ([("无需授权",)], "no action required (action cell: 无需授权)"),
        ([("No authorization required",)], "no action required (action cell: No authorization required)"),
        ([("Not required.",)], "no action required (action cell: Not required.)"),
        (
            [("Included in the Tenant Guest permissions.",)],
            "included in a system role, no action of its own (action cell: Included in the Tenant Guest permissions.)",
        ),
        ([("database:create_view",)], None),
        ([("无",), ("ecs:servers:get",)], None),
    ],
)
def test_no_action_note_quotes_the_cell(cells: list[tuple[str, ...]], note: str | None) -> None:
    assert no_action_note(cells) == note


def test_rows_that_need_no_action_are_kept_with_a_note() -> None:
    ops, _ = _import()
    version = ops[1]
    assert version.name == {"zh": "查询版本（示例）"}
    assert version.apis == ("GET /",)
    assert version.actions == ()
    assert version.dependencies == ()
    assert version.scope == Scope(True, False)
    assert version.notes == ("no action required (action cell: 无)",)
    assert (version.provenance.file, version.provenance.table, version.provenance.row) == ("no_action.md", 1, 1)
    assert ops[2].notes == ("no action required (action cell: N/A)",)
    # "/" (DLI): the row has a name but no API, and is still an operation
    pool = ops[3]
    assert (pool.apis, pool.actions) == ((), ())
    assert pool.notes == ("not covered by fine-grained authorization (action cell: /)",)
    # an empty cell says less than a placeholder: the note does not claim that none is required
    assert ops[4].notes == ("no action listed (the action cell is empty)",)
    # the row's dependencies are kept
    export = ops[5]
    assert export.actions == ()
    assert export.dependencies == (ActionRef("ims:images:create"),)
    assert export.notes == ("no action required (action cell: None)",)
    assert ops[6].actions == (ActionRef("evs:volumes:list"),)
    assert ops[6].notes == ()
    assert sorted(ops) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]


def test_no_action_wordings_and_role_notes_are_kept_in_both_languages() -> None:
    ops, _ = _import()
    assert ops[11].notes == ("no action required (action cell: 无需授权)",)
    assert ops[12].notes == ("no action required (action cell: No authorization required.)",)
    assert ops[12].name == {"zh": "Listing versions (sample)"}
    assert ops[9].notes == (
        "included in a system role, no action of its own (action cell: Included in the Tenant Guest permissions.)",
    )
    assert ops[13].notes == (
        "included in a system role, no action of its own (action cell: 该操作包含在ReadOnlyAccess系统角色中)",
    )
    assert all(ops[i].actions == () for i in (9, 11, 12, 13))


def test_a_wildcard_action_cell_is_kept_as_a_pattern() -> None:
    ops, _ = _import()
    kubernetes = ops[7]
    assert kubernetes.apis == ("/api/*",)
    assert kubernetes.actions == (ActionRef("cce:kubernetes:*"),)
    assert kubernetes.scope == Scope(True, True)


def test_rows_that_are_not_understood_are_kept_quoted_and_reported() -> None:
    ops, problems = _import()
    view = ops[8]
    assert (view.apis, view.actions) == (("POST /v1.0/jobs",), ())
    assert view.notes == ("the action cell names no action that could be read (action cell: database:create_view)",)
    assert [(row, skipped, reason) for row, skipped, reason in problems if row == 8] == [
        (8, False, "line 12: incomplete action name 'database:create_view' (expected service:resource:operation)"),
        (
            8,
            False,
            "line 12: kept without actions: the action cell names no action that could be read "
            "(action cell: database:create_view)",
        ),
    ]
    assert [(row, reason) for row, skipped, reason in problems if skipped] == [
        (10, "line 14: the row names neither an API nor an operation, and its action cell is empty")
    ]


def test_a_document_whose_rows_all_list_no_action_needs_its_service_named() -> None:
    text = "\n".join([HEADER, "|--|--|--|--|--|--|", ROWS[0], ""]).encode()
    with pytest.raises(DocumentImportError, match=r"^v\.md: no row of its action tables names an action, so the"):
        import_document("v.md", text, cloud="huaweicloud", edition="huaweicloud-zh")
    result = import_document("v.md", text, cloud="huaweicloud", edition="huaweicloud-zh", service="evs")
    assert [(op.apis, op.actions) for op in result.catalog.operations] == [(("GET /",), ())]
    assert result.catalog.service == "evs"
