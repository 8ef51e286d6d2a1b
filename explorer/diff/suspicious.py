"""Edits that look like damage rather than a change of the facts, so a reviewer checks the page first.

- an action cut short mid-word (``ecs:cloudServers:list`` -> ``ecs:cloudServers:lis``); a name that ends at
  a camel-case boundary (``delete`` -> ``deleteServers``) is an ordinary rename;
- an action with a URL glued to it in its cell (``ecs:availabilityZones:list/v2/{project_id}/os-networks``),
  which the importer keeps as a note;
- a dependency that contradicts its row (explorer.contradictions): a read-only operation that now needs a
  writing action, a deleting one that now needs a creating action.
"""

from __future__ import annotations

import re
from functools import lru_cache

from explorer.contradictions import contradiction
from explorer.model import Operation

_GLUED = re.compile(r"[a-z][a-z0-9_-]*:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(?=/)")


def truncated(short: str, long: str) -> bool:
    """True if ``short`` is ``long`` cut off in the middle of a word of its last part."""
    if len(short) >= len(long) or not long.startswith(short) or short.count(":") != 2:
        return False
    return long[len(short)].islower() or long[len(short)].isdigit()


@lru_cache(maxsize=8)
def _by_resource(pool: frozenset[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for name in pool:
        out.setdefault(name.rsplit(":", 1)[0], []).append(name)
    return {k: tuple(sorted(v, key=lambda p: (len(p), p))) for k, v in out.items()}


def truncation_of(action: str, pool: frozenset[str]) -> str | None:
    """The action of ``pool`` that ``action`` looks cut from, if any (the shortest such)."""
    for candidate in _by_resource(pool).get(action.rsplit(":", 1)[0], ()):
        if truncated(action, candidate):
            return candidate
    return None


def glued_cells(op: Operation) -> tuple[str, ...]:
    """The notes of a row that quote an action cell with a URL glued to the action."""
    return tuple(n for n in op.notes if _GLUED.search(n))


_SAID = {"read_needs_write": "read-only", "delete_needs_create": "destructive"}


def contradicting(op: Operation, dependency: str) -> str:
    """A note when ``dependency``, added to row ``op``, contradicts what the row does (a copy error, see
    explorer.contradictions: a read-only row needing a writing action, a deleting one a creating action)."""
    found = contradiction([r.action for r in op.actions], op.apis, dependency)
    if found is None:
        return ""
    return f"{found.against} ({_SAID[found.kind]}) now depends on {dependency}"
