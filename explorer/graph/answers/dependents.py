"""The records of a dependents query: who needs an action (what breaks if it is denied)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from explorer.graph.answers.common import Edge, MadeOnRead

DependentKind = Literal["action", "pattern", "operation"]


@dataclass(slots=True)  # not frozen: see explorer.graph.answers.common on speed
class Dependent:
    """An action, pattern or operation that needs the asked-about action, directly (depth 1) or not."""

    node: str  # action name, pattern, or op:<id>
    kind: DependentKind
    depth: int
    via: str  # the node one step closer to the asked-about action
    edge: Edge
    label: str = ""  # operation name and API for an operation

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.dependents import dependent_json

        return dependent_json(self)


class DependentsAnswer(NamedTuple):
    """The records of a dependents query, made from its walk when first read."""

    dependents: tuple[Dependent, ...]
    cycles: tuple[tuple[str, ...], ...]
    self_loops: tuple[str, ...]


@dataclass(slots=True, eq=False)  # not frozen: see explorer.graph.answers.common on speed
class DependentsResult(MadeOnRead[DependentsAnswer]):
    """Who needs an action: everything whose closure contains it (what breaks if it is denied).

    As with a closure, the records are made from the walk when one is first read."""

    cloud: str
    action: str
    max_depth: int | None
    truncated: bool
    make: Callable[[], DependentsAnswer] | None = field(default=None, repr=False)
    answer: DependentsAnswer | None = field(default=None, repr=False)

    @property
    def dependents(self) -> tuple[Dependent, ...]:
        return self.records().dependents

    def nodes(self) -> tuple[str, ...]:
        return tuple(d.node for d in self.dependents)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.dependents import dependents_json

        return dependents_json(self)
