"""Dependencies that contradict their row (explorer.contradictions), found in the graph: per answer and per catalog.

An answer keeps such a requirement (the documentation lists it) but flags it ``suspicious`` with the rows
that contradict it, the way a wildcard is flagged ``broad``: a reviewer sees it before granting. Only the
rows behind an answer are examined, so a query pays for its own answer and never for the whole catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from explorer.contradictions import RowFacts, row_contradictions
from explorer.graph.answers.suspicious import SuspiciousRow

if TYPE_CHECKING:
    from explorer.graph.answers.closure import Requirement
    from explorer.graph.answers.common import Evidence
    from explorer.graph.build import CatalogGraph
    from explorer.model import Operation


class _Judged:
    """A row's facts, read once, and the dependencies of it already judged (a row can list hundreds)."""

    __slots__ = ("facts", "found", "op")

    def __init__(self, op: Operation) -> None:
        self.op = op
        self.facts = RowFacts([r.action for r in op.actions], op.apis)
        self.found: dict[str, SuspiciousRow | None] = {}

    def judge(self, dependency: str) -> SuspiciousRow | None:
        if dependency not in self.found:
            c = self.facts.against(dependency)
            self.found[dependency] = None if c is None else SuspiciousRow.of(self.op, c)
        return self.found[dependency]


# graph id -> (graph, its rows judged so far): a row's contradictions depend on the row alone, so each
# (row, dependency) is judged once per graph, not once per answer that rests on it
_BY_ROW: dict[int, tuple[CatalogGraph, dict[str, _Judged]]] = {}


def _row_memo(g: CatalogGraph) -> dict[str, _Judged]:
    cached = _BY_ROW.get(id(g))
    if cached is not None and cached[0] is g:
        return cached[1]
    if len(_BY_ROW) >= 8:
        _BY_ROW.clear()
    memo: dict[str, _Judged] = {}
    _BY_ROW[id(g)] = (g, memo)
    return memo


def _row(g: CatalogGraph, ev: Evidence, dependency: str, memo: dict[str, _Judged]) -> SuspiciousRow | None:
    node = g.rows.row_node.get((ev.operation, ev.provenance))
    if node is None:
        return None
    judged = memo.get(node)
    if judged is None:
        judged = memo[node] = _Judged(g.rows.operations[node])
    return judged.judge(dependency)


def suspicious_rows(g: CatalogGraph, rows: Iterable[Evidence], dependency: str) -> tuple[SuspiciousRow, ...]:
    """The rows among ``rows`` whose listing of ``dependency`` contradicts them."""
    memo = _row_memo(g)
    found = (_row(g, ev, dependency, memo) for ev in rows)
    return tuple(r for r in found if r is not None)


# graph id -> (graph, the contradicting rows of each dependency edge already judged): an edge's rows never
# change, and judging them again for every answer was most of the cost of reading a closure's records
_BY_EDGE: dict[int, tuple[CatalogGraph, dict[tuple[str, str], tuple[SuspiciousRow, ...]]]] = {}


def _edge_memo(g: CatalogGraph) -> dict[tuple[str, str], tuple[SuspiciousRow, ...]]:
    cached = _BY_EDGE.get(id(g))
    if cached is not None and cached[0] is g:
        return cached[1]
    if len(_BY_EDGE) >= 8:
        _BY_EDGE.clear()
    memo: dict[tuple[str, str], tuple[SuspiciousRow, ...]] = {}
    _BY_EDGE[id(g)] = (g, memo)
    return memo


def mark(g: CatalogGraph, reqs: Sequence[Requirement]) -> None:
    """Set ``suspicious`` on the requirements that rest on a contradicting row (records are not frozen)."""
    memo = _edge_memo(g)
    for r in reqs:
        edge = r.edge
        if edge is None or edge.kind != "depends":
            continue
        if r.basis == "possible":  # the rows of every edge that reaches it: judged per answer
            if r.rows:
                r.suspicious = suspicious_rows(g, r.rows, r.action)
        elif edge.evidence:
            key = (edge.source, r.action)
            found = memo.get(key)
            if found is None:
                found = memo[key] = suspicious_rows(g, edge.evidence, r.action)
            r.suspicious = found


def catalog_suspicious(g: CatalogGraph) -> tuple[SuspiciousRow, ...]:
    """Every contradicting dependency of the catalog, in provenance then dependency order."""
    out = [SuspiciousRow.of(op, c) for op in g.rows.operations.values() for c in row_contradictions(op)]
    return tuple(sorted(out, key=lambda s: (s.provenance, s.operation, s.dependency)))
