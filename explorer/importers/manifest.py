"""The corpus MANIFEST.tsv: one row per documentation file, with its provenance and table statistics."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from explorer.errors import DocumentImportError
from explorer.model import EDITION_CLOUD

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

    @property
    def is_table(self) -> bool:
        return "table" in self.role.split(";")

    @property
    def headers(self) -> list[str]:
        """The header of each distinct action table of the file, as the manifest wrote it."""
        return [h for h in self.header_signature.split(" || ") if h]


def read_manifest(corpus: Path) -> list[ManifestEntry]:
    """Every row of ``corpus/MANIFEST.tsv``; a missing or malformed manifest is a DocumentImportError."""
    path = corpus / MANIFEST_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DocumentImportError(f"{path}: no manifest; expected a corpus directory holding {MANIFEST_NAME}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentImportError(f"{path}: cannot read the manifest: {exc}") from None
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise DocumentImportError(f"{path}: line 1: expected the header {' | '.join(COLUMNS)}")
    entries: list[ManifestEntry] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        if len(row) != len(COLUMNS):
            raise DocumentImportError(
                f"{path}: line {number}: expected {len(COLUMNS)} tab-separated fields, got {len(row)}"
            )
        fields = dict(zip(COLUMNS, row, strict=True))
        if fields["source"] not in EDITION_CLOUD:
            raise DocumentImportError(
                f"{path}: line {number}: source: unknown edition {fields['source']!r}; "
                f"expected one of: {', '.join(sorted(EDITION_CLOUD))}"
            )
        counts: list[int] = []
        for key in ("action_tables", "approx_rows"):
            try:
                counts.append(int(fields[key] or 0))
            except ValueError:
                raise DocumentImportError(
                    f"{path}: line {number}: {key}: expected a whole number, got {fields[key]!r}"
                ) from None
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
            )
        )
    return entries
