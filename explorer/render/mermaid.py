"""Mermaid flowchart text of a View, for Markdown documents that render Mermaid.

Labels are always double-quoted, and every character outside a small safe set is written as a
Mermaid entity code (``#60;``), so no label can close a string, start a link, or carry markup.
"""

from __future__ import annotations

import json

from explorer.render.normalise import canonical
from explorer.render.style import (
    EDGE_STYLES,
    KIND_MEANING,
    SCOPE_ORDER,
    SCOPE_STYLES,
    edge_label,
    edge_style,
    edge_style_key,
    node_lines,
    safe_id,
    title_lines,
)
from explorer.view import View, ViewEdge, ViewNode

_SAFE_PUNCTUATION = frozenset(" :._-/,*()'!?=+@${}[]|;")

# Opening and closing brackets of a quoted label, per node kind (see KIND_SHAPES for Graphviz).
# Only shapes the embedded Mermaid renderer used in the tests can draw (not stadium or hexagon).
_SHAPES: dict[str, tuple[str, str]] = {
    "operation": ("[[", "]]"),  # subroutine box
    "action": ("[", "]"),  # box
    "pattern": ("[/", "\\]"),  # trapezoid
    "unresolved": ("[\\", "/]"),  # inverted trapezoid
    "service": ("[(", ")]"),  # cylinder
}

# Mermaid arrow per edge style: the line pattern is part of the arrow syntax.
_ARROWS: dict[str, str] = {
    "checks": "==>",
    "documented": "-->",
    "inferred": "-->",
    "conditional": "-.->",
    "possible": "-.->",
    "matches": "-.-o",
    "collapsed": "==>",
}


def text(value: str) -> str:
    """Label text with every non-safe character as an entity code; newlines become ``<br>``."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(
        "".join(ch if ch.isalnum() or ch in _SAFE_PUNCTUATION else f"#{ord(ch)};" for ch in line) for line in lines
    )


def _label(lines: list[str]) -> str:
    body = "<br>".join(text(line) for line in lines)
    return '"' + (body if body.replace("<br>", "").strip() else "#160;") + '"'


def _shape(node: ViewNode) -> tuple[str, str]:
    if node.kind == "action" and not node.resolved:
        return _SHAPES["unresolved"]
    return _SHAPES[node.kind]


def _node(ident: str, node: ViewNode) -> str:
    opening, closing = _shape(node)
    return f"{ident}{opening}{_label(node_lines(node))}{closing}"


def _edge(src: str, dst: str, edge: ViewEdge) -> str:
    arrow = _ARROWS[edge_style_key(edge)]
    label = edge_label(edge)
    return f"{src} {arrow}|{_label(label.split(chr(10)))}| {dst}" if label else f"{src} {arrow} {dst}"


def _class_defs() -> list[str]:
    out = []
    for mark in SCOPE_ORDER:
        s = SCOPE_STYLES[mark]
        dash = f",stroke-dasharray:{s.dasharray}" if s.dasharray else ""
        stroke = f"stroke:#000000,stroke-width:{s.stroke_width:g}px{dash}"
        out.append(f"  classDef {mark} fill:{s.fill},{stroke},color:#000000")
    out.append("  classDef target stroke-width:4px")
    out.append("  classDef legend fill:#ffffff,stroke:#808080,color:#000000")
    return out


def _legend(edge_index: int) -> tuple[list[str], list[str]]:
    """The legend subgraph, and linkStyle lines for its sample edges (numbered from ``edge_index``)."""
    body = ['  subgraph legend["Legend"]', "    direction TB"]
    styles: list[str] = []
    for kind in ("operation", "action", "pattern", "unresolved", "service"):
        opening, closing = _SHAPES[kind]
        body.append(f"    legend_kind_{kind}{opening}{_label([KIND_MEANING[kind]])}{closing}:::legend")
    for mark in SCOPE_ORDER:
        s = SCOPE_STYLES[mark]
        body.append(f"    legend_scope_{mark}[{_label([s.marker, s.meaning])}]:::{mark}")
    for key, style in EDGE_STYLES.items():
        src, dst = f"legend_edge_{key}_a", f"legend_edge_{key}_b"
        blank = _label([" "])
        arrow = f"{_ARROWS[key]}|{_label([style.meaning])}|"
        body.append(f"    {src}[{blank}]:::legend {arrow} {dst}[{blank}]:::legend")
        styles.append(_link_style(edge_index, style.color, style.penwidth))
        edge_index += 1
    body.append("  end")
    return body, styles


def _link_style(index: int, color: str, width: float) -> str:
    return f"  linkStyle {index} stroke:{color},stroke-width:{width:g}px"


def to_mermaid(view: View, *, legend: bool = True, direction: str = "LR") -> str:
    """Mermaid flowchart text of ``view``; identical for equal Views whatever their order."""
    canon = canonical(view)
    title = " | ".join(title_lines(view))
    # A JSON string is a valid YAML double-quoted scalar, so the front matter cannot be broken out
    # of; markup characters are written as \u escapes so not even the text holds a tag.
    quoted_title = json.dumps(title, ensure_ascii=True)
    for ch in "<>&":
        quoted_title = quoted_title.replace(ch, f"\\u{ord(ch):04x}")
    out = [
        "---",
        f"title: {quoted_title}",
        "---",
        f"flowchart {direction}",
    ]
    ids = {n.id: safe_id("n", n.id) for n in canon.nodes}
    for service, members in canon.groups():
        if canon.collapsed:
            out.extend(f"  {_node(ids[node.id], node)}" for node in members)
            continue
        out.append(f"  subgraph {safe_id('s', service)}[{_label(['service: ' + service])}]")
        out.extend(f"    {_node(ids[node.id], node)}" for node in members)
        out.append("  end")
    link_styles: list[str] = []
    for index, edge in enumerate(canon.edges):
        out.append(f"  {_edge(ids[edge.source], ids[edge.target], edge)}")
        style = edge_style(edge)
        link_styles.append(_link_style(index, style.color, style.penwidth))
    if legend:
        body, legend_styles = _legend(len(canon.edges))
        out.extend(body)
        link_styles.extend(legend_styles)
    out.extend(_class_defs())
    for mark in SCOPE_ORDER:
        marked = [ids[n.id] for n in canon.nodes if n.scope == mark]
        if marked:
            out.append(f"  class {','.join(marked)} {mark}")
    targets = [ids[n.id] for n in canon.nodes if n.depth == 0]
    if targets:
        out.append(f"  class {','.join(targets)} target")
    out.extend(link_styles)
    return "\n".join(out) + "\n"
