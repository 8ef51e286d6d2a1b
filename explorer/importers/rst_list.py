"""reStructuredText list tables (the ``.. list-table::`` directive of docutils and Sphinx).

A list table is a two-level bullet list: each ``*`` item is a row, each ``-`` item of its sublist a
cell. docutils builds it inside its whole-document parser only, so the directive is read here with
docutils' rules (one uniform two-level list, ``:header-rows:``, ``:stub-columns:``, ``:widths:``) and
each cell body is read by ``rstcell.cell_values`` like a grid table's cell.
"""

from __future__ import annotations

import re

from explorer.importers.rawtable import MAX_COLUMNS, RawRow, RawTable
from explorer.importers.rstcell import cell_values
from explorer.importers.tableformat import TableFormat
from explorer.importers.text import rst_inline, squash

FORMAT = "rst-list"
_WHAT = "list table"
_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+list-table::[ \t]*(.*)$")
_OPTION = re.compile(r"^:([\w-]+):[ \t]*(.*)$")
_ITEM = re.compile(r"^([*+-])(?: +|$)")

# (first line number, lines dedented to the item's text column) of one bullet item
_Item = tuple[int, list[str]]


class _Malformed(ValueError):
    """A list table docutils would refuse; the message says where and what was expected."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _items(lines: list[str], first: int, what: str, marker: str) -> list[_Item]:
    """The items of the one bullet list that ``lines`` (dedented, numbered from ``first``) must be."""
    # (line number, text column, lines): continuation lines are cut at the item's text column
    items: list[tuple[int, int, list[str]]] = []
    bullet = ""
    for n, line in enumerate(lines, first):
        m = _ITEM.match(line)
        if not line.strip():
            if items:
                items[-1][2].append("")
        elif _indent(line) == 0 and m and bullet in ("", m.group(1)):
            bullet = m.group(1)
            items.append((n, m.end() if line[m.end() :].strip() else 2, [line[m.end() :]]))
        elif items and _indent(line) > 0:
            items[-1][2].append(line[min(items[-1][1], _indent(line)) :])
        else:
            raise _Malformed(f"line {n}: expected {what} (a `{bullet or marker} ` bullet item), found {line.strip()!r}")
    return [(n, body) for n, _, body in items]


def _int_option(options: dict[str, str], name: str, line: int) -> int:
    value = options.get(name, "0").strip() or "0"
    if not value.isdigit():
        raise _Malformed(f"line {line}: the :{name}: option must be a whole number, not {value!r}")
    return int(value)


def _table(lines: list[str], start: int) -> tuple[RawTable, int]:
    """The list table whose directive is ``lines[start]``, and the index just past its body."""
    m = _DIRECTIVE.match(lines[start])
    base, caption = (len(m.group(1).expandtabs()), squash(rst_inline(m.group(2)))) if m else (0, "")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or _indent(lines[end].expandtabs()) > base):
        end += 1
    block = [ln.expandtabs() for ln in lines[start + 1 : end]]
    while block and not block[-1].strip():
        block.pop()
    options: dict[str, str] = {}
    i = 0
    while i < len(block) and (o := _OPTION.match(block[i].strip())):
        options[o.group(1)] = o.group(2)
        i += 1
    line = start + 1
    try:
        body = block[i:]
        inner = min((_indent(ln) for ln in body if ln.strip()), default=0)
        rows = _items([ln[inner:] for ln in body], start + 2 + i, "a row", "*")
        if not rows:
            raise _Malformed(f"line {line}: the directive has no rows (expected `* - cell` items)")
        table = [(n, [cell_values(cell) for _, cell in _items(body_, n, "a cell", "-")]) for n, body_ in rows]
        width = len(table[0][1])
        if not width:
            raise _Malformed(f"row at line {table[0][0]} has no cells (expected `- cell` items)")
        for n, cells in table:
            if len(cells) != width:
                cells_ = f"{len(cells)} cell" + ("" if len(cells) == 1 else "s")
                raise _Malformed(f"row at line {n} has {cells_}, the first row has {width}")
        if width > MAX_COLUMNS:
            raise _Malformed(f"{width} columns; at most {MAX_COLUMNS} are read")
        header_rows = _int_option(options, "header-rows", line)
        stubs = _int_option(options, "stub-columns", line)
        if header_rows > len(table) or stubs > width:
            raise _Malformed(f":header-rows: {header_rows} / :stub-columns: {stubs} exceed the table's size")
        widths = options.get("widths", "auto").replace(",", " ").split()
        if widths not in (["auto"], ["grid"]) and (len(widths) != width or not all(w.isdigit() for w in widths)):
            raise _Malformed(f":widths: gives {' '.join(widths)!r}; expected {width} whole numbers, auto or grid")
    except _Malformed as exc:
        return RawTable((), [], line, [f"{_WHAT} at line {line} cannot be read: {exc}"], caption), end
    # as the other RST readers: without header rows the first row is the header
    head, data = table[: header_rows or 1], table[header_rows or 1 :]
    header = tuple(" ".join(dict.fromkeys(t for _, cells in head if (t := " ".join(cells[c])))) for c in range(width))
    return RawTable(header, [RawRow(tuple(cells), n) for n, cells in data], line, [], caption), end


def parse(text: str) -> list[RawTable]:
    """Every list table of an RST page, in document order."""
    lines = text.splitlines()
    found: list[RawTable] = []
    i = 0
    while i < len(lines):
        if _DIRECTIVE.match(lines[i]):
            table, i = _table(lines, i)
            found.append(table)
        else:
            i += 1
    return found


_FIRST = re.compile(r"^[ \t]*\.\.[ \t]+list-table::", re.MULTILINE)


def sniff(text: str) -> int | None:
    """Where the first ``.. list-table::`` directive is, or None."""
    m = _FIRST.search(text)
    return m.start() if m else None


DECLARATION = TableFormat(
    FORMAT,
    "rst",
    (".rst",),
    "reStructuredText list tables (`.. list-table::` of `* - cell` rows; `:header-rows:`)",
    sniff,
    parse,
)
