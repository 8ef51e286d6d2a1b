"""``python -m tools.assets`` (``./run assets``): regenerate the documentation's diagrams in the checkout.

Writes the closure of ecs:servers:createImage (SVG, PNG, Mermaid) and the legend into ``assets/``, and
inlines the Mermaid text in ``docs/diagrams.md`` between its diagram markers. A development command:
it writes into the repository, so it is not part of the installed ``permission-explorer``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explorer import api
from explorer.errors import ExplorerError

ROOT = Path(__file__).resolve().parents[1]


@click.command("assets", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=ROOT / "assets",
    help="Folder for the diagram files (default: assets/ of the checkout).",
)
@click.option(
    "--doc",
    type=click.Path(dir_okay=False, path_type=Path),
    default=ROOT / "docs" / "diagrams.md",
    help="Markdown file whose Mermaid block is regenerated (default: docs/diagrams.md of the checkout).",
)
@click.option("--no-doc", is_flag=True, help="Leave the Markdown file alone.")
@click.option(
    "--catalog", type=click.Path(path_type=Path), default=None, help="Catalog to draw (default: the bundled one)."
)
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if any diagram is out of date.")
def main(out: Path, doc: Path, no_doc: bool, catalog: Path | None, check: bool) -> None:
    """Regenerate the diagrams: the closure of ecs:servers:createImage (SVG, PNG, Mermaid) and the legend."""
    try:
        changed = api.regenerate_assets(out, None if no_doc else doc, catalog, check=check)
    except ExplorerError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    for path in changed:
        click.echo(f"{'out of date' if check else 'wrote'}: {path}", err=True)
    if check and changed:
        sys.exit(1)
    if not changed:
        click.echo("diagrams are up to date", err=True)


if __name__ == "__main__":
    main()
