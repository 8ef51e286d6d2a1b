"""DOT text: golden output, determinism, safe identifiers and the visual language."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from render_golden import check_golden
from render_views import CREATE_IMAGE_DEPS, create_image_view

from explorer.render.dot import CHEAP_LAYOUT, LARGE_GRAPH, legend_dot, quote, to_dot
from explorer.render.style import SCOPE_ORDER, SCOPE_STYLES, grey_level
from explorer.render.synthetic import synthetic_view
from explorer.view import View, ViewEdge

NODE_STMT = re.compile(r"^\s+(\w+) \[label=\"(.*?)\", shape=\"(\w+)\"", re.M)
EDGE_STMT = re.compile(r"^\s+(n[0-9a-f]{12}) -> (n[0-9a-f]{12}) \[(.*)\];$", re.M)


def shuffled(view: View, seed: int) -> View:
    rng = random.Random(seed)
    nodes, edges = list(view.nodes), list(view.edges)
    rng.shuffle(nodes)
    rng.shuffle(edges)
    # a duplicate must not show twice either
    return View(view.title, view.cloud, view.source, view.targets, (*nodes, nodes[0]), tuple(edges), view.notes)


def test_dot_matches_golden_file() -> None:
    check_golden("create_image.dot", to_dot(create_image_view()))


def test_legend_dot_matches_golden_file() -> None:
    check_golden("legend.dot", legend_dot())


@pytest.mark.parametrize("seed", range(5))
def test_dot_is_identical_whatever_the_order(seed: int) -> None:
    view = create_image_view()
    assert to_dot(shuffled(view, seed)) == to_dot(view)


def test_node_ids_are_safe_and_labels_carry_the_action_names() -> None:
    view = create_image_view()
    dot = to_dot(view, legend=False)
    stmts = NODE_STMT.findall(dot)
    assert len(stmts) == len(view.nodes) == 14
    assert all(re.fullmatch(r"n[0-9a-f]{12}", ident) for ident, _, _ in stmts)
    first_lines = sorted(label.split("\\n")[0] for _, label, _ in stmts)
    assert "ecs:servers:createImage" in first_lines
    assert set(CREATE_IMAGE_DEPS) <= set(first_lines)
    assert len(EDGE_STMT.findall(dot)) == len(view.edges) == 12


def test_visual_language_in_dot() -> None:
    dot = to_dot(create_image_view(), legend=False)
    by_label = {label.split("\\n")[0]: (label, shape) for _, label, shape in NODE_STMT.findall(dot)}
    assert by_label["创建镜像（OpenStack原生）"][1] == "box"
    assert by_label["ecs:servers:createImage"] == ("ecs:servers:createImage\\nEP: no | target", "ellipse")
    assert by_label["kms:*:*"] == (
        "kms:*:*\\npattern, 0 matches\\nEP: ? | wildcard | certain, depth 2 | BROAD | DESTRUCTIVE",
        "hexagon",
    )
    assert by_label["ims:serverImages:create"][1] == "octagon"
    assert "unresolved" in by_label["ims:serverImages:create"][0]
    assert by_label["ims:images:list"][0].endswith("EP: mixed")
    edges = [attrs for _, _, attrs in EDGE_STMT.findall(dot)]
    conditional = [a for a in edges if 'label="if a new EIP is created with the server"' in a]
    assert len(conditional) == 1 and 'style="dashed"' in conditional[0] and 'color="#000000"' in conditional[0]
    inferred_conditional = [a for a in edges if "enterprise project migration" in a]
    assert 'style="dashed"' in inferred_conditional[0] and 'arrowhead="empty"' in inferred_conditional[0]
    documented = [a for a in edges if 'style="solid", penwidth="1.2"' in a]
    assert len(documented) == len(CREATE_IMAGE_DEPS)
    assert sum('arrowhead="empty"' in a for a in edges) == 2  # both inferred edges
    assert dot.count("subgraph cluster_") == 5  # ecs, evs, ims, kms, vpc
    assert 'label="Closure of ecs:servers:createImage, ecs:cloudServers:create\\ncloud: huaweicloud' in dot


def test_scope_fills_stay_apart_in_grey_and_have_a_second_cue() -> None:
    greys = sorted(grey_level(SCOPE_STYLES[m].fill) for m in SCOPE_ORDER)
    assert min(b - a for a, b in itertools.pairwise(greys)) >= 30
    assert len({SCOPE_STYLES[m].border for m in SCOPE_ORDER}) == 4
    assert len({SCOPE_STYLES[m].marker for m in SCOPE_ORDER}) == 4


def test_large_graph_switches_to_cheap_layout_and_says_so() -> None:
    small, big = synthetic_view(LARGE_GRAPH), synthetic_view(LARGE_GRAPH + 1)
    assert "mclimit" not in to_dot(small)
    dot = to_dot(big)
    for key, value in CHEAP_LAYOUT.items():
        assert f'{key}="{value}";' in dot
    assert f"large graph ({LARGE_GRAPH + 1} nodes > {LARGE_GRAPH}): simplified layout" in dot


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('a"b', '"a\\"b"'),
        ("a\\nb", '"a\\\\nb"'),
        ("a\nb", '"a\\nb"'),
        ("a\r\nb", '"a\\nb"'),
        ("&lt;", '"&amp;lt;"'),
        ("a\x00b\x1bc", '"a b c"'),
    ],
)
def test_quote(text: str, quoted: str) -> None:
    assert quote(text) == quoted


def test_long_notes_are_wrapped_and_many_notes_capped() -> None:
    view = create_image_view()
    cycle = "cycle: " + " -> ".join(f"ims:images:get{i}" for i in range(20))
    notes = (cycle, *(f"self-loop: a:b:c{i}" for i in range(7)))
    dot = to_dot(View(view.title, view.cloud, view.source, view.targets, view.nodes, view.edges, notes))
    title = re.search(r'^  label="(.*)";$', dot, re.M)
    assert title is not None
    lines = title.group(1).split("\\n")
    assert max(len(line) for line in lines) <= 120
    assert lines[-1] == "... and 3 more notes"
    assert lines[-2] == "self-loop: a:b:c3"
    assert "".join(lines[2:-5]).replace(" ", "") == cycle.replace(" ", "")


def test_an_edge_to_a_node_the_view_lacks_draws_it_as_unresolved() -> None:
    view = create_image_view()
    edge = ViewEdge("ecs:servers:createImage", "vpc:ports:create", "depends")
    dot = to_dot(View(view.title, view.cloud, view.source, view.targets, view.nodes, (*view.edges, edge)), legend=False)
    assert '[label="vpc:ports:create\\nEP: ? | unresolved", shape="octagon"' in dot
    assert len(EDGE_STMT.findall(dot)) == len(view.edges) + 1
