"""reStructuredText grid tables (``+---+`` borders), parsed with docutils' GridTableParser."""

from __future__ import annotations

import re

from docutils.parsers.rst.tableparser import GridTableParser

from explorer.importers.rawtable import RawTable
from explorer.importers.rstcell import blocks, to_raw
from explorer.importers.tableformat import TableFormat

FORMAT = "rst-grid"
_BORDER = re.compile(r"^\s*\+(?:[-=]+\+)+\s*$")


def is_border(line: str) -> bool:
    """True for the first line of a table block (its top border)."""
    return _BORDER.match(line) is not None


def block_end(lines: list[str], i: int) -> int:
    """The index just past the table block that starts at line ``i``."""
    indent = len(lines[i]) - len(lines[i].lstrip())
    end = i + 1
    while end < len(lines):
        body = lines[end][indent:]
        if lines[end][:indent].strip() or body[:1] not in ("+", "|"):
            break
        end += 1
    return end


def parse(text: str) -> list[RawTable]:
    """Every grid table of an RST page, in document order."""
    return [
        to_raw(start, [ln.rstrip() for ln in block], caption, GridTableParser().parse, "grid table")
        for start, block, caption in blocks(text, is_border, block_end)
    ]


# [ \t]*, not \s*: \s would run over line ends, and scanning every blank line from every line start is quadratic
_FIRST_BORDER = re.compile(r"^[ \t]*\+[-=]+\+", re.MULTILINE)


def sniff(text: str) -> int | None:
    """Where the top border of the first grid table is, or None."""
    m = _FIRST_BORDER.search(text)
    return m.start() if m else None


DECLARATION = TableFormat(
    FORMAT,
    "rst",
    (".rst",),
    "reStructuredText grid tables (`+---+` borders; docutils' GridTableParser)",
    sniff,
    parse,
)
