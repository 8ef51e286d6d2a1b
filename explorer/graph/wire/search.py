"""``search --json``: the serializer of search hits and the schema the document satisfies."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from explorer.jsonshape import CLOUD, STR, Schema, array, document, enum, obj, said

if TYPE_CHECKING:
    from explorer.graph.answers.search import SearchHit


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {"rank": hit.rank, "kind": hit.kind, "key": hit.key, "text": hit.text, "label": hit.label}


def search_json(cloud: str, query: str, limit: int, hits: Iterable[SearchHit]) -> dict[str, Any]:
    """The document ``search --json`` prints."""
    return {"cloud": cloud, "query": query, "limit": limit, "hits": [hit_json(h) for h in hits]}


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer search --json (exit status 1 when hits is empty)",
        {
            "cloud": CLOUD,
            "query": said(STR, "the text searched for"),
            "limit": {"type": "integer", "minimum": 1, "description": "--limit: at most this many hits"},
            "hits": array(
                obj(
                    {
                        "rank": {"type": "integer", "description": "0 exact, 1 prefix, 2 substring, 3 close"},
                        "kind": enum("action", "operation", "api"),
                        "key": {"type": "string", "description": "an action, or op:<id>"},
                        "text": {"type": "string", "description": "the text that matched"},
                        "label": said(STR, "what the key is: an operation's API, an action's service"),
                    }
                ),
                "best first",
            ),
        },
        defs,
    )
