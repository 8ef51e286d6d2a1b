"""Where a policy is attached: allowed actions that do not work when granted on an enterprise or IAM project."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext, entry_where
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule

PLACES = {"enterprise-project": "enterprise_project", "iam-project": "iam_project"}


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    for doc in ctx.documents:
        attach = doc.attach or ctx.attach
        if not attach:
            continue
        field = PLACES[attach]
        place = attach.replace("-", " ")
        for st in doc.statements:
            if st.effect != "Allow":
                continue
            seen: set[str] = set()
            for entry in st.actions:
                name = facts.spelling(entry.name)
                if name in seen:
                    continue
                if name is not None:
                    seen.add(name)
                if name is None or "*" in name or not facts.is_defined(name):
                    continue
                pairs = facts.pairs(name)
                flags = {getattr(p, field) for p in pairs}
                where = entry_where(doc, st, entry)
                rows = [
                    {
                        "operation": p.operation_name,
                        "apis": list(p.apis),
                        "file": p.provenance.file,
                        "table": p.provenance.table,
                        "row": p.provenance.row,
                        place.replace(" ", "_"): getattr(p, field),
                    }
                    for p in pairs
                ]
                if flags == {False}:
                    first = pairs[0].provenance
                    yield Finding(
                        "NOT_EFFECTIVE_WHERE_ATTACHED",
                        "",
                        f"{name} does not work when the policy is granted on an {place} "
                        f"[{first.file} table {first.table} row {first.row}]",
                        where,
                        entry.text,
                        fix="grant it on an IAM project instead" if attach == "enterprise-project" else "",
                        details={"rows": rows},
                    )
                elif False in flags:
                    failing = sorted(
                        {api for p in pairs if getattr(p, field) is False for api in (p.apis or (p.operation,))}
                    )
                    yield Finding(
                        "NOT_EFFECTIVE_WHERE_ATTACHED",
                        "mixed",
                        f"{name} works on an {place} for some APIs only; not for: {', '.join(failing[:4])}"
                        + (" ..." if len(failing) > 4 else ""),
                        where,
                        entry.text,
                        details={"rows": rows, "apis": failing},
                    )
                elif flags == {None}:
                    yield Finding(
                        "NOT_EFFECTIVE_WHERE_ATTACHED",
                        "undocumented",
                        f"the documentation does not say whether {name} works when granted on an {place}",
                        where,
                        entry.text,
                        details={"rows": rows},
                    )


RULE = Rule(
    "attachment",
    90,
    (
        Code(
            "NOT_EFFECTIVE_WHERE_ATTACHED",
            "error",
            "Not effective where attached",
            "With `--attach`: an allowed action that does not work where the policy is attached (`mixed` actions: "
            "some APIs work, they are named).",
            {"mixed": "warning", "undocumented": "info"},
        ),
    ),
    check,
)
