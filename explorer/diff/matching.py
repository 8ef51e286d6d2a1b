"""Pairing the operations of two versions of a service by what they say, never by where they stand.

A row keeps its identity through edits when its API (method and path, placeholders blanked), its
actions or its name stay. Passes go from the strictest key to the loosest; each pass only pairs rows
the earlier ones left, so an inserted row stays one addition and a renamed action keeps its row.
As many rows on each side that are indistinguishable under a strict key are paired closest first
(fewest differing facts, ties in document order); unequal numbers are left to later passes. A row
whose APIs are spread over several rows of the other side, with the same actions, is a split (or,
the other way, a merge): one change, not a removal and additions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from explorer.diff.notation import api_key, text_key
from explorer.model import Operation, Provenance


@dataclass(frozen=True, slots=True)
class Match:
    """Rows of the old side and of the new side that document the same operation (one each, or a split/merge)."""

    old: tuple[Operation, ...]
    new: tuple[Operation, ...]
    how: str  # the key that paired them, for the record

    @property
    def split(self) -> bool:
        return len(self.old) != len(self.new)


@dataclass(frozen=True, slots=True)
class Matching:
    matches: tuple[Match, ...]
    removed: tuple[Operation, ...]
    added: tuple[Operation, ...]


def apis_of(op: Operation) -> frozenset[str]:
    return frozenset(api_key(a) for a in op.apis)


_VERSION = re.compile(r"/v\d+(?:\.\d+)?(?=/|$)")


def versionless_apis_of(op: Operation) -> frozenset[str]:
    """The APIs with their version segment blanked: ``/v2/`` and ``/v2.1/`` are the same OpenStack call."""
    return frozenset(_VERSION.sub("/v*", a) for a in apis_of(op))


def actions_of(op: Operation) -> frozenset[str]:
    return frozenset(r.action for r in op.actions)


def name_of(op: Operation) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((lang, text_key(text)) for lang, text in op.name.items()))


Key = Callable[[Operation], Hashable | None]

# (name, key, whether rows equal under the key may be paired in order when there are several)
_PASSES: tuple[tuple[str, Key, bool], ...] = (
    ("api+actions+name", lambda op: (apis_of(op), actions_of(op), name_of(op)) if op.apis else None, True),
    ("api+actions", lambda op: (apis_of(op), actions_of(op)) if op.apis else None, True),
    ("api+name", lambda op: (apis_of(op), name_of(op)) if op.apis and op.name else None, True),
    ("actions+name", lambda op: (actions_of(op), name_of(op)) if op.actions and op.name else None, True),
    ("api", lambda op: apis_of(op) or None, False),
    ("versionless api+actions", lambda op: (versionless_apis_of(op), actions_of(op)) if op.apis else None, False),
    # a row with neither API nor action is known by its name alone (a catalog diffed with itself is equal)
    ("name", lambda op: name_of(op) if op.name and not op.apis and not op.actions else None, True),
)


def _pair_by(old: list[Operation], new: list[Operation], key: Key, in_order: bool) -> list[tuple[Operation, Operation]]:
    groups_old: dict[Hashable, list[Operation]] = {}
    groups_new: dict[Hashable, list[Operation]] = {}
    for op in old:
        k = key(op)
        if k is not None:
            groups_old.setdefault(k, []).append(op)
    for op in new:
        k = key(op)
        if k is not None:
            groups_new.setdefault(k, []).append(op)
    pairs: list[tuple[Operation, Operation]] = []
    for k, olds in groups_old.items():
        news = groups_new.get(k)
        if not news:
            continue
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
        elif in_order and len(olds) == len(news):
            pairs.extend(_closest(olds, news))
    return pairs


def _distance(a: Operation, b: Operation) -> int:
    """How many facts two rows differ in: dependencies, actions, scope flags, APIs as written, names."""
    deps = {(r.action, r.condition) for r in a.dependencies} ^ {(r.action, r.condition) for r in b.dependencies}
    acts = {(r.action, r.condition) for r in a.actions} ^ {(r.action, r.condition) for r in b.actions}
    return len(deps) + len(acts) + (a.scope != b.scope) + (set(a.apis) != set(b.apis)) + (a.name != b.name)


_CLOSEST_MAX = 250_000


def _closest(olds: list[Operation], news: list[Operation]) -> list[tuple[Operation, Operation]]:
    """Rows equal under a key, paired closest first (ties in document order), so rows that swapped places
    in a table pair with their own selves. Beyond _CLOSEST_MAX candidate pairs (rows repeated by the thousand,
    where every pair would be weighed) they are paired in document order."""
    if len(olds) * len(news) > _CLOSEST_MAX:
        return list(zip(olds, news, strict=True))
    candidates = sorted(
        ((_distance(o, n), i, j) for i, o in enumerate(olds) for j, n in enumerate(news)),
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _d, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((olds[i], news[j]))
    return pairs


def _spread(one: Operation, others: Sequence[Operation]) -> tuple[Operation, ...] | None:
    """The rows of ``others`` that together document exactly ``one``'s APIs with its actions, if any."""
    wanted = apis_of(one)
    if len(wanted) < 2:
        return None
    acts = actions_of(one)
    parts = [o for o in others if actions_of(o) == acts and apis_of(o) and apis_of(o) < wanted]
    covered: set[str] = set()
    chosen: list[Operation] = []
    for part in parts:
        if covered.isdisjoint(apis_of(part)):
            covered |= apis_of(part)
            chosen.append(part)
    if covered != wanted or len(chosen) < 2:
        return None
    return tuple(chosen)


def _spreads(ones: list[Operation], others: list[Operation]) -> list[tuple[Operation, tuple[Operation, ...]]]:
    """Each row of ``ones`` documented by several rows of ``others`` (see :func:`_spread`), each row taken once.
    The candidates of a row are only the rows with its very actions (looking through all of ``others`` for
    every row made two catalogs of 100,000 rows quadratic)."""
    by_actions: dict[frozenset[str], list[Operation]] = {}
    for o in others:
        by_actions.setdefault(actions_of(o), []).append(o)
    taken: set[int] = set()
    found: list[tuple[Operation, tuple[Operation, ...]]] = []
    for one in ones:
        pool = [o for o in by_actions.get(actions_of(one), ()) if id(o) not in taken]
        parts = _spread(one, pool) if pool else None
        if parts:
            found.append((one, parts))
            taken.update(id(p) for p in parts)
    return found


def _overlap_pairs(old: list[Operation], new: list[Operation]) -> list[tuple[Operation, Operation]]:
    """Rows sharing an API and an action with exactly one row of the other side (and it with them)."""
    keys = {id(op): (apis_of(op), actions_of(op)) for op in (*old, *new)}
    by_api: dict[str, list[Operation]] = {}
    for op in (*old, *new):
        for a in keys[id(op)][0]:
            by_api.setdefault(a, []).append(op)

    # each side's rows by identity with their place, made once (a scan of the whole pool for each row made
    # two catalogs of 100,000 rows quadratic)
    places = {id(side): {id(op): i for i, op in enumerate(side)} for side in (old, new)}

    def partners(op: Operation, pool: list[Operation]) -> list[Operation]:
        apis, acts = keys[id(op)]
        place = places[id(pool)]
        near = {id(o): o for a in apis for o in by_api[a] if id(o) in place}
        return sorted((o for o in near.values() if keys[id(o)][1] & acts), key=lambda o: place[id(o)])

    pairs = []
    for o in old:
        found = partners(o, new)
        if len(found) == 1 and partners(found[0], old) == [o]:
            pairs.append((o, found[0]))
    return pairs


def match_operations(old: Sequence[Operation], new: Sequence[Operation]) -> Matching:
    """Pair the rows of two versions of one service's tables (see the module note)."""
    left = list(old)
    right = list(new)
    matches: list[Match] = []

    def take(pairs: list[tuple[Operation, Operation]], how: str) -> None:
        used_old = {id(o) for o, _ in pairs}
        used_new = {id(n) for _, n in pairs}
        matches.extend(Match((o,), (n,), how) for o, n in pairs)
        left[:] = [o for o in left if id(o) not in used_old]
        right[:] = [n for n in right if id(n) not in used_new]

    for how, key, in_order in _PASSES[:4]:
        take(_pair_by(left, right, key, in_order), how)
    splits = _spreads(left, right)  # one old row now documented by several new rows
    matches.extend(Match((one,), parts, "split") for one, parts in splits)
    _drop(left, [one for one, _ in splits])
    _drop(right, [p for _, parts in splits for p in parts])
    merges = _spreads(right, left)  # several old rows now documented by one new row
    matches.extend(Match(parts, (one,), "merge") for one, parts in merges)
    _drop(right, [one for one, _ in merges])
    _drop(left, [p for _, parts in merges for p in parts])
    for how, key, in_order in _PASSES[4:]:
        take(_pair_by(left, right, key, in_order), how)
    take(_overlap_pairs(left, right), "overlap")
    matches.sort(key=lambda m: m.new[0].provenance)  # document order of the new side: stable output
    return Matching(tuple(matches), tuple(sorted(left, key=_row)), tuple(sorted(right, key=_row)))


def _drop(rows: list[Operation], gone: list[Operation]) -> None:
    ids = {id(o) for o in gone}
    rows[:] = [o for o in rows if id(o) not in ids]


def _row(op: Operation) -> Provenance:
    return op.provenance
