"""A dependency that contradicts its row, on the wire: the serializer of a SuspiciousRow and its schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.common import provenance_json
from explorer.jsonshape import STR, enum, obj, ref, said, strings

if TYPE_CHECKING:
    from explorer.graph.answers.suspicious import SuspiciousRow


def suspicious_row_json(s: SuspiciousRow) -> dict[str, Any]:
    return {
        "operation": s.operation,
        "operation_name": s.operation_name,
        "apis": list(s.apis),
        "actions": list(s.actions),
        "dependency": s.dependency,
        "kind": s.kind,
        "against": s.against,
        "reason": s.reason,
        "provenance": provenance_json(s.provenance),
    }


SUSPICIOUS_ROW = obj(
    {
        "operation": STR,
        "operation_name": STR,
        "apis": strings("the row's APIs"),
        "actions": strings("what the row checks"),
        "dependency": said(STR, "the dependency the row lists"),
        "kind": said(
            enum("read_needs_write", "delete_needs_create"),
            "read_needs_write: a read-only row needs a writing action; delete_needs_create: a deleting row "
            "needs a creating action (docs/graph.md)",
        ),
        "against": said(STR, "the row's action (or API) the dependency contradicts"),
        "reason": said(STR, "one line saying so"),
        "provenance": ref("provenance"),
    },
    "A documentation row whose dependency contradicts what the row does: a likely copy error.",
)
