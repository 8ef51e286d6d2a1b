"""The record of a dependency that contradicts its row (found by explorer.graph.suspicion)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from explorer.contradictions import Contradiction, ContradictionKind
from explorer.model import Operation, Provenance


@dataclass(frozen=True, slots=True)
class SuspiciousRow:
    """A documentation row whose dependency contradicts what the row does."""

    operation: str  # operation id
    operation_name: str
    apis: tuple[str, ...]
    actions: tuple[str, ...]  # what the row checks
    dependency: str
    kind: ContradictionKind
    against: str  # the row's action (or API) the dependency contradicts
    provenance: Provenance

    @classmethod
    def of(cls, op: Operation, c: Contradiction) -> SuspiciousRow:
        actions = tuple(sorted(r.action for r in op.actions))
        return cls(
            op.id, op.display_name(), tuple(sorted(op.apis)), actions, c.dependency, c.kind, c.against, op.provenance
        )

    @property
    def reason(self) -> str:
        return Contradiction(self.kind, self.dependency, self.against).reason

    @property
    def where(self) -> str:
        p = self.provenance
        return f"{p.file} table {p.table} row {p.row}"

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.suspicion import suspicious_row_json

        return suspicious_row_json(self)
