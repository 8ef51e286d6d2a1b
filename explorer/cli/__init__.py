"""The ``permission-explorer`` command: a thin click front over :mod:`explorer.api`.

Each command group lives in its own module and is registered here. Errors meant for the user
(:class:`explorer.errors.ExplorerError`) become a message on stderr and exit status 2, never a
traceback. When the command line has ``--json``, an error (a usage error too) is instead one JSON
document on stdout, ``{"format_version": 1, "error": {"message": ...}}`` (``explorer/schemas/error.schema.json``),
with the same exit status, so that a script reads every answer the same way.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from explorer import __version__, api
from explorer.errors import CatalogError, ExplorerError, QueryError


def _wants_json(args: list[str]) -> bool:
    """True when ``--json`` is among the options (not after ``--``, where it would be an argument)."""
    return "--json" in (args[: args.index("--")] if "--" in args else args)


def error_document(exc: Exception) -> dict[str, Any]:
    """The JSON form of an error: its message, and the structured details some errors carry."""
    error: dict[str, Any] = {"message": exc.format_message() if isinstance(exc, click.ClickException) else str(exc)}
    if isinstance(exc, QueryError) and exc.suggestions:
        error["suggestions"] = list(exc.suggestions)
    if isinstance(exc, CatalogError):
        error["problems"] = [{"file": p.file, "location": p.location, "message": p.message} for p in exc.problems]
    return api.document({"error": error})


class _FriendlyGroup(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["json"] = _wants_json(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ExplorerError as exc:
            if ctx.meta.get("json"):
                click.echo(api.dumps(error_document(exc)), nl=False)
            else:
                click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            if not ctx.meta.get("json"):
                raise
            click.echo(api.dumps(error_document(exc)), nl=False)
            sys.exit(exc.exit_code)


@click.group(cls=_FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="permission-explorer")
def cli() -> None:
    """Explore Huawei Cloud IAM actions, their dependencies and where grants take effect."""


def _register() -> None:
    # Imported here so that each command module can import ``cli`` without a cycle.
    from explorer.cli import catalog_cmds, export_cmd, query_cmds, ui_cmd

    for module in (catalog_cmds, query_cmds, export_cmd, ui_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="permission-explorer")
