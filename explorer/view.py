"""A query's answer as a small graph to show: the contract between the graph engine and every face.

The graph engine turns a question (closure, dependents, why, a whole service) into a ``View``;
renderers (DOT, Mermaid, JSON, GraphML), the CLI and the UI only read Views. Nodes and edges are
sorted, so a View built from the same catalog is the same whatever order the catalog was loaded in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from explorer.model import Provenance

NodeKind = Literal["operation", "action", "pattern", "service"]
EdgeKind = Literal["checks", "depends", "matches", "collapsed"]
# Enterprise-project support of a node, summarised over the (operation, action) pairs behind it.
ScopeMark = Literal["supported", "not_supported", "mixed", "unknown"]


@dataclass(frozen=True, slots=True, order=True)
class ViewNode:
    """A node to draw. ``id`` is the action name, or ``op:<operation id>`` for an operation."""

    id: str
    kind: NodeKind
    label: str
    service: str
    depth: int  # 0 for the query's target(s), 1 for documented requirements, >1 certain (or possible)
    scope: ScopeMark = "unknown"
    resolved: bool = True  # False for an action that is referenced but defined by no table
    detail: str = ""  # second label line: API path of an operation, pattern note, member count
    basis: str = ""  # target, documented, certain or possible (explorer.graph.answers.Basis); "" elsewhere
    flags: tuple[str, ...] = ()  # broad (a wildcard), destructive, suspicious, outdated: what to see before granting


@dataclass(frozen=True, slots=True, order=True)
class ViewEdge:
    """An edge to draw, with what justifies it."""

    source: str
    target: str
    kind: EdgeKind
    inferred: bool = False  # True beyond depth 1: not documented for the row asked about
    conditions: tuple[str, ...] = ()
    provenance: tuple[Provenance, ...] = ()
    possible: bool = False  # only some rows of the source list the target (shown only when asked for)


@dataclass(frozen=True, slots=True)
class View:
    """Everything a renderer needs: what was asked, and the nodes and edges of the answer."""

    title: str
    cloud: str
    source: str  # where the catalog came from, e.g. "bundled catalog (huaweicloud-zh)"
    targets: tuple[str, ...]
    nodes: tuple[ViewNode, ...]
    edges: tuple[ViewEdge, ...]
    notes: tuple[str, ...] = ()  # e.g. "collapsed by service: 412 nodes above the limit of 150"
