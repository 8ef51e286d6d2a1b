"""Markdown pages whose tables are embedded HTML ``<table>`` blocks (Huawei Cloud's Chinese docs)."""

from __future__ import annotations

import re

from explorer.importers.htmltable import parse_fragment
from explorer.importers.rawtable import RawTable

FORMAT = "md-html"
_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def parse(text: str) -> list[RawTable]:
    """The HTML tables of a Markdown page, each parsed on its own, in document order.

    Only the table blocks go to lxml: the Markdown prose around them is not HTML and would be
    mangled by an HTML parser. A table that is never closed is parsed as far as it goes and
    marked as damaged, so its rows are reported rather than trusted.
    """
    tables: list[RawTable] = []
    pos = 0
    while True:
        start = _OPEN.search(text, pos)
        if start is None:
            return tables
        # Nested tables: the block ends at the close that balances the opening tag.
        depth, scan, end = 0, start.start(), -1
        while True:
            nxt_open = _OPEN.search(text, scan)
            nxt_close = _CLOSE.search(text, scan)
            if nxt_close is None:
                break
            if nxt_open is not None and nxt_open.start() < nxt_close.start():
                depth += 1
                scan = nxt_open.end()
                continue
            depth -= 1
            scan = nxt_close.end()
            if depth == 0:
                end = scan
                break
        line = text.count("\n", 0, start.start())
        block = text[start.start() : end if end >= 0 else len(text)]
        parsed = parse_fragment(block, line)
        if end < 0:
            for table in parsed:
                table.damage.append(f"the table starting at line {line + 1} is never closed (truncated?)")
            return tables + parsed
        tables.extend(parsed)
        pos = end
