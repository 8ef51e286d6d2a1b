"""``scope --json``: the serializer of a scope report and the schema it satisfies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from explorer.graph.wire.common import BASIS, EXCLUDED, pair_scope_json, target_json
from explorer.jsonshape import (
    BOOL,
    CLOUD,
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
    from explorer.graph.answers.scope import ActionScope, ScopeReport

WORKS_FOR = strings("APIs whose rows say it works on an enterprise project")
FAILS_FOR = strings("APIs whose rows say it does not")
UNKNOWN_FOR = strings("APIs whose rows do not say")


def action_scope_json(a: ActionScope) -> dict[str, Any]:
    return {
        "action": a.action,
        "depth": a.depth,
        "basis": a.basis,
        "mark": a.mark,
        "placement": a.placement,
        "reason": a.reason,
        "works_for": list(a.works),
        "fails_for": list(a.fails),
        "unknown_for": list(a.unknown),
        "pairs": [pair_scope_json(p) for p in a.pairs],
    }


ACTION_SCOPE = obj(
    {
        "action": STR,
        "depth": {"type": "integer", "minimum": 0},
        "basis": BASIS,
        "mark": SCOPE_MARK,
        "placement": said(enum("enterprise_project", "iam_project", "check"), "where to grant it"),
        "reason": said(STR, "why it can or cannot go to an enterprise-project policy"),
        "works_for": WORKS_FOR,
        "fails_for": FAILS_FOR,
        "unknown_for": UNKNOWN_FOR,
        "pairs": array(ref("pair_scope")),
    },
    "An action of a closure with its (operation, action) pairs and their summary.",
)


def scope_json(report: ScopeReport) -> dict[str, Any]:
    return {
        "cloud": report.cloud,
        "targets": [target_json(t) for t in report.targets],
        "verdict": report.verdict,
        "enterprise_project_grantable": report.enterprise_project_grantable,
        "headline": report.headline,
        "nothing_to_grant": report.nothing_to_grant,
        "possible": report.possible,
        "blockers": [b.action for b in report.blockers],
        "blocker_details": [action_scope_json(b) for b in report.blockers],
        "plan": {
            "enterprise_project": list(report.enterprise_project_actions),
            "iam_project": list(report.iam_project_actions),
            "check": [
                {
                    "action": a.action,
                    "works_for": list(a.works),
                    "fails_for": list(a.fails),
                    "unknown_for": list(a.unknown),
                }
                for a in report.checks
            ],
        },
        "max_depth": report.max_depth,
        "excluded_conditions": list(report.excluded_conditions),
        "actions": [action_scope_json(a) for a in report.actions],
    }


def schema(defs: dict[str, Schema]) -> Schema:
    return document(
        "permission-explorer scope --json: can the targets be granted through an enterprise project",
        {
            "cloud": CLOUD,
            "targets": array(ref("target")),
            "verdict": said(
                enum("grantable", "not_grantable", "depends"),
                "grantable: every action works on an enterprise project; not_grantable: some action works "
                "there for no documented row; depends: some work for some APIs only (see plan.check)",
            ),
            "enterprise_project_grantable": {
                "type": ["boolean", "null"],
                "description": "the verdict as a flag: true grantable, false not_grantable, null depends",
            },
            "headline": said(STR, "the verdict in one sentence"),
            "nothing_to_grant": said(BOOL, "true when the targets' rows list no action and no dependency"),
            "possible": said(BOOL, "--possible: possible requirements are judged too"),
            "blockers": strings("the actions that keep the grant off an enterprise project"),
            "blocker_details": array(ref("action_scope"), "each blocker with its mark, reason and pairs"),
            "plan": obj(
                {
                    "enterprise_project": strings("actions that may go to an enterprise-project policy"),
                    "iam_project": strings("actions that must be granted on an IAM project"),
                    "check": array(
                        obj(
                            {"action": STR, "works_for": WORKS_FOR, "fails_for": FAILS_FOR, "unknown_for": UNKNOWN_FOR}
                        ),
                        "actions whose placement depends on the API called",
                    ),
                },
                "the grant plan",
            ),
            "max_depth": DEPTH,
            "excluded_conditions": EXCLUDED,
            "actions": array(ref("action_scope"), "every action of the closure with its pairs"),
        },
        defs,
    )
