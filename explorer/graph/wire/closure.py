"""``closure --json``: the serializer of a closure and the schema it satisfies (closure.schema.json)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.age import documentation_json
from explorer.graph.wire.common import (
    BASIS,
    CYCLES,
    EXCLUDED,
    SELF_LOOPS,
    evidence_json,
    pair_scope_json,
    provenance_json,
    target_json,
)
from explorer.graph.wire.suspicion import suspicious_row_json
from explorer.jsonshape import (
    BOOL,
    CLOUD,
    COUNT,
    DEPTH,
    SCOPE_MARK,
    STR,
    Schema,
    array,
    document,
    enum,
    obj,
    ref,
    said,
    strings,
)

if TYPE_CHECKING:
    from explorer.graph.answers.closure import ClosureResult, Requirement


def requirement_json(r: Requirement) -> dict[str, Any]:
    return {
        "action": r.action,
        "depth": r.depth,
        "kind": r.kind,
        "basis": r.basis,
        "documented": r.documented,
        "via": r.via,
        "via_label": r.via_label,
        "reason": r.reason,
        "conditions": list(r.conditions),
        "provenance": [provenance_json(p) for p in r.provenance],
        "rows": [evidence_json(e) for e in r.rows],
        "apis": list(r.apis),
        "of_rows": r.of_rows if r.basis == "possible" else None,
        "broad": r.broad,
        "destructive": r.destructive,
        "suspicious": bool(r.suspicious),
        "suspicious_rows": [suspicious_row_json(s) for s in r.suspicious],
        "outdated": r.outdated,
        "matches": r.matches if r.kind == "pattern" else None,
        "resolved": r.resolved,
        "scope_mark": r.scope_mark,
        "scope": [pair_scope_json(s) for s in r.scope],
    }


REQUIREMENT = obj(
    {
        "action": said(STR, "the action, or the pattern as the documentation writes it"),
        "depth": {"type": "integer", "minimum": 0, "description": "0 a target, 1 documented, more below"},
        "kind": enum("action", "pattern"),
        "basis": BASIS,
        "documented": said(BOOL, "true for the target and what the target's own rows list"),
        "via": said(STR, "the node that first required it (breadth-first, ties by name)"),
        "via_label": said(STR, "the operation's name when via is an operation"),
        "reason": said(STR, "one line saying why it is required, with its first row"),
        "conditions": strings("the conditions the rows write on the edge from via; empty: unconditional"),
        "provenance": array(ref("provenance"), "the documentation rows behind the claim"),
        "rows": array(ref("evidence"), "for a possible requirement: every row that lists it"),
        "apis": strings("for a possible requirement: the APIs whose rows list it"),
        "of_rows": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": "for a possible requirement: how many rows check via (null otherwise)",
        },
        "broad": said(BOOL, "a wildcard: it grants every action it matches"),
        "destructive": said(BOOL, "deletes, removes, detaches..."),
        "suspicious": said(BOOL, "some row behind it contradicts it (a likely copy error): see suspicious_rows"),
        "suspicious_rows": array(ref("suspicious_row"), "the rows behind it whose listing contradicts them"),
        "outdated": said(BOOL, "every row behind it comes from a page deleted since: older documentation"),
        "matches": {
            "type": ["integer", "null"],
            "minimum": 0,
            "description": "for a pattern: how many catalog actions it matches (null for an action)",
        },
        "resolved": said(BOOL, "false: rows reference it, no table defines it"),
        "scope_mark": SCOPE_MARK,
        "scope": array(ref("pair_scope"), "its (operation, action) pairs"),
    },
    "One action (or documented pattern) a closure requires.",
)


def closure_json(result: ClosureResult) -> dict[str, Any]:
    return {
        "cloud": result.cloud,
        "targets": [target_json(t) for t in result.targets],
        "max_depth": result.max_depth,
        "excluded_conditions": list(result.excluded_conditions),
        "truncated": result.truncated,
        "possible": result.possible,
        "counts": dict(result.counts()),
        "summary": result.summary(),
        "requirements": [requirement_json(r) for r in result.requirements],
        "cycles": [list(c) for c in result.cycles],
        "self_loops": list(result.self_loops),
        "documentation": documentation_json(result.documentation),
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer closure --json: what a policy must allow for the targets",
        {
            "cloud": CLOUD,
            "targets": array(ref("target"), "the targets as given, each with what it resolved to"),
            "max_depth": DEPTH,
            "excluded_conditions": EXCLUDED,
            "truncated": said(BOOL, "true when --depth cut off further requirements"),
            "possible": said(BOOL, "--possible: possible requirements are listed too"),
            "counts": obj(
                {"target": COUNT, "documented": COUNT, "certain": COUNT, "possible": COUNT},
                "requirements by basis",
            ),
            "summary": said(STR, "the sentence every face prints about the answer's size"),
            "requirements": array(ref("requirement"), "one per required action or pattern, by depth then name"),
            "cycles": CYCLES,
            "self_loops": SELF_LOOPS,
            "documentation": ref("documentation"),
        },
        defs,
    )
