"""``show --json``: the serializer of what the catalog says about an action, and the schema it satisfies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.age import documentation_json
from explorer.graph.wire.common import edge_json, pair_scope_json
from explorer.jsonshape import BOOL, CLOUD, SCOPE_MARK, STR, Schema, array, document, enum, ref, said

if TYPE_CHECKING:
    from explorer.graph.answers.show import ActionInfo


def show_json(info: ActionInfo) -> dict[str, Any]:
    return {
        "cloud": info.cloud,
        "action": info.action,
        "kind": info.kind,
        "service": info.service,
        "resolved": info.resolved,
        "scope_mark": info.scope_mark,
        "operations": [pair_scope_json(p) for p in info.operations],
        "dependencies": [edge_json(e) for e in info.dependencies],
        "required_by": [edge_json(e) for e in info.required_by],
        "documentation": documentation_json(info.documentation),
        "outdated": info.outdated,
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer show --json",
        {
            "cloud": CLOUD,
            "action": said(STR, "the action or pattern, as the catalog writes it"),
            "kind": enum("action", "pattern"),
            "service": STR,
            "resolved": {"type": "boolean", "description": "false: rows reference it, no table defines it"},
            "scope_mark": SCOPE_MARK,
            "operations": array(ref("pair_scope"), "the rows that check it"),
            "dependencies": array(ref("edge"), "what it needs"),
            "required_by": array(ref("edge"), "what needs it"),
            "documentation": ref("documentation"),
            "outdated": said(BOOL, "every row that checks it comes from a page deleted since"),
        },
        defs,
    )
