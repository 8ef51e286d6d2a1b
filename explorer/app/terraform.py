"""What a deployment needs: from a Terraform configuration or plan to the least-privilege answer and policies.

The configuration's resource and data source types are looked up in the provider data (the APIs the
provider declares for each), the APIs matched to the catalog's operations, and the operations asked as
``closure`` asks them: the requirements are the closure's own records (same bases, flags and rows) of those
operations, each naming the types and APIs that bring it in. The verdict and grant plan are ``scope``'s, the
policies ``policy generate``'s for the same operations. What cannot be mapped is listed with the reason.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.jsonout import document

if TYPE_CHECKING:
    from explorer.graph import ClosureResult, Exclude, Explorer, ScopeReport
    from explorer.policy import Generated
    from explorer.terraform.config import Configuration, ModuleCall, Use
    from explorer.terraform.matching import ApiIndex, ApiMatch
    from explorer.terraform.provider import ProviderData, TypeInfo
    from explorer.terraform.review import SharedApi

PROVIDER_PREFIX = "huaweicloud_"


@dataclass(slots=True)
class TypeUsage:
    """One resource or data source type of the configuration: where it is used and what the provider calls."""

    kind: str
    type: str
    uses: list[Use]
    info: TypeInfo | None
    apis: tuple[ApiMatch, ...] = ()
    reason: str = ""  # why the type could not be mapped ("" when it was)
    from_plan: bool = False  # read from a plan: its planned actions are known

    @property
    def plan_actions(self) -> tuple[str, ...]:
        return tuple(sorted({a for u in self.uses for a in u.actions}))

    @property
    def plan_verb(self) -> str:
        """What a plan does with the type: creates, updates, deletes, replaces, reads only, or leaves it."""
        acts = set(self.plan_actions)
        if not acts:
            return ""
        verbs = [v for v, a in (("creates", "create"), ("updates", "update"), ("deletes", "delete")) if a in acts]
        if verbs:
            return ", ".join(verbs)
        return "reads only" if "read" in acts else "leaves unchanged"

    def to_dict(self) -> dict[str, Any]:
        info = self.info
        return {
            "type": self.type,
            "kind": self.kind,
            "count": len(self.uses),
            "uses": [
                {"file": u.file, "line": u.line, "address": u.address, "module": u.module, "count": u.count}
                for u in self.uses
            ],
            "plan_actions": list(self.plan_actions)
            if any(u.actions or u.file.endswith(".json") for u in self.uses)
            else None,
            "function": info.function if info else None,
            "aliases": list(info.aliases) if info else [],
            "reason": self.reason,
            "apis": [m.to_dict() for m in self.apis],
        }


@dataclass(slots=True)
class TerraformAnswer:
    cloud: str
    paths: tuple[str, ...]
    configuration: Configuration
    provider: ProviderData
    types: list[TypeUsage]
    targets: tuple[str, ...]  # the operation nodes asked
    closure: ClosureResult | None
    scope: ScopeReport | None
    generated: Generated | None
    brought_by: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)
    shared: dict[str, tuple[SharedApi, ...]] = field(default_factory=dict)  # requirements only via shared APIs

    @property
    def modules(self) -> list[ModuleCall]:
        return self.configuration.modules

    def unmatched_types(self) -> list[TypeUsage]:
        return [t for t in self.types if t.reason]

    def unmatched_apis(self) -> list[tuple[ApiMatch, list[str]]]:
        """Each provider API without a documented operation, with the types that declare it."""
        by_key: dict[tuple[str, str, str], tuple[ApiMatch, list[str]]] = {}
        for t in self.types:
            for m in t.apis:
                if m.status != "matched":
                    key = (m.api.service, m.api.method, m.api.path)
                    by_key.setdefault(key, (m, []))[1].append(t.type)
        return [by_key[k] for k in sorted(by_key)]

    def counts(self) -> dict[str, int]:
        apis = {(m.api.service, m.api.text): m.status for t in self.types for m in t.apis}
        return {
            "types": len(self.types),
            "types_unmapped": len(self.unmatched_types()),
            "apis": len(apis),
            "apis_matched": sum(1 for s in apis.values() if s == "matched"),
            "apis_no_table": sum(1 for s in apis.values() if s == "no_table"),
            "apis_undocumented": sum(1 for s in apis.values() if s in ("undocumented", "unreadable")),
            "apis_actions_only": sum(n for n, _types in self.actions_only().values()),
            "operations": len(self.targets),
            "requirements_shared_api": len(self.shared),
        }

    def actions_only(self) -> dict[str, tuple[int, list[str]]]:
        """The services whose tables name no API: how many APIs of the types they leave unmatched, and the types."""
        from explorer.terraform.review import actions_only_services

        return actions_only_services(self.unmatched_apis())

    def summary(self) -> str:
        """The answer's size for a deployment, and what a reviewer must know before granting it."""
        from explorer.terraform.review import warnings

        cl = self.closure
        if cl is None:
            text = "nothing to grant: no provider API maps to a documented operation"
        else:
            c = cl.counts()
            total = sum(c[b] for b in ("target", "documented", "certain")) + (c["possible"] if cl.possible else 0)
            text = (
                f"{total} {'action' if total == 1 else 'actions'}: {c['target']} checked by the APIs the "
                f"configuration's types call, {c['documented']} documented dependencies, {c['certain']} certain"
            )
            if cl.possible:
                text += f", {c['possible']} possible"
        return ". ".join([text, *(w[0].upper() + w[1:] for w in warnings(len(self.shared), self.actions_only()))])

    def requirement_dicts(self) -> list[dict[str, Any]]:
        if self.closure is None:
            return []
        from explorer.graph.answers.common import BASES

        out = []
        order = sorted(self.closure.requirements, key=lambda r: (r.depth, BASES.index(r.basis), r.action))
        for r in order:
            types, apis = self.brought_by.get(r.action, ((), ()))
            shared = self.shared.get(r.action)
            out.append(
                {
                    **r.to_dict(),
                    "types": list(types),
                    "apis_from": list(apis),
                    "shared_api": [a.to_dict() for a in shared] if shared else None,
                }
            )
        return out

    def to_dict(self) -> dict[str, Any]:
        cl = self.closure
        unmatched_apis = [{**m.to_dict(), "types": sorted(set(types))} for m, types in self.unmatched_apis()]
        return document(
            {
                "cloud": self.cloud,
                "paths": list(self.paths),
                "files": list(self.configuration.files),
                "plan": bool(self.configuration.plans),
                "provider": {"repository": self.provider.repository, "commit": self.provider.commit},
                "modules": [m.to_dict() for m in self.modules],
                "counts": self.counts(),
                "resources": [t.to_dict() for t in self.types],
                "operations": list(self.targets),
                "possible": cl.possible if cl else False,
                "max_depth": cl.max_depth if cl else None,
                "truncated": cl.truncated if cl else False,
                "summary": self.summary(),
                "requirements": self.requirement_dicts(),
                "unmatched": {
                    "types": [
                        {"type": t.type, "kind": t.kind, "count": len(t.uses), "reason": t.reason}
                        for t in self.unmatched_types()
                    ],
                    "apis": unmatched_apis,
                    "without_actions": [n.to_dict() for n in cl.without_actions()] if cl else [],
                },
                "verdict": self.scope.to_dict() if self.scope else None,
                "policies": [p.to_dict() for p in self.generated.policies] if self.generated else [],
            }
        )


def read_configuration(paths: Sequence[Path]) -> Configuration:
    """Folders and ``.tf`` files, and plans in JSON (``terraform show -json``), read into one configuration."""
    from explorer.terraform.config import Configuration, read_paths
    from explorer.terraform.files import TerraformError
    from explorer.terraform.plan import looks_like_plan, read_plan

    if not paths:
        raise TerraformError("no path given: expected a folder of .tf files, .tf files or a plan in JSON")
    config = Configuration()
    for p in paths:
        if p.is_file() and looks_like_plan(p):
            read_plan(p, config)
        else:
            read_paths([p], config)
    return config


_INDEXES: weakref.WeakKeyDictionary[Explorer, ApiIndex] = weakref.WeakKeyDictionary()


def api_index(ex: Explorer) -> ApiIndex:
    """The catalog's documented APIs by service, made once per engine (the engine is cached per catalog)."""
    from explorer.terraform.matching import ApiIndex

    known = _INDEXES.get(ex)
    if known is not None:
        return known
    rows = ex.data.rows
    index = _INDEXES[ex] = ApiIndex(
        (node, service, rows.operations[node].apis) for node, service in rows.op_service.items()
    )
    return index


def _types(config: Configuration, provider: ProviderData, index: ApiIndex) -> list[TypeUsage]:
    plans = set(config.plans)
    grouped: dict[tuple[str, str], list[Use]] = {}
    for u in config.uses:
        grouped.setdefault((u.type, u.kind), []).append(u)
    out: list[TypeUsage] = []
    for (name, kind), uses in sorted(grouped.items()):
        info = provider.get("data" if kind == "data" else "resource", name)
        usage = TypeUsage(kind, name, sorted(uses), info, from_plan=any(u.file in plans for u in uses))
        if not name.startswith(PROVIDER_PREFIX):
            usage.reason = "not a type of the huaweicloud provider"
        elif info is None:
            what = "data source" if kind == "data" else "resource"
            usage.reason = f"the provider data has no {what} of this name (provider commit {provider.commit[:12]})"
        else:
            usage.apis = tuple(index.match(a) for a in provider.apis(info.function))
            if not usage.apis:
                usage.reason = "the provider declares no API for it"
        out.append(usage)
    return out


def _brought_by(answer: TerraformAnswer) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each requirement, the types and APIs whose operations reach it over the answer's own links."""
    assert answer.closure is not None
    succ: dict[str, set[str]] = {}
    for link in answer.closure.links:
        succ.setdefault(link.edge.source, set()).add(link.edge.target)
    sources: dict[str, tuple[set[str], set[str]]] = {}
    for t in answer.types:
        for m in t.apis:
            for node in m.operations:
                types, apis = sources.setdefault(node, (set(), set()))
                types.add(t.type)
                apis.add(m.api.label)
    reached_by: dict[str, tuple[set[str], set[str]]] = {}
    for seed in sorted(sources):
        seen = {seed}
        stack = [seed]
        while stack:
            for v in succ.get(stack.pop(), ()):
                if v not in seen:
                    seen.add(v)
                    stack.append(v)
        types, apis = sources[seed]
        for node in seen:
            got = reached_by.setdefault(node, (set(), set()))
            got[0].update(types)
            got[1].update(apis)
    return {a: (tuple(sorted(t)), tuple(sorted(p))) for a, (t, p) in reached_by.items()}


def policy_name(paths: Sequence[Path | str]) -> str:
    """``terraform-<folder or file stem>``: the generated policies say what they are for."""
    first = Path(paths[0]) if paths else Path("config")
    first = first.resolve() if first.exists() else first
    stem = first.name if first.is_dir() else first.stem
    return f"terraform-{stem}" + (f"-and-{len(paths) - 1}-more" if len(paths) > 1 else "")


def analyse(
    paths: Sequence[Path],
    ex: Explorer,
    *,
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
    provider: Path | None = None,
) -> TerraformAnswer:
    """The answer for a configuration (folders, ``.tf`` files, plans) on the catalog of ``ex``; ``provider``
    is provider data written by ``./run provider`` or a provider checkout (default: the shipped data)."""
    config = read_configuration(paths)
    names = tuple(map(str, paths))
    return answer_for(config, names, ex, max_depth=max_depth, exclude=exclude, possible=possible, provider=provider)


MAX_UPLOAD_BYTES = 4 * 1024 * 1024


def analyse_uploads(
    files: Sequence[tuple[str, bytes]],
    ex: Explorer,
    *,
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
) -> TerraformAnswer:
    """The answer for uploaded files, read in memory: ``.tf`` files (one module, no folders) or a plan."""
    from explorer.terraform.config import Configuration, read_source
    from explorer.terraform.files import TerraformError
    from explorer.terraform.plan import read_plan_text

    if not files:
        raise TerraformError("no file uploaded: expected .tf files or a plan in JSON")
    config = Configuration()
    for name, data in sorted(files):
        if len(data) > MAX_UPLOAD_BYTES:
            raise TerraformError(f"{name}: {len(data):,} bytes, more than the {MAX_UPLOAD_BYTES:,} read here")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TerraformError(f"{name}: not valid UTF-8 (byte {exc.start})") from None
        if name.lower().endswith(".json"):
            read_plan_text(text, name, config)
        elif name.lower().endswith(".tf"):
            read_source(text, name, "", config, [])
        else:
            raise TerraformError(f"{name}: expected a .tf file or a plan in JSON (.json)")
    names = tuple(name for name, _data in sorted(files))
    return answer_for(config, names, ex, max_depth=max_depth, exclude=exclude, possible=possible)


def answer_for(
    config: Configuration,
    names: tuple[str, ...],
    ex: Explorer,
    *,
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
    provider: Path | None = None,
) -> TerraformAnswer:
    """The answer for a configuration already read (``names``: what it was read from)."""
    from explorer.policy import generate
    from explorer.terraform.provider import load_data

    data = load_data(provider)
    types = _types(config, data, api_index(ex))
    targets = tuple(sorted({n for t in types for m in t.apis for n in m.operations}))
    answer = TerraformAnswer(ex.cloud, names, config, data, types, targets, None, None, None)
    if targets:
        answer.closure = ex.closure(list(targets), max_depth, exclude, possible)
        answer.scope = ex.scope(list(targets), result=answer.closure)
        same = max_depth is None and exclude is False  # generate asks the default walk: reuse it when it is this one
        answer.generated = generate(
            ex,
            list(targets),
            possible=possible,
            name=policy_name(names),
            result=answer.closure if same else None,
            scope=answer.scope if same else None,
        )
        answer.brought_by = _brought_by(answer)
        answer.shared = _shared(answer, ex)
    return answer


def _shared(answer: TerraformAnswer, ex: Explorer) -> dict[str, tuple[SharedApi, ...]]:
    from explorer.terraform.review import shared_only

    assert answer.closure is not None
    operations = ex.data.rows.operations

    def name_of(node: str) -> str:
        op = operations.get(node)
        return op.display_name() if op is not None else node

    edges = ((link.edge.source, link.edge.target) for link in answer.closure.links)
    found = shared_only((m for t in answer.types for m in t.apis), edges, name_of)
    actions = set(answer.closure.actions())
    return {node: apis for node, apis in found.items() if node in actions}  # operation nodes are no requirement


def examples() -> dict[str, Path]:
    """The example configurations shipped in the package (the UI's deep links name them)."""
    from importlib import resources

    root = Path(str(resources.files("explorer.terraform") / "examples"))
    return {p.name: p for p in sorted(root.iterdir()) if p.is_dir() and any(p.glob("*.tf"))}
