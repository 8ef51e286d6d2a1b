"""Raw HTML exports (the OTC ``doc-exports`` API reference): ``<table>`` with ``<thead>``."""

from __future__ import annotations

import re

from explorer.importers import md_html
from explorer.importers.rawtable import RawTable
from explorer.importers.tableformat import TableFormat

FORMAT = "html"


def parse(text: str) -> list[RawTable]:
    """The tables of an HTML page, in document order.

    The page is cut into its table blocks exactly like Markdown with embedded HTML, so both
    formats share one notion of a truncated table and of line numbers.
    """
    return md_html.parse(text)


_PAGE = re.compile(r"<html\b|<body\b", re.IGNORECASE)


def is_page(text: str) -> bool:
    """True for a whole HTML page (``<html`` or ``<body``), which a text of unknown type is read as."""
    return _PAGE.search(text) is not None


def sniff(text: str) -> int | None:
    """Where the first ``<table`` opens (exports are fragments, often without ``<html>``), or None."""
    return md_html.sniff(text)


DECLARATION = TableFormat(
    FORMAT,
    "html",
    (".html", ".htm"),
    "an HTML page (the OTC `doc-exports` API reference): `<table>` with `<thead>`",
    sniff,
    parse,
    family_default=True,
)
