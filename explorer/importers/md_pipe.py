"""Markdown pipe tables (``|a|b|`` rows under a ``|--|--|`` separator).

Cells are split on unescaped pipes only; a row keeps the number of cells it was written with, so
a row with too few cells reaches the interpreter as such and is reported, never padded.
"""

from __future__ import annotations

import re

from explorer.importers.rawtable import MAX_COLUMNS, RawRow, RawTable
from explorer.importers.tableformat import TableFormat
from explorer.importers.text import md_inline

FORMAT = "md-pipe"
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
_PIPE = re.compile(r"(?<!\\)\|")


def split_row(line: str) -> list[str]:
    """The raw cells of one pipe-table line."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return _PIPE.split(body)


def _is_separator(line: str) -> bool:
    cells = split_row(line)
    return "|" in line and bool(cells) and all(_SEPARATOR_CELL.match(c) for c in cells)


def parse(text: str) -> list[RawTable]:
    """Every pipe table of a Markdown page, in document order."""
    lines = text.splitlines()
    tables: list[RawTable] = []
    i = 1
    while i < len(lines):
        if "|" in lines[i - 1] and _is_separator(lines[i]):
            if lines[i - 1].count("|") > MAX_COLUMNS + 1:
                message = f"the table at line {i} has more than {MAX_COLUMNS} columns; it is not read"
                tables.append(RawTable((), [], i, [message]))
                j = i + 1
                while j < len(lines) and "|" in lines[j] and lines[j].strip():
                    j += 1
                i = j + 1
                continue
            header = tuple(" ".join(md_inline(c)) for c in split_row(lines[i - 1]))
            table = RawTable(header, [], i)
            j = i + 1
            while j < len(lines) and "|" in lines[j] and lines[j].strip():
                # a row wider than the table is cut at MAX_COLUMNS: the interpreter reports its length
                cells = tuple(tuple(md_inline(c)) for c in split_row(lines[j])[: MAX_COLUMNS + 1])
                table.rows.append(RawRow(cells, j + 1))
                j += 1
            tables.append(table)
            i = j + 1
        else:
            i += 1
    return tables


# a separator line: dashes between pipes, at least two cells; no two blank runs meet (no backtracking on blanks)
_SEPARATOR_LINE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+(?:\|[ \t]*)?$", re.MULTILINE)


def sniff(text: str) -> int | None:
    """Where the separator line of the first pipe table is, or None."""
    m = _SEPARATOR_LINE.search(text)
    return m.start() if m else None


DECLARATION = TableFormat(
    FORMAT,
    "md",
    (".md", ".markdown"),
    "Markdown pipe tables (cells between pipes, under a dashed separator line)",
    sniff,
    parse,
    family_default=True,
)
