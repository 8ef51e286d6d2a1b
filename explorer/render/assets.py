"""The documented diagrams: which files ``python -m tools.assets`` writes, and the Mermaid block it inlines.

docs/diagrams.md holds the Mermaid text between ``<!-- diagram: NAME -->`` and ``<!-- /diagram: NAME -->``;
everything else in the page is left byte for byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.render.dot import legend_dot
from explorer.render.export import render
from explorer.render.graphviz_run import RenderError, run_dot
from explorer.view import View

README_TARGET = "ecs:servers:createImage"
README_CLOUD = "huaweicloud"
CLOSURE_STEM = "closure-ecs-servers-createImage"
LEGEND_STEM = "legend"


@dataclass(frozen=True, slots=True)
class Assets:
    files: dict[str, bytes]  # file name in the assets folder -> content
    mermaid: str  # the Mermaid text to inline in the README


def build_assets(closure: View) -> Assets:
    """Every README diagram of the closure View: SVG, PNG and Mermaid, and the legend as SVG and PNG."""
    legend = legend_dot()
    mermaid = render(closure, "mermaid").decode("utf-8")
    files = {
        f"{CLOSURE_STEM}.svg": render(closure, "svg"),
        f"{CLOSURE_STEM}.png": render(closure, "png"),
        f"{CLOSURE_STEM}.mmd": mermaid.encode("utf-8"),
        f"{LEGEND_STEM}.svg": run_dot(legend, "svg"),
        f"{LEGEND_STEM}.png": run_dot(legend, "png"),
    }
    return Assets(files=dict(sorted(files.items())), mermaid=mermaid)


def inline_mermaid(readme: str, name: str, mermaid: str, file: str = "README.md") -> str:
    """``readme`` with the block between the ``name`` diagram markers replaced by ``mermaid`` in a fence."""
    start, end = f"<!-- diagram: {name} -->", f"<!-- /diagram: {name} -->"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    if len(pattern.findall(readme)) != 1:
        raise RenderError(f"{file}: expected one pair of markers {start} ... {end} to hold the Mermaid diagram")
    block = f"{start}\n```mermaid\n{mermaid.rstrip(chr(10))}\n```\n{end}"
    return pattern.sub(lambda _m: block, readme)
