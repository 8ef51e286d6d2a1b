"""``dependents --json``: the serializer of a dependents answer and the schema it satisfies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.common import CYCLES, SELF_LOOPS, edge_json
from explorer.jsonshape import CLOUD, DEPTH, STR, Schema, array, document, enum, obj, ref, said

if TYPE_CHECKING:
    from explorer.graph.answers.dependents import Dependent, DependentsResult


def dependent_json(d: Dependent) -> dict[str, Any]:
    return {
        "node": d.node,
        "kind": d.kind,
        "depth": d.depth,
        "via": d.via,
        "label": d.label,
        "edge": edge_json(d.edge),
    }


def dependents_json(result: DependentsResult) -> dict[str, Any]:
    return {
        "cloud": result.cloud,
        "action": result.action,
        "max_depth": result.max_depth,
        "truncated": result.truncated,
        "dependents": [dependent_json(d) for d in result.dependents],
        "cycles": [list(c) for c in result.cycles],
        "self_loops": list(result.self_loops),
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer dependents --json",
        {
            "cloud": CLOUD,
            "action": said(STR, "the action asked about"),
            "max_depth": DEPTH,
            "truncated": {"type": "boolean", "description": "true when --depth cut off further dependents"},
            "dependents": array(
                obj(
                    {
                        "node": {"type": "string", "description": "an action, a pattern or op:<id>"},
                        "kind": enum("action", "pattern", "operation"),
                        "depth": {"type": "integer", "minimum": 1, "description": "1: needs it directly"},
                        "via": {"type": "string", "description": "the node one step closer to the action"},
                        "label": {"type": "string", "description": "operation name and API of an operation"},
                        "edge": said(ref("edge"), "the edge from this node towards the action, with its rows"),
                    }
                ),
                "everything whose closure contains the action, by depth then name",
            ),
            "cycles": CYCLES,
            "self_loops": SELF_LOOPS,
        },
        defs,
    )
