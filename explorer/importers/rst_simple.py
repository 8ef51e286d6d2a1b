"""reStructuredText simple tables (``====  ====`` borders), parsed with docutils' SimpleTableParser."""

from __future__ import annotations

import re

from docutils.parsers.rst.tableparser import SimpleTableParser

from explorer.importers.rawtable import RawTable
from explorer.importers.rstcell import blocks, to_raw
from explorer.importers.tableformat import TableFormat

FORMAT = "rst-simple"
_BORDER = re.compile(r"^\s*=+(?: +=+)+\s*$")


def is_border(line: str) -> bool:
    """True for the first line of a table block (its top border)."""
    return _BORDER.match(line) is not None


def block_end(lines: list[str], i: int) -> int:
    """The index just past the table block that starts at line ``i``."""
    # A simple table ends at a border that is followed by a blank line or the end of the text.
    end = i + 1
    while end < len(lines):
        if _BORDER.match(lines[end]) and (end + 1 == len(lines) or not lines[end + 1].strip()):
            return end + 1
        end += 1
    return end


def parse(text: str) -> list[RawTable]:
    """Every simple table of an RST page, in document order."""
    return [
        to_raw(start, [ln.rstrip() for ln in block], caption, SimpleTableParser().parse, "simple table")
        for start, block, caption in blocks(text, is_border, block_end)
    ]


_FIRST_BORDER = re.compile(r"^[ \t]*=+ +=+", re.MULTILINE)


def sniff(text: str) -> int | None:
    """Where the top border of the first simple table is, or None."""
    m = _FIRST_BORDER.search(text)
    return m.start() if m else None


DECLARATION = TableFormat(
    FORMAT,
    "rst",
    (".rst",),
    "reStructuredText simple tables (`====  ====` borders; docutils' SimpleTableParser)",
    sniff,
    parse,
    family_default=True,
)
