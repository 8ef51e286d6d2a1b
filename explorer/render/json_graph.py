"""JSON export in networkx's node-link layout, readable by ``networkx.node_link_graph`` and d3."""

from __future__ import annotations

import networkx as nx

from explorer.jsonout import document, dumps
from explorer.render.nxgraph import to_networkx
from explorer.view import View


def to_json(view: View) -> str:
    """Node-link JSON of ``view`` with ``format_version`` first (schema: ``explorer/schemas/export.schema.json``)."""
    return dumps(document(nx.node_link_data(to_networkx(view), edges="edges")))
