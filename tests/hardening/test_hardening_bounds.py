"""Bounded work for any document: spans, columns and nesting are limited; uploads run within a budget."""

from __future__ import annotations

import pytest

from explorer import api
from explorer.errors import DocumentImportError
from explorer.importers import DocumentImport, md_html, md_pipe, rst_grid
from explorer.importers.rawtable import MAX_COLUMNS, MAX_NESTING
from explorer.importers.sandbox import import_document_limited
from explorer.importers.text import md_inline, rst_inline

HEAD = "<table><tr><th>Action</th><th>API</th></tr>"


def _import(text: str, name: str = "x.md") -> DocumentImport:
    return api.import_document(name, text.encode(), cloud="huaweicloud", edition="huaweicloud-zh", service="ecs")


def test_a_span_bomb_is_refused_with_a_message() -> None:
    bomb = HEAD + '<tr><td rowspan="1000" colspan="1000">a</td></tr>' * 400 + "</table>"
    with pytest.raises(DocumentImportError, match=f"row 1 has more than {MAX_COLUMNS} columns"):
        _import(bomb)
    header = "<table><tr><th>Action</th>" + '<th colspan="1000">x</th>' * 1000 + "</tr></table>"
    with pytest.raises(DocumentImportError, match="not read: row 1 has more than 64 columns"):
        _import(header)


def test_rowspans_are_cut_at_the_last_row_and_spread_as_written() -> None:
    (table,) = md_html.parse(
        HEAD + '<tr><td rowspan="1000">ecs:a:b</td><td>GET /a</td></tr><tr><td>GET /b</td></tr>' + "</table>"
    )
    assert [row.cells for row in table.rows] == [(("ecs:a:b",), ("GET /a",)), (("ecs:a:b",), ("GET /b",))]


def test_a_nested_table_is_read_cell_by_cell_never_glued() -> None:
    text = HEAD + "<tr><td>a<table><tr><td>ecs:a:b</td><td>c</td></tr></table></td><td>GET /x</td></tr></table>"
    (table,) = md_html.parse(text)
    assert table.rows[0].cells == (("a", "ecs:a:b", "c"), ("GET /x",))
    result = _import(text)
    assert [r.action for op in result.catalog.operations for r in op.actions] == ["ecs:a:b"]


def test_tables_nested_too_deep_are_refused_with_a_message() -> None:
    depth = MAX_NESTING + 1
    text = HEAD + "<tr><td>" + "<table><tr><td>" * depth + "x" + "</td></tr></table>" * depth + "</td></tr></table>"
    (table,) = md_html.parse(text)
    assert table.damage == [
        f"the table at line 1 holds tables nested {depth + 1} deep; at most {MAX_NESTING} levels are read, "
        "so it is not read"
    ]


def test_wide_rst_and_pipe_tables_are_refused_before_parsing() -> None:
    n = MAX_COLUMNS + 1
    grid = "+" + "-+" * n + "\n|" + "a|" * n + "\n+" + "=+" * n + "\n|" + "b|" * n + "\n+" + "-+" * n + "\n"
    (table,) = rst_grid.parse(grid)
    assert table.damage == [f"grid table at line 1 has {n} columns; at most {MAX_COLUMNS} are read, so it is not read"]
    pipe = "| Action" + " | b" * n + " |\n" + "|---" * (n + 1) + "|\n" + "| a" * (n + 1) + " |\n"
    (table,) = md_pipe.parse(pipe)
    assert table.damage == [f"the table at line 1 has more than {MAX_COLUMNS} columns; it is not read"]


def test_inline_markup_is_read_as_before() -> None:
    assert md_inline("<a href='x'>ecs:a:b</a><br>**GET** `/x`") == ["ecs:a:b", "GET /x"]
    assert md_inline("<a" * 5 + " x") == ["<a<a<a<a<a x"]
    assert rst_inline(":ref:`Creating an image  <en-us_topic_1>`") == "Creating an image"
    assert rst_inline(":a:`<" * 3) == ":a:`<:a:`<:a:`<"


def test_an_upload_over_its_time_or_memory_budget_is_refused_with_a_message() -> None:
    doc = (HEAD + "<tr><td>ecs:a:b</td><td>GET /x</td></tr></table>").encode()
    imported = import_document_limited("x.md", doc, cloud="huaweicloud", edition="huaweicloud-zh")
    assert [op.apis for op in imported.catalog.operations] == [("GET /x",)]
    big = (HEAD + "<tr><td>ecs:a:b</td><td>GET /x</td></tr>" * 3000 + "</table>").encode()
    with pytest.raises(
        DocumentImportError,
        match=r"x\.md: importing needed more than (30 s of CPU or )?32 MB of memory; the document is",
    ):
        import_document_limited("x.md", big, cloud="huaweicloud", edition="huaweicloud-zh", memory=32 * 2**20)
    with pytest.raises(DocumentImportError, match=r"x\.md: importing (took longer than|needed more than) 0\.01 s"):
        import_document_limited("x.md", big * 8, cloud="huaweicloud", edition="huaweicloud-zh", seconds=0.01)
