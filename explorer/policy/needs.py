"""What an allowed action needs, from the closure's default answer (and the possible extras on request).

The one place that reads closure results for policies, so lint and generate agree on what "needed" means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from explorer.graph import ClosureResult, Explorer, Requirement
from explorer.model import Provenance

Basis = Literal["documented", "certain", "possible"]


@dataclass(frozen=True, slots=True)
class Need:
    """One requirement of a root action: its basis, the path from the root, the rows and conditions behind it."""

    action: str
    kind: str  # "action" or "pattern"
    basis: Basis
    path: tuple[str, ...]  # root ... action
    rows: tuple[Provenance, ...]
    conditions: tuple[str, ...]

    @property
    def conditional(self) -> bool:
        return bool(self.conditions)


def _path(result: ClosureResult, req: Requirement) -> tuple[str, ...]:
    by_name = {r.action: r for r in result.requirements}
    chain = [req.action]
    current = req
    while current.depth > 0 and current.via in by_name:
        current = by_name[current.via]
        chain.append(current.action)
    return tuple(reversed(chain))


def needs_of(ex: Explorer, action: str, *, possible: bool = False) -> tuple[Need, ...]:
    """The requirements of ``action`` as a closure target (the target itself left out).

    Until the closure tells documented, certain and possible requirements apart, the documented ones are the
    requirements at depth 1 (the rows of the action itself); deeper ones are not claimed.
    """
    result = ex.closure([action], max_depth=1)
    out: list[Need] = []
    for r in result.requirements:
        if r.depth == 0:
            continue
        out.append(Need(r.action, r.kind, "documented", _path(result, r), r.provenance, r.conditions))
    return tuple(out)


def answer(ex: Explorer, targets: list[str], *, possible: bool = False) -> tuple[str, ...]:
    """The actions (and documented patterns) a policy for ``targets`` must allow: the closure's answer."""
    result = ex.closure(targets, max_depth=1)
    return result.actions()
