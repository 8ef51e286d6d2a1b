"""How old an answer's documentation is, on the wire: the serializer of a Documentation and its schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.jsonshape import STR, array, obj

if TYPE_CHECKING:
    from explorer.graph.answers.documentation import Documentation


def documentation_json(doc: Documentation | None) -> dict[str, Any]:
    if doc is None:
        return {"services": [], "deleted_rows": []}
    return {
        "services": [{"service": s, "date": d} for s, d in doc.dates],
        "deleted_rows": [
            {"file": p.file, "table": p.table, "row": p.row, "edition": p.edition, "date": p.date}
            for p in doc.deleted_rows
        ],
    }


DATE = {"type": ["string", "null"], "description": "YYYY-MM-DD; null: undated"}

DOCUMENTATION = obj(
    {
        "services": array(
            obj({"service": STR, "date": DATE}),
            "the date of the tables of each covered service the answer names, by service",
        ),
        "deleted_rows": array(
            obj(
                {
                    "file": STR,
                    "table": {"type": "integer", "minimum": 1},
                    "row": {"type": "integer", "minimum": 1},
                    "edition": STR,
                    "date": DATE,
                }
            ),
            "the rows the answer rests on that come from pages deleted since (older documentation)",
        ),
    },
    "How old the documentation behind an answer is.",
)
