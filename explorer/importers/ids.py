"""Operation ids from what a row says, not from where it is.

The id of an operation is the first 12 hex digits of the SHA-1 of its *content key*:

- the cloud, the edition of the documentation (huaweicloud-zh, otc-en, otc-swiss-en ...; a
  property of the source, like the cloud) and the service;
- its APIs, each as ``METHOD /path`` with placeholder names blanked, the trailing ``/`` dropped and
  the path case-folded (``GET /v2/{}/servers``), sorted;
- its actions (names only, sorted; conditions are wording and stay out);
- for a row with neither APIs nor actions, its names (by language, sorted).

So inserting, moving or reordering rows, renaming a placeholder or rewording a name or a condition
leaves every id as it was; a change of API or action gives a new id (it is another operation).

**Collisions.** Two rows of one cloud and service can say the same (the same table on two pages, a
row repeated). The members of such a group all get a more specific key, the first of these under
which the group's ids are distinct: the key plus the row's source file; plus its names as well;
plus, last, its ordinal among the rows still equal, counted in (file, table, row) order. Only the
last step depends on position, and only among identical rows.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence

from explorer.apigrammar import lookup_key
from explorer.model import Operation


def content_key(cloud: str, service: str, op: Operation) -> str:
    """The text an operation's id is the hash of, before any collision rule."""
    apis = sorted({(lookup_key(a) or a).casefold() for a in op.apis})
    actions = sorted({ref.action for ref in op.actions})
    parts = [cloud, op.provenance.edition, service, "apis", *apis, "actions", *actions]
    if not apis and not actions:
        parts += ["names", *(f"{lang}={op.name[lang]}" for lang in sorted(op.name))]
    return "\n".join(parts)


def _names(op: Operation) -> str:
    return "\n".join(f"{lang}={op.name[lang]}" for lang in sorted(op.name))


_REFINEMENTS: tuple[Callable[[Operation], str], ...] = (
    lambda op: op.provenance.file,
    _names,
)


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def assign_ids(cloud: str, service: str, operations: Sequence[Operation]) -> list[Operation]:
    """The operations (in the given order) with their content ids; see the module docstring for the rule."""
    keys = [content_key(cloud, service, op) for op in operations]
    groups: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        groups[key].append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        _refine(keys, operations, members)
    return [
        Operation(_digest(key), op.name, op.apis, op.actions, op.dependencies, op.scope, op.notes, op.provenance)
        for op, key in zip(operations, keys, strict=True)
    ]


def _refine(keys: list[str], operations: Sequence[Operation], members: list[int]) -> None:
    """Make the keys of one group of equal rows distinct, by the collision rule."""
    for refinement in _REFINEMENTS:
        candidate = {i: f"{keys[i]}\n{refinement(operations[i])}" for i in members}
        if len(set(candidate.values())) == len(members):
            for i, key in candidate.items():
                keys[i] = key
            return
        for i, key in candidate.items():
            keys[i] = key
    still: dict[str, list[int]] = defaultdict(list)
    for i in sorted(members, key=lambda i: operations[i].provenance):
        still[keys[i]].append(i)
    for equal in still.values():
        if len(equal) > 1:
            for n, i in enumerate(equal, start=1):
                keys[i] = f"{keys[i]}\n#{n}"
