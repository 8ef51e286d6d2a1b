"""The public library API: the one module the CLI and the Streamlit app call.

Everything a face shows is computed here or below; ``explorer.cli`` and ``explorer.ui`` may import
this module, ``explorer.errors``, ``explorer.model`` and ``explorer.view``, and nothing else of the
package (an import-linter contract in CI checks it).

The engine is re-exported lazily (a module ``__getattr__``, PEP 562): ``from explorer.api import X``
and ``api.X`` work as for any module, but a name's engine package (the importers, jsonschema, the
graph and networkx, the renderers and Graphviz) is imported the first time the name is used, so that
a command loads only what it uses. The ``TYPE_CHECKING`` imports below give mypy the real types and
import-linter the real layering.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.catalog import BUNDLED_CATALOG
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.model import Catalog
from explorer.render.formats import BINARY_FORMATS, DEFAULT_TIMEOUT, SUFFIXES
from explorer.render.formats import FORMATS as EXPORT_FORMATS
from explorer.view import View

if TYPE_CHECKING:
    from explorer.catalog.store import dump_service, load_service_text
    from explorer.catalog.validate import ValidationResult, catalog_schema, schema_path, validate, validate_paths
    from explorer.graph import (
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
    from explorer.importers import (
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
    from explorer.jsonout import FORMAT_VERSION, document, dumps
    from explorer.policy import (
        ATTACH_CHOICES,
        CODES,
        SEVERITIES,
        Code,
        Finding,
        Generated,
        GeneratedPolicy,
        LintReport,
        PolicySource,
        Where,
        fixed_documents,
        markdown_table,
        read_paths,
        to_sarif,
        to_terraform,
    )
    from explorer.policy import MAX_FILE_BYTES as MAX_POLICY_FILE_BYTES
    from explorer.policy.fix import FixedPolicy
    from explorer.render.assets import CLOSURE_STEM, README_CLOUD, README_TARGET, Assets, inline_mermaid
    from explorer.render.collapse import collapse_by_service
    from explorer.render.dot import legend_dot, to_dot
    from explorer.render.export import drawn as drawn_view
    from explorer.render.export import render as render_view
    from explorer.render.export import write_output
    from explorer.render.graphml import to_graphml
    from explorer.render.graphviz_run import RenderError, RenderTimeoutError
    from explorer.render.json_graph import to_json
    from explorer.render.mermaid import to_mermaid
    from explorer.schemas import output_schema, schema_file, schema_names

# public name -> (module, attribute) of what it stands for, imported on first use
_LAZY: dict[str, tuple[str, str]] = {
    # the JSON contract: the one serializer and the shipped schema of every output (docs/json.md)
    **{n: ("explorer.jsonout", n) for n in ("FORMAT_VERSION", "document", "dumps")},
    **{n: ("explorer.schemas", n) for n in ("output_schema", "schema_file", "schema_names")},
    **{n: ("explorer.catalog.store", n) for n in ("dump_service", "load_service_text")},
    **{
        n: ("explorer.catalog.validate", n)
        for n in ("ValidationResult", "catalog_schema", "schema_path", "validate", "validate_paths")
    },
    **{
        n: ("explorer.importers", n)
        for n in (
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
        )
    },
    **{
        n: ("explorer.graph", n)
        for n in (
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
            "closure_view",
            "dependents_view",
            "service_view",
            "why_view",
        )
    },
    **{
        n: ("explorer.policy", n)
        for n in (
            "ATTACH_CHOICES",
            "CODES",
            "SEVERITIES",
            "Code",
            "Finding",
            "Generated",
            "GeneratedPolicy",
            "LintReport",
            "PolicySource",
            "Where",
            "fixed_documents",
            "markdown_table",
            "read_paths",
            "to_sarif",
            "to_terraform",
        )
    },
    "MAX_POLICY_FILE_BYTES": ("explorer.policy", "MAX_FILE_BYTES"),
    "FixedPolicy": ("explorer.policy.fix", "FixedPolicy"),
    **{
        n: ("explorer.render.assets", n)
        for n in ("CLOSURE_STEM", "README_CLOUD", "README_TARGET", "Assets", "inline_mermaid")
    },
    "collapse_by_service": ("explorer.render.collapse", "collapse_by_service"),
    "legend_dot": ("explorer.render.dot", "legend_dot"),
    "to_dot": ("explorer.render.dot", "to_dot"),
    "render_view": ("explorer.render.export", "render"),
    "drawn_view": ("explorer.render.export", "drawn"),
    "write_output": ("explorer.render.export", "write_output"),
    "to_graphml": ("explorer.render.graphml", "to_graphml"),
    "RenderError": ("explorer.render.graphviz_run", "RenderError"),
    "RenderTimeoutError": ("explorer.render.graphviz_run", "RenderTimeoutError"),
    "to_json": ("explorer.render.json_graph", "to_json"),
    "to_mermaid": ("explorer.render.mermaid", "to_mermaid"),
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later look-ups are plain module attributes
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


DIRECTIONS = ("requirements", "dependents")


# --- catalogs ---------------------------------------------------------------------------------


def default_catalog_path() -> Path:
    """The catalog commands use when none is named: ``$PERMISSION_EXPLORER_CATALOG`` or the bundled one."""
    import os

    env = os.environ.get("PERMISSION_EXPLORER_CATALOG")
    return Path(env) if env else BUNDLED_CATALOG


def load(paths: list[Path] | None = None) -> dict[str, Catalog]:
    """Load catalogs (default: the bundled one) into one Catalog per cloud."""
    from explorer.catalog.store import load_catalogs

    return load_catalogs(paths or [default_catalog_path()])


# --- graph queries ----------------------------------------------------------------------------


def get_explorer(cloud: str = "huaweicloud", catalog: Path | str | None = None) -> Explorer:
    """The query engine for one cloud of a catalog (default: the bundled one), built once and cached
    until a catalog file changes. Unknown cloud -> QueryError; missing/empty/invalid catalog -> CatalogError."""
    from explorer.graph.loader import explorer_for

    return explorer_for(catalog if catalog is not None else default_catalog_path(), cloud)


def build_explorer(catalog: Catalog, source: str = "") -> Explorer:
    """The query engine for an already loaded Catalog (not cached)."""
    from explorer.graph.explorer import Explorer

    return Explorer.from_catalog(catalog, source)


def available_clouds(catalog: Path | str | None = None) -> tuple[str, ...]:
    """The clouds a catalog (default: the bundled one) holds."""
    from explorer.graph.loader import clouds

    return clouds(catalog if catalog is not None else default_catalog_path())


# --- diagrams ---------------------------------------------------------------------------------


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
    from explorer.graph.views import closure_view, dependents_view

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
    """The README diagrams: the closure of ecs:servers:createImage on the huaweicloud catalog, and the legend."""
    from explorer.graph.views import closure_view
    from explorer.render.assets import README_CLOUD, README_TARGET, build_assets

    view = closure_view(get_explorer(README_CLOUD, catalog if catalog is not None else BUNDLED_CATALOG), README_TARGET)
    return build_assets(view)


def regenerate_assets(
    assets_dir: Path, readme: Path | None, catalog: Path | str | None = None, *, check: bool = False
) -> list[Path]:
    """Write the README diagrams into ``assets_dir`` and inline the Mermaid text in ``readme`` (if given).

    Returns the files that were (with ``check``: would be) changed; with ``check`` nothing is written.
    """
    from explorer.render.assets import CLOSURE_STEM, inline_mermaid
    from explorer.render.export import write_output
    from explorer.render.graphviz_run import RenderError

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


# --- policies: lint and generate ----------------------------------------------------------------


def lint_policies(
    sources: Sequence[PolicySource],
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    *,
    attach: str | None = None,
    explorers: Mapping[str, Explorer] | None = None,
) -> LintReport:
    """Lint policy files as one principal's policy set against a cloud's catalog (default: the bundled one).

    ``explorers`` (one per cloud, e.g. of an upload) replaces the catalog; the other clouds tell renamed actions.
    """
    from explorer.policy import lint

    if explorers is None:
        explorers = {c: get_explorer(c, catalog) for c in available_clouds(catalog)}
    if cloud not in explorers:
        raise QueryError(f"unknown cloud {cloud!r}; the catalog holds {', '.join(sorted(explorers))}")
    return lint(sources, explorers[cloud], attach=attach, others=explorers)


def generate_policies(
    targets: Sequence[str],
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    *,
    possible: bool = False,
    compact: bool = False,
    explorer: Explorer | None = None,
) -> Generated:
    """The policies (enterprise-project and IAM-project parts, AX apart from XA) that the targets' answer needs."""
    from explorer.policy import generate

    ex = explorer if explorer is not None else get_explorer(cloud, catalog)
    return generate(ex, list(targets), possible=possible, compact_wildcards=compact)


__all__ = [
    "ATTACH_CHOICES",
    "BINARY_FORMATS",
    "BUNDLED_CATALOG",
    "CLOSURE_STEM",
    "CODES",
    "DEFAULT_TIMEOUT",
    "DIRECTIONS",
    "EXPORT_FORMATS",
    "FORMATS",
    "FORMAT_VERSION",
    "MAX_DOCUMENT_BYTES",
    "MAX_POLICY_FILE_BYTES",
    "README_CLOUD",
    "README_TARGET",
    "SEVERITIES",
    "SUFFIXES",
    "ActionInfo",
    "ActionScope",
    "Assets",
    "Catalog",
    "CatalogError",
    "CheckReport",
    "ClosureResult",
    "Code",
    "Dependent",
    "DependentsResult",
    "Disagreement",
    "DocumentImport",
    "Edge",
    "Evidence",
    "Exclude",
    "Explorer",
    "ExplorerError",
    "FileReport",
    "Finding",
    "FixedPolicy",
    "Generated",
    "GeneratedPolicy",
    "ImportReport",
    "LintReport",
    "NoAction",
    "PairScope",
    "PolicySource",
    "Problem",
    "QueryError",
    "RenderError",
    "RenderTimeoutError",
    "Requirement",
    "RowProblem",
    "ScopeReport",
    "SearchHit",
    "ServiceStats",
    "Target",
    "UnknownHeaderError",
    "ValidationResult",
    "View",
    "Where",
    "WhyResult",
    "available_clouds",
    "build_corpus",
    "build_explorer",
    "catalog_schema",
    "closure_view",
    "collapse_by_service",
    "default_catalog_path",
    "dependents_view",
    "diagram_view",
    "document",
    "drawn_view",
    "dump_service",
    "dumps",
    "fixed_documents",
    "generate_policies",
    "get_explorer",
    "import_corpus",
    "import_document",
    "inline_mermaid",
    "legend_dot",
    "lint_policies",
    "load",
    "load_service_text",
    "markdown_table",
    "output_schema",
    "read_import_report",
    "read_paths",
    "readme_assets",
    "regenerate_assets",
    "render_view",
    "report_to_json",
    "save_document",
    "schema_file",
    "schema_names",
    "schema_path",
    "service_view",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
    "to_sarif",
    "to_terraform",
    "validate",
    "validate_paths",
    "why_view",
    "write_output",
]
