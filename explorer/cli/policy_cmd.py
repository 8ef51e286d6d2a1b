"""``policy lint`` and ``policy generate``: a thin face over :mod:`explorer.app.policies`.

Lint exits 0 when no finding reaches ``--fail-on``, 1 when one does, 2 for a usage error (under ``--json``
or ``--sarif`` the error is a JSON object on stdout).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from explorer import jsonout
from explorer.app import policies
from explorer.cli.choices import LazyChoice
from explorer.cli.console import cell, console, plain_text
from explorer.errors import ExplorerError

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


@contextmanager
def _errors(machine: bool) -> Iterator[None]:
    """Under --json/--sarif a user error is a JSON object on stdout, exit 2; else the group prints it."""
    try:
        yield
    except ExplorerError as exc:
        if not machine:
            raise
        click.echo(jsonout.dumps(jsonout.document({"error": {"message": str(exc)}})), nl=False)
        sys.exit(2)


def _catalog_option(f: Callable[..., object]) -> Callable[..., object]:
    f = click.option(
        "--catalog",
        type=click.Path(path_type=Path),
        default=None,
        help="Catalog root or service file (default: the bundled catalog or $PERMISSION_EXPLORER_CATALOG).",
    )(f)
    return click.option("--cloud", default="huaweicloud", show_default=True, help="huaweicloud or otc.")(f)


@click.group("policy")
def policy_group() -> None:
    """Lint custom policies for completeness and scope, or generate the ones an answer needs."""


def _print_report(report: policies.LintReport) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    by_file: dict[str, list[policies.Finding]] = {}
    for f in report.findings:
        by_file.setdefault(f.where.file, []).append(f)
    for file in sorted(by_file):
        table = Table(title=cell(file), title_justify="left")
        for col in ("severity", "code", "where", "statement", "action", "message", "fix"):
            table.add_column(col, overflow="fold")
        for f in by_file[file]:
            w = f.where
            at = f"{w.line}:{w.column}" if w.line and w.column else str(w.line or "")
            if w.document:
                at = f"{w.document} {at}".strip()
            stmt = "" if w.statement is None else str(w.statement)
            texts = (f.code, at, stmt, f.action, f.message, f.fix)
            table.add_row(Text(f.severity, STYLE[f.severity]), *(cell(t) for t in texts))
        out.print(table)
    counts = report.counts()
    summary = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s, n in counts.items())
    attach = f", attached on {report.attach}" if report.attach else ""
    out.print(f"{len(report.files)} files, {len(report.documents)} policies ({report.cloud}{attach}): {summary}")
    if report.documentation_text():
        out.print(plain_text(report.documentation_text()))


@policy_group.command("lint")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_catalog_option
@click.option(
    "--attach", type=LazyChoice(policies.attach_choices), default=None, help="Where the policies are granted."
)
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
@click.option("--sarif", "as_sarif", is_flag=True, help="Print the findings as SARIF 2.1.0.")
@click.option(
    "--fail-on",
    type=LazyChoice(policies.severities),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
def lint_cmd(
    files: tuple[Path, ...],
    cloud: str,
    catalog: Path | None,
    attach: str | None,
    as_json: bool,
    as_sarif: bool,
    fail_on: str,
) -> None:
    """Lint FILE... (policy JSON or Terraform) as one principal's policy set: names, grammar, limits, missing and
    denied dependencies, and actions that do not work where the policies are attached."""
    if as_json and as_sarif:
        raise click.UsageError("--json and --sarif are exclusive: choose one output")
    with _errors(as_json or as_sarif):
        report = policies.lint_policies(policies.read_paths(list(files)), cloud, catalog, attach=attach)
    if as_json:
        click.echo(jsonout.dumps(report.to_dict()), nl=False)
    elif as_sarif:
        click.echo(jsonout.dumps(policies.to_sarif(report)), nl=False)
    else:
        _print_report(report)
    sys.exit(1 if report.fails(fail_on) else 0)


@policy_group.command("generate")
@click.argument("targets", nargs=-1, required=True)
@click.option("--possible", is_flag=True, help="Add the possible requirements to the default answer.")
@click.option("--format", "fmt", type=click.Choice(("json", "terraform")), default="json", show_default=True)
@click.option("--compact", is_flag=True, help="Use wildcards where they match no catalog action outside the answer.")
@_catalog_option
def generate_cmd(
    targets: tuple[str, ...], possible: bool, fmt: str, compact: bool, cloud: str, catalog: Path | None
) -> None:
    """The custom policies TARGETS (actions, patterns or "METHOD /path") need: the part that works on an enterprise
    project, the part to grant on an IAM project, global services (OBS, IAM) in policies of their own."""
    with _errors(fmt == "json"):
        generated = policies.generate_policies(targets, cloud, catalog, possible=possible, compact=compact)
    if fmt == "json":
        click.echo(jsonout.dumps(generated.to_dict()), nl=False)
    else:
        click.echo(policies.to_terraform(generated), nl=False)


COMMANDS: list[click.Command] = [policy_group]
