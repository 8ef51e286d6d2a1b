"""One edition of a catalog: the rows whose provenance names it (an edition feeds one cloud)."""

from __future__ import annotations

from collections.abc import Mapping

from explorer.errors import QueryError
from explorer.model import EDITION_CLOUD, Catalog, ServiceCatalog


def edition_catalogs(catalogs: Mapping[str, Catalog], edition: str) -> tuple[str, Catalog]:
    """The cloud that holds ``edition`` and a catalog of only its rows (services without any are left out)."""
    present = sorted({op.provenance.edition for c in catalogs.values() for op in c.operations()})
    if edition not in present:
        known = ", ".join(present) or "none"
        raise QueryError(f"no rows of edition {edition!r} in the catalog (editions there: {known})")
    cloud = EDITION_CLOUD.get(edition) or next(
        c for c in sorted(catalogs) if any(op.provenance.edition == edition for op in catalogs[c].operations())
    )
    out = Catalog(cloud)
    for name, svc in sorted(catalogs[cloud].services.items()):
        ops = tuple(op for op in svc.operations if op.provenance.edition == edition)
        if ops:
            sources = tuple(s for s in svc.sources if s.edition == edition)
            out.services[name] = ServiceCatalog(svc.cloud, svc.service, sources, ops, svc.schema_version)
    return cloud, out
