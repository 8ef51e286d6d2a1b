"""The records of the graph's answers, one module per query (their wording is in ``explorer.graph.wording``,
their JSON in ``explorer.graph.wire``, imported by ``to_dict()`` when first called: a command that prints
no JSON does not load it)."""

from explorer.graph.answers.check import CheckReport, Disagreement, ServiceStats
from explorer.graph.answers.closure import ClosureAnswer, ClosureResult, Requirement
from explorer.graph.answers.common import (
    BASES,
    Basis,
    Edge,
    Evidence,
    Link,
    NoAction,
    PairScope,
    RequirementKind,
    Target,
    TargetKind,
)
from explorer.graph.answers.dependents import Dependent, DependentKind, DependentsAnswer, DependentsResult
from explorer.graph.answers.scope import ActionScope, Placement, ScopeReport, Verdict
from explorer.graph.answers.search import HitKind, SearchHit
from explorer.graph.answers.show import ActionInfo
from explorer.graph.answers.why import WhyResult

__all__ = [
    "BASES",
    "ActionInfo",
    "ActionScope",
    "Basis",
    "CheckReport",
    "ClosureAnswer",
    "ClosureResult",
    "Dependent",
    "DependentKind",
    "DependentsAnswer",
    "DependentsResult",
    "Disagreement",
    "Edge",
    "Evidence",
    "HitKind",
    "Link",
    "NoAction",
    "PairScope",
    "Placement",
    "Requirement",
    "RequirementKind",
    "ScopeReport",
    "SearchHit",
    "ServiceStats",
    "Target",
    "TargetKind",
    "Verdict",
    "WhyResult",
]
