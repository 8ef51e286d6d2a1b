"""Catalog commands: ``validate`` (and the corpus ``import``)."""

from __future__ import annotations

from pathlib import Path

import click

from explorer.app import catalogs
from explorer.cli.import_cmd import import_cmd, import_doc_cmd
from explorer.display import visible
from explorer.jsonout import document, dumps

COMMANDS: list[click.Command] = [import_cmd, import_doc_cmd]


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--schema", is_flag=True, help="Also check every file against the shipped JSON Schema.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON: counts and every problem.")
@click.option("--schema-path", is_flag=True, help="Print where the catalog's JSON Schema is installed, and exit.")
@click.pass_context
def validate_cmd(ctx: click.Context, paths: tuple[Path, ...], schema: bool, as_json: bool, schema_path: bool) -> None:
    """Check catalog files or catalog roots (default: the bundled catalog).

    Reports unknown keys, wrong types, malformed action names, duplicate operations and services,
    dangling source references, files whose cloud/service disagree with their place
    <cloud>/<service>.yaml, schema_version mismatches, YAML files a catalog root holds that loading
    would ignore, disagreements with the root's import-report.json, and API strings outside the
    API grammar. Action names that look truncated and URLs glued to actions are printed as warnings.
    Exit status 1 when anything is wrong (warnings alone do not fail).
    """
    if schema_path:
        click.echo(str(catalogs.schema_path()))
        return
    result = catalogs.validate(list(paths) or [catalogs.default_catalog_path()], schema=schema)
    if as_json:
        data = document(
            {
                "ok": result.ok,
                "files": list(result.files),
                "services": result.services,
                "operations": result.operations,
                "problems": [{"file": p.file, "location": p.location, "message": p.message} for p in result.problems],
                "warnings": [{"file": p.file, "location": p.location, "message": p.message} for p in result.warnings],
            }
        )
        click.echo(dumps(data), nl=False)
    else:
        for problem in result.problems:
            click.echo(visible(str(problem)))
        for warning in result.warnings:
            click.echo(f"warning: {visible(str(warning))}")
        files = _count(len(result.files), "file")
        if result.ok:
            counts = f"{_count(result.services, 'service')}, {_count(result.operations, 'operation')}"
            click.echo(f"ok: {files}, {counts}", err=True)
        else:
            click.echo(f"{_count(len(result.problems), 'problem')} in {files}", err=True)
    ctx.exit(0 if result.ok else 1)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


COMMANDS.append(validate_cmd)
