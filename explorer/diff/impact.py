"""Impact of a diff on answers: which actions' default requirements changed, and how.

The engine does not build graphs itself: each side hands in a ``Closure``, a function from an action to
the names its default closure requires (target + documented + certain, see ``Explorer.closure``), so
this module stays independent of how closures are computed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from explorer.diff.renames import Rename
from explorer.diff.result import Impact

Closure = Callable[[str], frozenset[str]]


def _delta(target: str, before: frozenset[str], after: frozenset[str], renamed_from: str = "") -> Impact | None:
    if before == after:
        return None
    return Impact(target, tuple(sorted(after - before)), tuple(sorted(before - after)), renamed_from)


def impact_of(
    old: Closure, new: Closure, old_targets: frozenset[str], new_targets: frozenset[str], renames: Iterable[Rename]
) -> list[Impact]:
    """Every action checked on both sides whose default requirements differ (the action itself left out),
    and every renamed action compared with its old name."""
    out: list[Impact] = []
    for target in sorted(old_targets & new_targets):
        found = _delta(target, old(target) - {target}, new(target) - {target})
        if found is not None:
            out.append(found)
    seen: set[tuple[str, str]] = set()
    for r in sorted(renames):
        key = (r.old, r.new)
        if key in seen or r.old not in old_targets or r.new not in new_targets or r.new in old_targets:
            continue
        seen.add(key)
        found = _delta(r.new, old(r.old) - {r.old}, new(r.new) - {r.new}, r.old)
        if found is not None:
            out.append(found)
    return sorted(out, key=lambda i: (i.target, i.renamed_from))
