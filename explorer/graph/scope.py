"""Where an answer may be granted: the three-way verdict and the grant plan.

Scope belongs to the (operation, action) pair. An action works on an enterprise project for the rows
that say so; the documentation does not say which API a service calls on the user's behalf, so an
action whose rows disagree goes to the plan's ``check`` part with the APIs on each side, rather than
making every answer that touches it "not grantable".
"""

from __future__ import annotations

from explorer.graph.answers.closure import ClosureResult, Requirement
from explorer.graph.answers.common import PairScope
from explorer.graph.answers.scope import ActionScope, Placement, ScopeReport, Verdict
from explorer.graph.wording import placement_reason


def _apis(pairs: list[PairScope]) -> tuple[str, ...]:
    return tuple(sorted({api for p in pairs for api in (p.apis or (p.operation_name or p.operation,))}))


def _action_scope(r: Requirement) -> ActionScope:
    works = [p for p in r.scope if p.enterprise_project is True]
    fails = [p for p in r.scope if p.enterprise_project is False]
    unknown = [p for p in r.scope if p.enterprise_project is None]
    if works and not fails and not unknown:
        where: Placement = "enterprise_project"
    elif fails and not works:
        where = "iam_project"  # works there for no documented row
    else:
        where = "check"  # mixed, undocumented, or no table defines the action
    on, off, unsaid = _apis(works), _apis(fails), _apis(unknown)
    return ActionScope(
        action=r.action,
        depth=r.depth,
        mark=r.scope_mark,
        pairs=r.scope,
        reason=placement_reason(r, on, off, unsaid),
        basis=r.basis,
        placement=where,
        works=on,
        fails=off,
        unknown=unsaid,
    )


def scope_report(result: ClosureResult) -> ScopeReport:
    """The verdict and the plan for a closure's answer."""
    rows = [_action_scope(r) for r in result.requirements]
    blockers = tuple(a for a in rows if a.placement == "iam_project")
    checks = tuple(a for a in rows if a.placement == "check")
    verdict: Verdict = "not_grantable" if blockers else "depends" if checks else "grantable"
    return ScopeReport(
        cloud=result.cloud,
        targets=result.targets,
        actions=tuple(rows),
        verdict=verdict,
        blockers=blockers,
        enterprise_project_actions=tuple(sorted(a.action for a in rows if a.placement == "enterprise_project")),
        iam_project_actions=tuple(sorted(a.action for a in blockers)),
        check_actions=tuple(sorted(a.action for a in checks)),
        max_depth=result.max_depth,
        excluded_conditions=result.excluded_conditions,
        possible=result.possible,
    )
