"""Raw HTML exports (the OTC ``doc-exports`` API reference): ``<table>`` with ``<thead>``."""

from __future__ import annotations

from explorer.importers import md_html
from explorer.importers.rawtable import RawTable

FORMAT = "html"


def parse(text: str) -> list[RawTable]:
    """The tables of an HTML page, in document order.

    The page is cut into its table blocks exactly like Markdown with embedded HTML, so both
    formats share one notion of a truncated table and of line numbers.
    """
    return md_html.parse(text)
