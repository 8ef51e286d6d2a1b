"""A View as a networkx multigraph, the common ground of the JSON and GraphML exports.

Nodes and edges are added in canonical order, so every export that walks the graph is stable.
Edge keys are the edge kind, which keeps an operation's ``checks`` edge and a ``depends`` edge
between the same two nodes apart.
"""

from __future__ import annotations

import networkx as nx

from explorer.model import Provenance
from explorer.render.normalise import canonical
from explorer.view import View


def provenance_text(p: Provenance) -> str:
    """``file#table:row``, with the edition when the catalog knows it."""
    where = f"{p.file}#{p.table}:{p.row}"
    return f"{p.edition}:{where}" if p.edition else where


def to_networkx(view: View) -> nx.MultiDiGraph:
    canon = canonical(view)
    graph = nx.MultiDiGraph(
        title=view.title,
        cloud=view.cloud,
        source=view.source,
        targets=list(view.targets),
        notes=list(view.notes),
    )
    for node in canon.nodes:
        graph.add_node(
            node.id,
            kind=node.kind,
            label=node.label,
            service=node.service,
            depth=node.depth,
            scope=node.scope,
            resolved=node.resolved,
            detail=node.detail,
            basis=node.basis,
            flags=",".join(node.flags),
        )
    for e in canon.edges:
        key: str = e.kind
        copy = 1
        while graph.has_edge(e.source, e.target, key):
            copy += 1
            key = f"{e.kind}-{copy}"
        graph.add_edge(
            e.source,
            e.target,
            key=key,
            kind=e.kind,
            inferred=e.inferred,
            possible=e.possible,
            conditions=list(e.conditions),
            provenance=[provenance_text(p) for p in e.provenance],
        )
    return graph
