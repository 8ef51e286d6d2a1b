"""Edits that look like damage rather than a change of the facts, so a reviewer checks the page first.

- an action cut short mid-word (``ecs:cloudServers:list`` -> ``ecs:cloudServers:lis``); a name that ends at
  a camel-case boundary (``delete`` -> ``deleteServers``) is an ordinary rename;
- an action with a URL glued to it in its cell (``ecs:availabilityZones:list/v2/{project_id}/os-networks``),
  which the importer keeps as a note;
- a destructive operation that suddenly depends on a constructive action (deleting that depends on creating).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from explorer.model import Operation

_GLUED = re.compile(r"[a-z][a-z0-9_-]*:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+(?=/)")
_VERB = re.compile(r"^[a-z]+")

# the first word of an action's operation part, for operations that take something away -> words that add
_OPPOSITE: dict[str, frozenset[str]] = {
    "delete": frozenset({"create", "add", "attach", "bind", "associate", "allocate", "enable", "start", "register"}),
    "remove": frozenset({"create", "add", "attach", "bind", "associate"}),
    "detach": frozenset({"attach", "create", "add"}),
    "disassociate": frozenset({"associate", "create"}),
    "unbind": frozenset({"bind", "create"}),
    "release": frozenset({"allocate", "create"}),
    "stop": frozenset({"start", "create"}),
    "disable": frozenset({"enable", "create"}),
    "unregister": frozenset({"register", "create"}),
    "deregister": frozenset({"register", "create"}),
}


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


def verb(action: str) -> str:
    m = _VERB.match(action.rsplit(":", 1)[-1])
    return m.group(0).lower() if m else ""


def opposite(actions: Iterable[str], dependency: str) -> str | None:
    """The row's destructive action that ``dependency`` (a constructive one) contradicts, if any."""
    dep = verb(dependency)
    for action in sorted(actions):
        if dep in _OPPOSITE.get(verb(action), frozenset()):
            return action
    return None
