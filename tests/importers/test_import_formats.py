"""Each format parser on a small document of our own, through to operations (import_document)."""

from __future__ import annotations

from pathlib import Path

from explorer.api import import_document
from explorer.importers import html, md_html, md_pipe, rst_grid, rst_simple
from explorer.importers.formats import detect_format, parse_tables
from explorer.model import ActionRef, Scope


def _doc(fixtures: Path, name: str, edition: str = "otc-en", cloud: str = "otc"):  # type: ignore[no-untyped-def]
    return import_document(name, (fixtures / name).read_bytes(), cloud=cloud, edition=edition)


def test_md_html_cells_keep_one_value_per_paragraph_and_list_item(fixtures: Path) -> None:
    tables = md_html.parse((fixtures / "md_html_sample.md").read_text(encoding="utf-8"))
    assert len(tables) == 2
    first = tables[0]
    assert first.header[:3] == ("权限", "对应的API接口", "授权项（Action）")
    assert first.header[4] == "IAM项目 (Project)"
    assert len(first.rows) == 3
    assert first.rows[0].cells[3] == ("evs:volumes:get", "evs:snapshots:create", "ims:images:create")
    assert first.rows[1].cells[2] == (
        "新建时申请公网地址 ecs:cloudServers:createServers",
        "新建时沿用已有公网地址 ecs:cloudServers:createServers",
    )


def test_md_html_document(fixtures: Path) -> None:
    result = _doc(fixtures, "md_html_sample.md", edition="huaweicloud-zh", cloud="huaweicloud")
    ops = result.catalog.operations
    assert [op.name["zh"] for op in ops] == ["制作整机镜像（示例）", "新建主机（示例）", "查询版本（示例）"]
    image = ops[0]
    assert image.apis == ("POST /v2.1/{project_id}/servers/{server_id}/action",)
    assert image.actions == (ActionRef("ecs:servers:createImage"),)
    assert [d.action for d in image.dependencies] == ["evs:volumes:get", "evs:snapshots:create", "ims:images:create"]
    assert image.scope == Scope(iam_project=True, enterprise_project=False, instance=False, tag=True)
    assert (image.provenance.file, image.provenance.table, image.provenance.row) == ("md_html_sample.md", 1, 1)
    server = ops[1]
    assert server.apis == ("POST /v1/{project_id}/cloudservers", "POST /v1.1/{project_id}/cloudservers")
    assert server.actions == (
        ActionRef("ecs:cloudServers:createServers", "新建时申请公网地址"),
        ActionRef("ecs:cloudServers:createServers", "新建时沿用已有公网地址"),
    )
    assert server.dependencies == (
        ActionRef("vpc:publicIps:create", "新建时申请公网地址"),
        ActionRef("vpc:publicIps:update", "新建时沿用已有公网地址"),
    )
    assert server.scope == Scope(True, True, None, None)
    assert result.catalog.service == "ecs"
    report = result.report.files[0]
    # a row whose action cell says 无 is kept: the API needs no action, and the note quotes the cell
    version = ops[2]
    assert (version.apis, version.actions, version.dependencies) == (("GET /",), (), ())
    assert version.notes == ("no action required (action cell: 无)",)
    assert (version.provenance.table, version.provenance.row) == (1, 3)
    assert (report.tables, report.rows_seen, report.rows_imported, report.rows_skipped) == (1, 3, 3, 0)
    assert report.problems == []


def test_md_pipe_document_repairs_glued_values(fixtures: Path) -> None:
    tables = md_pipe.parse((fixtures / "md_pipe_sample.md").read_text(encoding="utf-8"))
    assert [len(t.rows) for t in tables] == [5]
    assert tables[0].rows[3].cells == (("只有两格",), ("GET /v2/cloudimages",))
    result = _doc(fixtures, "md_pipe_sample.md", edition="huaweicloud-zh", cloud="huaweicloud")
    ops = {op.provenance.row: op for op in result.catalog.operations}
    assert sorted(ops) == [1, 2, 3, 5]
    assert ops[1].actions == (
        ActionRef("ims:images:update"),
        ActionRef("ims:serverImages:create", "仅企业项目迁移需要"),
    )
    assert [a.action for a in ops[2].actions] == ["ims:images:get", "ims:images:update", "ims:images:upload"]
    assert ops[2].scope == Scope(True, False)
    assert ops[3].actions == (
        ActionRef("cci:namespaceSubResource:Create"),
        ActionRef("evs:volumes:create", "示例卷"),
    )
    assert ops[5].actions == (ActionRef("dli:catalog:grantPrivilege"),)
    assert ops[5].scope == Scope(True, False)
    skipped = [p for p in result.report.files[0].problems if p.skipped]
    assert [(p.row, p.reason) for p in skipped] == [(4, "line 10: the row has 2 cells, the header has 5")]
    assert result.catalog.service == "ims"


def test_rst_grid_document(fixtures: Path) -> None:
    tables = rst_grid.parse((fixtures / "rst_grid_sample.rst").read_text(encoding="utf-8"))
    assert [t.caption for t in tables] == ["Table 1 Sample actions", "Table 2 Sample scope prose"]
    result = _doc(fixtures, "rst_grid_sample.rst")
    ops = {(op.provenance.table, op.provenance.row): op for op in result.catalog.operations}
    assert sorted(ops) == [(1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2)]
    tagging = ops[(1, 1)]
    assert tagging.name == {"en": "Sample tagging"}
    assert tagging.actions == (
        ActionRef("evs:volumeTags:list", "Disk"),
        ActionRef("evs:backupTags:list", "Backup"),
    )
    assert tagging.dependencies == ()
    assert tagging.scope == Scope(True, False)
    cluster = ops[(1, 2)]
    assert cluster.dependencies == (ActionRef("dws:*:get*"), ActionRef("ecs:*:list*"))
    assert cluster.notes == ("KMS Administrator",)
    server = ops[(1, 4)]
    assert server.dependencies == (
        ActionRef("vpc:publicIps:create", "When a new EIP is assigned"),
        ActionRef("vpc:publicIps:update", "When an EIP is reused"),
    )
    assert server.scope == Scope(True, False)
    # a row whose action cell says a system role covers it is kept, with the cell quoted
    members = ops[(1, 3)]
    assert (members.apis, members.actions) == (("GET /v2/{project_id}/members",), ())
    assert members.notes == (
        "included in a system role, no action of its own (action cell: Included in a system role.)",
    )
    # scope read from prose is marked as inferred, so it can be told from a documented mark
    assert ops[(2, 1)].scope == Scope(True, True, inferred=("enterprise_project", "iam_project"))
    assert ops[(2, 2)].scope == Scope(True, False, inferred=("enterprise_project", "iam_project"))
    assert ops[(2, 1)].apis == ("GET /api/v3/projects/{project_id}/sample",)
    problems = result.report.files[0].problems
    assert [p for p in problems if p.skipped] == []
    assert [(p.table, p.row, p.kind) for p in problems] == [
        (2, 1, "inferred_scope"),
        (2, 1, "inferred_scope"),
        (2, 2, "inferred_scope"),
        (2, 2, "inferred_scope"),
    ]


def test_rst_simple_document_and_mixed_table_kinds(fixtures: Path) -> None:
    text = (fixtures / "rst_simple_sample.rst").read_text(encoding="utf-8")
    simple = rst_simple.parse(text)
    assert [t.header for t in simple] == [("Permission", "API", "Action")]
    assert len(parse_tables(text, "rst-simple")) == 2  # the grid table on the same page is read too
    result = _doc(fixtures, "rst_simple_sample.rst")
    ops = result.catalog.operations
    assert [(op.name["en"], op.apis, op.actions) for op in ops] == [
        ("Sample quota lookup", ("GET /v1/{project_id}/quotas",), (ActionRef("vpc:quotas:list"),)),
        ("Sample port listing", ("GET /v1/{project_id}/ports",), (ActionRef("vpc:ports:get"),)),
    ]
    assert result.report.files[0].tables == 1
    assert all(op.scope == Scope() for op in ops)


def test_html_export_document(fixtures: Path) -> None:
    tables = html.parse((fixtures / "html_sample.html").read_text(encoding="utf-8"))
    assert [t.header for t in tables] == [("Permission", "API", "Action", "Dependent Permission")]
    result = _doc(fixtures, "html_sample.html")
    zones, server = result.catalog.operations
    assert zones.apis == ("GET /v2/{project_id}/os-availability-zone", "GET /v2.1/{project_id}/os-availability-zone")
    assert zones.dependencies == ()
    assert server.actions == (
        ActionRef("ecs:cloudServers:create", "Assigning a new EIP"),
        ActionRef("ecs:cloudServers:create", "Using an existing EIP"),
    )
    assert server.dependencies == (
        ActionRef("vpc:publicIps:create", "Assigning a new EIP"),
        ActionRef("vpc:publicIps:update", "Using an existing EIP"),
    )


def test_format_detection(fixtures: Path) -> None:
    def detect(name: str) -> str:
        return detect_format(name, (fixtures / name).read_text(encoding="utf-8"))

    assert detect("md_html_sample.md") == "md-html"
    assert detect("md_pipe_sample.md") == "md-pipe"
    assert detect("rst_grid_sample.rst") == "rst-grid"
    assert detect("rst_simple_sample.rst") == "rst-simple"
    assert detect("html_sample.html") == "html"
    assert detect_format("notes.txt", "|a|b|\n|--|--|\n") == "md-pipe"
    assert detect_format("notes.txt", "<html><body><table></table></body></html>") == "html"


def test_html_row_and_column_spans_are_spread_over_the_cells_they_cover() -> None:
    (table,) = html.parse(
        "<table><tr><th>Permission</th><th>API</th><th>Action</th><th>IAM Project</th><th>Enterprise Project</th></tr>"
        '<tr><td rowspan="2">Group</td><td>GET /a</td><td>x:a:b</td><td colspan="2">Y</td></tr>'
        "<tr><td>GET /b</td><td>x:a:c</td><td>Y</td><td>x</td></tr></table>"
    )
    assert [r.cells for r in table.rows] == [
        (("Group",), ("GET /a",), ("x:a:b",), ("Y",), ("Y",)),
        (("Group",), ("GET /b",), ("x:a:c",), ("Y",), ("x",)),
    ]


def test_rst_grid_row_spans_are_spread_over_the_rows_they_cover() -> None:
    (table,) = rst_grid.parse(
        "+------+--------+-----+\n"
        "| Name | Action | IAM |\n"
        "+======+========+=====+\n"
        "| A    | a:b:c  | Y   |\n"
        "+      +--------+     +\n"
        "|      | a:b:d  |     |\n"
        "+------+--------+-----+\n"
    )
    assert [(r.line, r.cells) for r in table.rows] == [
        (4, (("A",), ("a:b:c",), ("Y",))),
        (6, (("A",), ("a:b:d",), ("Y",))),
    ]


def test_rst_grid_cells_with_wide_characters() -> None:
    (table,) = rst_grid.parse(
        "+------+--------+\n| 权限 | Action |\n+======+========+\n| 查询 | a:b:c  |\n+------+--------+\n"
    )
    assert table.header == ("权限", "Action")
    assert table.rows[0].cells == (("查询",), ("a:b:c",))


def test_action_lists_without_a_name_column_are_named_by_their_first_description() -> None:
    text = (
        "| Action | Description | Dependencies | Scenario |\n"
        "| --- | --- | --- | --- |\n"
        "| ces:alarms:list | Lists alarm rules of the sample. | N/A | Showing the sample page |\n"
    )
    result = import_document("actions.md", text.encode(), cloud="otc", edition="otc-en")
    (op,) = result.catalog.operations
    assert op.name == {"en": "Lists alarm rules of the sample."}
    assert op.notes == ("Scenario: Showing the sample page",)
    assert op.actions == (ActionRef("ces:alarms:list"),)
    assert op.apis == ()
    assert result.catalog.service == "ces"


def test_html_header_in_a_first_row_of_td_cells() -> None:
    (table,) = html.parse(
        "<table><tr><td>权限</td><td>授权项</td></tr><tr><td>查询</td><td>ecs:servers:list</td></tr></table>"
        "<table><tr><td>one</td><td>two</td></tr></table>"
    )[:1]
    assert table.header == ("权限", "授权项")
    assert [r.cells for r in table.rows] == [(("查询",), ("ecs:servers:list",))]
    assert html.parse("<table><tr><td>one</td><td>two</td></tr></table>")[0].header == ()
