"""The record of how old an answer's documentation is (made by explorer.graph.age)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from explorer.graph import wording
from explorer.model import Provenance


@dataclass(frozen=True, slots=True)
class Documentation:
    """How old the documentation behind an answer is: the date of each covered service's tables it names,
    and the rows it rests on that come from pages deleted later."""

    dates: tuple[tuple[str, str | None], ...]  # (service, date of its tables), by service
    deleted_rows: tuple[Provenance, ...] = ()

    def text(self) -> str:
        """One line for a face (explorer.graph.wording)."""
        return wording.documentation_text(self.dates, self.deleted_rows)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.age import documentation_json

        return documentation_json(self)
