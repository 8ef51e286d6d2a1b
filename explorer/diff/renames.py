"""Renamed actions: what a diff saw (old name -> new name on the same API, with both rows), kept in a
catalog-side data file so that the policy linter can say what an unknown action is called now.

The file is ``<catalog root>/renames.json`` (beside ``import-report.json``: JSON, so that neither loading
nor ``validate`` takes it for a service file). It is written by ``permission-explorer diff OLD NEW
--record-renames FILE``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer import fileio
from explorer.catalog import BUNDLED_CATALOG
from explorer.errors import CatalogError, Problem
from explorer.jsonout import document, dumps
from explorer.model import Provenance

RENAMES_NAME = "renames.json"
RENAMES_VERSION = 1  # the format_version of explorer.jsonout
# the bundled file holds a few hundred renames in a few dozen KB
MAX_RENAMES_BYTES = 16 * 1024 * 1024
_ROW_KEYS = ("file", "table", "row", "edition", "repo", "commit", "path")


@dataclass(frozen=True, slots=True, order=True)
class Rename:
    """``old`` became ``new`` on the rows that document ``apis``: the old row and the new row are the evidence."""

    cloud: str
    service: str
    old: str
    new: str
    apis: tuple[str, ...]
    old_row: Provenance
    new_row: Provenance

    @property
    def evidence(self) -> tuple[Provenance, Provenance]:
        return (self.old_row, self.new_row)

    def to_dict(self) -> dict[str, Any]:
        return {
            "service": self.service,
            "old": self.old,
            "new": self.new,
            "apis": list(self.apis),
            "old_row": _row_dict(self.old_row),
            "new_row": _row_dict(self.new_row),
        }


def _row_dict(p: Provenance) -> dict[str, Any]:
    return {k: getattr(p, k) for k in _ROW_KEYS}


def _row(data: Any, file: str, where: str) -> Provenance:
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise CatalogError([Problem(file, where, "expected a row: a mapping with file, table and row")])
    table, row = data.get("table"), data.get("row")
    if not isinstance(table, int) or not isinstance(row, int):
        raise CatalogError([Problem(file, where, "expected integer table and row numbers")])
    text = {k: data.get(k, "") for k in ("edition", "repo", "commit", "path")}
    if not all(isinstance(v, str) for v in text.values()):
        raise CatalogError([Problem(file, where, "edition, repo, commit and path must be strings")])
    return Provenance(data["file"], table, row, **text)


def default_renames_path() -> Path:
    return BUNDLED_CATALOG / RENAMES_NAME


def load_renames(path: Path | None = None) -> dict[str, tuple[Rename, ...]]:
    """Every recorded rename by cloud; an absent file records none."""
    path = path or default_renames_path()
    if not path.exists() and not path.is_symlink():
        return {}
    try:
        data = json.loads(fileio.read_bytes(path, MAX_RENAMES_BYTES))
    except fileio.FileIOError as exc:
        raise CatalogError([Problem(str(path), "", exc.reason)]) from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise CatalogError([Problem(str(path), "", f"not a renames file (expected JSON): {exc}")]) from None
    if not isinstance(data, dict) or data.get("format_version") != RENAMES_VERSION:
        raise CatalogError([Problem(str(path), "format_version", f"expected {RENAMES_VERSION}")])
    clouds = data.get("renames")
    if not isinstance(clouds, dict):
        raise CatalogError([Problem(str(path), "renames", "expected a mapping of cloud -> list of renames")])
    out: dict[str, tuple[Rename, ...]] = {}
    for cloud, items in clouds.items():
        if not isinstance(items, list):
            raise CatalogError([Problem(str(path), f"renames.{cloud}", "expected a list")])
        found = []
        for i, item in enumerate(items):
            where = f"renames.{cloud}[{i}]"
            if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("service", "old", "new")):
                raise CatalogError([Problem(str(path), where, "expected service, old and new as strings")])
            apis = item.get("apis", [])
            if not isinstance(apis, list) or not all(isinstance(a, str) for a in apis):
                raise CatalogError([Problem(str(path), f"{where}.apis", "expected a list of strings")])
            found.append(
                Rename(
                    str(cloud),
                    item["service"],
                    item["old"],
                    item["new"],
                    tuple(apis),
                    _row(item.get("old_row"), str(path), f"{where}.old_row"),
                    _row(item.get("new_row"), str(path), f"{where}.new_row"),
                )
            )
        out[str(cloud)] = tuple(sorted(found))
    return out


def renames_text(renames: dict[str, tuple[Rename, ...]]) -> str:
    return dumps(document({"renames": {c: [r.to_dict() for r in sorted(renames[c])] for c in sorted(renames)}}))


def record_renames(path: Path, renames: Iterable[Rename]) -> int:
    """Add ``renames`` to the file (created if absent), atomically; returns how many were new.

    A path that is not a regular file (a device, FIFO or link) is refused before anything is read.
    """
    fileio.check_write_target(path)
    known = {c: set(rs) for c, rs in load_renames(path).items()}
    added = 0
    for r in renames:
        bucket = known.setdefault(r.cloud, set())
        if r not in bucket:
            bucket.add(r)
            added += 1
    fileio.write_text_atomic(path, renames_text({c: tuple(rs) for c, rs in known.items()}))
    return added


def renamed_actions(cloud: str, path: Path | None = None) -> dict[str, tuple[Rename, ...]]:
    """Old action name -> what it was renamed to (each Rename: ``new``, ``apis`` and the two rows as evidence).

    One old name may have several new ones (Huawei split ``ecs:cloudServers:get`` per API). For the policy
    linter's "unknown action": ``renamed_actions("huaweicloud").get("ecs:cloudServers:delete")``.
    """
    out: dict[str, list[Rename]] = {}
    for r in load_renames(path).get(cloud, ()):
        out.setdefault(r.old, []).append(r)
    return {old: tuple(rs) for old, rs in sorted(out.items())}
