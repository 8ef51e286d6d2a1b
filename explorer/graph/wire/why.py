"""``why --json``: the serializer of a why answer and the schema it satisfies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.common import edge_json, target_json
from explorer.jsonshape import BOOL, CLOUD, STR, Schema, array, document, ref, said

if TYPE_CHECKING:
    from explorer.graph.answers.why import WhyResult


def why_json(result: WhyResult) -> dict[str, Any]:
    return {
        "cloud": result.cloud,
        "action": result.action,
        "basis": result.basis or None,
        "target": target_json(result.target),
        "truncated": result.truncated,
        "paths": [[edge_json(e) for e in path] for path in result.paths],
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer why --json (exit status 1 when paths is empty: the action is not required)",
        {
            "cloud": CLOUD,
            "action": said(STR, "the action asked about"),
            "basis": {
                "enum": ["target", "documented", "certain", "possible", None],
                "description": "the action's basis in the answer; null when it is not required",
            },
            "target": said(ref("target"), "the --from target"),
            "truncated": said(BOOL, "true when more shortest paths exist than are listed"),
            "paths": array(array(ref("edge")), "the shortest paths from the target to the action, edge by edge"),
        },
        defs,
    )
