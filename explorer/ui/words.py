"""Short texts the pages share: counted nouns, node captions, and suggestions for text that names nothing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from explorer.app import queries
from explorer.errors import QueryError
from explorer.view import ViewNode

MAX_SUGGESTIONS = 8


def count(n: int, noun: str, plural: str = "") -> str:
    """``1 action``, ``2 actions``: the noun agrees with the number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def node_caption(node: ViewNode) -> str:
    """How a node is named in lists: an operation by its name and API, anything else by its id."""
    if node.kind == "operation":
        return f"{node.label} ({node.detail})" if node.detail else node.label
    return node.id


def suggestions(ex: queries.Explorer, text: str, close: Iterable[str]) -> list[tuple[str, str]]:
    """(value to explore, label) for text that names nothing, best first, each a real catalog text.

    The engine's close matches for an API are normalised skeletons (``POST /v2/{}/x``); they are
    replaced by the real APIs of those rows. Candidates are ranked by similarity to what was typed.
    """
    found: dict[str, str] = {}
    for match in close:
        if "{}" not in match:
            found.setdefault(match, "")
            continue
        for real, name in queries.documented_apis(ex, match):
            found.setdefault(real, name)
    try:
        hits = queries.search(ex, text, limit=12)
    except QueryError:
        hits = ()
    for hit in hits:
        if hit.kind == "action":
            found.setdefault(hit.key, hit.label)
        else:  # an API or an operation name: explore it by the text that matched, not by op:<id>
            found.setdefault(hit.text, hit.label)
    typed = text.strip().casefold()

    def similarity(value: str) -> float:
        return difflib.SequenceMatcher(None, typed, value.casefold()).ratio()

    ranked = sorted(found.items(), key=lambda item: (-similarity(item[0]), item[0]))
    return ranked[:MAX_SUGGESTIONS]
