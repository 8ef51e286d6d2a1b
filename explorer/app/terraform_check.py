"""``terraform --against``: is a deployer's policy set enough for a configuration?

The policies are linted as one set (every ``policy lint`` rule), then every action of the configuration's
answer (the default least-privilege answer; with ``--possible`` the possible requirements too) that the set
does not allow, Deny winning over Allow, is a ``MISSING_FOR_TERRAFORM`` finding placed at the first block of
the types that bring it in (the ``.tf`` line, or the address in a plan), so code scanning shows it there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.app.terraform import TerraformAnswer
    from explorer.policy import Finding, LintReport

CODE = "MISSING_FOR_TERRAFORM"


def missing_findings(answer: TerraformAnswer, report: LintReport) -> list[Finding]:
    """One finding per needed action the report's policy set does not allow."""
    from explorer.policy import Finding, Where
    from explorer.policy.matcher import PolicySet

    if answer.closure is None:
        return []
    policies = PolicySet(report.documents)
    first_use = {t.type: t.uses[0] for t in answer.types if t.uses}
    out: list[Finding] = []
    for r in answer.closure.requirements:
        allowed = (
            policies.allows_all(r.action, [s.action for s in r.scope])
            if r.kind == "pattern"
            else (policies.allows(r.action))
        )
        if allowed:
            continue
        types, apis = answer.brought_by.get(r.action, ((), ()))
        uses = sorted((first_use[t] for t in types if t in first_use), key=lambda u: (u.file, u.line))
        use = uses[0] if uses else None
        where = Where(use.file, use.line or None, 1 if use.line else None, None, "", use.address) if use else Where("")
        brought = ", ".join(types[:3]) + (f" and {len(types) - 3} more" if len(types) > 3 else "")
        out.append(
            Finding(
                CODE,
                "possible" if r.basis == "possible" else "",
                f"{r.action} is needed by {brought or 'the configuration'} ({r.basis}) and no policy allows it",
                where,
                r.action,
                f"allow {r.action}",
                {"basis": r.basis, "types": list(types), "apis": list(apis)},
            )
        )
    return out


def check(answer: TerraformAnswer, report: LintReport) -> LintReport:
    """The lint report of the policies (``policy lint`` of them as one set, on the same catalog), with the
    configuration's missing actions added as findings."""
    from explorer.policy import Finding, LintReport

    findings = sorted([*report.findings, *missing_findings(answer, report)], key=Finding.sort_key)
    files = tuple(dict.fromkeys([*report.files, *answer.configuration.files]))
    return LintReport(report.cloud, report.attach, files, report.documents, tuple(findings))
