"""Showing text from documents and uploads in Streamlit's Markdown elements, literally.

``st.markdown``, ``st.error``, ``st.caption`` and button labels interpret Markdown, so a file name
or an operation name such as ``![x](http://host/)`` would become an image fetched by the reader's
browser. Every text that comes from a catalog, a document, an upload or a link goes through
:func:`plain` first.
"""

from __future__ import annotations

import re

from explorer.display import visible

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(text: str) -> str:
    """``text`` with every Markdown-active character escaped and invisible characters marked, so it shows as written."""
    return _SPECIAL.sub(r"\\\1", visible(text))


def code(text: str) -> str:
    """``text`` as an inline code span (backticks inside become quotes, so the span cannot end early)."""
    return "`" + visible(text.replace("`", "'").replace("\n", " ")) + "`"
