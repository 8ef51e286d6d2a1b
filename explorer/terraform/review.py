"""What a reviewer must be told before granting a Terraform answer: shared APIs and services without APIs.

**Shared APIs.** The documentation describes some APIs for several operations, the request body deciding
which (ECS's ``POST /v2.1/{project_id}/servers/{server_id}/action`` is createImage, reboot, lock, start,
resize...; its batch ``POST /v1/{project_id}/cloudservers/action`` is start, stop and reboot). The provider
declares the API, not the operations it performs through it, so the answer asks every one of them. A
requirement is *certain* for the configuration when some API the types call needs it whichever of its
operations is performed: the intersection, over the operations one matched API documents, of what each
reaches over the answer's edges (an API documented for one operation needs all it reaches). The other
requirements are reached only through shared APIs: the provider may call only some of those operations.

**Services whose tables name no API.** Their APIs cannot be matched (:mod:`explorer.terraform.matching`
never guesses an action), so the policies lack every action of that service the types need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.terraform.matching import ApiMatch


@dataclass(frozen=True, slots=True)
class SharedApi:
    """One provider API that the documentation describes for several operations."""

    api: str  # the provider's label and METHOD /path
    operations: tuple[str, ...]  # the names of every operation it documents (sorted)
    needing: tuple[str, ...]  # the names of those whose answer includes the requirement (sorted)

    def to_dict(self) -> dict[str, Any]:
        return {
            "api": self.api,
            "operations": len(self.operations),
            "names": list(self.operations),
            "needed_by": list(self.needing),
        }


def _reach(seed: str, succ: Mapping[str, set[str]]) -> set[str]:
    seen = {seed}
    stack = [seed]
    while stack:
        for v in succ.get(stack.pop(), ()):
            if v not in seen:
                seen.add(v)
                stack.append(v)
    return seen


def shared_only(
    matches: Iterable[ApiMatch],
    edges: Iterable[tuple[str, str]],
    name_of: Callable[[str], str],
) -> dict[str, tuple[SharedApi, ...]]:
    """Each requirement (node name) reached only through shared APIs, with those APIs.

    ``matches``: the matched APIs of the configuration's types; ``edges``: the answer's (source, target)
    links; ``name_of``: an operation node's name for people."""
    succ: dict[str, set[str]] = {}
    for source, target in edges:
        succ.setdefault(source, set()).add(target)
    reach: dict[str, set[str]] = {}
    apis: dict[str, tuple[str, ...]] = {}
    for m in matches:
        if m.status == "matched":
            apis.setdefault(m.api.label, m.operations)
    certain: set[str] = set()
    for ops in apis.values():
        sets = [reach.setdefault(op, _reach(op, succ)) for op in ops]
        certain |= set.intersection(*sets) if sets else set()
    found: dict[str, list[SharedApi]] = {}
    for label in sorted(apis):
        ops = apis[label]
        if len(ops) < 2:
            continue
        names = tuple(sorted({name_of(op) for op in ops}))
        for node in sorted(set().union(*(reach[op] for op in ops)) - certain):
            needing = tuple(sorted({name_of(op) for op in ops if node in reach[op]}))
            found.setdefault(node, []).append(SharedApi(label, names, needing))
    return {node: tuple(shared) for node, shared in found.items()}


def actions_only_services(unmatched: Sequence[tuple[ApiMatch, Sequence[str]]]) -> dict[str, tuple[int, list[str]]]:
    """The catalog services whose tables name no API, with how many of the types' APIs they leave
    unmatched and the types that declare them."""
    out: dict[str, tuple[int, list[str]]] = {}
    for m, types in unmatched:
        if m.no_apis:
            key = "/".join(m.services)
            n, names = out.get(key, (0, []))
            out[key] = (n + 1, sorted({*names, *types}))
    return dict(sorted(out.items()))


def warnings(shared: int, services: Mapping[str, tuple[int, list[str]]]) -> list[str]:
    """The sentences the answer's summary adds for a reviewer."""
    out = []
    if shared:
        out.append(
            f"{shared} of them {'is' if shared == 1 else 'are'} reached only through an API the documentation "
            "shares between several operations (the request body decides which): the provider may perform only "
            "some of them, so review those marked 'shared API' before granting"
        )
    for service, (n, types) in services.items():
        out.append(
            f"the policies lack every {service.upper()} action: its tables name actions but no APIs, so none of "
            f"the {n} {service.upper()} {'API' if n == 1 else 'APIs'} of {', '.join(types)} maps to an action "
            f"(none is guessed); add the {service.upper()} actions these types need by hand"
        )
    return out
