"""Dependencies that contradict their own row: copy errors in the documentation, to flag and never inherit.

A row of an action table says what an operation checks and what it needs. Some rows list dependencies that
cannot be what the operation does: a query that needs to create and delete security groups, a disk deletion
that needs to create a disk. They are copies of a neighbouring row's cell. The rule, in order:

1. **read needs write** (``read_needs_write``): the row is read-only, because every API it documents is a
   ``GET`` or ``HEAD`` (or, for a row without APIs, every action it checks is a ``get``, ``list`` or ``show``
   action), and the dependency creates, changes or destroys something: its operation part's first word is a
   creating or changing verb (``create``, ``add``, ``update``, ``put``, ...), or it names a destructive verb
   anywhere (:func:`explorer.actions.is_destructive`: ``delete``, ``detach``, ``DeleteBucketPolicy``, ...).
2. **delete needs create** (``delete_needs_create``): the row takes something away, because every API it
   documents is a ``DELETE``, or an action it checks starts with a verb that takes away (``delete``, ``remove``,
   ``detach``, ``unbind``, ``release``, ``stop``, ...), and the dependency starts with the verb that makes what
   the row takes away (``create``, ``add``, ``attach``, ``bind``, ``allocate``, ``start``, ...).

Scanned over the whole bundled catalog, a third pattern was considered and left out: a *create* that needs a
*delete* (``ecs:servers:create`` needs ``vpc:ports:delete``, ``ecs:servers:createImage`` needs
``ims:images:delete``) is how a service cleans up after a failed creation, not a copy error.

A dependency whose operation part is a wildcard (``ecs:*:*``) is left alone unless its verb is literal
(``ecs:*:start``). The module imports only the domain core, so the graph, the diff and the lint share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from explorer.actions import is_destructive
from explorer.model import Operation

ContradictionKind = Literal["read_needs_write", "delete_needs_create"]

_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
READ_VERBS = frozenset({"get", "list", "show"})
READ_METHODS = frozenset({"GET", "HEAD"})
# first words of an operation part that create or change (a destructive word anywhere also writes)
WRITE_VERBS = frozenset(
    {
        "create",
        "add",
        "allocate",
        "register",
        "put",
        "upload",
        "import",
        "attach",
        "bind",
        "associate",
        "update",
        "modify",
        "set",
        "change",
        "reset",
        "resize",
        "enable",
        "disable",
        "start",
        "stop",
    }
)
# a verb that takes something away -> the verbs that make what it takes away
_UNDOES: dict[str, frozenset[str]] = {
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

WORDING: dict[ContradictionKind, str] = {
    "read_needs_write": "a read-only operation needs a writing action",
    "delete_needs_create": "a deleting operation needs a creating action",
}


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Why ``dependency`` contradicts its row: the kind, and the row's action (or API) it contradicts."""

    kind: ContradictionKind
    dependency: str
    against: str  # the row's action, or its API when the method decided

    @property
    def reason(self) -> str:
        return f"{WORDING[self.kind]}: {self.against} depends on {self.dependency}"


def verb(action: str) -> str:
    """The first word of an action's operation part, lower-case ("" for a wildcard that starts it)."""
    operation = action.rsplit(":", 1)[-1]
    m = _WORD.match(operation)
    return m.group(0).lower() if m else ""


def _methods(apis: Iterable[str]) -> frozenset[str]:
    return frozenset(api.split(maxsplit=1)[0].upper() for api in apis if api.split())


def writes(action: str) -> bool:
    """True when an action creates, changes or destroys (see the module note)."""
    return verb(action) in WRITE_VERBS or ("*" not in action.rsplit(":", 1)[-1] and is_destructive(action))


def contradiction(actions: Iterable[str], apis: Iterable[str], dependency: str) -> Contradiction | None:
    """How ``dependency`` contradicts the row that checks ``actions`` for ``apis``, if it does."""
    return RowFacts(actions, apis).against(dependency)


class RowFacts:
    """What of a row decides a contradiction, read once for all of its dependencies."""

    __slots__ = ("acts", "api_list", "methods", "read_only", "undone")

    def __init__(self, actions: Iterable[str], apis: Iterable[str]) -> None:
        self.acts = sorted(actions)
        self.api_list = sorted(apis)
        self.methods = _methods(self.api_list)
        self.read_only = (
            self.methods <= READ_METHODS
            if self.methods
            else bool(self.acts) and all(verb(a) in READ_VERBS for a in self.acts)
        )
        # per action of the row, the verbs of what it takes away (delete_needs_create)
        self.undone = [(a, _UNDOES.get(verb(a), frozenset())) for a in self.acts]

    def against(self, dependency: str) -> Contradiction | None:
        dep_verb = verb(dependency)
        if not dep_verb:
            return None
        if self.read_only:
            if writes(dependency):
                return Contradiction("read_needs_write", dependency, self.acts[0] if self.acts else self.api_list[0])
            return None
        for action, undoes in self.undone:
            if dep_verb in undoes:
                return Contradiction("delete_needs_create", dependency, action)
        if self.methods == {"DELETE"} and dep_verb in _UNDOES["delete"]:
            return Contradiction("delete_needs_create", dependency, self.api_list[0])
        return None


def row_contradictions(op: Operation) -> tuple[Contradiction, ...]:
    """Every dependency of a row that contradicts it, in the row's order."""
    row = RowFacts([r.action for r in op.actions], op.apis)
    found = (row.against(d.action) for d in op.dependencies)
    return tuple(c for c in found if c is not None)
