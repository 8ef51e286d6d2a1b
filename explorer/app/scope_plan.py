"""The scope verdict and grant plan, one computation and one text for every face (CLI ``scope``, the Scope
page and Explore's *Policy for this*), so that they always give the same three parts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.graph import Exclude, Explorer
    from explorer.graph.answers.scope import ScopeReport


@dataclass(frozen=True, slots=True)
class ScopePlan:
    """What a reviewer reads: the verdict in words and the plan in three parts, with the whole text to copy."""

    verdict: str
    headline: str
    enterprise_project: tuple[str, ...]
    iam_project: tuple[str, ...]
    check: tuple[tuple[str, str], ...]  # (action, why it must be checked)
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def plan_of(report: ScopeReport) -> ScopePlan:
    """The plan of a scope report."""
    from explorer.graph.wording import scope_plan_lines

    return ScopePlan(
        verdict=report.verdict,
        headline=report.headline,
        enterprise_project=report.enterprise_project_actions,
        iam_project=report.iam_project_actions,
        check=tuple((a.action, a.reason) for a in report.checks),
        lines=tuple(scope_plan_lines(report)),
    )


def plan(
    ex: Explorer,
    targets: str | Sequence[str],
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
) -> ScopePlan:
    """The verdict and plan for the targets' answer (the whole default answer unless cut)."""
    return plan_of(ex.scope(targets, max_depth, exclude, possible))


def plan_parts() -> tuple[str, str, str]:
    """The names of the plan's three parts, as the text says them."""
    from explorer.graph.wording import PLAN_PARTS

    return PLAN_PARTS


def check_advice() -> str:
    from explorer.graph.wording import CHECK_ADVICE

    return CHECK_ADVICE
