"""``policy generate``: the policies a reviewer needs for an answer, split where they take effect.

From the closure's default answer (``possible`` adds the possible extras), actions that work on an enterprise
project go to a policy granted there, the others to one granted on an IAM project; global services (OBS,
IAM, ...) get a policy of their own (type AX; the others are XA). Every document is Version 1.1 with sorted,
de-duplicated actions, split when a limit would be exceeded.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from explorer.actions import matches, service_of
from explorer.graph import ClosureResult, Explorer, ScopeReport
from explorer.graph.build import summarise
from explorer.jsonout import document
from explorer.policy.grammar import MAX_ACTIONS, MAX_POLICY_CHARS, MAX_STATEMENTS
from explorer.policy.services import services_of

Attach = Literal["enterprise-project", "iam-project"]
PolicyType = Literal["XA", "AX"]


@dataclass(frozen=True, slots=True)
class GeneratedPolicy:
    name: str
    attach: Attach
    type: PolicyType
    document: dict[str, Any]

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(a for st in self.document["Statement"] for a in st["Action"])

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "attach": self.attach, "type": self.type, "document": self.document}


@dataclass(frozen=True, slots=True)
class Generated:
    cloud: str
    targets: tuple[str, ...]
    possible: bool
    actions: tuple[str, ...]  # the whole answer, sorted
    policies: tuple[GeneratedPolicy, ...]

    def to_dict(self) -> dict[str, Any]:
        return document(
            {
                "cloud": self.cloud,
                "targets": list(self.targets),
                "possible": self.possible,
                "actions": list(self.actions),
                "policies": [p.to_dict() for p in self.policies],
            }
        )


def _base_name(targets: tuple[str, ...]) -> str:
    first = re.sub(r"[^A-Za-z0-9_-]+", "-", targets[0]).strip("-") or "policy"
    more = f"-and-{len(targets) - 1}-more" if len(targets) > 1 else ""
    return (first + more)[:48]


def _enterprise_ok(ex: Explorer, action: str) -> bool:
    g = ex.data
    if "*" in action:
        members = g.links.succ.get(action, ()) if action in g.nodes.patterns else ()
        return bool(members) and summarise(p for a in members for p in g.rows.pairs.get(a, ())) == "supported"
    return summarise(g.rows.pairs.get(action, ())) == "supported"


def compact(actions: list[str], ex: Explorer, wanted: set[str]) -> list[str]:
    """Replace the actions of one resource type by ``service:resource:*`` (or ``...:verb*``) where that wildcard
    matches no catalog action outside ``wanted``."""
    catalog = sorted(ex.data.nodes.defined | ex.data.nodes.unresolved)
    groups: dict[tuple[str, str], list[str]] = {}
    for a in actions:
        if "*" in a:
            continue
        service, resource, _op = a.split(":", 2)
        groups.setdefault((service, resource.casefold()), []).append(a)
    lowered = {w.casefold() for w in wanted}

    def safe(pattern: str) -> bool:
        return all(a.casefold() in lowered for a in catalog if matches(pattern, a))

    replaced: dict[str, str] = {}
    for (service, _res), members in groups.items():
        if len(members) < 2:
            continue
        resource = members[0].split(":", 2)[1]
        whole = f"{service}:{resource}:*"
        if safe(whole):
            for m in members:
                replaced[m] = whole
            continue
        verbs: dict[str, list[str]] = {}
        for m in members:
            op = m.split(":", 2)[2]
            found = re.match(r"[a-z]+", op)
            if found and found.group() != op:
                verbs.setdefault(found.group(), []).append(m)
        for verb, same in verbs.items():
            pattern = f"{service}:{resource}:{verb}*"
            if len(same) >= 2 and safe(pattern):
                for m in same:
                    replaced[m] = pattern
    return sorted({replaced.get(a, a) for a in actions})


def _statements(actions: list[str]) -> list[list[str]]:
    """Actions in statements of at most MAX_ACTIONS, grouped by service so a split keeps services together."""
    chunks: list[list[str]] = []
    for a in actions:
        if not chunks or len(chunks[-1]) >= MAX_ACTIONS:
            chunks.append([])
        chunks[-1].append(a)
    return chunks


_EMPTY_DOCUMENT = len('{"Version":"1.1","Statement":[]}')
_EMPTY_STATEMENT = len('{"Effect":"Allow","Action":[]}')


def document_size(count: int, chars: int) -> int:
    """``compact_size`` of the document ``_documents`` makes of ``count`` actions whose JSON strings take
    ``chars`` characters in all, without encoding it: measuring every trial document instead made the
    split quadratic in the number of actions."""
    statements = -(-count // MAX_ACTIONS)
    # a comma between two statements and between two actions of a statement: count - 1 in all
    return _EMPTY_DOCUMENT + statements * _EMPTY_STATEMENT + count - 1 + chars


def _documents(actions: list[str]) -> list[dict[str, Any]]:
    """Version 1.1 documents holding ``actions``, each within the statement and character limits."""
    docs: list[dict[str, Any]] = []
    current: list[str] = []

    def doc_of(items: list[str]) -> dict[str, Any]:
        return {"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": c} for c in _statements(items)]}

    chars = 0  # the encoded characters of the actions in ``current``
    for a in actions:
        size = len(json.dumps(a, ensure_ascii=False))
        count = len(current) + 1
        if current and (
            document_size(count, chars + size) > MAX_POLICY_CHARS or -(-count // MAX_ACTIONS) > MAX_STATEMENTS
        ):
            docs.append(doc_of(current))
            current, chars = [], 0
        current.append(a)
        chars += size
    if current:
        docs.append(doc_of(current))
    return docs


def generate(
    ex: Explorer,
    targets: list[str] | tuple[str, ...],
    *,
    possible: bool = False,
    compact_wildcards: bool = False,
    name: str = "",
    result: ClosureResult | None = None,
    scope: ScopeReport | None = None,
) -> Generated:
    """The policies for ``targets`` on ``ex``'s catalog (QueryError for an unknown target); ``name`` is the
    policies' base name (default: made from the targets). ``result`` and ``scope``: the targets' default
    closure (with ``possible``) and its scope report, when the caller has them already."""
    names = tuple(targets)
    if result is None:
        result = ex.closure(list(names), possible=possible)
    wanted = sorted(set(result.actions()))
    # the scope plan judges an API target's own actions by its own rows (scope belongs to the pair); what it
    # says to check (works for some APIs only, or undocumented) goes to the IAM-project part, where it works
    if scope is None:
        scope = ex.scope(list(names), possible=possible, result=result)
    planned = set(scope.enterprise_project_actions)
    services = services_of(ex.cloud)
    base = _base_name((name,) if name else names)
    parts: dict[tuple[PolicyType, Attach], list[str]] = {}
    for a in wanted:
        kind: PolicyType = "AX" if services.is_global(service_of(a)) else "XA"
        where: Attach = "enterprise-project" if a in planned or _enterprise_ok(ex, a) else "iam-project"
        parts.setdefault((kind, where), []).append(a)
    policies: list[GeneratedPolicy] = []
    for kind, where in sorted(parts, key=lambda k: (k[0] != "XA", k[1] != "enterprise-project")):
        actions = parts[(kind, where)]
        if compact_wildcards:
            actions = compact(actions, ex, set(wanted))
        docs = _documents(actions)
        short = "ep" if where == "enterprise-project" else "iam"
        for i, doc in enumerate(docs, 1):
            suffix = f"-{i}" if len(docs) > 1 else ""
            policies.append(GeneratedPolicy(f"{base}-{short}-{kind.lower()}{suffix}", where, kind, doc))
    return Generated(ex.cloud, names, possible, tuple(wanted), tuple(policies))
