"""JSON export in networkx's node-link layout, readable by ``networkx.node_link_graph`` and d3."""

from __future__ import annotations

import networkx as nx

from explorer.jsonout import document, dumps
from explorer.jsonshape import BOOL, CLOUD, SCOPE_MARK, STR, Schema, array, enum, obj, said, strings
from explorer.jsonshape import document as document_schema
from explorer.render.nxgraph import to_networkx
from explorer.view import View


def to_json(view: View) -> str:
    """Node-link JSON of ``view`` with ``format_version`` first (schema: ``explorer/schemas/export.schema.json``)."""
    return dumps(document(nx.node_link_data(to_networkx(view), edges="edges")))


def schema() -> Schema:
    """The schema :func:`to_json`'s document satisfies (``export.schema.json``)."""
    return document_schema(
        "permission-explorer export --format json: networkx node-link data (networkx.node_link_graph reads it)",
        {
            "directed": {"const": True},
            "multigraph": {"const": True},
            "graph": obj(
                {
                    "title": STR,
                    "cloud": CLOUD,
                    "source": {"type": "string", "description": "the catalog drawn from"},
                    "targets": strings(),
                    "notes": strings("what was cut or collapsed"),
                }
            ),
            "nodes": array(
                obj(
                    {
                        "id": STR,
                        "kind": enum("operation", "action", "pattern", "service"),
                        "label": STR,
                        "service": STR,
                        "depth": {"type": "integer", "minimum": 0},
                        "scope": SCOPE_MARK,
                        "resolved": BOOL,
                        "detail": STR,
                        "basis": said(
                            enum("", "target", "documented", "certain", "possible"),
                            "the requirement's basis; empty for nodes that are no requirement",
                        ),
                        "flags": said(STR, "comma-separated: broad, destructive, suspicious, outdated; or empty"),
                    }
                )
            ),
            "edges": array(
                obj(
                    {
                        "source": STR,
                        "target": STR,
                        "key": STR,
                        "kind": enum("checks", "depends", "matches", "collapsed"),
                        "inferred": said(BOOL, "beyond depth 1: not documented for the row asked about"),
                        "possible": said(BOOL, "only some rows of the source list the target"),
                        "conditions": strings(),
                        "provenance": strings("edition:file#table:row"),
                    }
                )
            ),
        },
    )
