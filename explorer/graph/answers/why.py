"""The record of a why query: the shortest paths by which an answer reaches an action."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from explorer.graph.answers.common import Basis, Edge, Target


@dataclass(frozen=True, slots=True)
class WhyResult:
    """Why ``action`` is in the closure of ``target``: shortest paths, each edge with its evidence."""

    cloud: str
    action: str
    target: Target
    paths: tuple[tuple[Edge, ...], ...]
    truncated: bool  # more shortest paths exist than were listed
    basis: Basis | Literal[""] = ""  # how the answer requires it ("" when it does not)
    bases: tuple[tuple[str, Basis], ...] = ()  # the basis of every node on the paths, sorted by node

    def basis_of(self, node: str) -> Basis | Literal[""]:
        return dict(self.bases).get(node, "")

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.why import why_json

        return why_json(self)
