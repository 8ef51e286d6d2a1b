"""The public library API: the one module the CLI and the Streamlit app call.

Everything a face shows is computed here or below; ``explorer.cli`` and ``explorer.ui`` may import
this module, ``explorer.errors``, ``explorer.model`` and ``explorer.view``, and nothing else of the
package (an import-linter contract in CI checks it).
"""

from __future__ import annotations

from pathlib import Path

from explorer.catalog.store import dump_service, load_catalogs, load_service_text
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.model import Catalog

BUNDLED_CATALOG = Path(__file__).resolve().parent.parent / "catalog"


def default_catalog_path() -> Path:
    """The catalog commands use when none is named: ``$PERMISSION_EXPLORER_CATALOG`` or the bundled one."""
    import os

    env = os.environ.get("PERMISSION_EXPLORER_CATALOG")
    return Path(env) if env else BUNDLED_CATALOG


def load(paths: list[Path] | None = None) -> dict[str, Catalog]:
    """Load catalogs (default: the bundled one) into one Catalog per cloud."""
    return load_catalogs(paths or [default_catalog_path()])


__all__ = [
    "BUNDLED_CATALOG",
    "Catalog",
    "CatalogError",
    "ExplorerError",
    "Problem",
    "QueryError",
    "default_catalog_path",
    "dump_service",
    "load",
    "load_service_text",
]

# --- catalog import and validation (explorer.importers, explorer.catalog.validate) -----------

# --- graph queries (explorer.graph) ----------------------------------------------------------

# --- diagrams (explorer.render) ----------------------------------------------------------------
