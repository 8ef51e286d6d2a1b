"""Turning a reviewer's uploaded files into catalogs, with limits, and never touching the bundled one.

Uploads are parsed in memory through :mod:`explorer.app.uploads` (the same safe loader and importers the
CLI uses); documentation pages are imported in a child process limited in time and memory
(``explorer.app.uploads.import_page``); nothing is written to disk. Every failure is an
:class:`ExplorerError` whose message names the file and what was expected, so the page shows it
instead of a traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from explorer.app import uploads as reading
from explorer.errors import CatalogError, ExplorerError, Problem
from explorer.model import EDITION_CLOUD, Catalog, ServiceCatalog

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TOTAL_BYTES = 20 * 1024 * 1024
MAX_FILES = 60
CATALOG_SUFFIXES = (".yaml", ".yml")


def document_suffixes() -> tuple[str, ...]:
    """The endings of a documentation page, as the importers' format registry declares them."""
    from explorer.app.imports import document_suffixes as declared

    return declared()


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: its name as the browser sent it, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class UploadedCatalog:
    """Catalogs built from a set of uploads, with a stable key for caching and a label for the page."""

    key: str
    label: str
    catalogs: dict[str, Catalog]
    notes: tuple[str, ...] = ()


# The key of upload links is drawn once per server process. A plain content hash in a shared ``upload=``
# link let whoever could guess a file test whether this server had been given it; keyed, a link names an
# upload only to the server that made it (which is also the only one holding the upload).
_LINK_SECRET = secrets.token_bytes(32)


def digest(uploads: Sequence[Upload], *extra: str) -> str:
    """A content key: the same files (and options) give the same key, whatever the upload order, on this
    server; an HMAC with the server's secret, so the key says nothing about the content to anyone else."""
    h = hmac.new(_LINK_SECRET, digestmod=hashlib.sha256)
    for up in sorted(uploads, key=lambda u: (u.name, u.data)):
        h.update(up.name.encode("utf-8", "replace") + b"\0" + hashlib.sha256(up.data).digest())
    for item in extra:
        h.update(b"\1" + item.encode("utf-8"))
    return h.hexdigest()[:16]


def check_limits(uploads: Sequence[Upload]) -> None:
    """Refuse empty, oversized or too many uploads before anything is parsed."""
    if not uploads:
        raise ExplorerError("no file uploaded; expected a catalog YAML file or a documentation table file")
    if len(uploads) > MAX_FILES:
        raise ExplorerError(f"{len(uploads)} files uploaded; at most {MAX_FILES} are accepted at once")
    total = 0
    for up in uploads:
        if len(up.data) > MAX_FILE_BYTES:
            raise ExplorerError(
                f"{up.name}: {len(up.data):,} bytes is above the limit of {MAX_FILE_BYTES:,} bytes per file"
            )
        if not up.data.strip():
            raise ExplorerError(f"{up.name}: the file is empty; expected a catalog YAML or a documentation table")
        total += len(up.data)
    if total > MAX_TOTAL_BYTES:
        raise ExplorerError(f"{total:,} bytes uploaded in all; the limit is {MAX_TOTAL_BYTES:,} bytes")


def _suffix(name: str) -> str:
    return PurePath(name).suffix.lower()


def _group(services: Sequence[ServiceCatalog], names: Sequence[str]) -> dict[str, Catalog]:
    catalogs: dict[str, Catalog] = {}
    problems: list[Problem] = []
    for svc, name in zip(services, names, strict=True):
        cat = catalogs.setdefault(svc.cloud, Catalog(svc.cloud))
        if svc.service in cat.services:
            problems.append(
                Problem(name, "service", f"service {svc.service!r} of cloud {svc.cloud!r} is in two uploaded files")
            )
            continue
        cat.services[svc.service] = svc
    if problems:
        raise CatalogError(problems)
    return catalogs


def catalog_from_yaml(uploads: Sequence[Upload]) -> UploadedCatalog:
    """Catalog service files (``<service>.yaml`` in the bundled format), one service per file."""
    check_limits(uploads)
    services: list[ServiceCatalog] = []
    names: list[str] = []
    problems: list[Problem] = []
    for up in sorted(uploads, key=lambda u: u.name):
        if _suffix(up.name) not in CATALOG_SUFFIXES:
            problems.append(Problem(up.name, "", "expected a catalog file ending in .yaml or .yml"))
            continue
        try:
            services.append(reading.read_service(up.data, up.name))
            names.append(up.name)
        except CatalogError as exc:
            problems.extend(exc.problems)
    if problems:
        raise CatalogError(problems)
    catalogs = _group(services, names)
    label = ", ".join(sorted(up.name for up in uploads))
    return UploadedCatalog(digest(uploads, "yaml"), f"uploaded: {label}", catalogs)


def document_editions() -> dict[str, str]:
    """Editions a documentation upload can be read as, with the cloud each feeds."""
    return dict(sorted(EDITION_CLOUD.items()))


def catalog_from_documents(uploads: Sequence[Upload], *, cloud: str, edition: str) -> UploadedCatalog:
    """Documentation table files imported as the given edition, each through the importers the CLI uses."""
    check_limits(uploads)
    services: list[ServiceCatalog] = []
    names: list[str] = []
    notes: list[str] = []
    problems: list[Problem] = []
    for up in sorted(uploads, key=lambda u: u.name):
        if _suffix(up.name) not in document_suffixes():
            expected = ", ".join(document_suffixes())
            problems.append(Problem(up.name, "", f"expected a documentation file ending in {expected}"))
            continue
        try:
            # in a child process with a time and memory budget: a hostile page costs its upload, not the server
            imported = reading.import_page(up.name, up.data, cloud=cloud, edition=edition)
        except ExplorerError as exc:
            # The importer's message already starts with the (sanitised) file name.
            problems.append(Problem(up.name, "", str(exc).removeprefix(f"{PurePath(up.name).name}: ")))
            continue
        services.append(imported.catalog)
        names.append(up.name)
        for file in imported.report.files:
            notes.append(
                f"{up.name}: {file.format}, service {file.service}: {file.rows_imported} of {file.rows_seen} rows "
                f"imported from {file.tables} action tables"
            )
            notes.extend(
                f"{up.name}: table {p.table} row {p.row}: {p.reason}" + (" (row skipped)" if p.skipped else "")
                for p in sorted(file.problems)
            )
    if problems:
        raise CatalogError(problems)
    catalogs = _group(services, names)
    label = ", ".join(sorted(up.name for up in uploads))
    return UploadedCatalog(digest(uploads, "document", cloud, edition), f"uploaded: {label}", catalogs, tuple(notes))
