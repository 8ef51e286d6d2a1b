"""The public library API: the one module the CLI and the Streamlit app call.

Everything a face shows is computed here or below; ``explorer.cli`` and ``explorer.ui`` may import
this module, ``explorer.errors``, ``explorer.model`` and ``explorer.view``, and nothing else of the
package (an import-linter contract in CI checks it).
"""

from __future__ import annotations

from pathlib import Path

from explorer.catalog import BUNDLED_CATALOG
from explorer.catalog.store import dump_service, load_catalogs, load_service_text
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.jsonout import FORMAT_VERSION, document, dumps
from explorer.model import Catalog
from explorer.schemas import output_schema, schema_file, schema_names


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
    "FORMAT_VERSION",
    "Catalog",
    "CatalogError",
    "ExplorerError",
    "Problem",
    "QueryError",
    "default_catalog_path",
    "document",
    "dump_service",
    "dumps",
    "load",
    "load_service_text",
    "output_schema",
    "schema_file",
    "schema_names",
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
    save_document,
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
    "save_document",
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
    NoAction,
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
    "NoAction",
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

from explorer.render.assets import (  # noqa: E402 - grouped by area on purpose
    CLOSURE_STEM,
    README_CLOUD,
    README_TARGET,
    Assets,
    build_assets,
    inline_mermaid,
)
from explorer.render.collapse import collapse_by_service  # noqa: E402
from explorer.render.dot import legend_dot, to_dot  # noqa: E402
from explorer.render.export import BINARY_FORMATS, SUFFIXES, write_output  # noqa: E402
from explorer.render.export import FORMATS as EXPORT_FORMATS  # noqa: E402
from explorer.render.export import render as render_view  # noqa: E402
from explorer.render.graphml import to_graphml  # noqa: E402
from explorer.render.graphviz_run import DEFAULT_TIMEOUT, RenderError, RenderTimeoutError  # noqa: E402
from explorer.render.json_graph import to_json  # noqa: E402
from explorer.render.mermaid import to_mermaid  # noqa: E402
from explorer.view import View  # noqa: E402

DIRECTIONS = ("requirements", "dependents")


def diagram_view(
    targets: str | tuple[str, ...] | list[str],
    *,
    direction: str = "requirements",
    depth: int | None = None,
    exclude: Exclude = False,
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    possible: bool = False,
) -> View:
    """The View an export draws: the closure of ``targets`` ("requirements") or who needs one action ("dependents")."""
    names = (targets,) if isinstance(targets, str) else tuple(targets)
    ex = get_explorer(cloud, catalog)
    if direction == "requirements":
        return closure_view(ex, names, depth, exclude, possible)
    if direction != "dependents":
        raise QueryError(f"unknown direction {direction!r}; expected one of {', '.join(DIRECTIONS)}")
    if len(names) != 1:
        raise QueryError(f"--direction dependents takes one action, got {len(names)}: {', '.join(names)}")
    if exclude:
        raise QueryError("leaving out conditional dependencies applies to --direction requirements only")
    if possible:
        raise QueryError("possible requirements apply to --direction requirements only")
    return dependents_view(ex, names[0], depth)


def readme_assets(catalog: Path | str | None = None) -> Assets:
    """The documented diagrams: the closure of ecs:servers:createImage on the huaweicloud catalog, and the legend."""
    view = closure_view(get_explorer(README_CLOUD, catalog if catalog is not None else BUNDLED_CATALOG), README_TARGET)
    return build_assets(view)


def regenerate_assets(
    assets_dir: Path, readme: Path | None, catalog: Path | str | None = None, *, check: bool = False
) -> list[Path]:
    """Write the README diagrams into ``assets_dir`` and inline the Mermaid text in ``readme`` (if given).

    Returns the files that were (with ``check``: would be) changed; with ``check`` nothing is written.
    """
    assets = readme_assets(catalog)
    outputs = {assets_dir / name: data for name, data in assets.files.items()}
    if readme is not None:
        try:
            text = readme.read_text(encoding="utf-8")
        except OSError as exc:
            raise RenderError(f"{readme}: cannot read: {exc.strerror}") from None
        outputs[readme] = inline_mermaid(text, CLOSURE_STEM, assets.mermaid, str(readme)).encode("utf-8")
    changed = [path for path, data in outputs.items() if not path.is_file() or path.read_bytes() != data]
    if not check:
        if changed:
            assets_dir.mkdir(parents=True, exist_ok=True)
        for path in changed:
            write_output(path, outputs[path])
    return changed


__all__ += [
    "BINARY_FORMATS",
    "CLOSURE_STEM",
    "DEFAULT_TIMEOUT",
    "DIRECTIONS",
    "EXPORT_FORMATS",
    "SUFFIXES",
    "Assets",
    "RenderError",
    "RenderTimeoutError",
    "View",
    "collapse_by_service",
    "diagram_view",
    "inline_mermaid",
    "legend_dot",
    "readme_assets",
    "regenerate_assets",
    "render_view",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
    "write_output",
]
