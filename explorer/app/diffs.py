"""Catalog diffs: what changed between two catalogs, corpora, editions or clouds, and what it does to answers
and policies (``permission-explorer diff`` and the Changes page)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.app.catalogs import load
from explorer.errors import CatalogError, Problem, QueryError
from explorer.model import Catalog, Provenance

if TYPE_CHECKING:
    from explorer.diff import Change as Change
    from explorer.diff import DiffResult as DiffResult
    from explorer.diff import Rename as Rename
    from explorer.diff.impact import Closure, Graph
    from explorer.diff.policy_impact import FindingLike as FindingLike
    from explorer.graph import Explorer


def change_kinds() -> tuple[str, ...]:
    """Every kind of change a diff reports, in the order a report lists them."""
    from explorer.diff import KINDS

    return tuple(KINDS)


def change_titles() -> dict[str, str]:
    """The title of each kind of change, for people."""
    from explorer.diff.formats import TITLES

    return dict(TITLES)


def load_side(path: Path) -> tuple[dict[str, Catalog], tuple[str, ...]]:
    """A catalog root (or service file), or a documentation corpus (a folder with MANIFEST.tsv) imported in
    memory, as one Catalog per cloud, and for a corpus what the import left out (rows missing from a side
    look removed). Raises CatalogError / DocumentImportError naming the path."""
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


def _closure_of(ex: Explorer) -> Closure:
    """Every action's default answer on one side, as the impact comparison asks for it."""
    from explorer.diff.impact import Closure

    node_of = {op.provenance: node for node, op in ex.data.rows.operations.items()}

    def answer(target: str) -> dict[str, tuple[str, tuple[Provenance, ...]]]:
        # the default answer: target + documented + certain requirements (possible ones are not asked for)
        try:
            requirements = ex.closure(target).requirements
        except QueryError:  # a dependency pattern that matches no action of this side requires nothing
            return {}
        return {
            r.action: (r.basis, tuple(sorted({e.provenance for e in r.rows})) or r.provenance) for r in requirements
        }

    return Closure(answer, lambda op: answer(node_of[op.provenance]), _graph_of(ex, node_of))


def _graph_of(ex: Explorer, node_of: dict[Provenance, str]) -> Graph:
    """The side's graph as the impact comparison reads it to skip the answers that cannot differ."""
    from explorer.diff.impact import Graph

    g = ex.data
    links, rows, nodes = g.links, g.rows, g.nodes

    def data(n: str) -> object:
        # everything a default answer reads of a node: its edges (with their rows), its rows, its record
        return (
            links.out_edges.get(n),
            links.certain_edges.get(n),
            n in links.self_loops,
            rows.operations.get(n),
            rows.op_service.get(n),
            rows.pairs.get(n),
            rows.row_count.get(n),
            nodes.info.get(n),
            nodes.marks.get(n),
            (n in nodes.defined, n in nodes.unresolved, n in nodes.patterns, n in nodes.destructive),
        )

    every = set(links.out_edges) | set(links.in_edges) | nodes.defined | nodes.unresolved | nodes.patterns
    return Graph(every | set(rows.operations), links.pred, data, lambda op: node_of[op.provenance])


def side_choices(catalogs: dict[str, Catalog]) -> tuple[str, ...]:
    """The sides a loaded catalog offers a diff: ``cloud:NAME`` per cloud, ``edition:NAME`` per edition."""
    from explorer.diff.sides import side_choices as choices

    return choices(catalogs)


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
    ``sides``: the same as specs (``cloud:NAME`` / ``edition:NAME``, see :func:`side_choices`). ``impact``
    also compares every action's default closure. ``lint`` (e.g. ``lambda ex: lint_policies(sources,
    ex.cloud, explorers={ex.cloud: ex}).findings``) is run on each side's graph; the findings that appear or
    disappear are the result's ``policies``. Returns the result and the renames seen.
    """
    from dataclasses import replace

    from explorer.diff import renamed_actions
    from explorer.diff.compare import Side, diff_sides
    from explorer.diff.policy_impact import PolicyChange, finding_changes
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
    loaded_old, old_notes = load_side(old) if isinstance(old, Path) else (old, ())
    loaded_new, new_notes = (
        (loaded_old, old_notes) if new is old else (load_side(new) if isinstance(new, Path) else (new, ()))
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
    from explorer.jsonout import document

    return document(result.to_dict())


def to_text(result: DiffResult, *, evidence: bool = False) -> str:
    """The diff as plain text; with ``evidence`` each change is followed by its documentation rows."""
    from explorer.diff.formats import to_text as text

    return text(result, evidence=evidence)


def to_markdown(result: DiffResult) -> str:
    """The diff as Markdown, for a pull-request comment or a changelog."""
    from explorer.diff.formats import to_markdown as markdown

    return markdown(result)


def change_rows(changes: tuple[Change, ...] | list[Change]) -> list[dict[str, str | bool]]:
    """One flat record per change, for a table: the values as text and the rows of each side."""
    from explorer.diff.formats import change_rows as rows

    return rows(changes)


def record_renames(path: Path, renames: Iterable[Rename]) -> int:
    """Add the renames seen to a renames file (e.g. ``catalog/renames.json``); returns how many were new."""
    from explorer.diff.renames import record_renames as record

    return record(path, renames)


def renamed_actions(cloud: str, path: Path | None = None) -> dict[str, tuple[Rename, ...]]:
    """Old action name -> what it was renamed to, from a renames file (default: the bundled catalog's)."""
    from explorer.diff.renames import renamed_actions as renamed

    return renamed(cloud, path)
