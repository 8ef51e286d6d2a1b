"""The visual language shared by every diagram format.

Each distinction is drawn twice: once in colour and once without it (shape, border, arrowhead or a
text marker), so a diagram printed in grey or read by a colour-blind reviewer loses nothing. The
fills of the four scope marks are chosen so that their grey levels stay far apart (a test checks it).
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass

from explorer.view import EdgeKind, NodeKind, ScopeMark, View, ViewEdge, ViewNode

FONT = "Helvetica"


@dataclass(frozen=True, slots=True)
class ScopeStyle:
    fill: str
    border: str  # Graphviz style keyword for the node outline
    dasharray: str  # the same outline in CSS (Mermaid), "" for solid
    stroke_width: float
    marker: str  # text line printed in the node
    meaning: str  # legend text


SCOPE_STYLES: dict[ScopeMark, ScopeStyle] = {
    "supported": ScopeStyle("#c7e9c0", "solid", "", 1.0, "EP: yes", "works on an enterprise project"),
    "mixed": ScopeStyle("#f4a582", "dashed", "6 3", 1.5, "EP: mixed", "works for some of its operations"),
    "not_supported": ScopeStyle("#d6604d", "bold", "", 3.0, "EP: no", "IAM project only"),
    "unknown": ScopeStyle("#ffffff", "dotted", "2 2", 1.0, "EP: ?", "documentation does not say"),
}
SCOPE_ORDER: tuple[ScopeMark, ...] = ("supported", "mixed", "not_supported", "unknown")

# Graphviz shape per node kind; an unresolved action gets its own shape on top of that.
KIND_SHAPES: dict[NodeKind, str] = {
    "operation": "box",
    "action": "ellipse",
    "pattern": "hexagon",
    "service": "folder",
}
UNRESOLVED_SHAPE = "octagon"
KIND_MEANING: dict[str, str] = {
    "operation": "API operation (table row)",
    "action": "IAM action",
    "pattern": "wildcard pattern",
    "unresolved": "action no table defines",
    "service": "service (collapsed)",
}


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    color: str
    style: str  # Graphviz style keyword; also mapped to a Mermaid arrow
    penwidth: float
    arrowhead: str
    meaning: str


EDGE_STYLES: dict[str, EdgeStyle] = {
    "checks": EdgeStyle("#000000", "solid", 2.0, "normal", "operation checks action"),
    "documented": EdgeStyle("#000000", "solid", 1.2, "normal", "documented dependency (depth 1)"),
    "inferred": EdgeStyle("#808080", "solid", 1.0, "empty", "certain: every row of the action lists it (depth > 1)"),
    "possible": EdgeStyle("#a0a0a0", "dotted", 1.0, "onormal", "possible: only some rows of the action list it"),
    "conditional": EdgeStyle("#000000", "dashed", 1.2, "normal", "conditional dependency"),
    "matches": EdgeStyle("#404040", "dotted", 1.0, "odot", "wildcard matches action"),
    "collapsed": EdgeStyle("#000000", "bold", 2.0, "normal", "dependencies between services"),
}


def edge_style_key(edge: ViewEdge) -> str:
    """Which entry of EDGE_STYLES draws an edge (colour from inference, line from condition)."""
    kind: EdgeKind = edge.kind
    if kind in ("checks", "matches", "collapsed"):
        return kind
    if edge.possible:
        return "possible"
    if edge.conditions:
        return "conditional"
    return "inferred" if edge.inferred else "documented"


def edge_style(edge: ViewEdge) -> EdgeStyle:
    """The style of an edge; a conditional inferred edge keeps the inferred colour and arrowhead."""
    key = edge_style_key(edge)
    style = EDGE_STYLES[key]
    if key == "conditional" and edge.inferred:
        inferred = EDGE_STYLES["inferred"]
        return EdgeStyle(inferred.color, style.style, inferred.penwidth, inferred.arrowhead, style.meaning)
    return style


def edge_label(edge: ViewEdge) -> str:
    """Text on an edge: its conditions, or the summary of a collapsed edge."""
    if edge.kind == "collapsed":
        return "\n".join(edge.conditions)
    if edge.conditions:
        return "\n".join(f"if {c}" for c in edge.conditions)
    return ""


def node_markers(node: ViewNode) -> str:
    """The non-colour cues of a node as one text line."""
    parts = [SCOPE_STYLES[node.scope].marker]
    if node.kind == "pattern":
        parts.append("wildcard")
    if not node.resolved:
        parts.append("unresolved")
    if node.depth == 0:
        parts.append("target")
    elif node.basis in ("certain", "possible"):
        parts.append(f"{node.basis}, depth {node.depth}")
    elif node.depth > 1:
        parts.append(f"depth {node.depth}")
    parts.extend(f.upper() for f in node.flags)
    return " | ".join(parts)


def node_lines(node: ViewNode) -> list[str]:
    """The lines of a node's label: name, detail, markers."""
    lines = [node.label or node.id]
    if node.detail:
        lines.append(node.detail)
    lines.append(node_markers(node))
    return lines


def node_shape(node: ViewNode) -> str:
    if node.kind == "action" and not node.resolved:
        return UNRESOLVED_SHAPE
    return KIND_SHAPES[node.kind]


def safe_id(prefix: str, text: str) -> str:
    """A stable identifier made of letters and digits only, so no renderer reads syntax into it."""
    return prefix + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def grey_level(colour: str) -> float:
    """Luma (ITU-R BT.601) of a #rrggbb colour, 0-255: what a grey printer makes of it."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


TITLE_WIDTH = 120  # characters per title line; a long cycle note would otherwise widen the whole diagram
MAX_NOTES = 5


def title_lines(view: View) -> list[str]:
    """The diagram title: what was asked, cloud and catalog, then the View's notes, wrapped and capped."""
    notes = list(view.notes[:MAX_NOTES])
    if len(view.notes) > MAX_NOTES:
        notes.append(f"... and {len(view.notes) - MAX_NOTES} more notes")
    lines = [view.title, f"cloud: {view.cloud} | catalog: {view.source}", *notes]
    return [piece for line in lines for piece in textwrap.wrap(line, TITLE_WIDTH, break_on_hyphens=False) or [""]]
