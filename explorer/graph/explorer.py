"""The query engine: one immutable ``Explorer`` per cloud answers every question the faces ask.

A facade: each query lives in a module of its own (:mod:`~explorer.graph.resolve`,
:mod:`~explorer.graph.closure` over :mod:`~explorer.graph.walk`, :mod:`~explorer.graph.dependents`,
:mod:`~explorer.graph.why`, :mod:`~explorer.graph.scope`, :mod:`~explorer.graph.search`,
:mod:`~explorer.graph.health`); this class holds the built graph, checks arguments and memoises.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from explorer.actions import service_of
from explorer.errors import QueryError
from explorer.graph import health, resolve, search, why
from explorer.graph.age import documentation
from explorer.graph.answers import (
    ActionInfo,
    CheckReport,
    ClosureResult,
    DependentsResult,
    Edge,
    ScopeReport,
    SearchHit,
    Target,
    WhyResult,
)
from explorer.graph.build import CatalogGraph, build, summarise

# the two queries on the hot path are bound by name (one lookup fewer per query)
from explorer.graph.closure import Exclude
from explorer.graph.closure import closure as closure_of
from explorer.graph.dependents import dependents as dependents_of
from explorer.graph.resolve import resolve_all
from explorer.graph.scope import scope_report
from explorer.graph.why import MAX_WHY_PATHS
from explorer.model import Catalog

if TYPE_CHECKING:
    import networkx as nx


class Explorer:
    """Queries over one cloud's catalog graph. Built once, never changed: safe to cache and share."""

    def __init__(self, data: CatalogGraph) -> None:
        self._g = data
        self._check: CheckReport | None = None
        self._targets: dict[str, Target] = {}  # memo of resolve() for exact action names (bounded by the catalog)

    @classmethod
    def from_catalog(cls, catalog: Catalog, source: str = "") -> Explorer:
        """Build the graph of ``catalog`` (raises CatalogError for an empty catalog)."""
        return cls(build(catalog, source))

    # --- what the explorer holds -------------------------------------------------------------

    @property
    def cloud(self) -> str:
        return self._g.cloud

    @property
    def source(self) -> str:
        """Where the catalog came from, for titles and notes."""
        return self._g.source

    @property
    def graph(self) -> nx.DiGraph:
        """The frozen networkx graph (made on first use): node attrs kind/service/label/resolved, edge attrs
        kind/edge."""
        return self._g.graph

    @property
    def data(self) -> CatalogGraph:
        """The built graph and its indexes (read-only), for views and renderers in this package."""
        return self._g

    def services(self) -> tuple[str, ...]:
        return tuple(sorted(set(self._g.rows.op_service.values())))

    def actions(self) -> tuple[str, ...]:
        """Every action in the graph, defined or only referenced, sorted."""
        return tuple(sorted(self._g.nodes.defined | self._g.nodes.unresolved))

    def edge(self, source: str, target: str) -> Edge | None:
        return self._g.links.edges.get((source, target))

    # --- queries --------------------------------------------------------------------------------

    def resolve(self, target: str) -> Target:
        """Understand a target: an action (any case), a wildcard pattern, ``METHOD /path``, ``op:<id>`` or an
        operation's exact name. Unknown text raises QueryError with the closest matches."""
        known = self._targets.get(target)
        if known is not None:
            return known
        hit = resolve.resolve(self._g, target)
        if hit.kind == "action" and target == hit.node and not hit.note:
            self._targets[target] = hit
        return hit

    @staticmethod
    def _check_depth(max_depth: int | None) -> None:
        if max_depth is not None and max_depth < 1:
            raise QueryError(f"depth must be a positive integer, got {max_depth}")

    def closure(
        self,
        targets: str | Sequence[str],
        max_depth: int | None = None,
        exclude_conditional: Exclude = False,
        possible: bool = False,
    ) -> ClosureResult:
        """What a policy must allow for the targets, least privilege first: the targets (depth 0), what their
        own rows document (depth 1), and what is *certain* below that (every row that checks a dependency
        lists it). ``possible=True`` adds what only some of those rows list, never followed further.
        ``max_depth`` cuts the walk; cycles terminate."""
        if max_depth is not None:
            self._check_depth(max_depth)
        g = self._g
        return closure_of(g, resolve_all(self.resolve, targets, g.cloud), max_depth, exclude_conditional, possible)

    def dependents(self, action: str, max_depth: int | None = None) -> DependentsResult:
        """Everything whose closure contains ``action``: actions, documented patterns and operations."""
        self._check_depth(max_depth)
        target = self.resolve(action)
        if target.kind == "operation":
            raise QueryError(f"{action!r} is an operation; dependents are asked of an action or a pattern")
        if not target.node:
            raise QueryError(f"{action!r} is a pattern no row documents; dependents are asked of an action")
        return dependents_of(self._g, target.node, max_depth)

    def why(
        self,
        action: str,
        from_target: str,
        max_depth: int | None = None,
        exclude_conditional: Exclude = False,
        max_paths: int = MAX_WHY_PATHS,
        possible: bool = False,
        result: ClosureResult | None = None,
    ) -> WhyResult:
        """The shortest paths by which ``from_target``'s answer reaches ``action``, each edge with its rows.
        No paths means the action is not required (or is the target itself); ``basis`` says how it is
        required. Pass the ``result`` of the same closure to avoid computing it again."""
        self._check_depth(max_depth)
        wanted = self.resolve(action)
        if wanted.kind == "operation":
            raise QueryError(f"{action!r} is an operation; ask why about an action or a pattern")
        if not wanted.node:
            raise QueryError(f"{action!r} is a pattern no row documents; ask why about an action or a documented one")
        if result is None:
            result = self.closure(from_target, max_depth, exclude_conditional, possible)
        return why.why_paths(result, wanted.node, max_paths)

    def scope(
        self,
        targets: str | Sequence[str],
        max_depth: int | None = None,
        exclude_conditional: Exclude = False,
        possible: bool = False,
        result: ClosureResult | None = None,
    ) -> ScopeReport:
        """Where the targets' answer may be granted: the verdict (grantable, not_grantable, depends), the
        blockers and the plan. Pass the ``result`` of the same closure to avoid computing it again."""
        if result is None:
            result = self.closure(targets, max_depth, exclude_conditional, possible)
        return scope_report(result)

    def search(self, text: str, limit: int = 20) -> tuple[SearchHit, ...]:
        """Actions, operation names (any language) and API paths matching ``text``: exact, then prefix,
        then substring, then close matches; shorter texts first within a rank."""
        return search.search(self._g, text, limit)

    def show(self, action: str) -> ActionInfo:
        """What the catalog says about one action or documented pattern: rows, dependencies, who needs it."""
        target = self.resolve(action)
        if target.kind == "operation":
            raise QueryError(f"{action!r} is an operation; show takes an action (try closure for an API)")
        g = self._g
        if not target.node:
            raise QueryError(f"{action!r} is a pattern no row documents; show takes an action or a documented pattern")
        name = target.node
        pattern = name in g.nodes.patterns
        scope = (
            tuple(sorted(p for a in g.links.succ.get(name, ()) for p in g.rows.pairs.get(a, ())))
            if pattern
            else g.rows.pairs.get(name, ())
        )
        return ActionInfo(
            cloud=g.cloud,
            action=name,
            kind="pattern" if pattern else "action",
            service=service_of(name),
            resolved=pattern or name in g.nodes.defined,
            scope_mark=summarise(scope) if pattern else g.nodes.marks.get(name, "unknown"),
            operations=scope,
            dependencies=tuple(g.links.edges[(name, t)] for t in g.links.succ.get(name, ())),
            required_by=tuple(g.links.edges[(s, name)] for s in g.links.pred.get(name, ())),
            # a pattern's rows are those of the actions it matches: only its service's date is its own
            documentation=documentation(g, (name,), () if pattern else (p.provenance for p in scope)),
        )

    def check(self) -> CheckReport:
        """Catalog health: per-service counts, unresolved references, cycles, self-loops, disagreeing rows."""
        if self._check is None:
            self._check = health.check(self._g)
        return self._check

    def to_dict(self) -> dict[str, Any]:
        return {"cloud": self.cloud, "source": self.source, "services": list(self.services())}
