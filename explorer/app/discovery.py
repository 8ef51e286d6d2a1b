"""Importing documentation as found: a corpus with its MANIFEST.tsv, or any tree of pages without one.

``permission-explorer import`` calls :func:`import_documentation`: a folder holding MANIFEST.tsv is
imported as the manifest lists it; any other folder (a clone of a documentation repository, a folder
of clones, a copy of the corpus without its manifest) is searched for action tables by content, and
the MANIFEST inferred for it is written beside the catalog as ``inferred-MANIFEST.tsv``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.importers import ImportReport

MANIFEST_NAME = "MANIFEST.tsv"  # explorer.importers.manifest.MANIFEST_NAME (a test keeps them equal)


@dataclass(frozen=True, slots=True)
class DocumentationImport:
    """An import's report and, for a tree without a MANIFEST, what discovery inferred and left."""

    report: ImportReport
    inferred_manifest: Path | None = None
    table_pages: int = 0
    intro_pages: int = 0
    # (page, why): pages with a documentation ending that discovery did not read or could not place
    left: tuple[tuple[str, str], ...] = field(default=())


def has_manifest(root: Path) -> bool:
    return (root / MANIFEST_NAME).exists()


def import_documentation(
    root: Path,
    out: Path,
    *,
    edition: str | None = None,
    service: str | None = None,
    strict_headers: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> DocumentationImport:
    """Import ``root`` into the catalog at ``out``: by its MANIFEST.tsv, or by discovery when it has none.

    ``edition`` and ``service`` name what a tree without a MANIFEST does not tell (its folders or git
    metadata take precedence). Raises DocumentImportError (a clear message) for input that cannot be read.
    """
    if has_manifest(root):
        from explorer.app.imports import import_corpus

        return DocumentationImport(import_corpus(root, out, strict_headers=strict_headers, progress=progress))
    from explorer import collector
    from explorer.importers.tree import INFERRED_MANIFEST_NAME, import_tree

    with collector.paused():  # as for an import by MANIFEST (explorer.app.imports.import_corpus)
        result = import_tree(
            root, out, edition=edition, service=service, strict_headers=strict_headers, progress=progress
        )
    entries = result.discovery.entries
    return DocumentationImport(
        result.report,
        out / INFERRED_MANIFEST_NAME,
        sum(1 for e in entries if e.is_table),
        sum(1 for e in entries if e.role == "intro"),
        tuple(result.discovery.left),
    )
