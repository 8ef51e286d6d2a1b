"""The fixed copy of a linted policy set: what the findings' fixes say, applied, and the missing actions added.

Spelling fixes (Effect, spaces, upper-case services, repeats, bare strings, renamed actions) are applied in
place. A missing requirement joins the statement of the first action that needs it when both are of the same
display scope; otherwise (a global service needed by a project-level policy) it goes to a policy of its own.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from explorer.actions import service_of
from explorer.policy.lint import LintReport
from explorer.policy.services import services_of
from explorer.policy.structure import normalise

_KEYS = ("Version", "Statement", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition", "Sid")


@dataclass(frozen=True, slots=True)
class FixedPolicy:
    file: str
    document: str  # the Terraform address, "" for a JSON file, "added" for a policy of missing actions
    policy: dict[str, Any]


def _keys(obj: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in obj.items():
        proper = next((p for p in _KEYS if p.casefold() == str(k).casefold()), k)
        out[proper] = v
    return out


def _statement(raw: Any, renames: dict[str, str]) -> Any:
    if not isinstance(raw, dict):
        return raw
    st = _keys(raw)
    effect = st.get("Effect")
    if isinstance(effect, str):
        st["Effect"] = {"allow": "Allow", "deny": "Deny"}.get(effect.strip().casefold(), effect)
    for key in ("Action", "NotAction", "Resource", "NotResource"):
        if isinstance(st.get(key), str):
            st[key] = [st[key]]
    for key in ("Action", "NotAction"):
        if isinstance(st.get(key), list):
            seen: dict[str, str] = {}
            for item in st[key]:
                if not isinstance(item, str):
                    continue
                name = normalise(item)
                name = renames.get(name, name)
                seen.setdefault(name.casefold(), name)
            st[key] = list(seen.values())
    return st


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) turning ``a`` into ``b``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, prev2[j - 2] + 1)
            cur.append(cost)
        prev2, prev = prev, cur
    return prev[-1]


def typo_fix(code: str, action: str, fix: str, suggestions: list[str]) -> str:
    """The action an UNKNOWN_ACTION finding offers in its place: its fix (a renamed action), else the one
    suggestion a single slip of the keyboard away in the same service and resource (``createImag``), else ""."""
    if code != "UNKNOWN_ACTION":
        return ""
    if fix:
        return fix
    near = [s for s in suggestions if s.rsplit(":", 1)[0] == action.rsplit(":", 1)[0] and _distance(action, s) == 1]
    return near[0] if len(near) == 1 else ""


def fixed_documents(report: LintReport) -> list[FixedPolicy]:
    services = services_of(report.cloud)
    renames: dict[str, str] = {}
    for f in report.findings:
        replacement = typo_fix(f.code, f.action, f.fix, list(f.details.get("suggestions", [])))
        if replacement:
            renames[normalise(f.action)] = replacement
    missing: dict[tuple[str, str, int], list[str]] = {}
    for f in report.findings:
        if f.code == "MISSING_DEPENDENCY" and f.variant != "possible" and f.where.statement is not None:
            key = (f.where.file, f.where.document, f.where.statement)
            missing.setdefault(key, []).append(str(f.details["requirement"]))
    out: list[FixedPolicy] = []
    extra: dict[bool, list[str]] = {}
    for doc in report.documents:
        policy = _keys(copy.deepcopy(doc.plain)) if isinstance(doc.plain, dict) else {}
        if not isinstance(policy.get("Version"), str) or policy["Version"] not in ("1.0", "1.1", "5.0"):
            policy["Version"] = "1.1"
        statements = policy.get("Statement")
        if isinstance(statements, dict):
            statements = [statements]
        fixed = [_statement(s, renames) for s in (statements if isinstance(statements, list) else [])]
        for i, st in enumerate(fixed):
            needed = missing.get((doc.file, doc.name, i), [])
            if not needed or not isinstance(st, dict) or not isinstance(st.get("Action"), list):
                continue
            kinds = {services.is_global(service_of(a)) for a in st["Action"] if service_of(a) != "*"}
            for action in needed:
                is_global = services.is_global(service_of(action))
                if doc.global_scope or not kinds or kinds == {is_global}:
                    st["Action"].append(action)
                else:
                    extra.setdefault(is_global, []).append(action)
            st["Action"] = sorted(dict.fromkeys(st["Action"]))
        policy["Statement"] = fixed
        out.append(FixedPolicy(doc.file, doc.name, policy))
    for is_global in sorted(extra):
        actions = sorted(dict.fromkeys(extra[is_global]))
        policy = {"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]}
        out.append(FixedPolicy("", "added (global services, type AX)" if is_global else "added (type XA)", policy))
    return out
