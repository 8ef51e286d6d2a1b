"""The records of a scope query: where an answer may be granted, the verdict and the grant plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from explorer.graph import wording
from explorer.graph.answers.common import Basis, PairScope, Target
from explorer.view import ScopeMark

Verdict = Literal["grantable", "not_grantable", "depends"]
# Where an action of an answer may be granted: ``enterprise_project`` when every row that checks it works
# there; ``iam_project`` when no row does; ``check`` when it depends on the API called (mixed) or the
# documentation does not say (unknown, unresolved).
Placement = Literal["enterprise_project", "iam_project", "check"]


@dataclass(frozen=True, slots=True)
class ActionScope:
    """An action of an answer with its (operation, action) pairs, their summary and where to grant it.

    ``works`` / ``fails`` / ``unknown`` are the APIs (or operation names) of the rows that say it works on an
    enterprise project, that it does not, and that do not say.
    """

    action: str
    depth: int
    mark: ScopeMark
    pairs: tuple[PairScope, ...]
    reason: str  # why it can or cannot go to an enterprise-project policy
    basis: Basis = "documented"
    placement: Placement = "check"
    works: tuple[str, ...] = ()
    fails: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.scope import action_scope_json

        return action_scope_json(self)


@dataclass(frozen=True, slots=True)
class ScopeReport:
    """Can the targets' answer be granted through an enterprise project, and how to split the grants.

    ``verdict``: ``grantable`` when every action works on an enterprise project for every row that checks it;
    ``not_grantable`` when some action works there for no row (the target's own row saying no included);
    ``depends`` otherwise: some actions work for some APIs only, or the documentation does not say (the
    ``check`` part of the plan names the APIs). ``blockers`` are the actions that make it not grantable.
    """

    cloud: str
    targets: tuple[Target, ...]
    actions: tuple[ActionScope, ...]
    verdict: Verdict
    blockers: tuple[ActionScope, ...]
    enterprise_project_actions: tuple[str, ...]  # grant plan: may go to an enterprise-project policy
    iam_project_actions: tuple[str, ...]  # grant plan: must be granted on an IAM project
    check_actions: tuple[str, ...]  # grant plan: works for some APIs only, or undocumented: check before granting
    max_depth: int | None
    excluded_conditions: tuple[str, ...]
    possible: bool = False

    @property
    def enterprise_project_grantable(self) -> bool | None:
        """True / False for grantable / not_grantable; None when it depends on the API called."""
        return {"grantable": True, "not_grantable": False, "depends": None}[self.verdict]

    @property
    def checks(self) -> tuple[ActionScope, ...]:
        return tuple(a for a in self.actions if a.placement == "check")

    @property
    def pairs(self) -> tuple[PairScope, ...]:
        return tuple(sorted(p for a in self.actions for p in a.pairs))

    @property
    def nothing_to_grant(self) -> bool:
        """True when the closure requires no action: every target is an operation whose rows list none
        (and no dependency). Then the verdict is ``grantable`` vacuously."""
        return not self.actions and bool(self.targets) and all(t.lists_no_action for t in self.targets)

    @property
    def headline(self) -> str:
        """The verdict in one sentence, as every face prints it."""
        return wording.scope_headline(self)

    def to_dict(self) -> dict[str, Any]:
        from explorer.graph.wire.scope import scope_json

        return scope_json(self)
