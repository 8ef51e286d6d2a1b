"""GraphML export for yEd, Gephi and Cytoscape.

GraphML attributes are scalars, so list attributes (conditions, provenance, targets, notes) are
joined with newlines; networkx escapes the XML.
"""

from __future__ import annotations

import networkx as nx

from explorer.render.nxgraph import to_networkx
from explorer.view import View


def to_graphml(view: View) -> str:
    graph = to_networkx(view)
    for key, value in list(graph.graph.items()):
        if isinstance(value, list):
            graph.graph[key] = "\n".join(value)
    for _, _, data in graph.edges(data=True):
        for key in ("conditions", "provenance"):
            data[key] = "\n".join(data[key])
    return "\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n"
