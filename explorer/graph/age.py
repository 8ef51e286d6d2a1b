"""How old the documentation behind an answer is: each service's table date, and rows from deleted pages.

A service's date is the newest date of its rows from current pages (a service documented only by pages
deleted later: the newest of those); rows carry the date and status of their source page
(``Provenance.date``, ``Provenance.status``). A row from a deleted page is older documentation: an answer
resting on one says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from explorer.actions import service_of
from explorer.graph.answers.documentation import Documentation
from explorer.model import SOURCE_DELETED, Provenance

if TYPE_CHECKING:
    from explorer.graph.answers.closure import Requirement
    from explorer.graph.build import CatalogGraph


def date_of(p: Provenance) -> str | None:
    return p.date


def is_deleted(p: Provenance) -> bool:
    return p.status == SOURCE_DELETED


def newest(rows: Iterable[Provenance]) -> str | None:
    """The newest date of current rows, else of any row, else None."""
    rows = list(rows)
    current = [d for p in rows if not is_deleted(p) and (d := date_of(p))]
    dated = current or [d for p in rows if (d := date_of(p))]
    return max(dated) if dated else None


# graph id -> (graph, its service dates): computed once per graph, the few graphs of a process kept
_DATES: dict[int, tuple[CatalogGraph, dict[str, str | None]]] = {}


def service_dates(g: CatalogGraph) -> dict[str, str | None]:
    """Each covered service's table date, by service name (computed once per graph)."""
    cached = _DATES.get(id(g))
    if cached is not None and cached[0] is g:
        return cached[1]
    rows: dict[str, list[Provenance]] = {}
    for node, service in g.rows.op_service.items():
        rows.setdefault(service, []).append(g.rows.operations[node].provenance)
    dates = {s: newest(rows[s]) for s in sorted(rows)}
    if len(_DATES) >= 8:
        _DATES.clear()
    _DATES[id(g)] = (g, dates)
    return dates


def documentation(g: CatalogGraph, names: Iterable[str], rows: Iterable[Provenance]) -> Documentation:
    """The documentation behind an answer naming ``names`` (actions, patterns) and resting on ``rows``."""
    dates = service_dates(g)
    services = sorted({service_of(n) for n in names} & dates.keys())
    return Documentation(tuple((s, dates[s]) for s in services), deleted_rows(rows) if has_deleted_rows(g) else ())


# graph id -> (graph, whether any of its rows comes from a deleted page): most catalogs have none, and then
# no answer needs its rows looked at
_ANY_DELETED: dict[int, tuple[CatalogGraph, bool]] = {}


def has_deleted_rows(g: CatalogGraph) -> bool:
    cached = _ANY_DELETED.get(id(g))
    if cached is not None and cached[0] is g:
        return cached[1]
    found = any(is_deleted(op.provenance) for op in g.rows.operations.values())
    if len(_ANY_DELETED) >= 8:
        _ANY_DELETED.clear()
    _ANY_DELETED[id(g)] = (g, found)
    return found


def mark_outdated(g: CatalogGraph, reqs: Sequence[Requirement]) -> None:
    """Set ``outdated`` on the requirements whose every row comes from a page deleted later (for a target:
    every row that checks it)."""
    if not has_deleted_rows(g):
        return
    for r in reqs:
        rows = tuple(p.provenance for p in r.scope) if r.basis == "target" else r.provenance
        if rows and all(is_deleted(p) for p in rows):
            r.outdated = True


def deleted_rows(rows: Iterable[Provenance]) -> tuple[Provenance, ...]:
    """The rows among ``rows`` that come from pages deleted later, sorted."""
    return tuple(sorted({p for p in rows if is_deleted(p)}))
