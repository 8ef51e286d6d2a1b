"""The registry of table formats, collected from the format modules' declarations, and format detection.

Each format module of this package (``html``, ``md_html``, ``md_pipe``, ``rst_grid``, ``rst_list``,
``rst_simple`` ...) ends with a ``DECLARATION`` (:class:`~explorer.importers.tableformat.TableFormat`):
its MANIFEST name, family, file name endings, sniffer and parser. The registry finds those modules
itself, so a new format is its module alone. Everything that lists formats reads :data:`REGISTRY`: the
MANIFEST check, ``import-doc --format``, the upload page's file types, discovery, and the docs table (a
test keeps docs/importer.md's table equal to it).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

from explorer.errors import DocumentImportError
from explorer.importers import html, md_html, rst_grid
from explorer.importers.rawtable import RawTable
from explorer.importers.tableformat import TableFormat

Parser = Callable[[str], list[RawTable]]

# A format module declares itself at the top level of its source; only those modules are imported (not the
# pipeline's own modules, which import this one), so that listing the formats stays cheap.
_DECLARES = "\nDECLARATION = TableFormat("


def _declarations() -> list[TableFormat]:
    """The declarations of this package's format modules, in module name order."""
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.ispkg)
    declaring = [n for n in names if _DECLARES in (here / f"{n}.py").read_text(encoding="utf-8")]
    found: list[TableFormat] = [importlib.import_module(f"{__package__}.{n}").DECLARATION for n in declaring]
    return found


REGISTRY: dict[str, TableFormat] = {d.name: d for d in _declarations()}
FORMATS = tuple(sorted(REGISTRY))
# A MANIFEST row of a page without an action table (a section or policy page) has the format "other".
NO_TABLE_FORMAT = "other"
MANIFEST_FORMATS = tuple(sorted((*FORMATS, NO_TABLE_FORMAT)))
PARSERS: dict[str, Parser] = {name: d.parse for name, d in REGISTRY.items()}
# the formats of a page's family are all read, and their tables kept in page order
FAMILY: dict[str, tuple[str, ...]] = {
    name: tuple(sorted(n for n, o in REGISTRY.items() if o.family == d.family)) for name, d in REGISTRY.items()
}
# file name endings read as documentation, and ".txt" (holding any of them, told apart by content)
EXTENSIONS: dict[str, str] = {ext: d.family for d in REGISTRY.values() for ext in d.extensions}
SNIFFED_EXTENSIONS = (".txt",)
DOCUMENT_SUFFIXES = tuple(sorted({*EXTENSIONS, *SNIFFED_EXTENSIONS}))


def family_of(name: str) -> str | None:
    """The family a file name's ending declares, "" for a text file told by content, None if not a document."""
    lower = name.lower()
    if lower.endswith(SNIFFED_EXTENSIONS):
        return ""
    return next((family for ext, family in EXTENSIONS.items() if lower.endswith(ext)), None)


def sniff_family(text: str, family: str) -> str | None:
    """The format of ``family`` whose first table comes first in ``text``, or None when none is sniffed."""
    found = [
        (offset, d.name) for d in REGISTRY.values() if d.family == family and (offset := d.sniff(text)) is not None
    ]
    return min(found)[1] if found else None


def _family_default(family: str) -> str:
    return next(d.name for d in REGISTRY.values() if d.family == family and d.family_default)


def detect_format(name: str, text: str) -> str:
    """The format of a document, from its name's ending and, within the family (or for .txt), its content."""
    family = family_of(name)
    if family is None:
        expected = ", ".join(ext for ext in DOCUMENT_SUFFIXES if ext not in SNIFFED_EXTENSIONS)
        raise DocumentImportError(f"{name}: unsupported file type; expected {expected} (or .txt holding one of them)")
    if not family:
        if html.is_page(text):
            family = html.DECLARATION.family
        elif sniff_family(text, rst_grid.DECLARATION.family) and md_html.sniff(text) is None:
            family = rst_grid.DECLARATION.family
        else:
            family = md_html.DECLARATION.family
    return sniff_family(text, family) or _family_default(family)


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
