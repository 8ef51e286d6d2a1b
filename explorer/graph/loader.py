"""One Explorer per cloud and catalog location, rebuilt only when a catalog file changes.

The UI calls this on every rerun; the key includes each file's size and modification time, so an
edited or regenerated catalog is picked up while an unchanged one costs a directory listing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from explorer.catalog import BUNDLED_CATALOG
from explorer.catalog.files import catalog_files
from explorer.catalog.store import load_catalogs
from explorer.errors import CatalogError, Problem, QueryError
from explorer.graph.explorer import Explorer
from explorer.graph.resolve import close_matches

_Signature = tuple[tuple[str, int, int], ...]


def _signature(root: Path) -> _Signature:
    if not root.exists():
        raise CatalogError([Problem(str(root), "", "no such file or directory")])
    files = catalog_files(root)
    if not files:
        raise CatalogError([Problem(str(root), "", "no catalog files (expected <cloud>/<service>.yaml)")])
    out = []
    for f in files:
        st = f.stat()
        out.append((str(f), st.st_size, st.st_mtime_ns))
    return tuple(out)


def _clouds_in(files: _Signature) -> tuple[str, ...]:
    return tuple(sorted({Path(f).parent.name for f, _size, _mtime in files}))


@lru_cache(maxsize=8)
def _build(root: str, cloud: str, signature: _Signature) -> Explorer:
    # only the asked cloud's files are read: parsing YAML is most of the cost of a cold start
    files = [Path(f) for f, _size, _mtime in signature if Path(root).is_file() or Path(f).parent.name == cloud]
    catalogs = load_catalogs(files)
    if cloud not in catalogs:
        known = sorted(catalogs)
        raise QueryError(
            f"no catalog for cloud {cloud!r} in {root} (available: {', '.join(known) or 'none'})",
            close_matches(cloud, known),
        )
    # The bundled catalog is named, not located: its absolute path would make diagrams differ by clone.
    where = "bundled catalog" if Path(root) == BUNDLED_CATALOG else root
    return Explorer.from_catalog(catalogs[cloud], source=f"{where} ({cloud})")


def clouds(catalog: Path | str) -> tuple[str, ...]:
    """The clouds a catalog root holds (its ``<cloud>/`` folders with service files)."""
    return _clouds_in(_signature(Path(catalog).resolve()))


def explorer_for(catalog: Path | str, cloud: str = "huaweicloud") -> Explorer:
    """The Explorer of ``cloud`` in the catalog at ``catalog`` (a root folder or one service file), cached.

    Raises CatalogError for a missing, empty or invalid catalog and QueryError for an unknown cloud.
    """
    root = Path(catalog).resolve()
    signature = _signature(root)
    if root.is_dir() and cloud not in _clouds_in(signature):
        known = _clouds_in(signature)
        raise QueryError(
            f"no catalog for cloud {cloud!r} in {root} (available: {', '.join(known)})", close_matches(cloud, known)
        )
    return _build(str(root), cloud, signature)
