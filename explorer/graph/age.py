"""How old the documentation behind an answer is: each service's table date, and rows from deleted pages.

A service's date is the newest date of its rows from current pages (a service documented only by pages
deleted later: the newest of those); rows carry the date and status of their source page
(``Provenance.date``, ``Provenance.status``). A row from a deleted page is older documentation: an answer
resting on one says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from explorer.model import Provenance

if TYPE_CHECKING:
    from explorer.graph.build import CatalogGraph

DELETED = "deleted"


def date_of(p: Provenance) -> str | None:
    return getattr(p, "date", None)


def is_deleted(p: Provenance) -> bool:
    return getattr(p, "status", "current") == DELETED


def newest(rows: Iterable[Provenance]) -> str | None:
    """The newest date of current rows, else of any row, else None."""
    rows = list(rows)
    current = [d for p in rows if not is_deleted(p) and (d := date_of(p))]
    dated = current or [d for p in rows if (d := date_of(p))]
    return max(dated) if dated else None


def service_dates(g: CatalogGraph, services: Iterable[str] | None = None) -> dict[str, str | None]:
    """Each service's table date (all services, or those named), by service name."""
    wanted = None if services is None else set(services)
    rows: dict[str, list[Provenance]] = {}
    for node, service in g.op_service.items():
        if wanted is None or service in wanted:
            rows.setdefault(service, []).append(g.operations[node].provenance)
    return {s: newest(rows.get(s, ())) for s in sorted(rows if wanted is None else wanted)}


def deleted_rows(rows: Iterable[Provenance]) -> tuple[Provenance, ...]:
    """The rows among ``rows`` that come from pages deleted later, sorted."""
    return tuple(sorted({p for p in rows if is_deleted(p)}))
