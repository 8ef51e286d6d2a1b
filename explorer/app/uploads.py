"""Uploads in the web UI: a reviewer's files read in memory, never written, with the same loader and importers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.model import ServiceCatalog

if TYPE_CHECKING:
    from explorer.importers import DocumentImport


def read_service(data: str | bytes, name: str) -> ServiceCatalog:
    """One catalog service file's text, read with the hardened loader; CatalogError names the file."""
    from explorer.catalog.store import load_service_text

    return load_service_text(data, name)


def import_page(name: str, data: bytes, *, cloud: str, edition: str) -> DocumentImport:
    """One documentation page imported in a child process limited in time and memory: a hostile page
    costs its upload, not the server. DocumentImportError names the file."""
    from explorer.importers.sandbox import import_document_limited

    imported: DocumentImport = import_document_limited(name, data, cloud=cloud, edition=edition)
    return imported
