"""The import report: per file, rows seen, imported and skipped, and every problem with its place.

It is written as ``import-report.json`` next to the catalog, with sorted keys and no timestamps,
so the same corpus always gives the same bytes.
"""

from __future__ import annotations

import errno
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer import fileio
from explorer.catalog.files import MAX_REPORT_BYTES
from explorer.catalog.generations import resolve_root
from explorer.errors import DocumentImportError
from explorer.importers.rows import RowProblem, UnknownHeader
from explorer.jsonout import dumps

REPORT_NAME = "import-report.json"
# 2 added each problem's "kind", the per-kind counts and the list of unknown column headers; 1 is still read.
REPORT_VERSION = 2
_READABLE = (1, 2)


@dataclass(slots=True)
class FileReport:
    """What became of one documentation file."""

    file: str
    edition: str
    service: str
    format: str
    tables: int = 0
    rows_seen: int = 0
    rows_imported: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    unknown_headers: list[UnknownHeader] = field(default_factory=list)

    @property
    def rows_skipped(self) -> int:
        return len({(p.table, p.row) for p in self.problems if p.skipped and p.row > 0})

    @property
    def failed(self) -> bool:
        """True when nothing of the file could be read (no action table, and a file-level problem)."""
        return self.tables == 0 and any(p.table == 0 and p.skipped for p in self.problems)


@dataclass(slots=True)
class ImportReport:
    """The report of one import run (a corpus or one uploaded document)."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def rows_seen(self) -> int:
        return sum(f.rows_seen for f in self.files)

    @property
    def rows_imported(self) -> int:
        return sum(f.rows_imported for f in self.files)

    @property
    def rows_skipped(self) -> int:
        return sum(f.rows_skipped for f in self.files)

    @property
    def tables(self) -> int:
        return sum(f.tables for f in self.files)

    def problems(self) -> list[RowProblem]:
        return sorted(p for f in self.files for p in f.problems)

    def unknown_headers(self) -> list[UnknownHeader]:
        """Every column header of the run that no rule reads, with file, table and line."""
        return sorted(u for f in self.files for u in f.unknown_headers)

    def kinds(self) -> dict[str, int]:
        """How many warnings of each kind (API repairs, values lost, inferred scope ...) the run reported."""
        counts: dict[str, int] = {}
        for p in self.problems():
            if not p.skipped and p.kind:
                counts[p.kind] = counts.get(p.kind, 0) + 1
        return dict(sorted(counts.items()))


def _problem(p: RowProblem) -> dict[str, Any]:
    out: dict[str, Any] = {"table": p.table, "row": p.row, "skipped": p.skipped, "reason": p.reason}
    if p.kind:
        out["kind"] = p.kind
    return out


def report_to_json(report: ImportReport) -> str:
    """The report as deterministic JSON text."""
    data = {
        "version": REPORT_VERSION,
        "totals": {
            "files": len(report.files),
            "tables": report.tables,
            "rows_seen": report.rows_seen,
            "rows_imported": report.rows_imported,
            "rows_skipped": report.rows_skipped,
            "warnings": sum(1 for p in report.problems() if not p.skipped),
            "warnings_by_kind": report.kinds(),
        },
        "unknown_headers": [
            {"file": u.file, "table": u.table, "line": u.line, "header": u.header} for u in report.unknown_headers()
        ],
        "files": [
            {
                "file": f.file,
                "edition": f.edition,
                "service": f.service,
                "format": f.format,
                "tables": f.tables,
                "rows_seen": f.rows_seen,
                "rows_imported": f.rows_imported,
                "rows_skipped": f.rows_skipped,
                "problems": [_problem(p) for p in sorted(f.problems)],
            }
            for f in sorted(report.files, key=lambda f: f.file)
        ],
    }
    return dumps(data)


def _get(data: Any, key: str, kind: type, where: str, path: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise DocumentImportError(f"{path}: {where}: missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise DocumentImportError(f"{path}: {where}.{key}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def report_from_json(text: str, path: str = REPORT_NAME) -> ImportReport:
    """Read a report written by :func:`report_to_json`; a malformed one raises DocumentImportError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentImportError(f"{path}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        raise DocumentImportError(f"{path}: not a valid report ({exc})") from None
    if _get(data, "version", int, "(top level)", path) not in _READABLE:
        raise DocumentImportError(f"{path}: version: expected one of {', '.join(map(str, _READABLE))}")
    report = ImportReport()
    for i, raw in enumerate(_get(data, "files", list, "(top level)", path)):
        where = f"files[{i}]"
        name = _get(raw, "file", str, where, path)
        fr = FileReport(
            name,
            _get(raw, "edition", str, where, path),
            _get(raw, "service", str, where, path),
            _get(raw, "format", str, where, path),
            _get(raw, "tables", int, where, path),
            _get(raw, "rows_seen", int, where, path),
            _get(raw, "rows_imported", int, where, path),
        )
        for j, p in enumerate(_get(raw, "problems", list, where, path)):
            here = f"{where}.problems[{j}]"
            fr.problems.append(
                RowProblem(
                    name,
                    _get(p, "table", int, here, path),
                    _get(p, "row", int, here, path),
                    _get(p, "reason", str, here, path),
                    _get(p, "skipped", bool, here, path),
                    _get(p, "kind", str, here, path) if isinstance(p, dict) and "kind" in p else "",
                )
            )
        report.files.append(fr)
    by_file = {f.file: f for f in report.files}
    for i, raw in enumerate(data.get("unknown_headers", [])):
        where = f"unknown_headers[{i}]"
        name = _get(raw, "file", str, where, path)
        unknown = UnknownHeader(
            name,
            _get(raw, "table", int, where, path),
            _get(raw, "line", int, where, path),
            _get(raw, "header", str, where, path),
        )
        if name in by_file:
            by_file[name].unknown_headers.append(unknown)
    return report


def read_report(path: Path) -> ImportReport:
    """The import report at ``path`` (a file, or a catalog directory holding import-report.json)."""
    target = resolve_root(path) / REPORT_NAME if path.is_dir() else path
    try:
        text = fileio.read_text(target, MAX_REPORT_BYTES)
    except fileio.FileIOError as exc:
        if exc.errno == errno.ENOENT:
            raise DocumentImportError(f"{target}: no import report (run `permission-explorer import` first)") from None
        raise DocumentImportError(f"{target}: cannot read the import report: {exc.reason}") from None
    return report_from_json(text, str(target))
