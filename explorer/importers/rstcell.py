"""RST table blocks and cells: finding table blocks in a page and splitting a cell into values.

The table structure itself is parsed by docutils' own table parsers (the ones its RST reader uses);
this module only finds the blocks, as the RST reader does, and reads a cell's body: paragraphs
separated by blank lines, ``-`` bullet items (an item's indented continuation stays with it), and
directives such as ``.. note::`` whose body becomes one value.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any
from unicodedata import east_asian_width

from docutils.parsers.rst.tableparser import TableMarkupError
from docutils.statemachine import StringList

from explorer.importers.rawtable import MAX_COLUMNS, Cell, RawRow, RawTable
from explorer.importers.text import rst_inline, squash

_BULLET = re.compile(r"^(?:[-*+•]|\d+[.)]|#\.)\s+")
_DIRECTIVE = re.compile(r"^\.\.\s+([A-Za-z-]+)::\s*(.*)$")
_TABLE_DIRECTIVE = re.compile(r"^\s*\.\.\s+table::\s*(.*)$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def cell_values(lines: Sequence[str]) -> Cell:
    """The values of one RST cell body (lines without the table borders)."""
    return _cell_values(tuple(lines))


# Cells repeat row after row (the same dependencies, "None", "Yes"): their reading is cached.
@lru_cache(maxsize=1 << 14)
def _cell_values(lines: tuple[str, ...]) -> Cell:
    body = [ln.replace(_PAD, "").rstrip() for ln in lines]
    base = min((_indent(ln) for ln in body if ln.strip()), default=0)
    body = [ln[base:] for ln in body]
    values: list[list[str]] = []
    current: list[str] | None = None
    item_indent = -1  # indentation of the text of the open bullet item or directive, -1 if none
    for line in body:
        if not line.strip():
            current = None
            continue
        indent = _indent(line)
        text = line.strip()
        if item_indent >= 0 and indent >= item_indent and indent > 0:
            # continuation of a bullet item or directive body, possibly after a blank line
            values[-1].append(text)
            current = values[-1]
            continue
        bullet = _BULLET.match(text)
        directive = _DIRECTIVE.match(text)
        if bullet and indent == 0:
            values.append([text[bullet.end() :]])
            current = values[-1]
            item_indent = bullet.end()
        elif directive and indent == 0:
            label = directive.group(1).capitalize()
            values.append([f"{label}:", directive.group(2)] if directive.group(2) else [f"{label}:"])
            current = values[-1]
            item_indent = 1
        elif current is not None:
            current.append(text)
        else:
            values.append([text])
            current = values[-1]
            item_indent = -1
    out = (squash(rst_inline(" ".join(v))) for v in values)
    return tuple(v for v in out if v)


_Parsed = tuple[Any, list[Any], list[Any]]
_PAD = "\x00"


class _Lines(StringList):  # type: ignore[misc]
    """docutils' StringList, with its per-character column bookkeeping skipped on ASCII lines.

    The grid parser cuts every cell out of every line with ``get_2D_block``, which maps columns
    to string indices character by character to allow for combining characters; an ASCII line
    has none, so its columns are its indices. Other lines take docutils' own path.
    """

    def get_2D_block(self, top: int, left: int, bottom: int, right: int, strip_indent: bool = True) -> Any:
        if not all(line.isascii() for line in self.data[top:bottom]):
            return super().get_2D_block(top, left, bottom, right, strip_indent)
        block = self[top:bottom]
        indent = right
        for i, line in enumerate(block.data):
            block.data[i] = line = line[left:right].rstrip()
            if line:
                indent = min(indent, len(line) - len(line.lstrip()))
        if strip_indent and 0 < indent < right:
            block.data = [line[indent:] for line in block.data]
        return block

    def pad_double_width(self, pad_char: str) -> None:
        for i, line in enumerate(self.data):
            if not line.isascii():
                self.data[i] = "".join(c + pad_char if east_asian_width(c) in "WF" else c for c in line)


def _caption(lines: list[str], i: int) -> str:
    """The title of the ``.. table::`` directive a block sits in, if any."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    m = _TABLE_DIRECTIVE.match(lines[j]) if j >= 0 else None
    return squash(rst_inline(m.group(1))) if m else ""


def blocks(
    text: str, is_start: Callable[[str], bool], collect: Callable[[list[str], int], int]
) -> list[tuple[int, list[str], str]]:
    """(first line number, dedented lines, caption) of each table block; ``collect`` returns its end."""
    lines = text.splitlines()
    found: list[tuple[int, list[str], str]] = []
    i = 0
    while i < len(lines):
        if is_start(lines[i]):
            end = collect(lines, i)
            indent = _indent(lines[i])
            block = [ln[indent:] if ln[:indent].strip() == "" else ln for ln in lines[i:end]]
            found.append((i + 1, block, _caption(lines, i)))
            i = max(end, i + 1)
        else:
            i += 1
    return found


def to_raw(start: int, block: list[str], caption: str, parse: Callable[[StringList], _Parsed], what: str) -> RawTable:
    """Run a docutils table parser on one block and turn its cells into values."""
    columns = _columns(block[0], what) if block else 0
    if columns > MAX_COLUMNS:
        message = f"{what} at line {start} has {columns} columns; at most {MAX_COLUMNS} are read, so it is not read"
        return RawTable((), [], start, [message], caption)
    lines = _Lines(block)
    # As docutils' reader does before calling its table parsers: wide (CJK) characters take two
    # columns, and a grid table's lines must all be as wide as its borders.
    lines.pad_double_width(_PAD)
    widths = {len(line) for line in lines if line.strip()}
    try:
        if what == "grid table" and len(widths) > 1:
            raise TableMarkupError("the lines of the table have different widths (a border or row is cut short)")
        _colspecs, headrows, bodyrows = parse(lines)
    except (TableMarkupError, IndexError) as exc:
        detail = squash(" ".join(str(a) for a in exc.args)) if isinstance(exc, TableMarkupError) else ""
        detail = detail or "malformed table"
        return RawTable((), [], start, [f"{what} at line {start} cannot be read: {detail}"], caption)
    if not headrows and bodyrows:
        headrows, bodyrows = bodyrows[:1], bodyrows[1:]
    width = len(_colspecs)
    # a header of several rows ("IAM" over "(Project)", "Scope" spanning "IAM Project | Enterprise Project")
    # is read per column, top to bottom, each text once
    stacked = _grid(headrows, width)
    header = tuple(" ".join(dict.fromkeys(t for r in stacked if (t := " ".join(r[c]).strip()))) for c in range(width))
    header = header if headrows else ()
    rows = []
    for row, cells in zip(bodyrows, _grid(bodyrows, width), strict=True):
        first = next((c for c in row if c is not None), None)
        rows.append(RawRow(cells, start + (first[2] if first is not None else 0)))
    return RawTable(header, rows, start, [], caption)


def _columns(border: str, what: str) -> int:
    """The number of columns the top border of a table block announces (checked before docutils runs)."""
    if what == "grid table":
        return max(0, border.count("+") - 1)
    return len(border.split())


def _grid(rows: list[list[Any]], width: int) -> list[tuple[Cell, ...]]:
    """docutils' rows with spanning cells spread out over every row and column they cover.

    Grid-table rows hold ``None`` where a span covers a column; simple-table rows hold only the
    cells written, so a column span there moves the following cells to the right.
    """
    grid: list[list[Cell | None]] = [[None] * width for _ in rows]
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            if cell is None:
                col += 1
                continue
            morerows, morecols, _offset, lines = cell
            # a cell's lines are a StringList, whose items are slow to read one by one: take its list
            values = _cell_values(tuple(lines.data if isinstance(lines, StringList) else lines))
            for dr in range(morerows + 1):
                for dc in range(morecols + 1):
                    if r + dr < len(grid) and col + dc < width:
                        grid[r + dr][col + dc] = values
            col += 1 if len(row) == width else morecols + 1
    return [tuple(c for c in row if c is not None) for row in grid]
