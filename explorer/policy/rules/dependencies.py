"""Completeness of the policy set: requirements of allowed actions that no statement allows, or that a Deny removes.

Only the set's *root* actions are asked about: an action that another allowed action requires (and that does
not require it back) is in the policy for that one, and following its own rows' dependencies would
over-approximate, the trap the closure's least-privilege answer avoids. Generate writes the same answer, so
linting what it wrote finds nothing missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from explorer.graph.age import date_of, is_deleted
from explorer.policy.codes import Code
from explorer.policy.context import LintContext, entry_where
from explorer.policy.document import ActionEntry, PolicyDocument, Statement
from explorer.policy.findings import Finding
from explorer.policy.matcher import Grant
from explorer.policy.needs import Need, needs_of
from explorer.policy.rule import Rule


@dataclass(frozen=True, slots=True)
class _Root:
    name: str  # the catalog's spelling
    doc: PolicyDocument
    st: Statement
    entry: ActionEntry


def _candidates(ctx: LintContext) -> list[_Root]:
    """Allowed literal actions the catalog defines, first occurrence of each, in file order."""
    facts, ps = ctx.facts, ctx.policy_set
    out: dict[str, _Root] = {}
    for doc in ctx.documents:
        for st in doc.statements:
            if st.effect != "Allow":
                continue
            for entry in st.actions:
                if "*" in entry.name:
                    continue
                name = facts.spelling(entry.name)
                if name is None or not facts.is_defined(name) or name in out or not ps.allows(name):
                    continue
                out[name] = _Root(name, doc, st, entry)
    return list(out.values())


def _rows(need: Need) -> list[dict[str, Any]]:
    return [
        {
            "file": p.file,
            "table": p.table,
            "row": p.row,
            "edition": p.edition,
            "date": date_of(p),
            "deleted": is_deleted(p),
        }
        for p in need.rows
    ]


def _row_text(need: Need) -> str:
    if not need.rows:
        return ""
    p = need.rows[0]
    more = f" and {len(need.rows) - 1} more rows" if len(need.rows) > 1 else ""
    return f" [{p.file} table {p.table} row {p.row}{more}]"


def _variant(need: Need, otherwise: str) -> str:
    """possible (info) first, then suspicious (a warning: the documentation's copy error is not the policy's
    fault), then ``otherwise``."""
    return "possible" if need.basis == "possible" else "suspicious" if need.suspicious else otherwise


def _satisfied(ctx: LintContext, need: Need) -> bool:
    ps = ctx.policy_set
    if need.kind == "pattern":
        return ps.allows_all(need.action, ctx.facts.expand(need.action))
    return ps.allows(need.action)


def _denials(ctx: LintContext, need: Need) -> list[Grant]:
    ps = ctx.policy_set
    found = list(ps.denied_by(need.action))
    if need.kind == "pattern":
        for member in ctx.facts.expand(need.action):
            found.extend(ps.denied_by(member))
    return found


def check(ctx: LintContext) -> Iterator[Finding]:
    candidates = _candidates(ctx)
    needs = {c.name: needs_of(ctx.facts.explorer, c.name, possible=True) for c in candidates}
    reach = {name: {n.action for n in found if n.basis != "possible"} for name, found in needs.items()}
    roots = [
        c for c in candidates if not any(c.name in reach[o] and o not in reach[c.name] for o in reach if o != c.name)
    ]
    grouped: dict[str, tuple[_Root, Need, list[str]]] = {}
    # the default answer first, so that a requirement certain for one root is not reported as possible
    for wanted_possible in (False, True):
        for root in roots:
            for need in needs[root.name]:
                if (need.basis == "possible") != wanted_possible:
                    continue
                if need.action in grouped:
                    if (grouped[need.action][1].basis == "possible") == wanted_possible:
                        grouped[need.action][2].append(root.name)
                    continue
                grouped[need.action] = (root, need, [root.name])
    for action, (root, need, needed_by) in grouped.items():
        denials = _denials(ctx, need)
        if not denials and _satisfied(ctx, need):
            continue
        where = entry_where(root.doc, root.st, root.entry)
        path = " -> ".join(need.path)
        when = f" when: {'; '.join(need.conditions)}" if need.conditions else ""
        if need.apis:
            when += f" (for {', '.join(need.apis[:3])}{' ...' if len(need.apis) > 3 else ''})"
        others = f" (and {len(needed_by) - 1} more allowed actions)" if len(needed_by) > 1 else ""
        details: dict[str, Any] = {
            "requirement": action,
            "basis": need.basis,
            "path": list(need.path),
            "rows": _rows(need),
            "conditions": list(need.conditions),
            "needed_by": needed_by,
        }
        if need.apis:
            details["apis"] = list(need.apis)
        odd = ""
        if need.suspicious:
            details["suspicious"] = list(need.suspicious)
            odd = f"; suspicious, {need.suspicious[0]}"  # a copy error in the documentation is not the policy's
        if denials:
            hard = [g for g in denials if not g.restricted]
            deny = (hard or denials)[0]
            details["denied_by"] = {
                "file": deny.document.file,
                "document": deny.document.name,
                "statement": deny.statement.index,
            }
            yield Finding(
                "DENIED_DEPENDENCY",
                _variant(need, "" if hard else "conditional"),
                f"{root.name}{others} needs {action} ({path}){_row_text(need)}{when}, but statement "
                f"{deny.statement.index} of {deny.document.name or deny.document.file} denies it"
                + ("" if hard else " (under a Condition or Resource)")
                + odd,
                where,
                root.entry.text,
                fix=f"narrow the Deny so that it leaves {action}",
                details=details,
            )
            continue
        yield Finding(
            "MISSING_DEPENDENCY",
            _variant(need, "conditional" if need.conditional else ""),
            f"{root.name}{others} needs {action} ({need.basis}: {path}){_row_text(need)}{when}; no statement allows it"
            + odd,
            where,
            root.entry.text,
            fix=f"allow {action}",
            details=details,
        )


RULE = Rule(
    "dependencies",
    80,
    (
        Code(
            "MISSING_DEPENDENCY",
            "error",
            "Missing dependency",
            "An allowed action needs an action that no statement of the policy set allows (documented or certain "
            "requirement; the path and the documentation row are given); a warning when a row behind it contradicts "
            "it (a likely copy error in the documentation, see docs/graph.md).",
            {"conditional": "warning", "possible": "info", "suspicious": "warning"},
        ),
        Code(
            "DENIED_DEPENDENCY",
            "error",
            "Denied dependency",
            "A Deny statement removes an action that an allowed action needs (Deny wins over Allow); a Deny under a "
            "Condition is a warning, of a possible requirement info.",
            {"conditional": "warning", "possible": "info", "suspicious": "warning"},
        ),
    ),
    check,
)
