"""Where an answer may be granted: the three-way verdict and the grant plan.

Scope belongs to the (operation, action) pair. An action works on an enterprise project for the rows
that say so; the documentation does not say which API a service calls on the user's behalf, so an
action whose rows disagree goes to the plan's ``check`` part with the APIs on each side, rather than
making every answer that touches it "not grantable".
"""

from __future__ import annotations

from explorer.graph.results import ActionScope, ClosureResult, PairScope, Placement, Requirement, ScopeReport, Verdict


def _apis(pairs: list[PairScope]) -> tuple[str, ...]:
    return tuple(sorted({api for p in pairs for api in (p.apis or (p.operation_name or p.operation,))}))


def _placement(r: Requirement) -> tuple[Placement, tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    works = [p for p in r.scope if p.enterprise_project is True]
    fails = [p for p in r.scope if p.enterprise_project is False]
    unknown = [p for p in r.scope if p.enterprise_project is None]
    if works and not fails and not unknown:
        where: Placement = "enterprise_project"
    elif fails and not works:
        where = "iam_project"  # works there for no documented row
    else:
        where = "check"  # mixed, undocumented, or no table defines the action
    return where, _apis(works), _apis(fails), _apis(unknown)


def reason(r: Requirement, works: tuple[str, ...], fails: tuple[str, ...], unknown: tuple[str, ...]) -> str:
    """Why the action can or cannot go to an enterprise-project policy, naming the APIs."""
    if r.kind == "action" and not r.resolved:
        return "no table defines this action, so its scope is unknown"
    if r.kind == "pattern" and not r.scope:
        return "the pattern matches no action of the catalog, so its scope is unknown"

    def some(items: tuple[str, ...]) -> str:
        return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")

    if works and not fails and not unknown:
        return f"every row that checks it supports enterprise projects ({len(r.scope)})"
    if fails and not works:
        return "works on an enterprise project for no documented row: " + some(fails)
    if not works and not fails:
        return "the documentation does not say whether enterprise projects are supported"
    parts = [f"works for {some(works)}"]
    if fails:
        parts.append(f"not for {some(fails)}")
    if unknown:
        parts.append(f"undocumented for {some(unknown)}")
    return "depends on the API called: " + "; ".join(parts)


def scope_report(result: ClosureResult) -> ScopeReport:
    """The verdict and the plan for a closure's answer."""
    rows: list[ActionScope] = []
    for r in result.requirements:
        where, works, fails, unknown = _placement(r)
        rows.append(
            ActionScope(
                r.action,
                r.depth,
                r.scope_mark,
                r.scope,
                reason(r, works, fails, unknown),
                r.basis,
                where,
                works,
                fails,
                unknown,
            )
        )
    blockers = tuple(a for a in rows if a.placement == "iam_project")
    checks = tuple(a for a in rows if a.placement == "check")
    verdict: Verdict = "not_grantable" if blockers else "depends" if checks else "grantable"
    return ScopeReport(
        result.cloud,
        result.targets,
        tuple(rows),
        verdict,
        blockers,
        tuple(sorted(a.action for a in rows if a.placement == "enterprise_project")),
        tuple(sorted(a.action for a in blockers)),
        tuple(sorted(a.action for a in checks)),
        result.max_depth,
        result.excluded_conditions,
        result.possible,
    )
