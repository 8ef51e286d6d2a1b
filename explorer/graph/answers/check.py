"""The records of a catalog check: counts per service, unresolved references, cycles, disagreements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from explorer.model import Provenance

if TYPE_CHECKING:
    from explorer.graph.answers.suspicious import SuspiciousRow


@dataclass(frozen=True, slots=True)
class ServiceStats:
    service: str
    operations: int
    actions: int  # distinct actions the service's rows check
    dependencies: int  # distinct (action, dependency) pairs its rows document
    unresolved: int  # distinct actions its rows depend on that no table defines
    # (operation, action) pairs of its rows by scope flag: (supported, not supported, not documented)
    enterprise_project: tuple[int, int, int] = (0, 0, 0)
    iam_project: tuple[int, int, int] = (0, 0, 0)
    without_actions: int = 0  # operations whose rows list no action (counted in ``operations`` too)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.check import service_json

        return service_json(self)


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One action that rows (or editions) document differently.

    ``field`` is ``enterprise_project``, ``iam_project`` or ``dependencies``; ``values`` maps each
    distinct value (as text) to the rows that wrote it.
    """

    action: str
    field: str
    values: tuple[tuple[str, tuple[Provenance, ...]], ...]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Catalog health: counts per service, unresolved references, cycles, self-loops, disagreements."""

    cloud: str
    services: tuple[ServiceStats, ...]
    operations: int
    actions: int
    patterns: int
    dependency_edges: int
    unresolved: tuple[tuple[str, tuple[Provenance, ...]], ...]  # action -> rows that reference it
    empty_patterns: tuple[str, ...]  # patterns that match no catalog action
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]
    disagreements: tuple[Disagreement, ...] = field(default=())
    suspicious: tuple[SuspiciousRow, ...] = field(default=())  # dependencies that contradict their row

    @property
    def ok(self) -> bool:
        """True when nothing is unresolved and no pattern is empty (cycles and disagreements are facts)."""
        return not self.unresolved and not self.empty_patterns

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.check import check_json

        return check_json(self)
