"""Search: actions, operation names (any language) and API paths matching a text, ranked."""

from __future__ import annotations

from explorer.errors import QueryError
from explorer.graph.answers import HitKind, SearchHit
from explorer.graph.build import CatalogGraph
from explorer.graph.resolve import FUZZY_CUTOFF, MAX_FUZZY_TEXT

Candidate = tuple[str, HitKind, str, str]  # (haystack, kind, key, label)


def _candidates(g: CatalogGraph) -> list[Candidate]:
    out: list[Candidate] = []
    for name in sorted(g.nodes.defined | g.nodes.unresolved | g.nodes.patterns):
        out.append((name, "action", name, "pattern" if name in g.nodes.patterns else ""))
    for node in sorted(g.rows.operations):
        op = g.rows.operations[node]
        first_api = op.apis[0] if op.apis else ""
        for lang in sorted(op.name):
            out.append((op.name[lang], "operation", node, first_api))
        for api in op.apis:
            out.append((api, "api", node, op.display_name()))
    return out


def search(g: CatalogGraph, text: str, limit: int = 20) -> tuple[SearchHit, ...]:
    """Exact matches, then prefixes, then substrings, then close matches; shorter texts first within a rank."""
    query = text.strip().casefold()
    if not query:
        raise QueryError("empty search text")
    best: dict[tuple[str, str], SearchHit] = {}

    def offer(hit: SearchHit) -> None:
        key = (hit.kind, hit.key)
        if key not in best or hit < best[key]:
            best[key] = hit

    unmatched: list[Candidate] = []
    for hay, kind, key, label in _candidates(g):
        low = hay.casefold()
        if low == query:
            rank = 0
        elif low.startswith(query):
            rank = 1
        elif query in low:
            rank = 2
        else:
            unmatched.append((hay, kind, key, label))
            continue
        offer(SearchHit(rank=rank, score=float(len(hay)), kind=kind, key=key, text=hay, label=label))
    if len(best) < limit and unmatched:
        from rapidfuzz import fuzz, process

        fuzzy = query[:MAX_FUZZY_TEXT]
        haystacks = [hay.casefold() for hay, *_ in unmatched]
        found = process.extract(fuzzy, haystacks, scorer=fuzz.ratio, limit=None, score_cutoff=FUZZY_CUTOFF)
        for _, score, i in found:
            hay, kind, key, label = unmatched[i]
            offer(SearchHit(rank=3, score=-round(float(score) / 100, 6), kind=kind, key=key, text=hay, label=label))
    return tuple(sorted(best.values())[:limit])
