"""Which rows a side of a diff holds: every cloud, one cloud, or one edition of a loaded catalog.

A side is written as a short spec, so that the CLI options and a UI link say the same thing:
``""`` (every cloud), ``cloud:NAME`` or ``edition:NAME``.
"""

from __future__ import annotations

from collections.abc import Mapping

from explorer.diff.editions import edition_catalogs
from explorer.errors import QueryError
from explorer.model import Catalog

Pairs = tuple[tuple[str, str], ...]


def side_choices(catalogs: Mapping[str, Catalog]) -> tuple[str, ...]:
    """The specs a catalog offers: each cloud, then each edition its rows come from."""
    editions = sorted(
        {op.provenance.edition for c in catalogs.values() for op in c.operations() if op.provenance.edition}
    )
    return tuple(f"cloud:{c}" for c in sorted(catalogs)) + tuple(f"edition:{e}" for e in editions)


def select(catalogs: Mapping[str, Catalog], spec: str, side: str) -> tuple[dict[str, Catalog], str]:
    """The catalogs by cloud that ``spec`` picks from ``catalogs``, and a suffix for the side's label."""
    kind, _, name = spec.partition(":")
    if not spec:
        return dict(catalogs), ""
    if kind == "cloud" and name:
        if name not in catalogs:
            raise QueryError(f"no cloud {name!r} on the {side} side (it has: {', '.join(sorted(catalogs)) or 'none'})")
        return {name: catalogs[name]}, ""
    if kind == "edition" and name:
        cloud, catalog = edition_catalogs(catalogs, name)
        return {cloud: catalog}, f" [{name}]"
    raise QueryError(f"{spec!r}: expected cloud:NAME or edition:NAME for the {side} side")


def pairs_of(before: Mapping[str, Catalog], after: Mapping[str, Catalog], specs: tuple[str, str]) -> Pairs | None:
    """Which cloud of old is compared with which of new: a chosen one with a chosen one; else by name (None)."""
    if any(specs) and len(before) == 1 and len(after) == 1:
        return ((next(iter(before)), next(iter(after))),)
    return None
