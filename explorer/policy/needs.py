"""What an allowed action needs, from the closure's default answer (and the possible extras on request).

The one place that reads closure results for policies, so lint and generate agree on what "needed" means:
the default answer is the target, what its own rows document, and what is certain below that; ``possible``
adds what only some rows list.
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
    apis: tuple[str, ...] = ()  # for a possible requirement: the APIs whose rows list it
    # why rows behind it contradict it (a likely copy error in the documentation, explorer.contradictions)
    suspicious: tuple[str, ...] = ()

    @property
    def conditional(self) -> bool:
        return bool(self.conditions)


def _path(result: ClosureResult, req: Requirement) -> tuple[str, ...]:
    by_name = {r.action: r for r in result.requirements}
    chain = [req.action]
    current = req
    seen = {req.action}
    while current.depth > 0 and current.via in by_name and current.via not in seen:
        current = by_name[current.via]
        seen.add(current.action)
        chain.append(current.action)
    return tuple(reversed(chain))


def needs_of(ex: Explorer, action: str, *, possible: bool = False) -> tuple[Need, ...]:
    """The requirements of ``action`` as a closure target (the target itself left out)."""
    result = ex.closure([action], possible=possible)
    out: list[Need] = []
    for r in result.requirements:
        if r.basis == "target":
            continue
        odd = tuple(f"{s.reason} [{s.where}]" for s in r.suspicious)
        out.append(Need(r.action, r.kind, r.basis, _path(result, r), r.provenance, r.conditions, r.apis, odd))
    return tuple(out)
