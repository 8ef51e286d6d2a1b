"""The record of a search: one hit, ranked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

HitKind = Literal["action", "operation", "api"]


@dataclass(frozen=True, slots=True, order=True)
class SearchHit:
    """One search result; lower ``rank`` is better (0 exact, 1 prefix, 2 substring, 3 close match)."""

    rank: int
    score: float  # within a rank, higher first is encoded as a negative similarity
    kind: HitKind
    key: str  # action name, or op:<id> for an operation or API hit
    text: str  # the text that matched
    label: str = ""

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.search import hit_json

        return hit_json(self)
