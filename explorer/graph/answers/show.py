"""The record of a show query: everything the catalog says about one action or pattern."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.graph.answers.common import Edge, PairScope, RequirementKind
from explorer.view import ScopeMark

if TYPE_CHECKING:
    from explorer.graph.answers.documentation import Documentation


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """Everything the catalog says about one action or pattern."""

    cloud: str
    action: str
    kind: RequirementKind
    service: str
    resolved: bool
    scope_mark: ScopeMark
    operations: tuple[PairScope, ...]  # the rows that check it
    dependencies: tuple[Edge, ...]  # outgoing depends/matches edges
    required_by: tuple[Edge, ...]  # incoming depends/checks/matches edges
    documentation: Documentation | None = None  # its service's table date, its rows from deleted pages

    @property
    def outdated(self) -> bool:
        """True when every row that checks it comes from a page deleted since: older documentation."""
        doc = self.documentation
        return bool(self.operations and doc and len(doc.deleted_rows) == len({p.provenance for p in self.operations}))

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.show import show_json

        return show_json(self)
