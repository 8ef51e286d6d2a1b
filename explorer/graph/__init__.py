"""The catalog's graph of operations, actions and dependencies, and the queries over it (see docs/graph.md)."""

from explorer.graph.answers import (
    ActionInfo,
    ActionScope,
    CheckReport,
    ClosureResult,
    Dependent,
    DependentsResult,
    Disagreement,
    Edge,
    Evidence,
    NoAction,
    PairScope,
    Requirement,
    ScopeReport,
    SearchHit,
    ServiceStats,
    Target,
    WhyResult,
)
from explorer.graph.build import CatalogGraph, build
from explorer.graph.closure import Exclude
from explorer.graph.explorer import Explorer
from explorer.graph.loader import clouds, explorer_for
from explorer.graph.views import closure_view, dependents_view, service_view, why_view

__all__ = [
    "ActionInfo",
    "ActionScope",
    "CatalogGraph",
    "CheckReport",
    "ClosureResult",
    "Dependent",
    "DependentsResult",
    "Disagreement",
    "Edge",
    "Evidence",
    "Exclude",
    "Explorer",
    "NoAction",
    "PairScope",
    "Requirement",
    "ScopeReport",
    "SearchHit",
    "ServiceStats",
    "Target",
    "WhyResult",
    "build",
    "closure_view",
    "clouds",
    "dependents_view",
    "explorer_for",
    "service_view",
    "why_view",
]
