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
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.catalog import BUNDLED_CATALOG
from explorer.display import has_invisible, scope_flag, scope_flags, visible, visible_stream
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.jsonout import FORMAT_VERSION, document, dumps
from explorer.model import Catalog, Operation, Provenance, ServiceCatalog
from explorer.render.formats import BINARY_FORMATS, DEFAULT_TIMEOUT, SUFFIXES
from explorer.render.formats import FORMATS as EXPORT_FORMATS
from explorer.view import View

if TYPE_CHECKING:
    from explorer.catalog.store import dump_service, load_service_text
    from explorer.catalog.validate import ValidationResult, catalog_schema, schema_path, validate, validate_paths
    from explorer.diff import KINDS as CHANGE_KINDS
    from explorer.diff import (
        ActionDelta,
        Change,
        DiffResult,
        Impact,
        Rename,
        RowRef,
        SideInfo,
        load_renames,
        record_renames,
        renamed_actions,
    )
    from explorer.diff.formats import TITLES as CHANGE_TITLES
    from explorer.diff.formats import change_rows as diff_change_rows
    from explorer.diff.formats import to_markdown as diff_markdown
    from explorer.diff.formats import to_text as diff_text
    from explorer.diff.impact import Closure as DiffClosure
    from explorer.diff.policy_impact import FindingLike, PolicyChange
    from explorer.diff.renames import RENAMES_NAME, default_renames_path
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
    from explorer.graph.build import normalise_api
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
    from explorer.importers.sandbox import import_document_limited
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
    from explorer.render.dot import LARGE_GRAPH, legend_dot, to_dot
    from explorer.render.export import drawn as drawn_view
    from explorer.render.export import render as render_view
    from explorer.render.export import write_output
    from explorer.render.graphml import to_graphml
    from explorer.render.graphviz_run import RenderError, RenderTimeoutError
    from explorer.render.json_graph import to_json
    from explorer.render.layout import Box, Layout
    from explorer.render.layout import layout as graph_layout
    from explorer.render.mermaid import to_mermaid
    from explorer.render.style import EDGE_STYLES, KIND_MEANING, SCOPE_STYLES, edge_label, edge_style_key, node_lines
    from explorer.schemas import output_schema, schema_file, schema_names

# public name -> (module, attribute) of what it stands for, imported on first use
_LAZY: dict[str, tuple[str, str]] = {
    "import_document_limited": ("explorer.importers.sandbox", "import_document_limited"),
    # the JSON contract: the one serializer and the shipped schema of every output (docs/json.md)
    **{n: ("explorer.schemas", n) for n in ("output_schema", "schema_file", "schema_names")},
    **{n: ("explorer.catalog.store", n) for n in ("dump_service", "load_service_text")},
    **{
        n: ("explorer.diff", n)
        for n in (
            "ActionDelta",
            "Change",
            "DiffResult",
            "Impact",
            "Rename",
            "RowRef",
            "SideInfo",
            "load_renames",
            "record_renames",
            "renamed_actions",
        )
    },
    "CHANGE_KINDS": ("explorer.diff", "KINDS"),
    "CHANGE_TITLES": ("explorer.diff.formats", "TITLES"),
    "diff_change_rows": ("explorer.diff.formats", "change_rows"),
    "diff_markdown": ("explorer.diff.formats", "to_markdown"),
    "diff_text": ("explorer.diff.formats", "to_text"),
    "DiffClosure": ("explorer.diff.impact", "Closure"),
    "FindingLike": ("explorer.diff.policy_impact", "FindingLike"),
    "PolicyChange": ("explorer.diff.policy_impact", "PolicyChange"),
    "RENAMES_NAME": ("explorer.diff.renames", "RENAMES_NAME"),
    "default_renames_path": ("explorer.diff.renames", "default_renames_path"),
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
    # the interactive UI (explorer.ui.components.graph): Graphviz positions and the diagrams' visual language
    "normalise_api": ("explorer.graph.build", "normalise_api"),
    "LARGE_GRAPH": ("explorer.render.dot", "LARGE_GRAPH"),
    "Box": ("explorer.render.layout", "Box"),
    "Layout": ("explorer.render.layout", "Layout"),
    "graph_layout": ("explorer.render.layout", "layout"),
    **{
        n: ("explorer.render.style", n)
        for n in ("EDGE_STYLES", "KIND_MEANING", "SCOPE_STYLES", "edge_label", "edge_style_key", "node_lines")
    },
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
    from explorer.diff.renames import RENAMES_NAME, renamed_actions
    from explorer.policy import lint

    renames = None  # given engines (an upload): the bundled catalog's record, for names they define
    if explorers is None:
        explorers = {c: get_explorer(c, catalog) for c in available_clouds(catalog)}
        root = Path(catalog) if catalog is not None else default_catalog_path()
        renames = renamed_actions(cloud, root / RENAMES_NAME) if root.is_dir() else {}
    if cloud not in explorers:
        raise QueryError(f"unknown cloud {cloud!r}; the catalog holds {', '.join(sorted(explorers))}")
    return lint(sources, explorers[cloud], attach=attach, others=explorers, renames=renames)


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


# --- catalog diffs ----------------------------------------------------------------------------


def load_any(path: Path) -> dict[str, Catalog]:
    """A catalog root (or service file), or a documentation corpus (a folder with MANIFEST.tsv) imported in
    memory, as one Catalog per cloud. Raises CatalogError / DocumentImportError naming the path."""
    return _load_side(path)[0]


def _load_side(path: Path) -> tuple[dict[str, Catalog], tuple[str, ...]]:
    """``load_any`` and, for a corpus, what the import left out (rows missing from a side look removed)."""
    if not (path.is_dir() and (path / "MANIFEST.tsv").is_file()):
        return load([path]), ()
    from explorer.importers import build_corpus

    catalogs, report = build_corpus(path)
    if not catalogs:
        raise CatalogError([Problem(str(path), "MANIFEST.tsv", "lists no action table to import")])
    notes = [f"imported in memory: {len(report.files)} files, {report.rows_imported} of {report.rows_seen} rows"]
    failed = [f.file for f in report.files if f.failed]
    if report.rows_skipped:
        notes.append(f"warning: the importer skipped {report.rows_skipped} rows (see permission-explorer import)")
    if failed:
        files = "1 file" if len(failed) == 1 else f"{len(failed)} files"
        notes.append(f"warning: {files} could not be read: {', '.join(failed[:5])}")
    return catalogs, tuple(notes)


def _closure_of(ex: Explorer) -> DiffClosure:
    from explorer.diff.impact import Closure

    node_of = {op.provenance: node for node, op in ex.data.operations.items()}

    def answer(target: str) -> dict[str, tuple[str, tuple[Provenance, ...]]]:
        # the default answer: target + documented + certain requirements (possible ones are not asked for)
        try:
            requirements = ex.closure(target).requirements
        except QueryError:  # a dependency pattern that matches no action of this side requires nothing
            return {}
        return {
            r.action: (r.basis, tuple(sorted({e.provenance for e in r.rows})) or r.provenance) for r in requirements
        }

    return Closure(answer, lambda op: answer(node_of[op.provenance]))


def diff_side_choices(catalogs: dict[str, Catalog]) -> tuple[str, ...]:
    """The sides a loaded catalog offers a diff: ``cloud:NAME`` per cloud, ``edition:NAME`` per edition."""
    from explorer.diff.sides import side_choices

    return side_choices(catalogs)


def diff(
    old: Path | dict[str, Catalog],
    new: Path | dict[str, Catalog],
    *,
    clouds: tuple[str, ...] = (),
    editions: tuple[str, ...] = (),
    sides: tuple[str, str] = ("", ""),
    services: tuple[str, ...] = (),
    impact: bool = True,
    labels: tuple[str, str] | None = None,
    lint: Callable[[Explorer], Iterable[FindingLike]] | None = None,
) -> tuple[DiffResult, tuple[Rename, ...]]:
    """What changed from ``old`` to ``new`` (catalog roots, corpora, or loaded catalogs by cloud).

    ``clouds``: one cloud to compare, or two (cloud A of old with cloud B of new); default every cloud of
    either side. ``editions``: two editions (rows told apart by provenance), A from old and B from new.
    ``sides``: the same as specs (``cloud:NAME`` / ``edition:NAME``, see :func:`diff_side_choices`). ``impact``
    also compares every action's default closure. ``lint`` (e.g. ``lambda ex: lint_policies(sources,
    ex.cloud, explorers={ex.cloud: ex}).findings``) is run on each side's graph; the findings that appear or
    disappear are the result's ``policies``. Returns the result and the renames seen.
    """
    from dataclasses import replace

    from explorer.diff import renamed_actions
    from explorer.diff.compare import Side, diff_sides
    from explorer.diff.policy_impact import finding_changes
    from explorer.diff.sides import pairs_of, select
    from explorer.graph.explorer import Explorer

    if len(clouds) > 2 or len(editions) not in (0, 2) or sum(map(bool, (clouds, editions, any(sides)))) > 1:
        raise QueryError("give one or two clouds, or exactly two editions, or two sides (only one of them)")
    if editions:
        sides = (f"edition:{editions[0]}", f"edition:{editions[1]}")
    elif clouds:
        sides = (f"cloud:{clouds[0]}", f"cloud:{clouds[-1]}")
    names = labels or (
        str(old) if isinstance(old, Path) else "old",
        str(new) if isinstance(new, Path) else "new",
    )
    loaded_old, old_notes = _load_side(old) if isinstance(old, Path) else (old, ())
    loaded_new, new_notes = (
        (loaded_old, old_notes) if new is old else (_load_side(new) if isinstance(new, Path) else (new, ()))
    )
    before, old_suffix = select(loaded_old, sides[0], "old")
    after, new_suffix = select(loaded_new, sides[1], "new")
    names = (names[0] + old_suffix, names[1] + new_suffix)
    pairs = pairs_of(before, after, sides)
    used = pairs or tuple((c, c) for c in sorted(set(before) | set(after)))
    both = [(a, b) for a, b in used if a in before and b in after] if impact or lint else []
    old_graphs = {a: Explorer.from_catalog(before[a], names[0]) for a, _ in both}
    new_graphs = {b: Explorer.from_catalog(after[b], names[1]) for _, b in both}
    result, renames = diff_sides(
        Side(names[0], before, {a: _closure_of(g) for a, g in old_graphs.items()} if impact else {}, old_notes),
        Side(names[1], after, {b: _closure_of(g) for b, g in new_graphs.items()} if impact else {}, new_notes),
        clouds=pairs,
        services=services,
    )
    if lint is not None:
        found: list[PolicyChange] = []
        for a, b in both:
            known: dict[str, tuple[Rename, ...]] = dict(renamed_actions(b))
            for r in renames:
                known[r.old] = (*known.get(r.old, ()), r)
            found.extend(finding_changes(lint(old_graphs[a]), lint(new_graphs[b]), known))
        result = replace(result, policies=tuple(found))
    return result, renames


def diff_document(result: DiffResult) -> dict[str, object]:
    """The ``--json`` document of a diff (``explorer/schemas/diff.schema.json``)."""
    return document(result.to_dict())


# --- the interactive UI: layered catalogs, rows behind an edge, layouts ---------------------------


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
    from explorer.graph.build import normalise_api

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


def view_digest(view: View) -> str:
    """A short key that changes whenever the View's nodes or edges do (not its title or notes)."""
    import hashlib

    h = hashlib.sha256()
    for node in view.nodes:
        h.update(repr(node).encode("utf-8"))
    for edge in view.edges:
        h.update(repr((edge.source, edge.target, edge.kind, edge.inferred, edge.conditions)).encode("utf-8"))
    return h.hexdigest()[:16]


__all__ = [
    "ATTACH_CHOICES",
    "BINARY_FORMATS",
    "BUNDLED_CATALOG",
    "CLOSURE_STEM",
    "CODES",
    "DEFAULT_TIMEOUT",
    "DIRECTIONS",
    "EDGE_STYLES",
    "EXPORT_FORMATS",
    "FORMATS",
    "FORMAT_VERSION",
    "KIND_MEANING",
    "LARGE_GRAPH",
    "MAX_DOCUMENT_BYTES",
    "MAX_POLICY_FILE_BYTES",
    "README_CLOUD",
    "README_TARGET",
    "SCOPE_STYLES",
    "SEVERITIES",
    "SUFFIXES",
    "ActionInfo",
    "ActionScope",
    "Assets",
    "Box",
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
    "Layout",
    "LintReport",
    "NoAction",
    "Operation",
    "PairScope",
    "PolicySource",
    "Problem",
    "Provenance",
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
    "build_explorers",
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
    "edge_label",
    "edge_style_key",
    "edition_names",
    "fixed_documents",
    "generate_policies",
    "get_explorer",
    "graph_layout",
    "has_invisible",
    "import_corpus",
    "import_document",
    "import_document_limited",
    "inline_mermaid",
    "layer_catalogs",
    "layered_explorers",
    "legend_dot",
    "lint_policies",
    "load",
    "load_service_text",
    "markdown_table",
    "node_lines",
    "normalise_api",
    "operation_row",
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
    "scope_flag",
    "scope_flags",
    "service_view",
    "source_url",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
    "to_sarif",
    "to_terraform",
    "validate",
    "validate_paths",
    "view_digest",
    "visible",
    "visible_stream",
    "why_view",
    "write_output",
]
__all__ += [
    "CHANGE_KINDS",
    "CHANGE_TITLES",
    "RENAMES_NAME",
    "ActionDelta",
    "Change",
    "DiffClosure",
    "DiffResult",
    "FindingLike",
    "Impact",
    "PolicyChange",
    "Rename",
    "RowRef",
    "SideInfo",
    "default_renames_path",
    "diff",
    "diff_change_rows",
    "diff_document",
    "diff_markdown",
    "diff_side_choices",
    "diff_text",
    "load_any",
    "load_renames",
    "record_renames",
    "renamed_actions",
]
