"""``permission-explorer diff OLD NEW``: what changed between two catalogs, corpora or editions."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explorer.app import catalogs, diffs, policies, queries
from explorer.cli.console import plain_text
from explorer.errors import ExplorerError
from explorer.jsonout import document, dumps


def _sides(paths: tuple[Path, ...], clouds: tuple[str, ...], editions: tuple[str, ...]) -> tuple[Path, Path]:
    if len(paths) == 2:
        return paths[0], paths[1]
    if len(paths) > 2:
        raise click.UsageError(f"expected OLD and NEW, got {len(paths)} paths")
    if editions or len(clouds) == 2:  # two editions or clouds of one catalog
        one = paths[0] if paths else catalogs.default_catalog_path()
        return one, one
    raise click.UsageError("expected OLD and NEW (catalog roots or corpora), or one catalog with two --edition/--cloud")


@click.command("diff")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path), metavar="OLD NEW")
@click.option(
    "--cloud", "clouds", multiple=True, help="The cloud to compare; twice: cloud A of OLD with cloud B of NEW."
)
@click.option("--edition", "editions", multiple=True, help="Twice: compare edition A (of OLD) with edition B (of NEW).")
@click.option("--service", "services", multiple=True, help="Only this service (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the diff as JSON (explorer/schemas/diff.schema.json).")
@click.option("--markdown", is_flag=True, help="Print the diff as Markdown, for a pull-request comment or changelog.")
@click.option("--evidence", is_flag=True, help="In text output, list the documentation rows of every change.")
@click.option("--no-impact", is_flag=True, help="Do not compare every action's default closure (faster).")
@click.option(
    "--policy",
    "policy_files",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="FILE",
    help="A policy (JSON, Terraform, or a folder of them) to lint on both sides: the findings that appear or "
    "disappear (repeatable).",
)
@click.option(
    "--record-renames",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Add the renames seen to this file (e.g. catalog/renames.json), for the policy linter.",
)
@click.pass_context
def diff_cmd(
    ctx: click.Context,
    paths: tuple[Path, ...],
    clouds: tuple[str, ...],
    editions: tuple[str, ...],
    services: tuple[str, ...],
    as_json: bool,
    markdown: bool,
    evidence: bool,
    no_impact: bool,
    policy_files: tuple[Path, ...],
    record_renames: Path | None,
) -> None:
    """Compare two catalogs or documentation corpora (imported in memory), or two editions of one.

    Operations are matched by content (API, then actions, then name), never by position. Reports
    every kind of change with the rows behind it, flags suspicious edits, suppresses notation-only
    ones, and lists the actions whose default requirements changed. Exit status 0 when equal,
    1 when they differ, 2 on errors.
    """
    try:
        if as_json and markdown:
            raise click.UsageError("--json and --markdown exclude each other")
        if len(editions) not in (0, 2):
            raise click.UsageError(f"--edition is given twice (A and B), got {len(editions)}")
        if len(clouds) > 2 or (clouds and editions):
            raise click.UsageError("--cloud is given once or twice, and not with --edition")
        if record_renames is not None and (editions or len(set(clouds)) == 2):
            raise click.UsageError(
                "--record-renames takes two versions of the same documentation, not two editions or clouds"
            )
        old, new = _sides(paths, clouds, editions)
        lint = None
        if policy_files:
            sources = policies.read_paths(list(policy_files))

            def lint(ex: queries.Explorer) -> tuple[policies.Finding, ...]:
                return policies.lint_policies(sources, ex.cloud, explorers={ex.cloud: ex}).findings

        result, renames = diffs.diff(
            old, new, clouds=clouds, editions=editions, services=services, impact=not no_impact, lint=lint
        )
        if record_renames is not None:
            added = diffs.record_renames(record_renames, renames)
            click.echo(f"{record_renames}: {added} new renames recorded ({len(renames)} seen)", err=True)
    except (ExplorerError, click.UsageError) as exc:
        if not as_json:
            raise
        message = exc.format_message() if isinstance(exc, click.UsageError) else str(exc)
        click.echo(dumps(document({"error": {"message": message}})), nl=False)
        sys.exit(2)
    if as_json:
        click.echo(dumps(diffs.diff_document(result)), nl=False)
    elif markdown:
        click.echo(plain_text(diffs.to_markdown(result)), nl=False)
    else:
        click.echo(plain_text(diffs.to_text(result, evidence=evidence)), nl=False)
    ctx.exit(0 if result.equal else 1)


COMMANDS: list[click.Command] = [diff_cmd]
