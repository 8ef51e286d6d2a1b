"""Which parser reads a document: by its declared format, or detected from its name and content."""

from __future__ import annotations

import re
from collections.abc import Callable

from explorer.errors import DocumentImportError
from explorer.importers import html, md_html, md_pipe, rst_grid, rst_simple
from explorer.importers.rawtable import RawTable

Parser = Callable[[str], list[RawTable]]

PARSERS: dict[str, Parser] = {
    md_html.FORMAT: md_html.parse,
    md_pipe.FORMAT: md_pipe.parse,
    rst_grid.FORMAT: rst_grid.parse,
    rst_simple.FORMAT: rst_simple.parse,
    html.FORMAT: html.parse,
}
# A page may mix table kinds (grid and simple tables on one RST page, HTML and pipe tables in one
# Markdown page); the formats of one family are all read, and their tables kept in page order.
FAMILY: dict[str, tuple[str, ...]] = {
    md_html.FORMAT: (md_html.FORMAT, md_pipe.FORMAT),
    md_pipe.FORMAT: (md_html.FORMAT, md_pipe.FORMAT),
    rst_grid.FORMAT: (rst_grid.FORMAT, rst_simple.FORMAT),
    rst_simple.FORMAT: (rst_grid.FORMAT, rst_simple.FORMAT),
    html.FORMAT: (html.FORMAT,),
}
FORMATS = tuple(sorted(PARSERS))
_EXTENSIONS = {".md": "md", ".markdown": "md", ".rst": "rst", ".txt": "", ".html": "html", ".htm": "html"}


def detect_format(name: str, text: str) -> str:
    """The format of an uploaded document, from its extension and, failing that, its content."""
    lower = name.lower()
    family = next((f for ext, f in _EXTENSIONS.items() if lower.endswith(ext)), None)
    if family is None:
        raise DocumentImportError(
            f"{name}: unsupported file type; expected .md, .rst, .html or .htm (or .txt holding one of them)"
        )
    if not family:
        if re.search(r"<html\b|<body\b", text, re.IGNORECASE):
            family = "html"
        elif re.search(r"^[ \t]*\+[-=]+\+|^[ \t]*=+ +=+", text, re.MULTILINE) and "<table" not in text.lower():
            family = "rst"
        else:
            family = "md"
    if family == "html":
        return html.FORMAT
    if family == "rst":
        # both kinds are read either way; the format names the kind of the first table
        # [ \t]*, not \s*: \s would run over line ends, and scanning every blank line from every line start is quadratic
        grid = re.search(r"^[ \t]*\+[-=]+\+", text, re.MULTILINE)
        simple = re.search(r"^[ \t]*=+ +=+", text, re.MULTILINE)
        if grid is not None and (simple is None or grid.start() < simple.start()):
            return rst_grid.FORMAT
        return rst_simple.FORMAT
    return md_html.FORMAT if re.search(r"<table\b", text, re.IGNORECASE) else md_pipe.FORMAT


def parse_tables(text: str, fmt: str) -> list[RawTable]:
    """Every table of a document of format ``fmt`` (and of its family), in page order."""
    if fmt not in FAMILY:
        raise DocumentImportError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    tables = [t for member in FAMILY[fmt] for t in PARSERS[member](text)]
    return sorted(tables, key=lambda t: t.line)


def decode(data: bytes, name: str) -> str:
    """The text of a document: UTF-8 (with or without BOM); binary data is refused with a clear message."""
    if not data.strip():
        raise DocumentImportError(f"{name}: the file is empty")
    if b"\x00" in data[:8192]:
        raise DocumentImportError(f"{name}: not a text file (contains NUL bytes); expected UTF-8 Markdown, RST or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentImportError(
            f"{name}: byte {exc.start}: not valid UTF-8; expected UTF-8 Markdown, RST or HTML"
        ) from None
