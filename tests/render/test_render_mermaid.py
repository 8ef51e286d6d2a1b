"""Mermaid text: golden output, determinism, and acceptance by the real Mermaid parser."""

from __future__ import annotations

import random
import re

import pytest
from lxml import etree
from mermaid_check import mermaid_parse, mermaid_svg
from render_golden import check_golden
from render_views import create_image_view

from explorer.render.collapse import collapse_by_service
from explorer.render.dot import LARGE_GRAPH
from explorer.render.export import render
from explorer.render.mermaid import text, to_mermaid
from explorer.render.style import EDGE_STYLES
from explorer.render.synthetic import synthetic_view
from explorer.view import View

SVG = "{http://www.w3.org/2000/svg}"


def test_mermaid_matches_golden_file() -> None:
    check_golden("create_image.mmd", to_mermaid(create_image_view()))


@pytest.mark.parametrize("seed", range(3))
def test_mermaid_is_identical_whatever_the_order(seed: int) -> None:
    view = create_image_view()
    rng = random.Random(seed)
    nodes, edges = list(view.nodes), list(view.edges)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    other = View(view.title, view.cloud, view.source, view.targets, tuple(nodes), tuple(edges), view.notes)
    assert to_mermaid(other) == to_mermaid(view)


def test_the_parser_rejects_bad_text() -> None:
    # proves the check below can fail: an unclosed label string
    with pytest.raises(RuntimeError, match="Parse error"):
        mermaid_svg('flowchart LR\n  a["x] --> b\n')


def test_mermaid_parses_and_draws_every_node_edge_and_subgraph() -> None:
    view = create_image_view()
    svg = etree.fromstring(mermaid_svg(to_mermaid(view)).encode("utf-8"))
    groups = [g for g in svg.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]
    legend_nodes = 5 + 4 + 2 * len(EDGE_STYLES)
    assert len(groups) == len(view.nodes) + legend_nodes
    paths = [p for p in svg.iter(f"{SVG}path") if "flowchart-link" in (p.get("class") or "")]
    assert len(paths) == len(view.edges) + len(EDGE_STYLES)
    clusters = [g for g in svg.iter(f"{SVG}g") if "cluster" in (g.get("class") or "").split()]
    assert len(clusters) == 6  # five services and the legend


def test_edges_use_the_visual_language() -> None:
    mmd = to_mermaid(create_image_view(), legend=False)
    edges = [line.strip() for line in mmd.splitlines() if re.match(r"\s+n\w+ (==>|-->|-\.->|-\.-o)", line)]
    assert len(edges) == 12
    assert sum(" ==> " in e for e in edges) == 1  # the operation checks its action
    dotted = [e for e in edges if " -.->" in e]
    assert len(dotted) == 3  # two conditional dependencies and one possible one
    assert any('|"if a new EIP is created with the server"|' in e for e in dotted)
    assert "linkStyle 9 stroke:#808080,stroke-width:1px" in mmd  # inferred edges are grey


def test_collapsed_view_parses() -> None:
    # Mermaid in the embedded engine needs seconds per dozen nodes, so the collapsed view is kept small
    view = collapse_by_service(synthetic_view(30))
    assert len(view.nodes) == 12
    mmd = to_mermaid(view, legend=False)
    mermaid_parse(mmd)
    with pytest.raises(ValueError, match="Parse error"):
        mermaid_parse(mmd.replace('")]', ")]", 1))


def test_export_collapses_big_views_for_mermaid() -> None:
    mmd = render(synthetic_view(LARGE_GRAPH + 1), "mermaid").decode("utf-8")
    assert "collapsed by service: 151 nodes in 12 services" in mmd
    service_node = re.compile(r"^  n[0-9a-f]{12}\[\(", re.M)  # no clusters around service nodes
    assert len(service_node.findall(mmd)) == 12
    assert not service_node.findall(render(synthetic_view(LARGE_GRAPH), "mermaid").decode("utf-8"))


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("ecs:servers:createImage", "ecs:servers:createImage"),
        ('a"b', "a#34;b"),
        ("<script>", "#60;script#62;"),
        ("#quot;", "#35;quot;"),
        ("x\ny", "x<br>y"),
        ("创建镜像（原生）", "创建镜像#65288;原生#65289;"),
        ("a`b`%%c&d", "a#96;b#96;#37;#37;c#38;d"),
    ],
)
def test_text_escaping(raw: str, escaped: str) -> None:
    assert text(raw) == escaped
