"""The ``permission-explorer`` command: a thin click front over the use cases of :mod:`explorer.app`.

Each command group lives in its own module and is registered here by name; a command's module is
imported only when that command runs (or ``--help`` lists it), so ``closure`` never loads the
importers and ``--help`` loads no engine at all. Errors meant for the user
(:class:`explorer.errors.ExplorerError`) become a message on stderr and exit status 2, never a
traceback. When the command line has ``--json``, an error (a usage error too) is instead one JSON
document on stdout, ``{"format_version": 1, "error": {"message": ...}}`` (``explorer/schemas/error.schema.json``),
with the same exit status, so that a script reads every answer the same way.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
from typing import Any, NoReturn

import click

from explorer import __version__
from explorer.errors import CatalogError, ExplorerError, QueryError
from explorer.jsonout import document, dumps


def _wants_json(args: list[str]) -> bool:
    """True when ``--json`` or ``--sarif`` is among the options (not after ``--``, where it would be an
    argument): a script reading either expects a JSON document on stdout, an error too."""
    options = args[: args.index("--")] if "--" in args else args
    return "--json" in options or "--sarif" in options


def error_document(exc: Exception) -> dict[str, Any]:
    """The JSON form of an error: its message, and the structured details some errors carry."""
    error: dict[str, Any] = {"message": exc.format_message() if isinstance(exc, click.ClickException) else str(exc)}
    if isinstance(exc, QueryError) and exc.suggestions:
        error["suggestions"] = list(exc.suggestions)
    if isinstance(exc, CatalogError):
        error["problems"] = [{"file": p.file, "location": p.location, "message": p.message} for p in exc.problems]
    return document({"error": error})


# command name -> the module (under explorer.cli) whose COMMANDS list holds it
COMMAND_MODULES: dict[str, str] = {
    "check": "query_cmds",
    "closure": "query_cmds",
    "dependents": "query_cmds",
    "diff": "diff_cmd",
    "explain": "explain_cmd",
    "export": "export_cmd",
    "import": "catalog_cmds",
    "import-doc": "catalog_cmds",
    "policy": "policy_cmd",
    "scope": "query_cmds",
    "search": "query_cmds",
    "show": "query_cmds",
    "stats": "query_cmds",
    "terraform": "terraform_cmd",
    "ui": "ui_cmd",
    "validate": "catalog_cmds",
    "why": "query_cmds",
}


class InternalError(ExplorerError):
    """An exception the code did not expect, reported as a message."""


class _FriendlyGroup(click.Group):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["json"] = _wants_json(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ExplorerError as exc:
            if ctx.meta.get("json"):
                click.echo(dumps(error_document(exc)), nl=False)
            else:
                click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            if not ctx.meta.get("json"):
                raise
            click.echo(dumps(error_document(exc)), nl=False)
            sys.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug of ours: still one message and exit 2, never a traceback or empty stdout
            if os.environ.get("PERMISSION_EXPLORER_DEBUG"):
                raise
            internal = InternalError(
                f"internal error: {type(exc).__name__}: {exc}"[:2000]
                + " (a bug: please report it with the command; PERMISSION_EXPLORER_DEBUG=1 shows the traceback)"
            )
            if ctx.meta.get("json"):
                click.echo(dumps(error_document(internal)), nl=False)
            else:
                click.echo(f"error: {internal}", err=True)
            sys.exit(2)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMAND_MODULES) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            module = importlib.import_module(f"explorer.cli.{COMMAND_MODULES[cmd_name]}")
            for command in module.COMMANDS:
                self.commands.setdefault(command.name or "", command)
        return self.commands.get(cmd_name)


@click.group(cls=_FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="permission-explorer")
def cli() -> None:
    """Explore Huawei Cloud IAM actions, their dependencies and where grants take effect."""


def main() -> None:
    """The console script (and ``python -m explorer``): run the command, then leave the process at once."""
    try:
        cli(prog_name="permission-explorer")
    except SystemExit as exc:
        _leave(exc.code)
    _leave(0)


def _leave(code: object) -> NoReturn:
    """Exit as ``sys.exit(code)`` would, without tearing the heap down object by object.

    A query leaves a built graph of some 10^5 objects behind; freeing them one by one at interpreter
    shutdown cost about a tenth of a ``closure`` run (bench/bench_cli.py). Everything that shutdown does
    for the outside world still happens: the exit handlers run (temporary files, ``weakref.finalize``)
    and both streams are flushed. Only the process entry calls this, never code that runs in-process.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("text"): the text goes to stderr and the status is 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError):  # the reader went away (`| head`): it read what it wanted
            stream.flush()
    os._exit(status)
