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

from explorer.catalog.validate import (  # noqa: E402
    ValidationResult,
    catalog_schema,
    schema_path,
    validate,
    validate_paths,
)

__all__ += ["ValidationResult", "catalog_schema", "schema_path", "validate", "validate_paths"]

from explorer.importers import (  # noqa: E402 - grouped by area on purpose
    FORMATS,
    MAX_DOCUMENT_BYTES,
    DocumentImport,
    FileReport,
    ImportReport,
    RowProblem,
    UnknownHeaderError,
    build_corpus,
    import_corpus,
    import_document,
    read_import_report,
    report_to_json,
)

__all__ += [
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
]

# --- graph queries (explorer.graph) ----------------------------------------------------------
from explorer.graph import (  # noqa: E402 - grouped by area on purpose
    ActionInfo,
    ActionScope,
    CheckReport,
    ClosureResult,
    Dependent,
    DependentsResult,
    Disagreement,
    Edge,
    Evidence,
    Exclude,
    Explorer,
    PairScope,
    Requirement,
    ScopeReport,
    SearchHit,
    ServiceStats,
    Target,
    WhyResult,
    closure_view,
    dependents_view,
    service_view,
    why_view,
)
from explorer.graph import clouds as _clouds  # noqa: E402
from explorer.graph import explorer_for as _explorer_for  # noqa: E402


def get_explorer(cloud: str = "huaweicloud", catalog: Path | str | None = None) -> Explorer:
    """The query engine for one cloud of a catalog (default: the bundled one), built once and cached
    until a catalog file changes. Unknown cloud -> QueryError; missing/empty/invalid catalog -> CatalogError."""
    return _explorer_for(catalog if catalog is not None else default_catalog_path(), cloud)


def build_explorer(catalog: Catalog, source: str = "") -> Explorer:
    """The query engine for an already loaded Catalog (not cached)."""
    return Explorer.from_catalog(catalog, source)


def available_clouds(catalog: Path | str | None = None) -> tuple[str, ...]:
    """The clouds a catalog (default: the bundled one) holds."""
    return _clouds(catalog if catalog is not None else default_catalog_path())


__all__ += [
    "ActionInfo",
    "ActionScope",
    "CheckReport",
    "ClosureResult",
    "Dependent",
    "DependentsResult",
    "Disagreement",
    "Edge",
    "Evidence",
    "Exclude",
    "Explorer",
    "PairScope",
    "Requirement",
    "ScopeReport",
    "SearchHit",
    "ServiceStats",
    "Target",
    "WhyResult",
    "available_clouds",
    "build_explorer",
    "closure_view",
    "dependents_view",
    "get_explorer",
    "service_view",
    "why_view",
]

# --- diagrams (explorer.render) ----------------------------------------------------------------
