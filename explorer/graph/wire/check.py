"""``check --json``: the serializer of a catalog check and the schema it satisfies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.common import CYCLES, SELF_LOOPS, provenance_json
from explorer.graph.wire.suspicion import suspicious_row_json
from explorer.jsonshape import CLOUD, COUNT, STR, Schema, array, document, enum, obj, ref, said, strings

if TYPE_CHECKING:
    from explorer.graph.answers.check import CheckReport, ServiceStats


def _counts(c: tuple[int, int, int]) -> dict[str, int]:
    return {"supported": c[0], "not_supported": c[1], "not_documented": c[2]}


SCOPE_COUNTS = obj(
    {"supported": COUNT, "not_supported": COUNT, "not_documented": COUNT},
    "(operation, action) pairs by scope flag.",
)


def service_json(s: ServiceStats) -> dict[str, Any]:
    return {
        "service": s.service,
        "operations": s.operations,
        "without_actions": s.without_actions,
        "actions": s.actions,
        "dependencies": s.dependencies,
        "unresolved": s.unresolved,
        "enterprise_project": _counts(s.enterprise_project),
        "iam_project": _counts(s.iam_project),
    }


def check_json(report: CheckReport) -> dict[str, Any]:
    return {
        "cloud": report.cloud,
        "operations": report.operations,
        "actions": report.actions,
        "patterns": report.patterns,
        "dependency_edges": report.dependency_edges,
        "services": [service_json(s) for s in report.services],
        "unresolved": [
            {"action": a, "referenced_by": [provenance_json(p) for p in rows]} for a, rows in report.unresolved
        ],
        "empty_patterns": list(report.empty_patterns),
        "cycles": [list(c) for c in report.cycles],
        "self_loops": list(report.self_loops),
        "disagreements": [
            {
                "action": d.action,
                "field": d.field,
                "values": [{"value": v, "rows": [provenance_json(p) for p in rows]} for v, rows in d.values],
            }
            for d in report.disagreements
        ],
        "suspicious": [suspicious_row_json(s) for s in report.suspicious],
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer check --json (and its alias stats)",
        {
            "cloud": CLOUD,
            "operations": said(COUNT, "operations (documentation rows) in the catalog of this cloud"),
            "actions": said(COUNT, "distinct actions, defined or referenced"),
            "patterns": said(COUNT, "distinct wildcard patterns the rows list as dependencies"),
            "dependency_edges": said(COUNT, "depends edges of the graph"),
            "services": array(
                obj(
                    {
                        "service": STR,
                        "operations": said(COUNT, "operations of the service's rows"),
                        "without_actions": {**COUNT, "description": "operations whose rows list no action"},
                        "actions": said(COUNT, "distinct actions its rows check"),
                        "dependencies": said(COUNT, "distinct (action, dependency) pairs its rows document"),
                        "unresolved": said(COUNT, "distinct actions its rows depend on that no table defines"),
                        "enterprise_project": said(ref("scope_counts"), "pairs by enterprise-project flag"),
                        "iam_project": said(ref("scope_counts"), "pairs by IAM-project flag"),
                    }
                )
            ),
            "unresolved": array(
                obj({"action": STR, "referenced_by": array(ref("provenance"), "the rows that reference it")}),
                "actions some row references and no table defines",
            ),
            "empty_patterns": strings("patterns that match no catalog action"),
            "cycles": CYCLES,
            "self_loops": SELF_LOOPS,
            "disagreements": array(
                obj(
                    {
                        "action": STR,
                        "field": enum("enterprise_project", "iam_project", "dependencies"),
                        "values": array(
                            obj({"value": said(STR, "the value as text"), "rows": array(ref("provenance"))}),
                            "each distinct value with the rows that write it",
                        ),
                    }
                ),
                "actions that rows document differently",
            ),
            "suspicious": array(ref("suspicious_row"), "dependencies that contradict their row (copy errors)"),
        },
        defs,
    )
