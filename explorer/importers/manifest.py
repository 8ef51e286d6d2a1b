"""The corpus MANIFEST.tsv: one row per documentation file, with its provenance and table statistics.

A corpus is input like any other: every row is checked before anything is read or written (the
service against the catalog's name grammar, the path as a plain relative path inside the corpus,
the format, counts as short whole numbers, no row twice), and :func:`read_corpus_file` reads only
regular files that really lie inside the corpus, up to a size limit, without ever blocking on a
FIFO or a device.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from explorer import fileio
from explorer.catalog.codec import (
    COMMIT_RE,
    SERVICE_GRAMMAR,
    control_character,
    date_problem,
    is_service_name,
)
from explorer.errors import DocumentImportError
from explorer.importers.formats import MANIFEST_FORMATS, NO_TABLE_FORMAT
from explorer.model import EDITION_CLOUD, SOURCE_CURRENT, SOURCE_STATUSES

MANIFEST_NAME = "MANIFEST.tsv"
COLUMNS = (
    "source",
    "service",
    "corpus_path",
    "origin_repo",
    "origin_commit",
    "origin_path",
    "format",
    "action_tables",
    "approx_rows",
    "header_signature",
    "role",
)
# Added later: the date of origin_commit and whether the file still exists at its repository's head.
# A manifest without them (the first 11 columns only) is read as current files of unknown date.
DATED_COLUMNS = (*COLUMNS, "origin_date", "status")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    source: str
    service: str
    corpus_path: str
    origin_repo: str
    origin_commit: str
    origin_path: str
    format: str
    action_tables: int
    approx_rows: int
    header_signature: str
    role: str
    origin_date: str | None = None
    status: str = SOURCE_CURRENT

    @property
    def is_table(self) -> bool:
        return "table" in self.role.split(";")

    @property
    def headers(self) -> list[str]:
        """The header of each distinct action table of the file, as the manifest wrote it."""
        return [h for h in self.header_signature.split(" || ") if h]


# The largest corpus page is about 260 KB; the limit leaves room while keeping every file cheap to parse.
MAX_CORPUS_FILE_BYTES = 2 * 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_COUNT = re.compile(r"[0-9]{1,9}")


def read_corpus_file(corpus: Path, relative: str, limit: int = MAX_CORPUS_FILE_BYTES) -> bytes:
    """The bytes of ``corpus/relative``, only if it is a regular file inside ``corpus`` of at most ``limit`` bytes.

    Symbolic links are followed only as far as they stay inside the corpus; a FIFO, device or
    folder is refused without being opened for reading in blocking mode. Raises DocumentImportError
    saying what is wrong (the caller names the file).
    """
    try:
        return fileio.read_bytes(relative, limit, within=corpus)
    except fileio.OutsideFolder as exc:
        raise DocumentImportError(f"leads outside the corpus (to {exc.target}); not read") from None
    except fileio.NotRegularFile:
        raise DocumentImportError("not a regular file; expected a documentation page") from None
    except fileio.FileTooLarge as exc:
        raise DocumentImportError(exc.reason) from None
    except fileio.FileIOError as exc:
        reason = os.strerror(exc.errno) if exc.errno is not None else exc.reason
        raise DocumentImportError(f"cannot read the file: {reason}") from None


def _path_problem(value: str) -> str | None:
    """Why a MANIFEST ``corpus_path`` is not a plain relative path inside the corpus, or None."""
    if not value:
        return "empty; expected a path relative to the corpus"
    bad = control_character(value)
    if bad is not None:
        return f"control character {bad}; expected a plain relative path"
    if "\\" in value:
        return f"{value!r}: expected '/' as the separator, not a backslash"
    pure = PurePosixPath(value)
    if pure.is_absolute() or any(part in ("..", ".", "") for part in value.split("/")):
        return f"{value!r}: expected a relative path inside the corpus, without '..', '.' or empty parts"
    return None


def _row_problem(fields: dict[str, str]) -> str | None:
    """What is wrong with one MANIFEST row's fields (other than source and counts), or None."""
    service = fields["service"]
    if not is_service_name(service):
        return f"service: expected {SERVICE_GRAMMAR}, got {service[:80]!r}"
    problem = _path_problem(fields["corpus_path"])
    if problem is not None:
        return f"corpus_path: {problem}"
    if fields["format"] not in MANIFEST_FORMATS:
        return f"format: unknown format {fields['format'][:40]!r}; expected one of: {', '.join(MANIFEST_FORMATS)}"
    if "table" in fields["role"].split(";") and fields["format"] == NO_TABLE_FORMAT:
        return "format: 'other' has no table parser; a row with the role 'table' needs a table format"
    commit = fields["origin_commit"]
    if commit and not COMMIT_RE.fullmatch(commit):
        return f"origin_commit: expected a 40-digit lower-case hex commit id, got {commit[:60]!r}"
    for key in ("origin_repo", "origin_path", "header_signature", "role"):
        bad = control_character(fields[key])
        if bad is not None:
            return f"{key}: control character {bad}; expected printable text"
    date = fields.get("origin_date", "")
    if date and (why := date_problem(date)) is not None:
        return f"origin_date: {why}"
    status = fields.get("status", "") or SOURCE_CURRENT
    if status not in SOURCE_STATUSES:
        return f"status: unknown status {status[:40]!r}; expected one of: {', '.join(SOURCE_STATUSES)}"
    return None


def _rows(path: Path, text: str) -> list[list[str]]:
    """The tab-separated fields of each line. Lines end at ``\n`` (and ``\r\n``) only: ``splitlines`` also
    broke a row at a U+2028 inside a field, which then read as a wrong field count. A line the csv module
    refuses (a NUL, a field over its size limit) is an error naming the line."""
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    rows: list[list[str]] = []
    for number, line in enumerate(lines, start=1):
        try:
            rows.extend(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        except csv.Error as exc:
            raise DocumentImportError(f"{path}: line {number}: {exc}; expected tab-separated text fields") from None
    return rows


def read_manifest(corpus: Path) -> list[ManifestEntry]:
    """Every row of ``corpus/MANIFEST.tsv``; a missing or malformed manifest is a DocumentImportError."""
    path = corpus / MANIFEST_NAME
    if not path.exists() and not path.is_symlink():
        raise DocumentImportError(f"{path}: no manifest; expected a corpus directory holding {MANIFEST_NAME}")
    try:
        text = read_corpus_file(corpus, MANIFEST_NAME, MAX_MANIFEST_BYTES).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocumentImportError(f"{path}: byte {exc.start}: not valid UTF-8; expected a UTF-8 manifest") from None
    except DocumentImportError as exc:
        raise DocumentImportError(f"{path}: {exc}") from None
    rows = _rows(path, text.removeprefix("\ufeff"))  # a BOM (as some editors save) is no part of the header
    columns = tuple(rows[0]) if rows else ()
    if columns not in (COLUMNS, DATED_COLUMNS):
        raise DocumentImportError(
            f"{path}: line 1: expected the header {' | '.join(DATED_COLUMNS)} "
            f"(or without its last two columns, {DATED_COLUMNS[-2]} and {DATED_COLUMNS[-1]})"
        )
    entries: list[ManifestEntry] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        if len(row) != len(columns):
            raise DocumentImportError(
                f"{path}: line {number}: expected {len(columns)} tab-separated fields, got {len(row)}"
            )
        fields = dict(zip(columns, row, strict=True))
        if fields["source"] not in EDITION_CLOUD:
            raise DocumentImportError(
                f"{path}: line {number}: source: unknown edition {fields['source'][:40]!r}; "
                f"expected one of: {', '.join(sorted(EDITION_CLOUD))}"
            )
        problem = _row_problem(fields)
        if problem is not None:
            raise DocumentImportError(f"{path}: line {number}: {problem}")
        if fields["corpus_path"] in seen:
            raise DocumentImportError(
                f"{path}: line {number}: corpus_path: {fields['corpus_path']!r} is already listed "
                f"on line {seen[fields['corpus_path']]}; expected each file once"
            )
        seen[fields["corpus_path"]] = number
        counts: list[int] = []
        for key in ("action_tables", "approx_rows"):
            if fields[key] and not _COUNT.fullmatch(fields[key]):
                raise DocumentImportError(
                    f"{path}: line {number}: {key}: expected a whole number of at most 9 digits, "
                    f"got {fields[key][:40]!r}"
                )
            counts.append(int(fields[key] or 0))
        entries.append(
            ManifestEntry(
                fields["source"],
                fields["service"],
                fields["corpus_path"],
                fields["origin_repo"],
                fields["origin_commit"],
                fields["origin_path"],
                fields["format"],
                counts[0],
                counts[1],
                fields["header_signature"],
                fields["role"],
                fields.get("origin_date") or None,
                fields.get("status") or SOURCE_CURRENT,
            )
        )
    return entries


def format_manifest(entries: list[ManifestEntry]) -> str:
    """A MANIFEST.tsv (13 columns) of ``entries``, rows in code-point order of ``corpus_path``; read back equal."""
    lines = ["\t".join(DATED_COLUMNS)]
    for e in sorted(entries, key=lambda e: e.corpus_path):
        values = (
            e.source,
            e.service,
            e.corpus_path,
            e.origin_repo,
            e.origin_commit,
            e.origin_path,
            e.format,
            str(e.action_tables),
            str(e.approx_rows),
            e.header_signature,
            e.role,
            e.origin_date or "",
            e.status,
        )
        # a tab or line break inside a value would shift the columns: the tree's text is folded to spaces
        lines.append("\t".join(" ".join(v.split()) if v != e.corpus_path else v for v in values))
    return "\n".join(lines) + "\n"
