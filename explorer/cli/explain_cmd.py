"""``permission-explorer explain TEXT``: paste the access-denied error a call returned, read what is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explorer.app import catalogs, explain
from explorer.jsonout import document, dumps


@click.command("explain")
@click.argument("text")
@click.option("--cloud", default="huaweicloud", show_default=True, help="Which cloud's catalog to read it against.")
@click.option(
    "--catalog",
    "catalog",
    type=click.Path(path_type=Path),
    default=None,
    help="Catalog root or service file (default: the bundled catalog or $PERMISSION_EXPLORER_CATALOG).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def explain_cmd(text: str, cloud: str, catalog: Path | None, as_json: bool) -> None:
    """Read the action(s) an access-denied message names (e.g. "Policy doesn't allow ecs:servers:createImage
    to be performed.", or the JSON body with its error code) and print the missing part as a policy, and what
    the whole operation needs with it. Use "-" to read the text from standard input."""
    if text == "-":
        text = sys.stdin.read(explain.MAX_TEXT)
    answer = explain.explain(catalogs.get_explorer(cloud, catalog), text)
    if as_json:
        click.echo(dumps(document(answer.to_dict())), nl=False)
        return
    for line in explain.lines(answer):
        click.echo(line)


COMMANDS = [explain_cmd]
