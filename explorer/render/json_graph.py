"""JSON export in networkx's node-link layout, readable by ``networkx.node_link_graph`` and d3."""

from __future__ import annotations

import json

import networkx as nx

from explorer.render.nxgraph import to_networkx
from explorer.view import View


def to_json(view: View) -> str:
    """Node-link JSON of ``view`` (keys sorted, two-space indent, UTF-8 text kept as is)."""
    data = nx.node_link_data(to_networkx(view), edges="edges")
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
