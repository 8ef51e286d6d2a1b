"""Query commands: closure, why, dependents, scope, search, show, check (alias stats).

Each prints rich tables for people, or with ``--json`` one JSON document for scripts: the result's
``to_dict()`` with ``format_version`` first, in the shape ``explorer/schemas/<command>.schema.json``
pins (``docs/json.md``). Everything is computed by :mod:`explorer.app.queries`; this module parses and prints.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from explorer.app import catalogs, queries, scope_plan
from explorer.cli.console import add_row, console
from explorer.display import scope_flags
from explorer.errors import clip
from explorer.jsonout import document, dumps

if TYPE_CHECKING:  # rich is imported when a table is printed, not for --json or --help
    from rich.console import Console
    from rich.table import Table


def _console() -> Console:
    # names are shown with their invisible characters marked, so a U+202E cannot reverse what a reviewer reads
    return console()


def _table(title: str) -> Table:
    from rich.table import Table

    return Table(title=title)


def _source_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --json, --cloud and --catalog; the command receives ``as_json`` and ``ex`` (the cloud's Explorer)."""

    @functools.wraps(f)
    def wrapper(*args: Any, cloud: str, catalog: Path | None, **kwargs: Any) -> Any:
        return f(*args, ex=catalogs.get_explorer(cloud, catalog), **kwargs)

    wrapper = click.option(
        "--catalog",
        "catalog",
        type=click.Path(path_type=Path),
        default=None,
        help="Catalog root or service file (default: the bundled catalog or $PERMISSION_EXPLORER_CATALOG).",
    )(wrapper)
    wrapper = click.option("--cloud", default="huaweicloud", show_default=True, help="Which cloud's catalog to query.")(
        wrapper
    )
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(wrapper)


def _depth_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add --depth, --possible, --no-conditional and --exclude-condition; the command receives ``depth``,
    ``possible`` and ``exclude``."""

    @functools.wraps(f)
    def wrapper(*args: Any, no_conditional: bool, exclude_condition: tuple[str, ...], **kwargs: Any) -> Any:
        exclude: queries.Exclude = True if no_conditional else (exclude_condition or False)
        return f(*args, exclude=exclude, **kwargs)

    wrapper = click.option(
        "--depth", type=click.IntRange(min=1), default=None, help="Follow dependencies at most N levels (default: all)."
    )(wrapper)
    wrapper = click.option(
        "--possible",
        is_flag=True,
        help="Also list what only some rows of a dependency list (possible requirements), with their APIs. "
        "Default: the target, what its own rows document, and what every row of a dependency lists (certain).",
    )(wrapper)
    wrapper = click.option(
        "--no-conditional", is_flag=True, help="Leave out dependencies the documentation lists only with a condition."
    )(wrapper)
    return click.option(
        "--exclude-condition",
        "exclude_condition",
        multiple=True,
        metavar="TEXT",
        help="Leave out conditional dependencies whose condition contains TEXT (repeatable).",
    )(wrapper)


def _print_json(data: dict[str, Any]) -> None:
    click.echo(dumps(document(data)), nl=False)


def _notes(console: Console, cycles: Sequence[Sequence[str]], loops: Sequence[str], truncated: bool) -> None:
    for c in cycles:
        console.print(f"cycle: {' <-> '.join(c)}")
    for n in loops:
        console.print(f"self-loop: {n} depends on itself")
    if truncated:
        console.print("cut by --depth: more requirements lie deeper")


@click.command("closure")
@click.argument("targets", nargs=-1, required=True)
@_depth_options
@_source_options
def closure_cmd(
    targets: tuple[str, ...],
    depth: int | None,
    possible: bool,
    exclude: queries.Exclude,
    as_json: bool,
    ex: queries.Explorer,
) -> None:
    """What a policy must allow to use TARGET (an action, a pattern or "METHOD /path"), least privilege:
    the target, what its own rows document (depth 1), and what is certain below that (every row that checks
    a dependency lists it). --possible adds what only some rows list; --depth cuts the walk."""
    result = queries.closure(ex, targets, depth, exclude, possible)
    if as_json:
        _print_json(result.to_dict())
        return
    console = _console()
    _print_targets(console, result.targets)
    if not result.requirements and all(t.lists_no_action for t in result.targets):
        names = ", ".join(t.title for t in result.targets)
        console.print(f"Closure ({ex.cloud}): no requirements; the documentation lists no action for {names}")
        return
    table = _table(f"Closure ({ex.cloud}): {result.summary()}")
    for col in ("depth", "basis", "action", "EP", "reason"):
        table.add_column(col, overflow="fold")
    for r in result.requirements:
        marks = [*r.flags, *(() if r.resolved else ("unresolved",))]
        action = r.action + (f" ({', '.join(marks)})" if marks else "")
        add_row(table, str(r.depth), r.basis, action, r.scope_mark, r.reason)
    console.print(table)
    if result.documentation is not None and result.documentation.text():
        console.print(result.documentation.text())
    _notes(console, result.cycles, result.self_loops, result.truncated)
    if not possible:
        console.print("possible requirements (listed by only some rows of a dependency) are left out: --possible")


def _print_targets(console: Console, targets: Sequence[queries.Target]) -> None:
    """One line per target, and one per row of it that lists no action (what its action cell said)."""
    for t in targets:
        line = " ".join(x for x in (f"{t.title}: {t.kind}", ", ".join(t.actions), f"({t.note})" if t.note else "") if x)
        console.print(line)
        for n in t.without_actions:
            console.print(f"  no action listed by row {n.text}")


@click.command("why")
@click.argument("action")
@click.option("--from", "from_target", required=True, help="The action, pattern or API whose closure is examined.")
@_depth_options
@_source_options
def why_cmd(
    action: str,
    from_target: str,
    depth: int | None,
    possible: bool,
    exclude: queries.Exclude,
    as_json: bool,
    ex: queries.Explorer,
) -> None:
    """Why ACTION is required by the --from target: the shortest paths, each step with its documentation row.
    Exits 1 when ACTION is not required (by the default answer, or with --possible by the possible one)."""
    result = queries.why(ex, action, from_target, depth, exclude, possible=possible)
    if as_json:
        _print_json(result.to_dict())
    else:
        console = _console()
        if not result.paths:
            console.print(f"{result.action} is not required by {result.target.title}")
            if not possible and queries.why(ex, action, from_target, depth, exclude, possible=True).paths:
                console.print("it is possibly required (only some rows list it): see --possible")
        elif result.basis == "possible":
            console.print(f"{result.action} is only possibly required by {result.target.title}:")
        for i, path in enumerate(result.paths, 1):
            table = _table(f"Path {i}")
            for col in ("from", "to", "basis", "condition", "rows"):
                table.add_column(col, overflow="fold")
            for e in path:
                rows = "; ".join(f"{p.file} t{p.table} r{p.row}" for p in e.provenance)
                add_row(table, e.source, e.target, result.basis_of(e.target) or e.kind, "; ".join(e.conditions), rows)
            console.print(table)
        if result.truncated:
            console.print(f"only the first {len(result.paths)} shortest paths are shown")
    if not result.paths:
        raise SystemExit(1)


@click.command("dependents")
@click.argument("action")
@click.option("--depth", type=click.IntRange(min=1), default=None, help="Follow dependents at most N levels.")
@_source_options
def dependents_cmd(action: str, depth: int | None, as_json: bool, ex: queries.Explorer) -> None:
    """Who needs ACTION: the actions, patterns and operations whose closure contains it."""
    result = queries.dependents(ex, action, depth)
    if as_json:
        _print_json(result.to_dict())
        return
    console = _console()
    table = _table(f"Dependents of {result.action} ({ex.cloud}): {len(result.dependents)}")
    for col in ("depth", "kind", "dependent", "via", "rows"):
        table.add_column(col, overflow="fold")
    for d in result.dependents:
        rows = "; ".join(f"{p.file} t{p.table} r{p.row}" for p in d.edge.provenance[:2])
        name = d.node if d.kind != "operation" else f"{d.node} {d.label}"
        add_row(table, str(d.depth), d.kind, name, d.via, rows)
    console.print(table)
    _notes(console, result.cycles, result.self_loops, result.truncated)


_FAIL_ON = {"not_grantable": ("not_grantable",), "depends": ("not_grantable", "depends")}


@click.command("scope")
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--pairs", "show_pairs", is_flag=True, help="Also print every (operation, action) pair behind the verdict."
)
@click.option(
    "--fail-on",
    type=click.Choice(sorted(_FAIL_ON)),
    default=None,
    help="Exit 1 when the verdict is not_grantable (or, with 'depends', not plainly grantable).",
)
@_depth_options
@_source_options
def scope_cmd(
    targets: tuple[str, ...],
    show_pairs: bool,
    fail_on: str | None,
    depth: int | None,
    possible: bool,
    exclude: queries.Exclude,
    as_json: bool,
    ex: queries.Explorer,
) -> None:
    """Can TARGETS be granted through an enterprise project? The verdict (grantable, not_grantable, depends),
    and a grant plan: what may go to an enterprise-project policy, what must go to an IAM project, and what to
    check (actions that work for some APIs only)."""
    report = queries.scope(ex, targets, depth, exclude, possible)
    if as_json:
        _print_json(report.to_dict())
    else:
        _print_scope(report, show_pairs, ex.cloud)
    if fail_on is not None and report.verdict in _FAIL_ON[fail_on]:
        raise SystemExit(1)


def _print_scope(report: queries.ScopeReport, show_pairs: bool, cloud: str) -> None:
    console = _console()
    _print_targets(console, report.targets)
    if report.nothing_to_grant:
        names = ", ".join(t.title for t in report.targets)
        console.print(f"Nothing to grant: the documentation lists no action for {names}.")
        return
    for line in scope_plan.plan_of(report).lines:  # the same text as the Scope page and "Policy for this"
        console.print(line, markup=False, highlight=False, soft_wrap=True)
    if not show_pairs:
        console.print("the (operation, action) pairs behind it: --pairs")
        return
    table = _table(f"(operation, action) pairs of the answer ({cloud})")
    for col in ("depth", "basis", "action", "operation", "API", "IAM project", "enterprise project"):
        table.add_column(col, overflow="fold")
    for a in report.actions:
        if not a.pairs:
            add_row(table, str(a.depth), a.basis, a.action, "(no row defines it)", "", "?", "?")
        for p in a.pairs:
            apis = ", ".join(p.apis)
            add_row(
                table,
                str(a.depth),
                a.basis,
                a.action,
                p.operation_name,
                apis,
                *scope_flags(p),
            )
    console.print(table)


@click.command("search")
@click.argument("text")
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@_source_options
def search_cmd(text: str, limit: int, as_json: bool, ex: queries.Explorer) -> None:
    """Find actions, operation names (Chinese or English) and API paths matching TEXT. Exits 1 on no match."""
    hits = queries.search(ex, text, limit)
    if as_json:
        _print_json(queries.search_dict(ex, text, limit, hits))
    else:
        table = _table(clip(f"Search {text!r} ({ex.cloud}): {len(hits)} hits"))
        for col in ("kind", "match", "key", "detail"):
            table.add_column(col, overflow="fold")
        for h in hits:
            add_row(table, h.kind, h.text, h.key, h.label)
        _console().print(table)
    if not hits:
        raise SystemExit(1)


@click.command("show")
@click.argument("action")
@_source_options
def show_cmd(action: str, as_json: bool, ex: queries.Explorer) -> None:
    """Everything the catalog says about ACTION: rows that check it, its dependencies, who needs it."""
    info = queries.show(ex, action)
    if as_json:
        _print_json(info.to_dict())
        return
    console = _console()
    state = "" if info.resolved else " (referenced, but no table defines it)"
    console.print(f"{info.action}: {info.kind} of service {info.service}{state}; enterprise project: {info.scope_mark}")
    if info.documentation is not None and info.documentation.text():
        console.print(info.documentation.text())
    if info.outdated:
        console.print("every row that checks it comes from a page deleted since: older documentation")
    table = _table("Rows that check it")
    for col in ("operation", "API", "IAM project", "enterprise project", "row"):
        table.add_column(col, overflow="fold")
    for p in info.operations:
        row = f"{p.provenance.file} t{p.provenance.table} r{p.provenance.row}"
        add_row(table, p.operation_name, ", ".join(p.apis), *scope_flags(p), row)
    console.print(table)
    for title, edges, other in (("Needs", info.dependencies, "target"), ("Needed by", info.required_by, "source")):
        t = _table(title)
        for col in ("action", "edge", "condition"):
            t.add_column(col, overflow="fold")
        for e in edges:
            add_row(t, getattr(e, other), e.kind, "; ".join(e.conditions))
        console.print(t)


def _check(as_json: bool, ex: queries.Explorer) -> None:
    report = queries.check(ex)
    if as_json:
        _print_json(report.to_dict())
        return
    console = _console()
    table = _table(f"Catalog {ex.cloud}: {report.operations} operations, {report.actions} actions")
    columns = ("service", "operations", "no action", "actions", "dependencies", "unresolved")
    for col in (*columns, "EP yes/no/?", "IAM yes/no/?"):
        table.add_column(col)
    for s in report.services:
        add_row(
            table,
            s.service,
            str(s.operations),
            str(s.without_actions),
            str(s.actions),
            str(s.dependencies),
            str(s.unresolved),
            "/".join(map(str, s.enterprise_project)),
            "/".join(map(str, s.iam_project)),
        )
    console.print(table)
    console.print(f"unresolved actions: {len(report.unresolved)}")
    for a, rows in report.unresolved:
        console.print(f"  {a} (referenced by {len(rows)} rows, first {rows[0].file} row {rows[0].row})")
    console.print(f"patterns matching nothing: {', '.join(report.empty_patterns) or 'none'}")
    console.print(f"cycles: {len(report.cycles)}")
    for c in report.cycles:
        console.print(f"  {' <-> '.join(c)}")
    console.print(f"self-loops: {', '.join(report.self_loops) or 'none'}")
    console.print(f"rows that disagree: {len(report.disagreements)}")
    for d in report.disagreements:
        values = "; ".join(f"{v} ({len(rows)} rows)" for v, rows in d.values)
        console.print(f"  {d.action} {d.field}: {values}")
    console.print(f"suspicious dependencies (contradicting their row): {len(report.suspicious)}")
    for sr in report.suspicious:
        console.print(f"  {sr.reason} [{sr.where}]")


@click.command("check")
@_source_options
def check_cmd(as_json: bool, ex: queries.Explorer) -> None:
    """Catalog health: counts per service, unresolved actions, cycles, self-loops, rows that disagree."""
    _check(as_json, ex)


@click.command("stats")
@_source_options
def stats_cmd(as_json: bool, ex: queries.Explorer) -> None:
    """Alias of check."""
    _check(as_json, ex)


COMMANDS: list[click.Command] = [
    closure_cmd,
    why_cmd,
    dependents_cmd,
    scope_cmd,
    search_cmd,
    show_cmd,
    check_cmd,
    stats_cmd,
]
