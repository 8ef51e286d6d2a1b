"""Bad documents: each gives a DocumentImportError or a report entry naming the place, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.api import import_document
from explorer.errors import DocumentImportError
from explorer.importers import MAX_DOCUMENT_BYTES, UnknownHeaderError


def _import(fixtures: Path, name: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return import_document(
        name, (fixtures / name).read_bytes(), cloud="huaweicloud", edition="huaweicloud-zh", **kwargs
    )


def test_empty_file(fixtures: Path) -> None:
    with pytest.raises(DocumentImportError, match=r"^empty\.md: the file is empty$"):
        _import(fixtures, "empty.md")


def test_binary_garbage(fixtures: Path) -> None:
    with pytest.raises(DocumentImportError, match=r"^garbage\.md: not a text file \(contains NUL bytes\)"):
        _import(fixtures, "garbage.md")


def test_invalid_utf8() -> None:
    with pytest.raises(DocumentImportError, match=r"^page\.md: byte 3: not valid UTF-8"):
        import_document("page.md", b"abc\xff\xfe|", cloud="otc", edition="otc-en")


def test_file_with_no_table(fixtures: Path) -> None:
    with pytest.raises(DocumentImportError, match=r"^no_table\.md: no action table found; expected a md-pipe table"):
        _import(fixtures, "no_table.md")


def test_truncated_table_keeps_complete_rows_and_reports_the_rest(fixtures: Path) -> None:
    result = _import(fixtures, "truncated.md")
    report = result.report.files[0]
    assert [op.actions[0].action for op in result.catalog.operations] == ["ecs:samples:list"]
    assert (report.rows_seen, report.rows_imported, report.rows_skipped) == (2, 1, 1)
    reasons = [(p.table, p.row, p.skipped, p.reason) for p in report.problems]
    assert reasons == [
        (1, 0, False, "the table starting at line 3 is never closed (truncated?)"),
        (1, 2, True, "line 5: the row has 2 cells, the header has 3"),
    ]


def test_unknown_header_is_ignored_and_its_values_listed_per_row(fixtures: Path) -> None:
    result = _import(fixtures, "unknown_header.md")
    assert [op.actions[0].action for op in result.catalog.operations] == ["ecs:samples:list"]
    report = result.report.files[0]
    assert [(p.table, p.row, p.skipped, p.kind, p.reason) for p in report.problems] == [
        (
            1,
            0,
            False,
            "unknown_header",
            "unknown_header.md: table 1 (line 1): unknown column header '神秘列': the column is ignored and its "
            "values are listed per row; expected a permission/operation name, API, action, dependency, IAM project, "
            "enterprise project, scope, instance, tag, remarks, description, module or system-role column",
        ),
        (1, 1, False, "value_lost", "line 3: column '神秘列' (unknown header, ignored): value lost: '？'"),
    ]
    assert [str(u) for u in result.report.unknown_headers()] == [
        "unknown_header.md: table 1 (line 1): unknown column header '神秘列'"
    ]


def test_strict_headers_make_an_unknown_header_an_error_naming_file_table_and_line(fixtures: Path) -> None:
    with pytest.raises(
        UnknownHeaderError, match=r"unknown_header\.md: table 1 \(line 1\): unknown column header '神秘列'"
    ):
        _import(fixtures, "unknown_header.md", strict_headers=True)


def test_size_limit() -> None:
    with pytest.raises(DocumentImportError, match=r"documents larger than \d+ bytes are refused"):
        import_document("big.md", b"x" * (MAX_DOCUMENT_BYTES + 1), cloud="otc", edition="otc-en")


def test_unsupported_extension_and_bad_choices(fixtures: Path) -> None:
    data = (fixtures / "md_pipe_sample.md").read_bytes()
    with pytest.raises(DocumentImportError, match=r"^sample\.pdf: unsupported file type"):
        import_document("sample.pdf", data, cloud="otc", edition="otc-en")
    with pytest.raises(DocumentImportError, match=r"unknown edition 'klingon'"):
        import_document("sample.md", data, cloud="otc", edition="klingon")
    with pytest.raises(DocumentImportError, match=r"cloud 'Bad Cloud'"):
        import_document("sample.md", data, cloud="Bad Cloud", edition="otc-en")


def test_upload_names_are_reduced_to_a_safe_file_name(fixtures: Path) -> None:
    data = (fixtures / "md_pipe_sample.md").read_bytes()
    result = import_document("../../etc/管道\t示例.md", data, cloud="huaweicloud", edition="huaweicloud-zh")
    assert result.catalog.sources[0].file == "管道示例.md"
    assert {op.provenance.file for op in result.catalog.operations} == {"管道示例.md"}
    result = import_document("C:\\docs\\管道 示例.md", data, cloud="huaweicloud", edition="huaweicloud-zh")
    assert result.catalog.sources[0].file == "管道 示例.md"


def test_malformed_grid_table_is_reported_not_raised() -> None:
    text = b"+------+-----+\n| Permission | API |\n+======+=====+\n| a | b |\n+------+--+\n"
    with pytest.raises(DocumentImportError, match=r"no action table found.*grid table at line 1 cannot be read"):
        import_document("broken.rst", text, cloud="otc", edition="otc-en")


_PIECES = st.sampled_from(
    [
        "|",
        "+",
        "-",
        "=",
        ":",
        " ",
        "\n",
        "a",
        "√",
        "×",
        "*",
        "`",
        "\\",
        "（",
        "）",
        "ecs:a:b",
        "权限",
        "授权项",
        "Action",
        "API",
        "IAM Project",
        "<table>",
        "</table>",
        "<tr>",
        "<td>",
        "<th>",
        "</td>",
        "<thead>",
        '<td rowspan="3">',
        '<td colspan="2">',
        "|--|--|",
        "+----+----+",
        "+====+====+",
        "| Action | API |",
        "===== =====",
        ".. note::",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.sampled_from(["doc.md", "doc.rst", "doc.html", "doc.txt"]))
def test_any_text_imports_or_fails_with_a_message(text: str, name: str) -> None:
    try:
        result = import_document(name, text.encode(), cloud="otc", edition="otc-en")
    except DocumentImportError as exc:
        assert str(exc).startswith(f"{name}: ")
        return
    report = result.report.files[0]
    assert report.rows_imported + report.rows_skipped == report.rows_seen
