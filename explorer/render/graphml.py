"""GraphML export for yEd, Gephi and Cytoscape.

GraphML attributes are scalars, so list attributes (conditions, provenance, targets, notes) are
joined with newlines; networkx escapes the XML.
"""

from __future__ import annotations

import networkx as nx

from explorer.render.nxgraph import to_networkx
from explorer.view import View


def to_graphml(view: View) -> str:
    source = to_networkx(view)
    graph = nx.MultiDiGraph(**{k: "\n".join(v) if isinstance(v, list) else v for k, v in source.graph.items()})
    graph.add_nodes_from(source.nodes(data=True))
    # GraphML edge ids must be unique in the document: number the edges in canonical order
    for i, (u, v, data) in enumerate(source.edges(data=True)):
        flat = {k: "\n".join(x) if isinstance(x, list) else x for k, x in data.items()}
        graph.add_edge(u, v, key=f"e{i}", **flat)
    return "\n".join(nx.generate_graphml(graph, prettyprint=True)) + "\n"
