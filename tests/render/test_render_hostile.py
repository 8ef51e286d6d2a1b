"""Labels come from documents and uploads: none may inject DOT, Mermaid, markup or script."""

from __future__ import annotations

import re

from lxml import etree
from mermaid_check import mermaid_svg
from render_views import HOSTILE_LABELS, hostile_view

from explorer.render.dot import to_dot
from explorer.render.export import render
from explorer.render.graphml import to_graphml
from explorer.render.json_graph import to_json
from explorer.render.mermaid import to_mermaid

SVG = "{http://www.w3.org/2000/svg}"
GRAPHVIZ_ELEMENTS = {"svg", "g", "title", "text", "polygon", "ellipse", "path", "polyline"}


def lines_of(text: str) -> list[str]:
    return text.replace("\r\n", "\n").split("\n")


def check_inert_svg(root: etree._Element) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments
        assert etree.QName(el).localname != "script"
        assert etree.QName(el).localname != "a"
        for name, value in el.attrib.items():
            assert not etree.QName(name).localname.startswith("on"), (name, value)
            assert "javascript:" not in value.lower()


def test_hostile_labels_stay_text_in_graphviz_svg() -> None:
    view = hostile_view()
    svg = render(view, "svg", legend=False)
    root = etree.fromstring(svg)
    check_inert_svg(root)
    assert {etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str)} <= GRAPHVIZ_ELEMENTS
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    assert len(nodes) == len(view.nodes)  # no injected node
    assert len(edges) == len(view.edges)  # no injected edge
    for group, label in zip(nodes, HOSTILE_LABELS, strict=True):
        shown = [t.text or "" for t in group.iter(f"{SVG}text")]
        # Graphviz writes runs of spaces as no-break spaces; everything else comes back verbatim
        assert [s.replace("\xa0", " ") for s in shown[: len(lines_of(label))]] == lines_of(label)
    edge_texts = {" ".join(t.text or "" for t in e.iter(f"{SVG}text")) for e in edges}
    assert "if <script>alert(1)</script>" in edge_texts
    title = [t.text for t in root.find(f"{SVG}g").findall(f"{SVG}text")]
    assert title[0] == HOSTILE_LABELS[0]


def test_hostile_labels_cannot_leave_dot_strings() -> None:
    view = hostile_view()
    dot = to_dot(view, legend=False)
    skeleton = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)  # every quoted string emptied
    attrs = r'\[(\w+="", )*\w+=""\];'
    allowed = re.compile(
        r"^(digraph permission_explorer \{|\}|  \w+=\"\";|  (node|edge) "
        + attrs
        + r"|  subgraph cluster_[0-9a-f]{12} \{|    label=\"\"; style=\"\"; color=\"\";|  \}"
        + r"|    n[0-9a-f]{12} "
        + attrs
        + r"|  n[0-9a-f]{12} -> n[0-9a-f]{12} "
        + attrs
        + ")$"
    )
    lines = skeleton.splitlines()
    assert [line for line in lines if not allowed.match(line)] == []
    assert sum(bool(re.match(r"^    n\w+ \[", line)) for line in lines) == len(view.nodes)
    assert sum(" -> " in line for line in lines) == len(view.edges)


def test_hostile_labels_are_entity_codes_in_mermaid() -> None:
    view = hostile_view()
    mmd = to_mermaid(view, legend=False)
    front, body = mmd.split("\n---\n", 1)
    assert len(front.splitlines()) == 2  # the hostile title stayed one JSON string on one line
    assert "<" not in front
    skeleton = re.sub(r'"[^"]*"', '""', body)  # labels hold no quote: they are written #34;
    node = r"n[0-9a-f]{12}"
    allowed = re.compile(
        r"^(flowchart LR|  subgraph s[0-9a-f]{12}\[\"\"\]|  end"
        rf'|    {node}(\[""\]|\[\[""\]\]|\[/""\\\]|\[\\""/\]|\[\(""\)\])'
        rf'|  {node} (-->|-\.->|==>|-\.-o)(\|""\|)? {node}'
        rf"|  classDef \w+ [\w:#.,-]+( [\w:#.,-]+)?|  class {node}(,{node})* \w+|  linkStyle \d+ [\w:#.,-]+)$"
    )
    assert [line for line in skeleton.splitlines() if not allowed.match(line)] == []
    labels = "".join(re.findall(r'"[^"]*"', body)).replace("<br>", "")
    for raw in ("<", ">", "&", "%", "`", "\\", "\n"):
        assert raw not in labels
    # mmdc writes labels as SVG text and, wrapping a long word, can cut an entity code in two and leave a
    # bare "&": a quirk of its text path (browsers decode the codes first), so parse leniently
    root = etree.fromstring(mermaid_svg(mmd).encode("utf-8"), etree.XMLParser(recover=True))
    check_inert_svg(root)
    nodes = [g for g in root.iter(f"{SVG}g") if "node" in (g.get("class") or "").split()]
    assert len(nodes) == len(view.nodes)
    paths = [p for p in root.iter(f"{SVG}path") if "flowchart-link" in (p.get("class") or "")]
    assert len(paths) == len(view.edges)


def test_hostile_labels_round_trip_through_json_and_graphml() -> None:
    import io
    import json

    import networkx as nx

    view = hostile_view()
    data = json.loads(to_json(view))
    assert [n["label"] for n in data["nodes"]] == list(HOSTILE_LABELS)
    graph = nx.read_graphml(io.BytesIO(to_graphml(view).encode("utf-8")))
    # XML itself normalises CR LF to LF
    assert [graph.nodes[n]["label"] for n in graph.nodes] == [t.replace("\r\n", "\n") for t in HOSTILE_LABELS]
