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
from explorer.render.dot import legend_dot, to_dot  # noqa: E402
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

# --- catalog diffs (explorer.diff) -------------------------------------------------------------

from collections.abc import Callable, Iterable  # noqa: E402
from dataclasses import replace as _replace  # noqa: E402

from explorer.diff import (  # noqa: E402 - grouped by area on purpose
    KINDS as CHANGE_KINDS,
)
from explorer.diff import (  # noqa: E402
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
from explorer.diff import to_markdown as diff_markdown  # noqa: E402
from explorer.diff import to_text as diff_text  # noqa: E402
from explorer.diff.compare import Side as _DiffSide  # noqa: E402
from explorer.diff.compare import diff_sides as _diff_sides  # noqa: E402
from explorer.diff.formats import TITLES as CHANGE_TITLES  # noqa: E402
from explorer.diff.formats import change_rows as diff_change_rows  # noqa: E402
from explorer.diff.impact import Closure as _Closure  # noqa: E402
from explorer.diff.policy_impact import FindingLike, PolicyChange  # noqa: E402
from explorer.diff.policy_impact import finding_changes as _finding_changes  # noqa: E402
from explorer.diff.renames import RENAMES_NAME, default_renames_path  # noqa: E402
from explorer.diff.sides import pairs_of as _pairs_of  # noqa: E402
from explorer.diff.sides import select as _select_side  # noqa: E402
from explorer.diff.sides import side_choices as _side_choices  # noqa: E402
from explorer.jsonout import document, dumps  # noqa: E402
from explorer.model import Provenance  # noqa: E402


def load_any(path: Path) -> dict[str, Catalog]:
    """A catalog root (or service file), or a documentation corpus (a folder with MANIFEST.tsv) imported in
    memory, as one Catalog per cloud. Raises CatalogError / DocumentImportError naming the path."""
    return _load_side(path)[0]


def _load_side(path: Path) -> tuple[dict[str, Catalog], tuple[str, ...]]:
    """``load_any`` and, for a corpus, what the import left out (rows missing from a side look removed)."""
    if not (path.is_dir() and (path / "MANIFEST.tsv").is_file()):
        return load_catalogs([path]), ()
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


def _closure_of(ex: Explorer) -> _Closure:
    node_of = {op.provenance: node for node, op in ex.data.operations.items()}

    def answer(target: str) -> dict[str, tuple[str, tuple[Provenance, ...]]]:
        # the default answer: target + documented + certain requirements (possible ones are not asked for)
        return {
            r.action: (r.basis, tuple(sorted({e.provenance for e in r.rows})) or r.provenance)
            for r in ex.closure(target).requirements
        }

    return _Closure(answer, lambda op: answer(node_of[op.provenance]))


def diff_side_choices(catalogs: dict[str, Catalog]) -> tuple[str, ...]:
    """The sides a loaded catalog offers a diff: ``cloud:NAME`` per cloud, ``edition:NAME`` per edition."""
    return _side_choices(catalogs)


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
    before, old_suffix = _select_side(loaded_old, sides[0], "old")
    after, new_suffix = _select_side(loaded_new, sides[1], "new")
    names = (names[0] + old_suffix, names[1] + new_suffix)
    pairs = _pairs_of(before, after, sides)
    used = pairs or tuple((c, c) for c in sorted(set(before) | set(after)))
    both = [(a, b) for a, b in used if a in before and b in after] if impact or lint else []
    old_graphs = {a: Explorer.from_catalog(before[a], names[0]) for a, _ in both}
    new_graphs = {b: Explorer.from_catalog(after[b], names[1]) for _, b in both}
    result, renames = _diff_sides(
        _DiffSide(names[0], before, {a: _closure_of(g) for a, g in old_graphs.items()} if impact else {}, old_notes),
        _DiffSide(names[1], after, {b: _closure_of(g) for b, g in new_graphs.items()} if impact else {}, new_notes),
        clouds=pairs,
        services=services,
    )
    if lint is not None:
        found: list[PolicyChange] = []
        for a, b in both:
            known: dict[str, tuple[Rename, ...]] = dict(renamed_actions(b))
            for r in renames:
                known[r.old] = (*known.get(r.old, ()), r)
            found.extend(_finding_changes(lint(old_graphs[a]), lint(new_graphs[b]), known))
        result = _replace(result, policies=tuple(found))
    return result, renames


def diff_document(result: DiffResult) -> dict[str, object]:
    """The ``--json`` document of a diff (``explorer/schemas/diff.schema.json``)."""
    return document(result.to_dict())


__all__ += [
    "CHANGE_KINDS",
    "CHANGE_TITLES",
    "RENAMES_NAME",
    "ActionDelta",
    "Change",
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
    "document",
    "dumps",
    "load_any",
    "load_renames",
    "record_renames",
    "renamed_actions",
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
