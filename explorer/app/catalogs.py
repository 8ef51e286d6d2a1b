"""Catalogs: which one a command reads, loading it, one query engine per cloud, and layering an upload over it."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from explorer.catalog import BUNDLED_CATALOG as BUNDLED_CATALOG
from explorer.model import Catalog, ServiceCatalog

if TYPE_CHECKING:
    from explorer.catalog.validate import ValidationResult as ValidationResult
    from explorer.graph import Explorer as Explorer


def default_catalog_path() -> Path:
    """The catalog commands use when none is named: ``$PERMISSION_EXPLORER_CATALOG`` or the bundled one."""
    env = os.environ.get("PERMISSION_EXPLORER_CATALOG")
    return Path(env) if env else BUNDLED_CATALOG


def is_bundled(path: Path | str) -> bool:
    """Whether ``path`` is the catalog shipped in the package."""
    return Path(path).resolve() == BUNDLED_CATALOG.resolve()


def load(paths: list[Path] | None = None) -> dict[str, Catalog]:
    """Load catalogs (default: the bundled one) into one Catalog per cloud."""
    from explorer.catalog.store import load_catalogs

    return load_catalogs(paths or [default_catalog_path()])


def get_explorer(cloud: str = "huaweicloud", catalog: Path | str | None = None) -> Explorer:
    """The query engine for one cloud of a catalog (default: the bundled one), built once and cached
    until a catalog file changes. Unknown cloud -> QueryError; missing/empty/invalid catalog -> CatalogError."""
    from explorer.graph.loader import explorer_for

    return explorer_for(catalog if catalog is not None else default_catalog_path(), cloud)


def build_explorer(catalog: Catalog, source: str = "") -> Explorer:
    """The query engine for an already loaded Catalog (not cached)."""
    from explorer.graph.explorer import Explorer

    return Explorer.from_catalog(catalog, source)


def build_explorers(catalogs: Mapping[str, Catalog], source: str = "") -> dict[str, Explorer]:
    """One query engine per cloud of ``catalogs`` (a cloud's edges never cross into another)."""
    return {cloud: build_explorer(catalogs[cloud], source) for cloud in sorted(catalogs)}


def available_clouds(catalog: Path | str | None = None) -> tuple[str, ...]:
    """The clouds a catalog (default: the bundled one) holds."""
    from explorer.graph.loader import clouds

    return clouds(catalog if catalog is not None else default_catalog_path())


def layer_catalogs(base: Mapping[str, Catalog], top: Mapping[str, Catalog]) -> dict[str, Catalog]:
    """``top`` laid over ``base``: per cloud, a service of ``top`` replaces the same service of ``base``.

    Neither input is changed; clouds only one side has are kept as they are.
    """
    out: dict[str, Catalog] = {}
    for cloud in sorted(set(base) | set(top)):
        services: dict[str, ServiceCatalog] = {}
        for side in (base, top):
            if cloud in side:
                services.update(side[cloud].services)
        out[cloud] = Catalog(cloud, dict(sorted(services.items())))
    return out


def layered_explorers(base: Mapping[str, Catalog], top: Mapping[str, Catalog], source: str = "") -> dict[str, Explorer]:
    """The engines of ``top`` laid over ``base`` (see :func:`layer_catalogs`)."""
    return build_explorers(layer_catalogs(base, top), source)


def validate(paths: list[Path], *, schema: bool = False) -> ValidationResult:
    """Check catalog files against the catalog schema and the loader's rules (``permission-explorer validate``)."""
    from explorer.catalog.validate import validate as run

    return run(paths, schema=schema)


def schema_path() -> Path:
    """The catalog's JSON Schema file."""
    from explorer.catalog.validate import schema_path as path

    return path()
