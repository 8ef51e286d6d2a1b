"""The ``export`` command: draws a query's answer to a file (the documentation's diagrams: ``tools/assets.py``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from explorer.app import exports, queries
from explorer.cli.query_cmds import _depth_options

_BY_SUFFIX = {suffix: fmt for fmt, suffix in exports.SUFFIXES.items()} | {".gv": "dot", ".mermaid": "mermaid"}


def _format_for(fmt: str | None, output: str) -> str:
    if fmt:
        return fmt
    if output == "-":
        return "svg"
    suffix = Path(output).suffix.lower()
    if suffix not in _BY_SUFFIX:
        raise click.UsageError(
            f"cannot tell the format from {output!r}; give --format ({', '.join(exports.FORMATS)}) "
            f"or a file name ending in {', '.join(sorted(_BY_SUFFIX))}"
        )
    return _BY_SUFFIX[suffix]


@click.command("export")
@click.argument("targets", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(exports.FORMATS),
    default=None,
    help="Output format (default: from the file name's suffix, svg for stdout).",
)
@click.option("-o", "--output", required=True, metavar="FILE", help="File to write; - writes to stdout.")
@click.option(
    "--direction",
    type=click.Choice(exports.DIRECTIONS),
    default="requirements",
    show_default=True,
    help="requirements: what TARGET needs (closure); dependents: what needs the action TARGET.",
)
@_depth_options
@click.option("--cloud", default="huaweicloud", show_default=True, help="Which cloud's catalog to draw.")
@click.option(
    "--catalog",
    type=click.Path(path_type=Path),
    default=None,
    help="Catalog root or service file (default: the bundled catalog or $PERMISSION_EXPLORER_CATALOG).",
)
@click.option("--no-legend", is_flag=True, help="Leave the legend out of the diagram.")
@click.option(
    "--collapse/--no-collapse",
    default=None,
    help="Draw one node per service (default: only for graphs too big to draw node by node: "
    "a PNG above 250 nodes, other formats above 1500; Mermaid above 150).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=exports.DEFAULT_TIMEOUT,
    show_default=True,
    help="Give up when Graphviz takes longer than this many seconds.",
)
def export_cmd(
    targets: tuple[str, ...],
    fmt: str | None,
    output: str,
    direction: str,
    depth: int | None,
    possible: bool,
    exclude: queries.Exclude,
    cloud: str,
    catalog: Path | None,
    no_legend: bool,
    collapse: bool | None,
    timeout: float,
) -> None:
    """Draw the closure of TARGET (an action, a pattern or "METHOD /path"), or its dependents, as a diagram:
    Graphviz svg/png/pdf/dot, Mermaid, node-link JSON or GraphML."""
    fmt = _format_for(fmt, output)
    view = exports.diagram_view(
        targets, direction=direction, depth=depth, exclude=exclude, cloud=cloud, catalog=catalog, possible=possible
    )
    data = exports.render_view(view, fmt, legend=not no_legend, collapse=collapse, timeout=timeout)
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    exports.write_output(Path(output), data)
    shown = exports.drawn_view(view, fmt, collapse)
    what = f"{fmt}: {len(view.nodes)} nodes, {len(view.edges)} edges"
    if shown is not view and collapse is None:
        what += f"; drawn as {len(shown.nodes)} services (--no-collapse draws every node)"
    elif shown is not view:
        what += f"; drawn as {len(shown.nodes)} services"
    click.echo(f"wrote {output} ({what})", err=True)


COMMANDS: list[click.Command] = [export_cmd]
