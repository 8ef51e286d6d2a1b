"""``permission-explorer import`` and ``import-doc`` (registered in :mod:`explorer.cli.catalog_cmds`).

``import`` turns the corpus into the catalog; ``import-doc`` imports one documentation page, as the
web UI's upload page does, and prints its service YAML.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from explorer.app import discovery, imports
from explorer.cli.choices import LazyChoice
from explorer.cli.console import cell, console
from explorer.model import EDITION_CLOUD

if TYPE_CHECKING:  # rich and the importers are loaded when a command runs, not for --help
    from rich.console import Console
    from rich.table import Table

_SHOWN_PROBLEMS = 25


def _summary(report: imports.ImportReport) -> Table:
    from rich.table import Table

    table = Table(title="Import report", title_justify="left")
    for column in ("edition", "files", "tables", "rows seen", "imported", "skipped", "warnings"):
        table.add_column(column, justify="left" if column == "edition" else "right")
    totals: dict[str, list[int]] = defaultdict(lambda: [0] * 6)
    for f in report.files:
        row = totals[f.edition]
        warnings = sum(1 for p in f.problems if not p.skipped)
        for i, value in enumerate((1, f.tables, f.rows_seen, f.rows_imported, f.rows_skipped, warnings)):
            row[i] += value
    for edition in sorted(totals):
        table.add_row(edition, *(str(v) for v in totals[edition]))
    all_rows = [sum(v[i] for v in totals.values()) for i in range(6)]
    table.add_row("total", *(str(v) for v in all_rows), style="bold")
    return table


def _listing(title: str, columns: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Table | None:
    """A titled table of text rows, or None when there is nothing to list."""
    from rich.table import Table

    if not rows:
        return None
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(cell(value) for value in row))
    return table


def _problems(report: imports.ImportReport, verbose: bool) -> Table | None:
    problems = [p for p in report.problems() if verbose or p.skipped]
    limit = len(problems) if verbose else _SHOWN_PROBLEMS
    rows = [(p.file, str(p.table), str(p.row) if p.row else "-", p.reason) for p in problems[:limit]]
    table = _listing("Rows not imported" if not verbose else "Problems", ("file", "table", "row", "reason"), rows)
    if table is not None and len(problems) > limit:
        table.caption = f"... and {len(problems) - limit} more in import-report.json (--verbose shows all)"
    return table


def _unknown_headers(report: imports.ImportReport) -> Table | None:
    rows = [(u.file, str(u.table), str(u.line), u.header) for u in report.unknown_headers()]
    title = "Unknown column headers (ignored; their values are listed per row)"
    return _listing(title, ("file", "table", "line", "header"), rows)


def _kinds(report: imports.ImportReport) -> Table | None:
    rows = [(kind, str(count)) for kind, count in report.kinds().items()]
    return _listing("Warnings by kind (repairs, inferences, values lost)", ("kind", "warnings"), rows)


def _print_report(console: Console, report: imports.ImportReport, verbose: bool) -> None:
    console.print(_summary(report))
    for part in (_kinds(report), _unknown_headers(report), _problems(report, verbose)):
        if part is not None:
            console.print(part)


_STRICT_HELP = "Fail, listing every unknown column header of the run, instead of ignoring those columns."


@click.command("import")
@click.argument("corpus", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("catalog"),
    show_default=True,
    help="Catalog directory to write (<cloud>/<service>.yaml, import-report.json, inferred-MANIFEST.tsv).",
)
@click.option(
    "--edition",
    type=click.Choice(sorted(EDITION_CLOUD)),
    help="Without a MANIFEST: the edition of pages whose folders and git remote do not tell it.",
)
@click.option(
    "--service",
    help="Without a MANIFEST: the service of pages whose folders and git remote do not tell it "
    "(default: the service most of a page's actions belong to).",
)
@click.option("--strict", is_flag=True, help=_STRICT_HELP)
# Unknown columns are now always skipped and reported; the old option is accepted so scripts keep working.
@click.option("--skip-unknown", is_flag=True, hidden=True, expose_value=False)
@click.option("--verbose", "-v", is_flag=True, help="List every problem, warnings included.")
def import_cmd(corpus: Path, out: Path, edition: str | None, service: str | None, strict: bool, verbose: bool) -> None:
    """Import the documentation tables of CORPUS into a catalog.

    CORPUS is a folder with MANIFEST.tsv (imported as it lists), or any documentation tree without
    one: a clone of a documentation repository, a folder of clones, a folder of pages. A tree is
    searched for pages with action tables and their section pages by content; edition, service and
    provenance come from its folders (<edition>/<service>/...), its git metadata, or the options, and
    the MANIFEST inferred is written as inferred-MANIFEST.tsv beside the catalog for review.

    Every data row of every action table is either imported or listed in the report with the
    reason; a column whose header is unknown is ignored, listed with its file, table and line, and
    the values it held are listed per row. The catalog is replaced only when the whole import
    succeeded; re-running on the same input writes the same bytes. Exit status 2 on an unreadable
    manifest or tree, or with --strict on any unknown column header.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console()
    progress = Progress(
        TextColumn("importing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
        disable=not console.is_terminal,
    )
    # not even entered when there is no terminal: rich 13.0 writes a newline on leaving a disabled Progress,
    # which would come before an error message on stderr
    with progress if console.is_terminal else contextlib.nullcontext(progress):
        task = progress.add_task("", total=None)

        def step(done: int, total: int, file: str) -> None:
            progress.update(task, completed=done, total=total, description=file)

        result = discovery.import_documentation(
            corpus, out, edition=edition, service=service, strict_headers=strict, progress=step
        )
    _print_report(console, result.report, verbose)
    if result.inferred_manifest is not None:
        console.print(
            f"no MANIFEST.tsv in {corpus}: found {result.table_pages} pages with action tables and "
            f"{result.intro_pages} section pages; inferred manifest: {result.inferred_manifest}"
        )
        left = _listing("Pages not imported", ("page", "why"), list(result.left))
        if left is not None:
            console.print(left)
    console.print(f"catalog written to {out} (report: {out / 'import-report.json'})")


@click.command("import-doc")
@click.argument("document", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option(
    "--edition",
    type=click.Choice(sorted(EDITION_CLOUD)),
    required=True,
    help="Documentation edition the page belongs to (sets the language of operation names).",
)
@click.option("--cloud", help="Cloud of the result (default: the edition's cloud).")
@click.option("--service", help="Service of the result (default: the service most of its actions belong to).")
@click.option("--format", "fmt", type=LazyChoice(imports.formats), help="Table format (default: detected).")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the service YAML to this file instead of standard output.",
)
@click.option("--strict", is_flag=True, help=_STRICT_HELP)
@click.option("--skip-unknown", is_flag=True, hidden=True, expose_value=False)
def import_doc_cmd(
    document: Path,
    edition: str,
    cloud: str | None,
    service: str | None,
    fmt: str | None,
    out: Path | None,
    strict: bool,
) -> None:
    """Import one documentation page (Markdown, RST or HTML) and print its operations as catalog YAML.

    The report (rows seen, imported, skipped, and every problem) goes to standard error.
    """
    result = imports.import_document(
        document.name,
        imports.read_document(document),
        cloud=cloud or EDITION_CLOUD[edition],
        edition=edition,
        service=service,
        fmt=fmt,
        strict_headers=strict,
    )
    errors = console(stderr=True)
    _print_report(errors, result.report, verbose=True)
    text = imports.catalog_text(result)
    if out is None:
        click.echo(text, nl=False)
    else:
        imports.save_document(result, out)
        errors.print(f"written to {out}")
