"""reStructuredText list tables (``.. list-table::``): parsed, imported, and the same operations as a grid table."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.api import import_document
from explorer.cli import cli
from explorer.errors import DocumentImportError
from explorer.importers import rst_list
from explorer.importers.formats import detect_format, parse_tables
from explorer.model import ActionRef, Operation, Scope

LIST = "rst_list_sample.rst"
GRID = "rst_list_grid_twin.rst"  # the same action table written as a grid table


def _ops(name: str, data: bytes) -> list[Operation]:
    ops = import_document(name, data, cloud="otc", edition="otc-en").catalog.operations
    # everything but the file name the operation was read from
    return [dataclasses.replace(op, provenance=dataclasses.replace(op.provenance, file="")) for op in ops]


def test_cells_keep_paragraphs_list_items_escapes_and_literals(fixtures: Path) -> None:
    params, actions = rst_list.parse((fixtures / LIST).read_text(encoding="utf-8"))
    assert (params.caption, params.line, params.header) == (
        "Table 1 Request parameters",
        8,
        ("Parameter", "Mandatory", "Description"),
    )
    assert params.rows[0].cells == (
        ("project_id",),
        ("Yes",),
        ("The project ID.", "It is shown on the My Credentials page."),
    )
    assert (actions.caption, actions.line, actions.damage) == ("Table 2 Sample actions", 21, [])
    assert actions.header == ("Permission", "API", "Action", "Dependencies", "IAM Project", "Enterprise Project")
    assert [r.line for r in actions.rows] == [32, 39, 51, 57]
    tagging, cluster, members, server = (r.cells for r in actions.rows)
    assert tagging[:4] == (
        ("Sample tagging",),
        ("GET /v2/{project_id}/sample-tags",),
        ("Disk: evs:volumeTags:list", "Backup: evs:backupTags:list"),
        ("-",),
    )
    assert cluster[1] == ("POST /v1.0/{project_id}/clusters", "POST /v1.1/{project_id}/clusters")
    assert cluster[3] == ('"dws:*:get*",', '"ecs:*:list*",', "KMS Administrator")
    assert members[0] == ("Sample member listing *",)
    assert server[3] == (
        "When a new EIP is assigned vpc:publicIps:create",
        "When an EIP is reused vpc:publicIps:update",
    )


def test_a_list_table_gives_the_operations_of_the_same_grid_table(fixtures: Path) -> None:
    result = import_document(LIST, (fixtures / LIST).read_bytes(), cloud="otc", edition="otc-en")
    report = result.report.files[0]
    # the parameters table is not an action table: it is passed over without a problem
    assert (report.format, report.tables, report.rows_seen, report.rows_imported, report.problems) == (
        "rst-list",
        1,
        4,
        4,
        [],
    )
    ops = result.catalog.operations
    assert [op.name["en"] for op in ops] == [
        "Sample tagging",
        "Sample cluster creation",
        "Sample member listing *",
        "Sample server creation",
    ]
    cluster = ops[1]
    assert cluster.apis == ("POST /v1.0/{project_id}/clusters", "POST /v1.1/{project_id}/clusters")
    assert cluster.actions == (ActionRef("dws:cluster:create"),)
    assert cluster.dependencies == (ActionRef("dws:*:get*"), ActionRef("ecs:*:list*"))
    assert cluster.scope == Scope(iam_project=True, enterprise_project=True)
    assert ops[3].dependencies == (
        ActionRef("vpc:publicIps:create", "When a new EIP is assigned"),
        ActionRef("vpc:publicIps:update", "When an EIP is reused"),
    )
    assert _ops(LIST, (fixtures / LIST).read_bytes()) == _ops(GRID, (fixtures / GRID).read_bytes())


@pytest.mark.parametrize("option", [":header-rows: 0\n   ", ""])
def test_without_header_rows_the_first_row_is_the_header(fixtures: Path, option: str) -> None:
    # as with grid and simple tables, a table without a declared header is read with its first row as header
    text = (fixtures / LIST).read_text(encoding="utf-8")
    changed = text.replace(":header-rows: 1\n   :stub-columns: 1", option + ":stub-columns: 1")
    assert changed.count(":header-rows: 1") == 1
    assert _ops(LIST, changed.encode()) == _ops(LIST, text.encode())


def test_cli_import_doc_writes_the_same_catalog_as_for_the_grid_table(fixtures: Path, tmp_path: Path) -> None:
    services = {}
    for name in (LIST, GRID):
        out = tmp_path / name / "otc" / "evs.yaml"
        result = CliRunner().invoke(cli, ["import-doc", str(fixtures / name), "--edition", "otc-en", "--out", str(out)])
        assert result.exit_code == 0, result.output
        services[name] = api.load([tmp_path / name])["otc"].services["evs"]
    assert [s.format for s in services[LIST].sources] == ["rst-list"]
    ops = {
        n: [dataclasses.replace(op, provenance=dataclasses.replace(op.provenance, file="")) for op in s.operations]
        for n, s in services.items()
    }
    assert len(ops[LIST]) == 4 and ops[LIST] == ops[GRID]


def test_a_page_mixing_grid_and_list_tables_reads_both(fixtures: Path) -> None:
    grid = (fixtures / GRID).read_text(encoding="utf-8")
    listed = (fixtures / LIST).read_text(encoding="utf-8").replace("Sample ", "Listed ")
    page = grid + "\n" + listed
    assert detect_format("page.rst", page) == "rst-grid" and detect_format("page.txt", listed) == "rst-list"
    tables = parse_tables(page, "rst-grid")
    assert [t.header[0] for t in tables] == ["Permission", "Parameter", "Permission"]
    names = [
        op.name["en"]
        for op in import_document("page.rst", page.encode(), cloud="otc", edition="otc-en").catalog.operations
    ]
    assert names[:2] == ["Sample tagging", "Sample cluster creation"] and names[4:6] == [
        "Listed tagging",
        "Listed cluster creation",
    ]
    assert len(names) == 8


_HEAD = ".. list-table:: Actions\n   :header-rows: {rows}\n{extra}\n   * - Permission\n     - Action\n"
_BROKEN = {
    "uneven": (
        _HEAD.format(rows=1, extra="") + "   * - Listing\n     - evs:volumes:list\n     - Y\n",
        "row at line 6 has 3 cells, the first row has 2",
    ),
    "not a list": (
        ".. list-table::\n\n   Permission, Action\n",
        "line 3: expected a row (a `* ` bullet item), found 'Permission, Action'",
    ),
    "other bullet": (
        _HEAD.format(rows=1, extra="") + "   - - Listing\n     - evs:volumes:list\n",
        "line 6: expected a row (a `* ` bullet item), found '- - Listing'",
    ),
    "row not a list": (
        _HEAD.format(rows=1, extra="") + "   * Listing evs:volumes:list\n",
        "line 6: expected a cell (a `- ` bullet item), found 'Listing evs:volumes:list'",
    ),
    "header rows": (
        _HEAD.format(rows="one", extra=""),
        "line 1: the :header-rows: option must be a whole number, not 'one'",
    ),
    "too many header rows": (
        _HEAD.format(rows=3, extra=""),
        ":header-rows: 3 / :stub-columns: 0 exceed the table's size",
    ),
    "widths": (
        _HEAD.format(rows=1, extra="   :widths: 10 20 30\n"),
        ":widths: gives '10 20 30'; expected 2 whole numbers, auto or grid",
    ),
    "short row": (_HEAD.format(rows=1, extra="") + "   * - Listing\n", "row at line 6 has 1 cell, the first row has 2"),
    "empty row": (".. list-table::\n\n   *\n   * - a\n", "row at line 3 has no cells (expected `- cell` items)"),
    "empty": (
        ".. list-table:: Actions\n   :header-rows: 1\n",
        "line 1: the directive has no rows (expected `* - cell` items)",
    ),
}


@pytest.mark.parametrize("case", sorted(_BROKEN))
def test_malformed_list_tables_are_reported_not_raised(case: str, tmp_path: Path) -> None:
    text, detail = _BROKEN[case]
    (table,) = rst_list.parse(text)
    assert (table.header, table.rows, table.damage) == ((), [], [f"list table at line 1 cannot be read: {detail}"])
    with pytest.raises(DocumentImportError, match=r"no action table found.*list table at line 1 cannot be read"):
        import_document("broken.rst", text.encode(), cloud="otc", edition="otc-en")
    page = tmp_path / "broken.rst"
    page.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["import-doc", str(page), "--edition", "otc-en", "--out", str(tmp_path / "o.yaml")]
    )
    assert result.exit_code == 2 and "list table at line 1 cannot be read" in result.output
    assert "Traceback" not in result.output


def test_a_broken_list_table_beside_a_good_one_is_reported(fixtures: Path) -> None:
    text = (fixtures / LIST).read_text(encoding="utf-8") + "\n" + _BROKEN["uneven"][0]
    result = import_document(LIST, text.encode(), cloud="otc", edition="otc-en")
    assert len(result.catalog.operations) == 4
    assert any(
        "list table at line 71 cannot be read: row at line 76 has 3 cells" in str(p)
        for p in result.report.files[0].problems
    )


def test_a_list_table_that_is_not_an_action_table_is_ignored(fixtures: Path) -> None:
    text = (fixtures / LIST).read_text(encoding="utf-8").split(".. list-table:: **Table 2**")[0]
    assert rst_list.sniff(text) is not None and len(rst_list.parse(text)) == 1
    with pytest.raises(DocumentImportError, match="no action table found"):
        import_document("params.rst", text.encode(), cloud="otc", edition="otc-en")
    assert rst_list.sniff("A list:\n\n* - not a table\n\n.. note:: list-table:: no\n") is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["* ", "- ", "  ", "   - ", "\n", "a", "``x``", "\\*", ":header-rows: ", "2", ":widths: "]),
        max_size=40,
    )
)
def test_any_list_table_body_parses_without_raising(pieces: list[str]) -> None:
    for table in rst_list.parse(".. list-table:: T\n   " + "".join(pieces)):
        assert table.damage or all(len(r.cells) == len(table.header) for r in table.rows)
