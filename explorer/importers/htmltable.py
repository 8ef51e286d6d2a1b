"""HTML ``<table>`` elements to raw tables; shared by the HTML export and Markdown-with-HTML parsers.

Cells hold one ``<p>`` per value, or ``<ul>/<li>`` lists in which an item may start with a label
("when a new EIP is created") followed by a ``<p>`` with the action; an item is kept as one value
so the label stays attached to its action.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree, html

from explorer.importers.headers import role_of
from explorer.importers.rawtable import MAX_COLUMNS, Cell, RawRow, RawTable, TableTooLarge, cell_budget
from explorer.importers.text import squash

# Table parts are blocks too: the cells of a table nested in a cell must never glue into one word.
_BLOCK = frozenset(
    {"p", "div", "li", "ul", "ol", "br", "pre", "table", "dl", "dt", "dd", "h1", "h2", "h3", "h4"}
    | {"tr", "td", "th", "thead", "tbody", "tfoot", "caption"}
)
_LISTS = frozenset({"ul", "ol"})
_SKIP = frozenset({"script", "style"})


# The walks below are module functions that take their state as arguments, not closures: a closure that
# calls itself is a reference cycle, and one per cell (some 30,000 in the corpus) kept the cyclic garbage
# collector busy for a tenth of an import.


def _text(el: etree._Element) -> str:
    """Text of an element with block boundaries turned into spaces (so values never glue)."""
    parts: list[str] = []
    _walk_text(el, parts)
    return squash("".join(parts))


def _walk_text(node: etree._Element, parts: list[str]) -> None:
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIP:
        return
    if tag in _BLOCK:
        parts.append(" ")
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk_text(child, parts)
        if child.tail:
            parts.append(child.tail)
    if tag in _BLOCK:
        parts.append(" ")


def cell_values(cell: etree._Element) -> Cell:
    """The values of one ``<td>``/``<th>``: paragraphs, list items and ``<br>``-separated lines."""
    values: list[str] = []
    inline: list[str] = []
    _visit(cell, values, inline)
    _flush(values, inline)
    return tuple(values)


def _flush(values: list[str], inline: list[str]) -> None:
    """The inline text gathered so far, as one value (if it holds any)."""
    text = squash("".join(inline))
    if text:
        values.append(text)
    inline.clear()


def _visit(node: etree._Element, values: list[str], inline: list[str]) -> None:
    if node.text:
        inline.append(node.text)
    for child in node:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            # a table nested in a cell: each of its cells gives its own values, in reading order
            _flush(values, inline)
            for nested in _table_cells(child):
                values.extend(cell_values(nested))
        elif tag in _LISTS:
            _flush(values, inline)
            for item in child.iterchildren("li"):
                text = _text(item)
                if text:
                    values.append(text)
        elif tag == "br":
            _flush(values, inline)
        elif tag in _BLOCK:
            _flush(values, inline)
            if any(isinstance(g.tag, str) and g.tag in _LISTS for g in child):
                _visit(child, values, inline)
            else:
                text = _text(child)
                if text:
                    values.append(text)
            _flush(values, inline)
        elif tag not in _SKIP:
            inline.append(_text(child))
        if child.tail:
            inline.append(child.tail)


def _table_cells(table: etree._Element) -> Iterable[etree._Element]:
    for tr in _rows(table):
        yield from _cells(tr)


def _rows(table: etree._Element) -> Iterable[etree._Element]:
    # Rows of the table itself, not of a table nested in one of its cells.
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from child.iterchildren("tr")


def _span(cell: etree._Element, attr: str) -> int:
    try:
        return max(1, min(int(cell.get(attr, "1")), 1000))
    except ValueError:
        return 1


def _cells(tr: etree._Element) -> list[etree._Element]:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _grid(rows: list[etree._Element], budget: list[int]) -> list[tuple[Cell, ...]]:
    """The cells of each row with row and column spans spread out: a spanned cell's values are
    repeated in every row and column it covers, as a reader of the rendered table sees them.

    ``budget`` holds how many cells may still be made; a row wider than MAX_COLUMNS or a table
    past the budget raises TableTooLarge before the cells are made.
    """
    carried: dict[int, tuple[int, Cell]] = {}  # column -> (rows still covered, values)
    out: list[tuple[Cell, ...]] = []
    for number, tr in enumerate(rows, start=1):
        row: list[Cell] = []
        for cell in _cells(tr):
            _take_carried(row, carried)
            values = cell_values(cell)
            down = min(_span(cell, "rowspan"), len(rows) - number + 1)
            across = _span(cell, "colspan")
            if len(row) + across > MAX_COLUMNS:
                raise TableTooLarge(f"row {number} has more than {MAX_COLUMNS} columns (spans counted)")
            for _ in range(across):
                if down > 1:
                    carried[len(row)] = (down - 1, values)
                row.append(values)
        _take_carried(row, carried)
        if len(row) > MAX_COLUMNS:
            raise TableTooLarge(f"row {number} has more than {MAX_COLUMNS} columns (spans counted)")
        budget[0] -= len(row)
        if budget[0] < 0:
            raise TableTooLarge("its row and column spans make more cells than a document of this size may have")
        out.append(tuple(row))
    return out


def _take_carried(row: list[Cell], carried: dict[int, tuple[int, Cell]]) -> None:
    """Fill the columns that a cell of a row above still covers, at the end of ``row``."""
    while len(row) in carried:
        left, values = carried[len(row)]
        if left > 1:
            carried[len(row)] = (left - 1, values)
        else:
            del carried[len(row)]
        row.append(values)


def table_from_element(table: etree._Element, line_offset: int = 0, budget: list[int] | None = None) -> RawTable:
    """A raw table from one ``<table>``: header from ``<thead>`` or a leading all-``<th>`` row.

    A table too large to spread out (see ``_grid``) comes back empty, its ``damage`` saying why.
    """
    budget = budget if budget is not None else [cell_budget(0)]
    start = (table.sourceline or 0) + line_offset
    caption = next((_text(c) for c in table.iterchildren("caption")), "")
    try:
        return _table(table, line_offset, budget, start, caption)
    except TableTooLarge as exc:
        return RawTable((), [], start, [f"the table at line {start} is not read: {exc}"], caption)


def _table(table: etree._Element, line_offset: int, budget: list[int], start: int, caption: str) -> RawTable:
    rows = list(_rows(table))
    header: tuple[str, ...] = ()
    body_start = 0
    if rows:
        first = rows[0]
        cells = _cells(first)
        in_thead = first.getparent() is not None and first.getparent().tag == "thead"
        first_values = tuple(" ".join(values) for values in _grid([first], budget)[0])
        # Exports put the header in <thead> or <th> cells; some hand-written tables only in a first
        # row of <td> cells, recognisable by a header naming the action column.
        if in_thead or (cells and all(c.tag == "th" for c in cells)) or "action" in map(role_of, first_values):
            header = first_values
            body_start = 1
    body = rows[body_start:]
    grid = _grid(body, budget)
    out = [RawRow(cells, (tr.sourceline or 0) + line_offset) for tr, cells in zip(body, grid, strict=True)]
    return RawTable(header, out, start, [], caption)


def _top_tables(root: etree._Element) -> list[etree._Element]:
    """The tables of ``root`` that are not inside another table, in document order (one pass)."""
    found: list[etree._Element] = []
    stack = list(reversed(root))
    while stack:  # pre-order, without descending into a table found
        node = stack.pop()
        if node.tag == "table":
            found.append(node)
        elif isinstance(node.tag, str):
            stack.extend(reversed(node))
    return found


def parse_fragment(text: str, line_offset: int = 0, budget: list[int] | None = None) -> list[RawTable]:
    """Every top-level table of an HTML document or fragment, in document order.

    ``budget`` (a one-item list, shared by the caller's fragments) bounds the cells made in all.
    """
    root = html.fragment_fromstring(text, create_parent="div") if text.strip() else None
    if root is None:
        return []
    budget = budget if budget is not None else [cell_budget(len(text))]
    return [table_from_element(t, line_offset, budget) for t in _top_tables(root)]
