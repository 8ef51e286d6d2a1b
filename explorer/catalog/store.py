"""Loading and writing whole catalogs: the entry points the engine uses.

Loading answers from the compiled cache (:mod:`explorer.catalog.compiled`) when the files are
unchanged, and otherwise scans them (:mod:`explorer.catalog.scan`: the hardened YAML of
:mod:`explorer.catalog.yamlio`, the places of :mod:`explorer.catalog.files`). Writing renders every
file and publishes them as one generation (:mod:`explorer.catalog.generations`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from explorer.catalog import compiled, parsed
from explorer.catalog.codec import (
    CATALOG_SUFFIX,
    CLOUD_GRAMMAR,
    SERVICE_GRAMMAR,
    control_character,
    is_cloud_name,
    is_service_name,
)
from explorer.catalog.encode import encode_service
from explorer.catalog.files import MAX_FILE_BYTES, catalog_files, collect_files
from explorer.catalog.generations import Check, publish
from explorer.catalog.scan import CatalogScan, Rendered, load_catalogs_fresh, load_service_file, scan_catalogs
from explorer.catalog.yamlio import dump_document, dump_service, load_service_text, parse_yaml_text
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog

# what callers import from here: the entry points below and the names of the modules it composes
__all__ = [
    "CATALOG_SUFFIX",
    "MAX_FILE_BYTES",
    "CatalogScan",
    "catalog_files",
    "collect_files",
    "dump_service",
    "load_catalogs",
    "load_catalogs_fresh",
    "load_service_file",
    "load_service_text",
    "parse_yaml_text",
    "scan_catalogs",
    "write_catalogs",
]


def load_catalogs(paths: Iterable[Path]) -> dict[str, Catalog]:
    """Load catalog roots or files into one Catalog per cloud; raise CatalogError with every problem.

    Unchanged files are answered from their compiled form in the user's cache (see ``compiled``).
    """
    return compiled.load_cached(list(paths), load_catalogs_fresh)


def write_catalogs(
    catalogs: Iterable[Catalog],
    out: Path,
    extra_files: dict[str, str] | None = None,
    check: Check | None = None,
    check_rendered: Callable[[Path, Rendered], list[Problem]] | None = None,
) -> list[Path]:
    """Replace the catalog at ``out`` by ``catalogs`` (and ``extra_files`` at its root), all or nothing.

    Every text is rendered first (a failure there touches nothing), then the whole catalog is
    published as one generation (see :mod:`explorer.catalog.generations`): a ``kill -9`` at any
    instant leaves the old or the new catalog, cloud folders the new catalog lacks are removed, and
    ``check`` (e.g. validate) can veto the new catalog before it replaces the old one. Names that
    are not a cloud or service of the grammar in :mod:`explorer.catalog.codec` are refused before
    any path is built from them. Write errors raise CatalogError naming the file.
    ``check_rendered(folder, rendered)`` is ``check`` told, for each service file of the built
    folder, the bytes written and the document they were rendered from (see ``validate``'s ``rendered``).
    Beside the service files, ``parsed-catalog.json`` records those documents and the SHA-256 of their
    bytes (see :mod:`explorer.catalog.parsed`).
    """
    files: dict[str, bytes] = {}
    docs: dict[str, Any] = {}
    written: list[Path] = []
    problems: list[Problem] = []
    for cat in sorted(catalogs, key=lambda c: c.cloud):
        if not is_cloud_name(cat.cloud):
            problems.append(Problem(str(out), "cloud", f"expected {CLOUD_GRAMMAR}, got {cat.cloud!r}"))
            continue
        for name in sorted(cat.services):
            if not is_service_name(name):
                problems.append(Problem(str(out / cat.cloud), "service", f"expected {SERVICE_GRAMMAR}, got {name!r}"))
                continue
            rel = f"{cat.cloud}/{name}{CATALOG_SUFFIX}"
            docs[rel] = encode_service(cat.services[name])
            files[rel] = dump_document(docs[rel]).encode("utf-8")
            written.append(out / rel)
    for name, text in sorted((extra_files or {}).items()):
        if "/" in name or name.startswith(".") or control_character(name) or not name:
            problems.append(Problem(str(out), "", f"expected a plain file name, got {name!r}"))
            continue
        files[name] = text.encode("utf-8")
        written.append(out / name)
    if problems:
        raise CatalogError(problems)

    def gate(gen: Path) -> list[Problem]:
        problems = check(gen) if check is not None else []
        if check_rendered is not None:
            made: dict[Path, tuple[bytes, Any]] = {gen / rel: (files[rel], doc) for rel, doc in docs.items()}
            made[gen / parsed.NAME] = (files[parsed.NAME], None)  # rendered from the same documents
            problems += check_rendered(gen, made)
        return problems

    # the documents beside their YAML, for a first load that need not parse it (explorer.catalog.parsed)
    files[parsed.NAME] = parsed.render(files, docs)
    publish(out, files, gate if check is not None or check_rendered is not None else None)
    return written
