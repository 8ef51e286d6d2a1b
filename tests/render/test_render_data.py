"""JSON (node-link) and GraphML exports read back by networkx; collapsing by service."""

from __future__ import annotations

import io
import json
import random

import networkx as nx
from render_views import CREATE_IMAGE_DEPS, create_image_view

from explorer.render.collapse import collapse_by_service, combined_scope
from explorer.render.dot import to_dot
from explorer.render.graphml import to_graphml
from explorer.render.json_graph import to_json
from explorer.view import View


def test_json_reads_back_as_the_same_graph() -> None:
    view = create_image_view()
    graph = nx.node_link_graph(json.loads(to_json(view)), edges="edges")
    assert graph.is_directed() and graph.is_multigraph()
    assert sorted(graph.nodes) == sorted(n.id for n in view.nodes)
    assert graph.number_of_edges() == len(view.edges)
    assert graph.graph["title"] == view.title and graph.graph["targets"] == list(view.targets)
    node = graph.nodes["ims:images:list"]
    assert (node["kind"], node["scope"], node["depth"], node["resolved"]) == ("action", "mixed", 1, True)
    cond = graph.edges["ecs:cloudServers:create", "vpc:publicIps:create", "depends"]
    assert cond["conditions"] == ["a new EIP is created with the server"]
    assert cond["provenance"] == ["huaweicloud-zh:huaweicloud-zh/ecs/生命周期管理-27.md#1:1"]
    assert sorted(graph.successors("ecs:servers:createImage")) == sorted(CREATE_IMAGE_DEPS)


def test_graphml_reads_back_with_flattened_lists() -> None:
    view = create_image_view()
    graph = nx.read_graphml(io.BytesIO(to_graphml(view).encode("utf-8")))
    assert sorted(graph.nodes) == sorted(n.id for n in view.nodes)
    assert graph.number_of_edges() == len(view.edges)
    assert graph.nodes["ims:serverImages:create"]["resolved"] is False
    edge = graph.get_edge_data("ims:images:create", "ims:serverImages:create")
    assert edge["kind"] == "depends"
    assert edge["inferred"] is True
    assert edge["conditions"] == "only for enterprise project migration"
    assert graph.graph["targets"] == "ecs:servers:createImage\necs:cloudServers:create"
    assert sorted(d["id"] for _, _, d in graph.edges(data=True)) == sorted(f"e{i}" for i in range(len(view.edges)))


def test_data_exports_do_not_depend_on_order() -> None:
    view = create_image_view()
    nodes, edges = list(view.nodes), list(view.edges)
    random.Random(3).shuffle(nodes)
    random.Random(4).shuffle(edges)
    other = View(view.title, view.cloud, view.source, view.targets, tuple(nodes), tuple(edges), view.notes)
    assert to_json(other) == to_json(view)
    assert to_graphml(other) == to_graphml(view)


def test_collapse_by_service_counts_members_and_edges() -> None:
    collapsed = collapse_by_service(create_image_view())
    by_id = {n.id: n for n in collapsed.nodes}
    assert sorted(by_id) == ["service:ecs", "service:evs", "service:ims", "service:kms", "service:vpc"]
    assert by_id["service:ecs"].detail == "2 actions, 1 operation"
    assert by_id["service:ims"].detail == "6 actions"
    assert by_id["service:ecs"].scope == "mixed"  # one target supports enterprise projects, one does not
    assert by_id["service:kms"].scope == "unknown"
    assert by_id["service:ims"].resolved is False  # ims:serverImages:create is defined by no table
    assert by_id["service:ecs"].depth == 0 and by_id["service:kms"].depth == 2
    edges = {(e.source, e.target): e for e in collapsed.edges}
    assert sorted(edges) == [
        ("service:ecs", "service:evs"),
        ("service:ecs", "service:ims"),
        ("service:ecs", "service:vpc"),
        ("service:ims", "service:kms"),
        ("service:ims", "service:vpc"),
    ]
    assert edges[("service:ecs", "service:ims")].conditions == ("5 edges",)
    assert edges[("service:ims", "service:kms")].inferred is True
    assert edges[("service:ecs", "service:evs")].inferred is False
    assert edges[("service:ims", "service:vpc")].possible is True  # the one possible edge stays possible
    assert edges[("service:ecs", "service:vpc")].possible is False
    assert collapsed.notes[-1] == "collapsed by service: 14 nodes in 5 services"
    dot = to_dot(collapsed, legend=False)
    assert "subgraph" not in dot  # service nodes need no cluster around them
    assert dot.count('shape="folder"') == 5
    assert 'label="5 edges"' in dot and 'style="bold"' in dot


def test_combined_scope() -> None:
    assert combined_scope(["supported", "supported"]) == "supported"
    assert combined_scope(["not_supported"]) == "not_supported"
    assert combined_scope(["supported", "not_supported"]) == "mixed"
    assert combined_scope(["supported", "unknown"]) == "mixed"
    assert combined_scope(["unknown", "unknown"]) == "unknown"
