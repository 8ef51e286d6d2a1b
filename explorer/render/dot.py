"""Graphviz DOT text of a View.

Node ids are hashes (action names hold colons, which Graphviz would read as ports); every piece of
text from the documentation goes through ``quote``, which leaves no way out of a DOT string, no
escape sequence (``\\N``, ``\\l``) and no character entity that Graphviz would interpret.
"""

from __future__ import annotations

import re

from explorer.display import visible_stream
from explorer.render.normalise import canonical
from explorer.render.style import (
    EDGE_STYLES,
    FONT,
    KIND_MEANING,
    KIND_SHAPES,
    SCOPE_ORDER,
    SCOPE_STYLES,
    UNRESOLVED_SHAPE,
    edge_label,
    edge_style,
    node_lines,
    node_shape,
    safe_id,
    title_lines,
)
from explorer.view import View, ViewEdge, ViewNode

# Above this many nodes dot's crossing minimisation and network simplex dominate the run time.
LARGE_GRAPH = 150
CHEAP_LAYOUT = {"mclimit": "0.1", "nslimit": "1", "nslimit1": "1", "splines": "line"}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def quote(text: str) -> str:
    """A DOT double-quoted string showing ``text`` literally; newlines become line breaks."""
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = visible_stream(text.replace("\t", " "))  # bidi and zero-width characters shown, never obeyed
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")
    return '"' + text.replace("\n", "\\n") + '"'


def _attrs(pairs: dict[str, str]) -> str:
    return "[" + ", ".join(f"{k}={quote(v)}" for k, v in pairs.items()) + "]"


def _lines(lines: list[str]) -> str:
    return "\n".join(lines)


def _node_attrs(node: ViewNode) -> dict[str, str]:
    scope = SCOPE_STYLES[node.scope]
    styles = ["filled", scope.border]
    if node.kind == "operation":
        styles.append("rounded")
    attrs = {
        "label": _lines(node_lines(node)),
        "shape": node_shape(node),
        "style": ",".join(styles),
        "fillcolor": scope.fill,
        "penwidth": f"{scope.stroke_width:g}",
    }
    if node.depth == 0:
        attrs["peripheries"] = "2"
    return attrs


def _edge_attrs(edge: ViewEdge) -> dict[str, str]:
    style = edge_style(edge)
    attrs = {
        "color": style.color,
        "style": style.style,
        "penwidth": f"{style.penwidth:g}",
        "arrowhead": style.arrowhead,
    }
    label = edge_label(edge)
    if label:
        attrs["label"] = label
        attrs["fontcolor"] = style.color
    return attrs


def _legend(indent: str) -> list[str]:
    """A legend cluster: one sample node per kind and scope mark, one sample edge per edge style."""
    out = [f"{indent}subgraph cluster_legend {{", f'{indent}  label={quote("Legend")}; style=solid; color="#808080";']
    samples: list[tuple[str, dict[str, str]]] = []
    for kind, shape in (*KIND_SHAPES.items(), ("unresolved", UNRESOLVED_SHAPE)):
        style = "filled,rounded" if kind == "operation" else "filled"
        samples.append(
            (
                f"legend_kind_{kind}",
                {"label": KIND_MEANING[kind], "shape": shape, "style": style, "fillcolor": "#ffffff"},
            )
        )
    for mark in SCOPE_ORDER:
        s = SCOPE_STYLES[mark]
        samples.append(
            (
                f"legend_scope_{mark}",
                {
                    "label": f"{s.marker}\n{s.meaning}",
                    "shape": "box",
                    "style": f"filled,{s.border}",
                    "fillcolor": s.fill,
                    "penwidth": f"{s.stroke_width:g}",
                },
            )
        )
    samples.append(
        (
            "legend_target",
            {"label": "query target", "shape": "box", "peripheries": "2", "style": "filled", "fillcolor": "#ffffff"},
        )
    )
    for name, attrs in samples:
        out.append(f"{indent}  {name} {_attrs(attrs)};")
    # invisible chains lay the kind samples out in one row and the scope samples in another
    for row in (samples[:5], samples[5:]):
        out.append(f"{indent}  {' -> '.join(name for name, _ in row)} [style=invis];")
    for key, sample in EDGE_STYLES.items():
        src, dst = f"legend_edge_{key}_a", f"legend_edge_{key}_b"
        out.append(f'{indent}  {src} [label="", shape=point, width=0.05];')
        out.append(f"{indent}  {dst} {_attrs({'label': sample.meaning, 'shape': 'plaintext'})};")
        edge = {
            "color": sample.color,
            "style": sample.style,
            "penwidth": f"{sample.penwidth:g}",
            "arrowhead": sample.arrowhead,
        }
        out.append(f"{indent}  {src} -> {dst} {_attrs(edge)};")
    keys = list(EDGE_STYLES)
    half = (len(keys) + 1) // 2
    for left, right in zip(keys[:half], keys[half:], strict=False):  # edge samples in two columns
        out.append(f"{indent}  legend_edge_{left}_b -> legend_edge_{right}_a [style=invis];")
    out.append(f"{indent}}}")
    return out


def to_dot(view: View, *, legend: bool = True, large: int = LARGE_GRAPH, rankdir: str = "LR") -> str:
    """The DOT text of ``view``: title, one cluster per service, the legend; identical for equal Views.

    ``rankdir`` ``TB`` lays the hierarchy out top to bottom (a narrow window's overview)."""
    canon = canonical(view)
    graph = {
        "label": _lines(title_lines(view)),
        "labelloc": "t",
        "labeljust": "l",
        "fontname": FONT,
        "fontsize": "16",
        "rankdir": rankdir,
        "newrank": "true",
    }
    if len(canon.nodes) > large:
        graph.update(CHEAP_LAYOUT)
        graph["label"] += f"\nlarge graph ({len(canon.nodes)} nodes > {large}): simplified layout"
    out = ["digraph permission_explorer {"]
    out.extend(f"  {k}={quote(v)};" for k, v in graph.items())
    out.append(f'  node [fontname={quote(FONT)}, fontsize="11"];')
    out.append(f'  edge [fontname={quote(FONT)}, fontsize="9"];')
    ids = {n.id: safe_id("n", n.id) for n in canon.nodes}
    for service, members in canon.groups():
        if canon.collapsed:
            out.extend(f"  {ids[node.id]} {_attrs(_node_attrs(node))};" for node in members)
            continue
        out.append(f"  subgraph {safe_id('cluster_', service)} {{")
        out.append(f'    label={quote("service: " + service)}; style="rounded"; color="#606060";')
        out.extend(f"    {ids[node.id]} {_attrs(_node_attrs(node))};" for node in members)
        out.append("  }")
    for edge in canon.edges:
        out.append(f"  {ids[edge.source]} -> {ids[edge.target]} {_attrs(_edge_attrs(edge))};")
    if legend:
        out.extend(_legend("  "))
    out.append("}")
    return "\n".join(out) + "\n"


def legend_dot() -> str:
    """A graph holding only the legend, for the README's legend image."""
    out = [
        "digraph legend {",
        f"  fontname={quote(FONT)};",
        '  rankdir="LR";',
        f'  node [fontname={quote(FONT)}, fontsize="11"];',
    ]
    out.extend(_legend("  "))
    out.append("}")
    return "\n".join(out) + "\n"
