"""HTML ``<table>`` elements to raw tables; shared by the HTML export and Markdown-with-HTML parsers.

Cells hold one ``<p>`` per value, or ``<ul>/<li>`` lists in which an item may start with a label
("when a new EIP is created") followed by a ``<p>`` with the action; an item is kept as one value
so the label stays attached to its action.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree, html

from explorer.importers.headers import role_of
from explorer.importers.rawtable import Cell, RawRow, RawTable
from explorer.importers.text import squash

_BLOCK = frozenset({"p", "div", "li", "ul", "ol", "br", "pre", "table", "dl", "dt", "dd", "h1", "h2", "h3", "h4"})
_LISTS = frozenset({"ul", "ol"})
_SKIP = frozenset({"script", "style"})


def _text(el: etree._Element) -> str:
    """Text of an element with block boundaries turned into spaces (so values never glue)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            return
        if tag in _BLOCK:
            parts.append(" ")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK:
            parts.append(" ")

    walk(el)
    return squash("".join(parts))


def cell_values(cell: etree._Element) -> Cell:
    """The values of one ``<td>``/``<th>``: paragraphs, list items and ``<br>``-separated lines."""
    values: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        text = squash("".join(inline))
        if text:
            values.append(text)
        inline.clear()

    def visit(node: etree._Element) -> None:
        if node.text:
            inline.append(node.text)
        for child in node:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _LISTS:
                flush()
                for item in child.iterchildren("li"):
                    text = _text(item)
                    if text:
                        values.append(text)
            elif tag == "br":
                flush()
            elif tag in _BLOCK:
                flush()
                if any(isinstance(g.tag, str) and g.tag in _LISTS for g in child):
                    visit(child)
                else:
                    text = _text(child)
                    if text:
                        values.append(text)
                flush()
            elif tag not in _SKIP:
                inline.append(_text(child))
            if child.tail:
                inline.append(child.tail)

    visit(cell)
    flush()
    return tuple(values)


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


def _grid(rows: list[etree._Element]) -> list[tuple[Cell, ...]]:
    """The cells of each row with row and column spans spread out: a spanned cell's values are
    repeated in every row and column it covers, as a reader of the rendered table sees them."""
    carried: dict[int, tuple[int, Cell]] = {}  # column -> (rows still covered, values)
    out: list[tuple[Cell, ...]] = []
    for tr in rows:
        row: list[Cell] = []
        for cell in _cells(tr):
            _take_carried(row, carried)
            values = cell_values(cell)
            down = _span(cell, "rowspan")
            for _ in range(_span(cell, "colspan")):
                if down > 1:
                    carried[len(row)] = (down - 1, values)
                row.append(values)
        _take_carried(row, carried)
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


def table_from_element(table: etree._Element, line_offset: int = 0) -> RawTable:
    """A raw table from one ``<table>``: header from ``<thead>`` or a leading all-``<th>`` row."""
    rows = list(_rows(table))
    header: tuple[str, ...] = ()
    body_start = 0
    if rows:
        first = rows[0]
        cells = _cells(first)
        in_thead = first.getparent() is not None and first.getparent().tag == "thead"
        first_values = tuple(" ".join(values) for values in _grid([first])[0])
        # Exports put the header in <thead> or <th> cells; some hand-written tables only in a first
        # row of <td> cells, recognisable by a header naming the action column.
        if in_thead or (cells and all(c.tag == "th" for c in cells)) or "action" in map(role_of, first_values):
            header = first_values
            body_start = 1
    body = rows[body_start:]
    out = [RawRow(cells, (tr.sourceline or 0) + line_offset) for tr, cells in zip(body, _grid(body), strict=True)]
    start = (table.sourceline or 0) + line_offset
    caption = next((_text(c) for c in table.iterchildren("caption")), "")
    return RawTable(header, out, start, [], caption)


def parse_fragment(text: str, line_offset: int = 0) -> list[RawTable]:
    """Every top-level table of an HTML document or fragment, in document order."""
    root = html.fragment_fromstring(text, create_parent="div") if text.strip() else None
    if root is None:
        return []
    tables = [t for t in root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
    return [table_from_element(t, line_offset) for t in tables]
