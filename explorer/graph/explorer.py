"""The query engine: one immutable ``Explorer`` per cloud answers every question the faces ask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from explorer.actions import ActionNameError, check_action_or_pattern, is_action, matches, service_of
from explorer.errors import QueryError
from explorer.graph import closure as lp
from explorer.graph.age import documentation
from explorer.graph.build import CatalogGraph, build, normalise_api, summarise
from explorer.graph.cycles import strongly_connected
from explorer.graph.results import (
    ActionInfo,
    CheckReport,
    ClosureAnswer,
    ClosureResult,
    Dependent,
    DependentsAnswer,
    DependentsResult,
    Disagreement,
    Edge,
    Evidence,
    Link,
    NoAction,
    ScopeReport,
    SearchHit,
    ServiceStats,
    Target,
    WhyResult,
)
from explorer.graph.scope import scope_report
from explorer.graph.suspicion import catalog_suspicious
from explorer.model import Catalog, Operation, Provenance

if TYPE_CHECKING:
    import networkx as nx

# A closure may leave out conditional dependencies: all of them (True), or those whose condition
# contains any of the given texts (case-insensitive).
Exclude = bool | Iterable[str]

MAX_WHY_PATHS = 20


# Fuzzy matching compares the user's text with every candidate: the text is cut to this length first
# (no action, operation name or API path is longer), so a crafted 60,000-character link costs what a
# long name does. rapidfuzz's Indel ratio is difflib's ratio computed exactly, in C.
MAX_FUZZY_TEXT = 200
_CUTOFF = 60.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def close_matches(word: str, candidates: Iterable[str], n: int = 5) -> tuple[str, ...]:
    pool = sorted(set(candidates))
    lowered: dict[str, str] = {}
    for c in pool:
        lowered.setdefault(c.casefold(), c)
    from rapidfuzz import fuzz, process  # only when a suggestion is needed

    query = word.casefold()[:MAX_FUZZY_TEXT]
    found = process.extract(query, list(lowered), scorer=fuzz.ratio, limit=n, score_cutoff=_CUTOFF)
    # best first; on equal scores the longer common prefix first (a slip is likelier at the end of a
    # name than at its start: 'ecss' -> 'ecs' before 'css'), then name order, never set order
    ranked = sorted(found, key=lambda hit: (-hit[1], -_common_prefix(query, hit[0]), hit[0]))
    return tuple(lowered[name] for name, _score, _index in ranked)


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
        """The frozen networkx graph: node attrs kind/service/label/resolved, edge attrs kind/edge."""
        return self._g.graph

    @property
    def data(self) -> CatalogGraph:
        """The built graph and its indexes (read-only), for views and renderers in this package."""
        return self._g

    def services(self) -> tuple[str, ...]:
        return tuple(sorted(set(self._g.op_service.values())))

    def actions(self) -> tuple[str, ...]:
        """Every action in the graph, defined or only referenced, sorted."""
        return tuple(sorted(self._g.defined | self._g.unresolved))

    def edge(self, source: str, target: str) -> Edge | None:
        return self._g.edges.get((source, target))

    # --- resolving what the user typed ---------------------------------------------------------

    def resolve(self, target: str) -> Target:
        """Understand a target: an action (any case), a wildcard pattern, ``METHOD /path``, ``op:<id>`` or an
        operation's exact name. Unknown text raises QueryError with the closest matches."""
        known = self._targets.get(target)
        if known is not None:
            return known
        g = self._g
        text = target.strip()
        if text in g.defined or text in g.unresolved:
            hit = self._action_target(text, text)
            if text == target:
                self._targets[text] = hit
            return hit
        if not text:
            raise QueryError("empty target: expected an action (service:resource:operation) or an API (METHOD /path)")
        api = normalise_api(text)
        if api is not None:
            nodes = g.by_api.get(api)
            if not nodes:
                raise QueryError(f"no operation documents the API {text!r}", close_matches(api, g.by_api))
            shared = f", documented by {len(nodes)} rows: their requirements are merged" if len(nodes) > 1 else ""
            return self._operation_target(text, nodes, note=f"API {api}{shared}")
        if text.startswith("op:"):
            if text not in g.operations:
                raise QueryError(f"unknown operation {text!r}", close_matches(text, g.operations))
            return self._operation_target(text, (text,))
        if "*" in text:
            try:
                check_action_or_pattern(text)
            except ActionNameError as exc:
                raise QueryError(f"malformed pattern: {exc}") from None
            if text in g.patterns:
                return self._action_target(text, text)
            found = tuple(a for a in sorted(g.defined) if matches(text, a))
            if not found:
                raise QueryError(f"the pattern {text!r} matches no action of the {g.cloud} catalog")
            return Target(text, "pattern", found, found, note=f"matches {len(found)} actions", label=text)
        spellings = g.by_lower.get(text.casefold())
        if spellings:
            return self._action_target(text, spellings[0], note=f"matched case-insensitively: {spellings[0]}")
        named = g.by_name.get(text.casefold())
        if named:
            return self._operation_target(text, named, note="operation name")
        pool = [*g.defined, *g.unresolved, *g.patterns]
        if not is_action(text):
            raise QueryError(
                f"{text!r} is not an action (service:resource:operation), a pattern or an API (METHOD /path)",
                close_matches(text, pool),
            )
        raise QueryError(f"unknown action {text!r} in the {g.cloud} catalog", close_matches(text, pool))

    def _action_target(self, query: str, name: str, note: str = "") -> Target:
        if name in self._g.patterns:
            found = self._g.succ.get(name, ())
            note = note or f"documented pattern, matches {len(found)} actions"
            return Target(query, "pattern", found, found, note=note, node=name, label=name)
        resolved = name in self._g.defined
        return Target(query, "action", (name,), (name,), resolved=resolved, note=note, node=name, label=name)

    def _operation_target(self, query: str, nodes: Sequence[str], note: str = "") -> Target:
        ops = [self._g.operations[n] for n in nodes]
        actions = tuple(sorted({r.action for op in ops for r in op.actions}))
        without = tuple(sorted((_no_action(op) for op in ops if not op.actions), key=_row_order))
        if without:
            if len(without) == len(ops):
                extra = "the documentation lists no action for it"
            else:
                verb = "lists" if len(without) == 1 else "list"
                extra = f"{len(without)} of its {len(ops)} rows {verb} no action"
            note = f"{note}; {extra}" if note else extra
        return Target(
            query,
            "operation",
            tuple(nodes),
            actions,
            tuple(op.id for op in ops),
            note=note,
            without_actions=without,
            label=_operation_label(query, ops),
        )

    def _resolve_all(self, targets: str | Sequence[str]) -> tuple[Target, ...]:
        if isinstance(targets, str):
            one = self.resolve(targets)
            if one.seeds:
                return (one,)
        items = [targets] if isinstance(targets, str) else list(targets)
        if not items:
            raise QueryError("no target given")
        resolved = tuple(self.resolve(t) for t in items)
        for t in resolved:
            if not t.seeds:
                raise QueryError(f"the pattern {t.query!r} matches no action of the {self._g.cloud} catalog")
        return resolved

    # --- traversal ------------------------------------------------------------------------------

    def row_filter(self, exclude: Exclude) -> tuple[lp.RowFilter, tuple[str, ...]]:
        """Which rows' listings an exclusion of conditional dependencies keeps (None: all), and the exclusion
        as reported in results (``("*",)`` for all conditional dependencies)."""
        if exclude is False:
            return None, ()
        if exclude is True:

            def unconditional(ev: Evidence) -> bool:
                return ev.condition is None

            return unconditional, ("*",)
        items = (exclude,) if isinstance(exclude, str) else exclude  # one condition given as a plain string
        texts = tuple(sorted({t.casefold() for t in items if t.strip()}))
        if not texts:
            return None, ()

        def unless_named(ev: Evidence) -> bool:
            return ev.condition is None or not any(t in ev.condition.casefold() for t in texts)

        return unless_named, texts

    def edge_filter(self, exclude: Exclude) -> tuple[Callable[[Edge], bool] | None, tuple[str, ...]]:
        """A filter keeping the edges an exclusion of conditional dependencies leaves (None: keep all): an edge
        stays while one of its rows' listings does."""
        keep_row, excluded = self.row_filter(exclude)
        if keep_row is None:
            return None, excluded

        def keep(e: Edge) -> bool:
            return e.kind != "depends" or any(keep_row(ev) for ev in e.evidence)

        return keep, excluded

    @staticmethod
    def _walk_back(
        seed: str, in_edges: dict[str, tuple[Edge, ...]], max_depth: int | None
    ) -> tuple[dict[str, int], dict[str, Edge], bool]:
        """Breadth-first against every edge: the depth of every node reached, the edge that first reached it
        (from the first node by name on the level below) and whether max_depth cut the walk. Nodes come out
        level by level, each level sorted by name. (Dependents walk this way: whatever reaches an action by
        any row may break when it is denied.)"""
        depth = {seed: 0}
        via: dict[str, Edge] = {}
        frontier = [seed]
        level = 0
        empty: tuple[Edge, ...] = ()
        get = in_edges.get
        while frontier:
            if max_depth is not None and level >= max_depth:
                cut = any(e.source not in depth for u in frontier for e in get(u, empty))
                return depth, via, cut
            level += 1
            nxt: list[str] = []
            for u in frontier:
                for e in get(u, empty):
                    v = e.source
                    if v not in depth:
                        depth[v] = level
                        via[v] = e
                        nxt.append(v)
            nxt.sort()  # each level in name order: deterministic records without sorting them later
            frontier = nxt
        return depth, via, False

    def _loops(self, reached: dict[str, int]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """The cycles and self-loops among the reached nodes (set intersections run in C)."""
        g = self._g
        cycle_of = g.cycle_of
        cycles = {cycle_of[n] for n in reached.keys() & cycle_of.keys()} if cycle_of else set()
        return tuple(sorted(cycles)), tuple(sorted(reached.keys() & g.self_loops))

    def _answer_loops(
        self, reached: dict[str, int], links: Sequence[Link], target_loops: set[str]
    ) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
        """The cycles and self-loops among the answer's own links (a catalog cycle through an action the
        answer does not require is not a cycle of the answer)."""
        # Breadth-first, every link of a cycle-free answer goes one level down: a cycle needs a link that
        # does not (a cheap test on the answer alone, no catalog-wide cycle search).
        if not target_loops and all(reached[k.edge.target] > reached[k.edge.source] for k in links):
            return (), ()
        succ: dict[str, set[str]] = {}
        for k in links:
            succ.setdefault(k.edge.source, set()).add(k.edge.target)
        cycles = strongly_connected(succ, {s: tuple(sorted(ts)) for s, ts in succ.items()})
        loops = sorted({k.edge.source for k in links if k.edge.source == k.edge.target} | target_loops)
        return tuple(cycles), tuple(loops)

    @staticmethod
    def _check_depth(max_depth: int | None) -> None:
        if max_depth is not None and max_depth < 1:
            raise QueryError(f"depth must be a positive integer, got {max_depth}")

    # --- queries --------------------------------------------------------------------------------

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
        resolved = self._resolve_all(targets)
        seeds = resolved[0].seeds if len(resolved) == 1 else sorted({s for t in resolved for s in t.seeds})
        keep, excluded = (None, ()) if exclude_conditional is False else self.row_filter(exclude_conditional)
        g = self._g
        operations = any(t.kind == "operation" for t in resolved)
        if max_depth is None and keep is None and not possible and not operations:
            w = lp.walk_certain(g, seeds)  # the default answer, which every face asks for first
        else:
            w = lp.walk(g, seeds, max_depth, keep, possible)
        own = lp.own_pairs(g, resolved) if operations else {}

        def make() -> ClosureAnswer:
            links = lp.answer_links(w)
            reached = {**w.depth, **w.possible_depth} if w.possible else w.depth
            cycles, loops = self._answer_loops(reached, links, w.target_loops)
            reqs = tuple(lp.requirements(g, w, own, keep))
            rows = (p for r in reqs for p in r.provenance)
            return ClosureAnswer(reqs, links, cycles, loops, documentation(g, (r.action for r in reqs), rows))

        return ClosureResult(g.cloud, resolved, max_depth, excluded, w.truncated, possible, make)

    def dependents(self, action: str, max_depth: int | None = None) -> DependentsResult:
        """Everything whose closure contains ``action``: actions, documented patterns and operations."""
        self._check_depth(max_depth)
        target = self.resolve(action)
        if target.kind == "operation":
            raise QueryError(f"{action!r} is an operation; dependents are asked of an action or a pattern")
        if not target.node:
            raise QueryError(f"{action!r} is a pattern no row documents; dependents are asked of an action")
        g = self._g
        seed = target.node
        depth, reached_by, truncated = self._walk_back(seed, g.in_edges, max_depth)

        def make() -> DependentsAnswer:
            ops = g.operations
            patterns = g.patterns
            out: list[Dependent] = []
            append = out.append
            for node, d in depth.items():  # (depth, name) order, as walked
                if not d:
                    continue
                edge = reached_by[node]
                if node in ops:
                    op = ops[node]
                    label = op.display_name() + (f" ({op.apis[0]})" if op.apis else "")
                    append(Dependent(node, "operation", d, edge.target, edge, label))
                else:
                    append(Dependent(node, "pattern" if node in patterns else "action", d, edge.target, edge, node))
            cycles, loops = self._loops(depth)
            return DependentsAnswer(tuple(out), cycles, loops)

        return DependentsResult(g.cloud, seed, max_depth, truncated, make)

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
        target = result.targets[0]
        goal = wanted.node
        g = self._g
        req = result.get(goal)
        if req is None or req.depth == 0:
            return WhyResult(g.cloud, goal, target, (), False, "" if req is None else req.basis)
        depth = {s: 0 for t in result.targets for s in t.seeds}
        basis = {r.action: r.basis for r in result.requirements}
        depth.update({r.action: r.depth for r in result.requirements})
        into: dict[str, list[Edge]] = {}
        for link in result.links:
            e = link.edge
            if (link.basis == "possible") == (basis.get(e.target) == "possible"):
                into.setdefault(e.target, []).append(e)

        def parents(node: str) -> list[Edge]:
            d = depth[node] - 1
            return sorted((e for e in into.get(node, ()) if depth.get(e.source) == d), key=lambda e: e.source)

        paths: list[tuple[Edge, ...]] = []
        truncated = False
        stack: list[tuple[str, tuple[Edge, ...]]] = [(goal, ())]
        while stack:  # depth-first from the goal back to a seed, alphabetical, so paths come out sorted
            node, tail = stack.pop()
            if depth[node] == 0:
                if len(paths) == max_paths:
                    truncated = True
                    break
                paths.append(tail)
                continue
            for e in reversed(parents(node)):
                stack.append((e.source, (e, *tail)))
        on_paths = sorted({n for path in paths for e in path for n in (e.source, e.target) if n in basis})
        return WhyResult(
            g.cloud, goal, target, tuple(paths), truncated, req.basis, tuple((n, basis[n]) for n in on_paths)
        )

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
        query = text.strip().casefold()
        if not query:
            raise QueryError("empty search text")
        g = self._g
        candidates: list[tuple[str, str, str, str]] = []  # (haystack, kind, key, label)
        for name in sorted(g.defined | g.unresolved | g.patterns):
            candidates.append((name, "action", name, "pattern" if name in g.patterns else ""))
        for node in sorted(g.operations):
            op = g.operations[node]
            first_api = op.apis[0] if op.apis else ""
            for lang in sorted(op.name):
                candidates.append((op.name[lang], "operation", node, first_api))
            for api in op.apis:
                candidates.append((api, "api", node, op.display_name()))
        best: dict[tuple[str, str], SearchHit] = {}

        def offer(hit: SearchHit) -> None:
            key = (hit.kind, hit.key)
            if key not in best or hit < best[key]:
                best[key] = hit

        unmatched: list[tuple[str, str, str, str]] = []
        for hay, kind, key, label in candidates:
            low = hay.casefold()
            if low == query:
                rank = 0
            elif low.startswith(query):
                rank = 1
            elif query in low:
                rank = 2
            else:
                unmatched.append((hay, kind, key, label))
                continue
            offer(SearchHit(rank, float(len(hay)), kind, key, hay, label))  # type: ignore[arg-type]
        if len(best) < limit and unmatched:
            from rapidfuzz import fuzz, process

            fuzzy = query[:MAX_FUZZY_TEXT]
            haystacks = [hay.casefold() for hay, *_ in unmatched]
            for _, score, i in process.extract(fuzzy, haystacks, scorer=fuzz.ratio, limit=None, score_cutoff=_CUTOFF):
                hay, kind, key, label = unmatched[i]
                offer(SearchHit(3, -round(float(score) / 100, 6), kind, key, hay, label))  # type: ignore[arg-type]
        return tuple(sorted(best.values())[:limit])

    def show(self, action: str) -> ActionInfo:
        """What the catalog says about one action or documented pattern: rows, dependencies, who needs it."""
        target = self.resolve(action)
        if target.kind == "operation":
            raise QueryError(f"{action!r} is an operation; show takes an action (try closure for an API)")
        g = self._g
        if not target.node:
            raise QueryError(f"{action!r} is a pattern no row documents; show takes an action or a documented pattern")
        name = target.node
        out = tuple(g.edges[(name, t)] for t in g.succ.get(name, ()))
        into = tuple(g.edges[(s, name)] for s in g.pred.get(name, ()))
        if name in g.patterns:
            scope = tuple(sorted(p for a in g.succ.get(name, ()) for p in g.pairs.get(a, ())))
            doc = documentation(g, (name,), ())  # the rows of the actions it matches are theirs
            return ActionInfo(g.cloud, name, "pattern", service_of(name), True, summarise(scope), scope, out, into, doc)
        pairs = g.pairs.get(name, ())
        return ActionInfo(
            g.cloud,
            name,
            "action",
            service_of(name),
            name in g.defined,
            g.marks.get(name, "unknown"),
            pairs,
            out,
            into,
            documentation(g, (name,), (p.provenance for p in pairs)),
        )

    def check(self) -> CheckReport:
        """Catalog health: per-service counts, unresolved references, cycles, self-loops, disagreeing rows."""
        if self._check is None:
            self._check = _check(self._g)
        return self._check

    stats = check

    def to_dict(self) -> dict[str, Any]:
        return {"cloud": self.cloud, "source": self.source, "services": list(self.services())}


def _row_order(n: NoAction) -> tuple[Provenance, str]:
    return n.provenance, n.operation


def _no_action(op: Operation) -> NoAction:
    """The record of a row that lists no action, with the notes that quote its action cell.

    The importer writes such a note as "... (action cell: 无)" or "... (the action cell is empty)"; a
    catalog written by hand may say it otherwise, and then every note of the row is shown.
    """
    said = tuple(n for n in op.notes if "action cell" in n) or op.notes
    return NoAction(op.id, op.display_name(), op.apis, said, op.provenance)


def _flag_counts(flags: Iterable[bool | None]) -> tuple[int, int, int]:
    """How many flags say supported, not supported, and nothing."""
    values = list(flags)
    return values.count(True), values.count(False), values.count(None)


def _check(g: CatalogGraph) -> CheckReport:
    ops_of: dict[str, list[str]] = {}
    for node, svc in g.op_service.items():
        ops_of.setdefault(svc, []).append(node)
    services: list[ServiceStats] = []
    for svc in sorted(ops_of):
        rows = [g.operations[n] for n in ops_of[svc]]
        checked = {r.action for op in rows for r in op.actions}
        deps = {(r.action, d.action) for op in rows for r in op.actions for d in op.dependencies}
        referenced = {d.action for op in rows for d in op.dependencies}
        scopes = [op.scope for op in rows for _ in op.actions]
        services.append(
            ServiceStats(
                svc,
                len(rows),
                len(checked),
                len(deps),
                len(referenced & g.unresolved),
                _flag_counts(sc.enterprise_project for sc in scopes),
                _flag_counts(sc.iam_project for sc in scopes),
                sum(1 for op in rows if not op.actions),
            )
        )
    unresolved = tuple(
        (a, tuple(sorted({ev.provenance for s in g.pred.get(a, ()) for ev in g.edges[(s, a)].evidence})))
        for a in sorted(g.unresolved)
    )
    empty = tuple(p for p in sorted(g.patterns) if not g.succ.get(p))
    disagreements: list[Disagreement] = []
    row_of = {(op.id, op.provenance): op for op in g.operations.values()}
    for action in sorted(g.pairs):
        pairs = g.pairs[action]
        if len(pairs) < 2:
            continue
        for fld in ("enterprise_project", "iam_project"):
            grouped: dict[str, set[Provenance]] = {}
            for p in pairs:
                value = getattr(p, fld)
                grouped.setdefault("unknown" if value is None else str(value).lower(), set()).add(p.provenance)
            if len(grouped) > 1:
                disagreements.append(
                    Disagreement(action, fld, tuple((v, tuple(sorted(rows))) for v, rows in sorted(grouped.items())))
                )
        dep_sets: dict[str, set[Provenance]] = {}
        for p in pairs:
            op = row_of[(p.operation, p.provenance)]
            listed = ", ".join(sorted({d.action for d in op.dependencies})) or "(none)"
            dep_sets.setdefault(listed, set()).add(p.provenance)
        if len(dep_sets) > 1:
            disagreements.append(
                Disagreement(action, "dependencies", tuple((v, tuple(sorted(r))) for v, r in sorted(dep_sets.items())))
            )
    n_deps = sum(1 for (s, _t), e in g.edges.items() if e.kind == "depends" and s not in g.operations)
    return CheckReport(
        g.cloud,
        tuple(services),
        len(g.operations),
        len(g.defined | g.unresolved),
        len(g.patterns),
        n_deps,
        unresolved,
        empty,
        g.cycles,
        tuple(sorted(g.self_loops)),
        tuple(disagreements),
        catalog_suspicious(g),
    )


def _operation_label(query: str, ops: Sequence[Operation]) -> str:
    """An operation target as titles show it: its name and the API asked about (or its first API)."""
    wanted = normalise_api(query)
    first = ops[0]
    api = next((a for a in first.apis if normalise_api(a) == wanted), first.apis[0] if first.apis else "")
    text = f"{first.display_name()} ({api})" if api else first.display_name()
    others = {op.display_name() for op in ops[1:]} - {first.display_name()}
    if others:
        text += f" and {len(ops) - 1} more {'row' if len(ops) == 2 else 'rows'}"
    return text
