"""Importers: one parser per documentation table format, a shared row interpreter, and the pipeline.

Public entry points (re-exported by :mod:`explorer.api`): :func:`import_corpus` (MANIFEST.tsv ->
catalog directory + import report), :func:`build_corpus` (the same, in memory),
:func:`import_document` (one uploaded file) and :func:`read_import_report`.
"""

from __future__ import annotations

from explorer.importers.formats import FORMATS
from explorer.importers.pipeline import (
    MAX_DOCUMENT_BYTES,
    DocumentImport,
    build_corpus,
    import_corpus,
    import_document,
    save_document,
)
from explorer.importers.report import FileReport, ImportReport, read_report, report_to_json
from explorer.importers.rows import RowProblem, UnknownHeaderError

read_import_report = read_report

__all__ = [
    "FORMATS",
    "MAX_DOCUMENT_BYTES",
    "DocumentImport",
    "FileReport",
    "ImportReport",
    "RowProblem",
    "UnknownHeaderError",
    "build_corpus",
    "import_corpus",
    "import_document",
    "read_import_report",
    "report_to_json",
    "save_document",
]
