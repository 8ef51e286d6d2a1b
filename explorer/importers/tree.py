"""Importing a documentation tree without a MANIFEST: discovery, then the corpus pipeline on what it found.

The inferred MANIFEST is written beside the catalog as ``inferred-MANIFEST.tsv``, so a person can
review it, correct it and pin it (copied into the tree as MANIFEST.tsv, it drives the next import).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.errors import DocumentImportError
from explorer.importers.discover import Discovery, discover
from explorer.importers.manifest import format_manifest
from explorer.importers.pipeline import Progress, build_entries, write_import
from explorer.importers.report import ImportReport
from explorer.model import Catalog

INFERRED_MANIFEST_NAME = "inferred-MANIFEST.tsv"


@dataclass(frozen=True, slots=True)
class TreeImport:
    """A tree imported: its catalogs, the import report, and what discovery found (and left)."""

    catalogs: dict[str, Catalog]
    report: ImportReport
    discovery: Discovery

    @property
    def manifest(self) -> str:
        return format_manifest(self.discovery.entries)


def build_tree(
    root: Path,
    *,
    edition: str | None = None,
    service: str | None = None,
    strict_headers: bool = False,
    progress: Progress | None = None,
) -> TreeImport:
    """Discover the table pages of ``root`` and import them, in memory."""
    found = discover(root, edition=edition, service=service)
    if not any(e.is_table for e in found.entries):
        left = f" ({len(found.left)} pages left: {found.left[0][0]}: {found.left[0][1]} ...)" if found.left else ""
        raise DocumentImportError(
            f"{root}: no MANIFEST.tsv and no page with an action table found below it{left}; expected a corpus "
            "with MANIFEST.tsv or a documentation tree (Markdown, RST or HTML pages) with action tables"
        )
    catalogs, report = build_entries(
        root, found.entries, strict_headers=strict_headers, progress=progress, preparsed=found.parsed
    )
    return TreeImport(catalogs, report, found)


def import_tree(
    root: Path,
    out: Path,
    *,
    edition: str | None = None,
    service: str | None = None,
    strict_headers: bool = False,
    progress: Progress | None = None,
) -> TreeImport:
    """Import ``root`` and write the catalog, its report and ``inferred-MANIFEST.tsv`` to ``out``, all or nothing."""
    result = build_tree(root, edition=edition, service=service, strict_headers=strict_headers, progress=progress)
    write_import(result.catalogs, result.report, out, {INFERRED_MANIFEST_NAME: result.manifest})
    return result
