"""Dependencies that contradict their row (explorer.contradictions), found in the graph: per answer and per catalog.

An answer keeps such a requirement (the documentation lists it) but flags it ``suspicious`` with the rows
that contradict it, the way a wildcard is flagged ``broad``: a reviewer sees it before granting. Only the
rows behind an answer are examined, so a query pays for its own answer and never for the whole catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from explorer.contradictions import contradiction, row_contradictions
from explorer.graph.answers.suspicious import SuspiciousRow

if TYPE_CHECKING:
    from explorer.graph.answers.closure import Requirement
    from explorer.graph.answers.common import Evidence
    from explorer.graph.build import CatalogGraph


def _row(g: CatalogGraph, ev: Evidence, dependency: str) -> SuspiciousRow | None:
    node = g.rows.row_node.get((ev.operation, ev.provenance))
    if node is None:
        return None
    op = g.rows.operations[node]
    found = contradiction([r.action for r in op.actions], op.apis, dependency)
    return None if found is None else SuspiciousRow.of(op, found)


def suspicious_rows(g: CatalogGraph, rows: Iterable[Evidence], dependency: str) -> tuple[SuspiciousRow, ...]:
    """The rows among ``rows`` whose listing of ``dependency`` contradicts them."""
    found = (_row(g, ev, dependency) for ev in rows)
    return tuple(r for r in found if r is not None)


def mark(g: CatalogGraph, reqs: Sequence[Requirement]) -> None:
    """Set ``suspicious`` on the requirements that rest on a contradicting row (records are not frozen)."""
    for r in reqs:
        if r.edge is None or r.edge.kind != "depends":
            continue
        rows = r.rows if r.basis == "possible" else r.edge.evidence
        if rows:
            r.suspicious = suspicious_rows(g, rows, r.action)


def catalog_suspicious(g: CatalogGraph) -> tuple[SuspiciousRow, ...]:
    """Every contradicting dependency of the catalog, in provenance then dependency order."""
    out = [SuspiciousRow.of(op, c) for op in g.rows.operations.values() for c in row_contradictions(op)]
    return tuple(sorted(out, key=lambda s: (s.provenance, s.operation, s.dependency)))
