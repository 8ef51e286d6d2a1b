"""The wire format of the records several answers share: each one's JSON serializer beside its schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.jsonshape import BOOL, FLAG, STR, Schema, array, enum, obj, ref, said, strings

if TYPE_CHECKING:
    from explorer.graph.answers.common import Edge, Evidence, NoAction, PairScope, Target
    from explorer.model import Provenance

BASIS = said(
    enum("target", "documented", "certain", "possible"),
    "target; documented by the target's own rows; certain: every row that checks via lists it; "
    "possible: only some do (only with --possible)",
)
CYCLES = array(strings(), "dependency cycles met, each sorted")
SELF_LOOPS = strings("actions that depend on themselves")
EXCLUDED = strings('--exclude-condition texts; ["*"] for --no-conditional')


def provenance_json(p: Provenance) -> dict[str, Any]:
    return {"file": p.file, "table": p.table, "row": p.row, "edition": p.edition}


PROVENANCE = obj(
    {
        "file": {"type": "string", "description": "the documentation file, as the corpus names it"},
        "table": {"type": "integer", "minimum": 1, "description": "action table in the file, from 1"},
        "row": {"type": "integer", "minimum": 1, "description": "data row of the table, from 1"},
        "edition": STR,
    },
    "A documentation row: where a claim comes from.",
)


def evidence_json(e: Evidence) -> dict[str, Any]:
    return {"operation": e.operation, "condition": e.condition, "provenance": provenance_json(e.provenance)}


EVIDENCE = obj(
    {"operation": STR, "condition": {"type": ["string", "null"]}, "provenance": ref("provenance")},
    "One documentation row behind an edge, with the condition it writes (null: unconditional).",
)


def edge_json(e: Edge) -> dict[str, Any]:
    return {
        "source": e.source,
        "target": e.target,
        "kind": e.kind,
        "conditions": list(e.conditions),
        "evidence": [evidence_json(x) for x in e.evidence],
    }


EDGE = obj(
    {
        "source": STR,
        "target": STR,
        "kind": enum("checks", "depends", "matches"),
        "conditions": strings("empty when any row lists the dependency without a condition"),
        "evidence": array(ref("evidence")),
    },
    "An edge of the graph and the rows that justify it (none for a matches edge).",
)


def no_action_json(n: NoAction) -> dict[str, Any]:
    return {
        "operation": n.operation,
        "operation_name": n.operation_name,
        "apis": list(n.apis),
        "notes": list(n.notes),
        "provenance": provenance_json(n.provenance),
    }


NO_ACTION = obj(
    {
        "operation": STR,
        "operation_name": STR,
        "apis": strings(),
        "notes": strings("what the row's action cell said"),
        "provenance": ref("provenance"),
    },
    "An operation whose documentation row lists no action.",
)


def target_json(t: Target) -> dict[str, Any]:
    return {
        "query": t.query,
        "kind": t.kind,
        "seeds": list(t.seeds),
        "actions": list(t.actions),
        "operations": list(t.operations),
        "resolved": t.resolved,
        "note": t.note,
        "node": t.node,
        "without_actions": [no_action_json(n) for n in t.without_actions],
        "label": t.label,
    }


TARGET = obj(
    {
        "query": {"type": "string", "description": "the target as typed"},
        "kind": enum("action", "pattern", "operation"),
        "seeds": strings("the graph nodes the query starts from"),
        "actions": strings("the actions the target names"),
        "operations": strings("operation ids, for an API or operation target"),
        "resolved": BOOL,
        "note": {"type": "string", "description": "how the text was understood, or empty"},
        "node": STR,
        "without_actions": array(ref("no_action"), "rows of an API or operation target that list no action"),
        "label": said(STR, "the target as the catalog spells it: the action, or the operation's name and API"),
    },
    "What a target string resolved to.",
)


def pair_scope_json(p: PairScope) -> dict[str, Any]:
    return {
        "action": p.action,
        "operation": p.operation,
        "operation_name": p.operation_name,
        "apis": list(p.apis),
        "iam_project": p.iam_project,
        "enterprise_project": p.enterprise_project,
        "inferred": list(p.inferred),
        "provenance": provenance_json(p.provenance),
    }


PAIR_SCOPE = obj(
    {
        "action": STR,
        "operation": STR,
        "operation_name": STR,
        "apis": strings(),
        "iam_project": FLAG,
        "enterprise_project": FLAG,
        "inferred": said(
            {"type": "array", "items": {"enum": ["iam_project", "enterprise_project"]}},
            "the flags the importer read from the row's prose, not from its flag columns",
        ),
        "provenance": ref("provenance"),
    },
    "Scope of one (operation, action) pair, as that operation's row documents it.",
)

DEFS: dict[str, Schema] = {
    "provenance": PROVENANCE,
    "evidence": EVIDENCE,
    "edge": EDGE,
    "no_action": NO_ACTION,
    "target": TARGET,
    "pair_scope": PAIR_SCOPE,
}
