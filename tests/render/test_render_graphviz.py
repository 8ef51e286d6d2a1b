"""SVG, PNG and PDF drawn by the real Graphviz, and checked the way a reader would see them."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pypdf import PdfReader
from render_views import create_image_view

from explorer.render.dot import to_dot
from explorer.render.export import render, write_output
from explorer.render.graphviz_run import RenderError, RenderTimeoutError, run_dot
from explorer.render.style import EDGE_STYLES
from explorer.render.synthetic import synthetic_view

SVG = "{http://www.w3.org/2000/svg}"
LEGEND_NODES = 5 + 4 + 1 + 2 * len(EDGE_STYLES)  # kinds, scope marks, target, a point and a text per edge style


def svg_groups(svg: bytes, cls: str) -> list[etree._Element]:
    root = etree.fromstring(svg)
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == cls]


def texts(group: etree._Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def test_svg_has_every_node_edge_cluster_and_the_legend() -> None:
    view = create_image_view()
    svg = render(view, "svg")
    nodes = svg_groups(svg, "node")
    assert len(nodes) == len(view.nodes) + LEGEND_NODES
    assert len(svg_groups(svg, "edge")) == len(view.edges) + len(EDGE_STYLES)
    clusters = {texts(c)[0] for c in svg_groups(svg, "cluster")}
    assert clusters == {"Legend", "service: ecs", "service: evs", "service: ims", "service: kms", "service: vpc"}
    shown = {t for n in nodes for t in texts(n)[:1]}
    assert {n.label for n in view.nodes} <= shown
    root = etree.fromstring(svg)
    title = [t.text for t in root.find(f"{SVG}g").findall(f"{SVG}text")]
    assert title[:2] == [view.title, "cloud: huaweicloud | catalog: test fixture (huaweicloud-zh)"]
    assert title[2] == "cut at depth 2: more requirements lie deeper"


def test_conditional_edge_is_dashed_and_labelled_in_svg() -> None:
    svg = render(create_image_view(), "svg", legend=False)
    labelled = [e for e in svg_groups(svg, "edge") if "if a new EIP is created with the server" in texts(e)]
    assert len(labelled) == 1
    path = labelled[0].find(f"{SVG}path")
    assert path is not None and path.get("stroke-dasharray") == "5,2"


def test_png_is_a_real_image() -> None:
    png = render(create_image_view(), "png")
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.format == "PNG"
    assert image.width > 600 and image.height > 400


def test_pdf_is_a_real_document_with_the_labels_as_text() -> None:
    pdf = render(create_image_view(), "pdf")
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "ecs:servers:createImage" in text
    assert "Legend" in text


def test_text_formats_are_the_renderers_output() -> None:
    view = create_image_view()
    assert render(view, "dot").decode("utf-8") == to_dot(view)
    assert render(view, "mermaid").decode("utf-8").startswith("---\ntitle: ")


def test_unknown_format_is_a_clear_error() -> None:
    with pytest.raises(RenderError, match="unknown format 'gif'; expected one of svg, png, pdf"):
        render(create_image_view(), "gif")


def test_slow_dot_is_stopped_with_a_clear_error() -> None:
    dot = to_dot(synthetic_view(1000))
    with pytest.raises(RenderTimeoutError, match=r"did not finish within 0\.05 s"):
        run_dot(dot, "png", timeout=0.05)


def test_missing_dot_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(RenderError, match="Graphviz 'dot' is not installed"):
        run_dot("digraph { a }", "svg")


def test_dot_failure_is_reported_with_its_message() -> None:
    with pytest.raises(RenderError, match=r"Graphviz dot failed: .*syntax error"):
        run_dot("digraph { a -> }", "svg")


def test_write_output_is_atomic_and_exact(tmp_path: Path) -> None:
    target = tmp_path / "d.svg"
    write_output(target, b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert sorted(os.listdir(tmp_path)) == ["d.svg"]  # no temporary file left behind
    assert target.stat().st_mode & 0o044 == 0o044  # readable like any other new file, not private
    target.chmod(0o600)
    write_output(target, b"<svg></svg>")
    assert target.read_bytes() == b"<svg></svg>" and target.stat().st_mode & 0o777 == 0o600
    with pytest.raises(RenderError, match="is a directory"):
        write_output(tmp_path, b"x")
    with pytest.raises(RenderError, match=r"folder .*missing does not exist"):
        write_output(tmp_path / "missing" / "d.svg", b"x")
    assert sorted(os.listdir(tmp_path)) == ["d.svg"]
