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
from explorer.model import Catalog


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
from explorer.render.dot import LARGE_GRAPH, legend_dot, to_dot  # noqa: E402
from explorer.render.export import BINARY_FORMATS, SUFFIXES, write_output  # noqa: E402
from explorer.render.export import FORMATS as EXPORT_FORMATS  # noqa: E402
from explorer.render.export import render as render_view  # noqa: E402
from explorer.render.graphml import to_graphml  # noqa: E402
from explorer.render.graphviz_run import DEFAULT_TIMEOUT, RenderError, RenderTimeoutError  # noqa: E402
from explorer.render.json_graph import to_json  # noqa: E402
from explorer.render.mermaid import to_mermaid  # noqa: E402
from explorer.view import View  # noqa: E402

REPO_ROOT = BUNDLED_CATALOG.parent
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
    """The README diagrams: the closure of ecs:servers:createImage on the huaweicloud catalog, and the legend."""
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
    "LARGE_GRAPH",
    "REPO_ROOT",
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

# --- policies: lint and generate (explorer.policy) ----------------------------------------------

from collections.abc import Mapping, Sequence  # noqa: E402

from explorer.policy import (  # noqa: E402 - grouped by area on purpose
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
from explorer.policy import MAX_FILE_BYTES as MAX_POLICY_FILE_BYTES  # noqa: E402
from explorer.policy import generate as _generate  # noqa: E402
from explorer.policy import lint as _lint  # noqa: E402
from explorer.policy.fix import FixedPolicy  # noqa: E402


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
    if explorers is None:
        explorers = {c: get_explorer(c, catalog) for c in available_clouds(catalog)}
    if cloud not in explorers:
        raise QueryError(f"unknown cloud {cloud!r}; the catalog holds {', '.join(sorted(explorers))}")
    return _lint(sources, explorers[cloud], attach=attach, others=explorers)


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
    ex = explorer if explorer is not None else get_explorer(cloud, catalog)
    return _generate(ex, list(targets), possible=possible, compact_wildcards=compact)


__all__ += [
    "ATTACH_CHOICES",
    "CODES",
    "MAX_POLICY_FILE_BYTES",
    "SEVERITIES",
    "Code",
    "Finding",
    "FixedPolicy",
    "Generated",
    "GeneratedPolicy",
    "LintReport",
    "PolicySource",
    "Where",
    "fixed_documents",
    "generate_policies",
    "lint_policies",
    "markdown_table",
    "read_paths",
    "to_sarif",
    "to_terraform",
]


# --- the interactive UI: layouts, layered catalogs, rows behind an edge ---------------------------

from collections.abc import Iterable  # noqa: E402

from explorer.graph.build import normalise_api  # noqa: E402
from explorer.model import Operation, ServiceCatalog  # noqa: E402
from explorer.render.layout import Box, Layout  # noqa: E402
from explorer.render.layout import layout as graph_layout  # noqa: E402


def layer_catalogs(base: Mapping[str, Catalog], top: Mapping[str, Catalog]) -> dict[str, Catalog]:
    """``top`` laid over ``base``: per cloud, a service of ``top`` replaces the same service of ``base``.

    Neither input is changed; clouds only one side has are kept as they are.
    """
    out: dict[str, Catalog] = {}
    for cloud in sorted(set(base) | set(top)):
        services: dict[str, ServiceCatalog] = {}
        for side in (base, top):
            if cloud in side:
                services.update(side[cloud].services)
        out[cloud] = Catalog(cloud, dict(sorted(services.items())))
    return out


def build_explorers(catalogs: Mapping[str, Catalog], source: str = "") -> dict[str, Explorer]:
    """One query engine per cloud of ``catalogs`` (a cloud's edges never cross into another)."""
    return {cloud: build_explorer(catalogs[cloud], source) for cloud in sorted(catalogs)}


def layered_explorers(base: Mapping[str, Catalog], top: Mapping[str, Catalog], source: str = "") -> dict[str, Explorer]:
    """The engines of ``top`` laid over ``base`` (see :func:`layer_catalogs`)."""
    return build_explorers(layer_catalogs(base, top), source)


def operation_row(ex: Explorer, operation: str) -> Operation | None:
    """The documentation row of an operation id (``op:`` prefix optional), None if the catalog has none."""
    node = operation if operation.startswith("op:") else f"op:{operation}"
    return ex.data.operations.get(node)


def edition_names(
    explorers: Iterable[Explorer], apis: Iterable[str], actions: Iterable[str] = ()
) -> tuple[tuple[str, str], ...]:
    """(edition, name) of every row, in any of the clouds, documenting the same operation: one of ``apis``
    and, when ``actions`` are given, checking one of them (many operations share one ``.../action`` API).

    The otc editions give English names to many operations the huaweicloud edition names in Chinese.
    """
    wanted = {key for key in (normalise_api(a) for a in apis) if key is not None}
    checked = set(actions)
    found: set[tuple[str, str]] = set()
    for ex in explorers:
        for key in wanted:
            for node in ex.data.by_api.get(key, ()):
                op = ex.data.operations[node]
                if checked and not checked & {r.action for r in op.actions}:
                    continue
                edition = op.provenance.edition or ex.cloud
                found.update((edition, name) for name in op.name.values() if name)
    return tuple(sorted(found))


def source_url(p: Provenance) -> str:
    """A link to the documentation file at the commit the row was read from (GitHub, as the corpus
    MANIFEST names them); "" when the catalog lacks them or they do not look like a repository and commit."""
    import re
    from urllib.parse import quote

    repo = p.repo.removesuffix(".git")
    if not (re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo) and re.fullmatch(r"[0-9a-f]{7,40}", p.commit)):
        return ""
    if not p.path or p.path.startswith("/") or ".." in p.path.split("/"):
        return ""
    return f"https://github.com/{repo}/blob/{p.commit}/{quote(p.path, safe='/')}"


from explorer.model import Provenance  # noqa: E402

__all__ += [
    "Box",
    "Layout",
    "Operation",
    "Provenance",
    "build_explorers",
    "edition_names",
    "graph_layout",
    "layer_catalogs",
    "layered_explorers",
    "normalise_api",
    "operation_row",
    "source_url",
]

from explorer.render.style import (  # noqa: E402
    EDGE_STYLES,
    KIND_MEANING,
    SCOPE_STYLES,
    edge_label,
    edge_style_key,
    node_lines,
)


def view_digest(view: View) -> str:
    """A short key that changes whenever the View's nodes or edges do (not its title or notes)."""
    import hashlib

    h = hashlib.sha256()
    for node in view.nodes:
        h.update(repr(node).encode("utf-8"))
    for edge in view.edges:
        h.update(repr((edge.source, edge.target, edge.kind, edge.inferred, edge.conditions)).encode("utf-8"))
    return h.hexdigest()[:16]


__all__ += ["EDGE_STYLES", "KIND_MEANING", "SCOPE_STYLES", "edge_label", "edge_style_key", "node_lines", "view_digest"]
