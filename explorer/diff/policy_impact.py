"""Impact of a diff on policies: which lint findings appear or disappear between the old and the new docs.

The linter lives in ``explorer.policy``; this module only compares its findings, through the small
interface below, so that "your policy misses ``ims:quotas:get`` since the 2025-04 docs" and
"``ecs:cloudServers:delete`` no longer exists: renamed to ``deleteServers``" come out of one diff. A
finding is the same on both sides when its code, variant, action, place in the policy and (for a
missing dependency) requirement agree; the message may word the rows differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from explorer.diff.renames import Rename


class PlaceLike(Protocol):
    @property
    def file(self) -> str: ...
    @property
    def statement(self) -> int | None: ...
    @property
    def pointer(self) -> str: ...


class FindingLike(Protocol):
    """What the diff needs of a policy-lint finding (``explorer.policy.Finding`` has it)."""

    @property
    def code(self) -> str: ...
    @property
    def variant(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def where(self) -> PlaceLike: ...

    def to_dict(self) -> dict[str, Any]: ...


def _key(f: FindingLike) -> tuple[str, str, str, str, int, str, str]:
    w = f.where
    # several requirements of one allowed action are several findings at one place: the requirement tells them apart
    need = str(f.to_dict().get("requirement", ""))
    return (w.file, f.code, f.variant, f.action, -1 if w.statement is None else w.statement, w.pointer, need)


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """A finding that only one side's lint reports; ``renamed_to`` for an action the new docs renamed."""

    change: str  # "appeared" or "disappeared"
    finding: dict[str, Any]
    renamed_to: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        renamed = sorted({*self.renamed_to, *(self.finding.get("renamed_to") or [])})  # the linter's own too
        return {"change": self.change, **self.finding, "renamed_to": renamed}


def finding_changes(
    old: Iterable[FindingLike], new: Iterable[FindingLike], renames: Mapping[str, tuple[Rename, ...]] | None = None
) -> tuple[PolicyChange, ...]:
    """Findings of ``new`` that ``old`` lacks (appeared) and the reverse (disappeared), in policy order."""
    before = {_key(f): f for f in old}
    after = {_key(f): f for f in new}
    renames = renames or {}
    out = [
        PolicyChange("appeared", after[k].to_dict(), tuple(sorted({r.new for r in renames.get(after[k].action, ())})))
        for k in sorted(after.keys() - before.keys())
    ]
    out += [PolicyChange("disappeared", before[k].to_dict()) for k in sorted(before.keys() - after.keys())]
    return tuple(sorted(out, key=_order))


_SEVERITY = {"error": 0, "warning": 1, "info": 2}


def _order(c: PolicyChange) -> tuple[str, str, int, str, str, str]:
    """By file, appeared before disappeared, the most severe first, then by action and requirement."""
    f = c.finding
    rank = _SEVERITY.get(str(f.get("severity", "")), 3)
    return (str(f.get("file", "")), c.change, rank, str(f.get("action", "")), str(f.get("requirement", "")), str(f))
