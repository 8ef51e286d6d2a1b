"""Importing documentation: a whole corpus into a catalog, or one page into one service's catalog text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.importers import DocumentImport as DocumentImport
    from explorer.importers import ImportReport as ImportReport


def formats() -> tuple[str, ...]:
    """The documentation table formats the importers read (``import-doc --format``)."""
    from explorer.importers import FORMATS

    return tuple(FORMATS)


def document_suffixes() -> tuple[str, ...]:
    """The file name endings a documentation page may have (the format registry's, and .txt told by content)."""
    from explorer.importers.formats import DOCUMENT_SUFFIXES

    return DOCUMENT_SUFFIXES


def import_corpus(
    corpus: Path, out: Path, *, strict_headers: bool = False, progress: Callable[[int, int, str], None] | None = None
) -> ImportReport:
    """Import every table a corpus's MANIFEST.tsv lists and write the catalog to ``out`` (``permission-explorer
    import``); nothing is written unless the whole corpus was read. ``progress(done, total, file)`` per file."""
    from explorer import collector
    from explorer.importers import import_corpus as run

    # the catalog grows to the end of the import and nothing it makes is a reference cycle (tested): the
    # collector's passes over it found nothing and cost a tenth of the import (bench/bench_import.py)
    with collector.paused():
        return run(corpus, out, strict_headers=strict_headers, progress=progress)


def read_document(path: Path) -> bytes:
    """The bytes of one documentation page, through the guarded open: a regular file within the importer's
    size limit (a FIFO or device named here is refused at once, never waited on)."""
    from explorer import fileio
    from explorer.importers import MAX_DOCUMENT_BYTES

    return fileio.read_bytes(path, MAX_DOCUMENT_BYTES)


def import_document(
    name: str,
    data: bytes,
    *,
    cloud: str,
    edition: str,
    service: str | None = None,
    fmt: str | None = None,
    strict_headers: bool = False,
) -> DocumentImport:
    """One documentation page (Markdown, RST or HTML) as one service's catalog and its report
    (``permission-explorer import-doc``); the format is detected unless given."""
    from explorer.importers import import_document as run

    return run(name, data, cloud=cloud, edition=edition, service=service, fmt=fmt, strict_headers=strict_headers)


def catalog_text(result: DocumentImport) -> str:
    """The imported service as catalog YAML, as ``import-doc`` prints it."""
    from explorer.catalog.store import dump_service

    return dump_service(result.catalog)


def save_document(result: DocumentImport, path: Path) -> None:
    """Write the imported service's catalog YAML to ``path`` (atomically)."""
    from explorer.importers import save_document as run

    run(result, path)


def read_import_report(path: Path) -> ImportReport:
    """The import report at ``path`` (a file, or a catalog root holding ``import-report.json``)."""
    from explorer.importers import read_import_report as read

    return read(path)
