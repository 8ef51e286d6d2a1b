"""HTML ``<table>`` elements to raw tables; shared by the HTML export and Markdown-with-HTML parsers.

Cells hold one ``<p>`` per value, or ``<ul>/<li>`` lists in which an item may start with a label
("when a new EIP is created") followed by a ``<p>`` with the action; an item is kept as one value
so the label stays attached to its action.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree, html

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


def table_from_element(table: etree._Element, line_offset: int = 0) -> RawTable:
    """A raw table from one ``<table>``: header from ``<thead>`` or a leading all-``<th>`` row."""
    rows = list(_rows(table))
    header: tuple[str, ...] = ()
    body_start = 0
    if rows:
        first = rows[0]
        cells = [c for c in first if isinstance(c.tag, str) and c.tag in ("td", "th")]
        in_thead = first.getparent() is not None and first.getparent().tag == "thead"
        if in_thead or (cells and all(c.tag == "th" for c in cells)):
            header = tuple(" ".join(cell_values(c)) for c in cells)
            body_start = 1
    out: list[RawRow] = []
    damage: list[str] = []
    for tr in rows[body_start:]:
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if any(c.get("rowspan", "1") != "1" or c.get("colspan", "1") != "1" for c in cells):
            damage.append(f"row at line {tr.sourceline + line_offset} spans rows or columns; spans are not supported")
        out.append(RawRow(tuple(cell_values(c) for c in cells), (tr.sourceline or 0) + line_offset))
    start = (table.sourceline or 0) + line_offset
    caption = next((_text(c) for c in table.iterchildren("caption")), "")
    return RawTable(header, out, start, damage, caption)


def parse_fragment(text: str, line_offset: int = 0) -> list[RawTable]:
    """Every top-level table of an HTML document or fragment, in document order."""
    root = html.fragment_fromstring(text, create_parent="div") if text.strip() else None
    if root is None:
        return []
    tables = [t for t in root.iter("table") if not any(a.tag == "table" for a in t.iterancestors())]
    return [table_from_element(t, line_offset) for t in tables]
