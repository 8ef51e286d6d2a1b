"""The ``permission-explorer`` command: a thin click front over :mod:`explorer.api`.

Each command group lives in its own module and is registered here. Errors meant for the user
(:class:`explorer.errors.ExplorerError`) become a message on stderr and exit status 2, never a
traceback.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from explorer import __version__
from explorer.errors import ExplorerError


class _FriendlyGroup(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ExplorerError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=_FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="permission-explorer")
def cli() -> None:
    """Explore Huawei Cloud IAM actions, their dependencies and where grants take effect."""


def _register() -> None:
    # Imported here so that each command module can import ``cli`` without a cycle.
    from explorer.cli import catalog_cmds, diff_cmd, export_cmd, policy_cmd, query_cmds, ui_cmd

    for module in (catalog_cmds, query_cmds, export_cmd, ui_cmd, policy_cmd, diff_cmd):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="permission-explorer")
