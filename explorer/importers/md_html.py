"""Markdown pages whose tables are embedded HTML ``<table>`` blocks (Huawei Cloud's Chinese docs)."""

from __future__ import annotations

import re

from explorer.importers.htmltable import parse_fragment
from explorer.importers.rawtable import MAX_NESTING, RawTable, cell_budget
from explorer.importers.tableformat import TableFormat

FORMAT = "md-html"
# One pass over the page finds every opening and closing table tag; blocks are cut by counting.
_TAG = re.compile(r"<(/?)table(?:\s*>|\s[^<>]*>|>|(?=[\s/<]))", re.IGNORECASE)


def _blocks(text: str) -> list[tuple[int, int, int]]:
    """(start, end, deepest nesting) of each top-level table block; ``end`` is -1 for one never closed."""
    found: list[tuple[int, int, int]] = []
    depth, start, deepest = 0, 0, 0
    for m in _TAG.finditer(text):
        if not m.group(1):
            if depth == 0:
                start, deepest = m.start(), 0
            depth += 1
            deepest = max(deepest, depth)
        elif depth > 0:  # a close with no open table is stray markup
            depth -= 1
            if depth == 0:
                found.append((start, m.end(), deepest))
    if depth > 0:
        found.append((start, -1, deepest))
    return found


def parse(text: str) -> list[RawTable]:
    """The HTML tables of a Markdown page, each parsed on its own, in document order.

    Only the table blocks go to lxml: the Markdown prose around them is not HTML and would be
    mangled by an HTML parser. A table that is never closed is parsed as far as it goes and
    marked as damaged, so its rows are reported rather than trusted. A table holding tables
    nested deeper than MAX_NESTING is refused with a message (no documentation page nests them).
    """
    tables: list[RawTable] = []
    budget = [cell_budget(len(text))]
    line, counted = 0, 0
    for start, end, deepest in _blocks(text):
        line += text.count("\n", counted, start)  # counted once over the page, not once per table
        counted = start
        if deepest > MAX_NESTING:
            message = (
                f"the table at line {line + 1} holds tables nested {deepest} deep; "
                f"at most {MAX_NESTING} levels are read, so it is not read"
            )
            tables.append(RawTable((), [], line + 1, [message]))
            continue
        parsed = parse_fragment(text[start : end if end >= 0 else len(text)], line, budget)
        if end < 0:
            for table in parsed:
                table.damage.append(f"the table starting at line {line + 1} is never closed (truncated?)")
        tables.extend(parsed)
    return tables


_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)


def sniff(text: str) -> int | None:
    """Where the first ``<table`` opens, or None."""
    m = _TABLE_OPEN.search(text)
    return m.start() if m else None


DECLARATION = TableFormat(
    FORMAT,
    "md",
    (".md", ".markdown"),
    "Markdown with HTML `<table>` blocks (Huawei Cloud)",
    sniff,
    parse,
)
