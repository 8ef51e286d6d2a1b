"""Building the graph of one cloud's catalog: nodes, edges with their evidence, and lookup indexes.

Nodes are action names, wildcard patterns (as the documentation wrote them) and ``op:<id>`` for
operations. Edges:

- ``checks``   operation -> action it checks;
- ``depends``  operation -> dependency of its row, and action -> dependency for every row that lists
  the action together with dependencies (the rows are the edge's evidence, with their conditions);
- ``matches``  pattern -> catalog action it expands to, by Huawei's wildcard rules.

Adjacency is kept as sorted tuples: queries walk those (plain dict lookups, the cheapest
traversal in Python), and sorting once here is what makes every answer deterministic. The networkx
form of the same graph is made only when asked for (``CatalogGraph.graph``): building it cost more
than the rest of the build, and importing networkx more than loading the catalog, while no query
needs it. Cycles are found on the adjacency itself (``explorer.graph.cycles``).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from explorer.actions import is_destructive, is_pattern, matches, service_of
from explorer.apigrammar import lookup_key
from explorer.errors import CatalogError, Problem
from explorer.graph.answers import Edge, Evidence, PairScope
from explorer.graph.cycles import strongly_connected
from explorer.model import Catalog, Operation, Provenance
from explorer.view import EdgeKind, ScopeMark

if TYPE_CHECKING:
    import networkx as nx


# the scope flags a pair carries (Scope has more: instance, tag)
PAIR_FLAGS = ("iam_project", "enterprise_project")


def normalise_api(text: str) -> str | None:
    """``METHOD /path`` with the method upper-cased and placeholders blanked, or None if not an API.

    Read by the same grammar as the importer's (explorer.apigrammar), so what a user types is
    repaired the way the documentation's cells are.
    """
    return lookup_key(text)


def summarise(pairs: Iterable[PairScope]) -> ScopeMark:
    """Enterprise-project support of an action over its (operation, action) pairs."""
    values = {p.enterprise_project for p in pairs}
    known = values - {None}
    if not known:
        return "unknown"
    if values == {True}:
        return "supported"
    if values == {False}:
        return "not_supported"
    return "mixed"


@dataclass(frozen=True, slots=True)
class Links:
    """The edges: adjacency as sorted tuples of names and of the Edge objects, and the edges by pair."""

    succ: dict[str, tuple[str, ...]]
    pred: dict[str, tuple[str, ...]]
    edges: dict[tuple[str, str], Edge]
    # the same adjacency holding the Edge objects, so walks get an edge without a (source, target) lookup
    out_edges: dict[str, tuple[Edge, ...]]
    in_edges: dict[str, tuple[Edge, ...]]
    # action -> its edges that every row checking it lists (the walk's certain steps when no row is
    # filtered out), chosen once here instead of per query
    certain_edges: dict[str, tuple[Edge, ...]]
    self_loops: frozenset[str]


@dataclass(frozen=True, slots=True)
class Rows:
    """The documentation rows: operations by node, and the (operation, action) pairs they document."""

    operations: dict[str, Operation]  # op node -> row
    op_service: dict[str, str]
    row_node: dict[tuple[str, Provenance], str]  # (operation id, provenance) of a row -> its op node
    pairs: dict[str, tuple[PairScope, ...]]  # action -> its (operation, action) pairs
    # action -> how many rows check it: a dependency edge of the action whose evidence names that many
    # rows is listed by every row (a *certain* requirement), fewer rows make it *possible*
    row_count: dict[str, int]


@dataclass(frozen=True, slots=True)
class Nodes:
    """The action and pattern nodes, and what a requirement record needs of each."""

    defined: frozenset[str]  # actions some row checks
    unresolved: frozenset[str]  # actions referenced by dependency cells only
    patterns: frozenset[str]
    destructive: frozenset[str]  # actions and patterns a reviewer should see flagged (explorer.actions)
    marks: dict[str, ScopeMark]  # enterprise-project support over their pairs, for actions and patterns
    # action or pattern -> (kind, resolved, pairs, mark): what a requirement record needs, in one lookup
    info: dict[str, tuple[Literal["action", "pattern"], bool, tuple[PairScope, ...], ScopeMark]]


@dataclass(frozen=True, slots=True)
class Lookup:
    """What the user may type, folded: the indexes that resolve a target."""

    by_lower: dict[str, tuple[str, ...]]  # casefolded action/pattern -> spellings in the catalog
    by_api: dict[str, tuple[str, ...]]  # normalised API -> op nodes
    by_name: dict[str, tuple[str, ...]]  # casefolded operation name (any language) -> op nodes


@dataclass(frozen=True, slots=True)
class CatalogGraph:
    """Everything queries need, built once; treat as read-only. Its networkx form and its cycles are made
    on first use."""

    cloud: str
    source: str
    links: Links
    rows: Rows
    nodes: Nodes
    lookup: Lookup
    _networkx: list[Any] = field(default_factory=list, compare=False, repr=False)  # made on first use
    _cycle_of: list[dict[str, tuple[str, ...]]] = field(default_factory=list, compare=False, repr=False)

    @property
    def cycle_of(self) -> dict[str, tuple[str, ...]]:
        """Node -> its dependency cycle (a sorted strongly connected component), made on first use: a
        closure finds its own cycles among its links, so a one-query command never needs them all."""
        if not self._cycle_of:
            cycle_of: dict[str, tuple[str, ...]] = {}
            for members in strongly_connected(
                self.links.succ, self.links.succ
            ):  # only nodes with successors can be on one
                for n in members:
                    cycle_of[n] = members
            self._cycle_of.append(cycle_of)  # two threads may both make it: the same dict
        return self._cycle_of[0]

    @property
    def cycles(self) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted(set(self.cycle_of.values())))

    @property
    def graph(self) -> nx.DiGraph:
        """The frozen networkx graph: node attrs kind/service/label/resolved, edge attrs kind/edge."""
        if not self._networkx:
            self._networkx.append(self._to_networkx())  # two threads may both build it: the same graph
        return self._networkx[0]

    def _to_networkx(self) -> nx.DiGraph:
        import networkx as nx

        g = nx.DiGraph(cloud=self.cloud, source=self.source)
        rows, nodes = self.rows, self.nodes
        for node, op in rows.operations.items():
            g.add_node(node, kind="operation", service=rows.op_service[node], label=op.display_name(), resolved=True)
        for action in sorted(nodes.defined | nodes.unresolved):
            g.add_node(
                action, kind="action", service=service_of(action), label=action, resolved=action in nodes.defined
            )
        for pattern in sorted(nodes.patterns):
            g.add_node(pattern, kind="pattern", service=service_of(pattern), label=pattern, resolved=True)
        g.add_edges_from((s, t, {"kind": e.kind, "edge": e}) for (s, t), e in self.links.edges.items())
        return nx.freeze(g)


def _evidence_order(e: Evidence) -> tuple[Provenance, str, str]:
    return (e.provenance, e.operation, e.condition or "")


def _op_nodes(catalog: Catalog) -> list[tuple[str, str, Operation]]:
    """(node id, service, row) for every operation; ids stay unique even if two services reuse one."""
    out: list[tuple[str, str, Operation]] = []
    seen: set[str] = set()
    for service in sorted(catalog.services):
        for op in catalog.services[service].operations:
            node = f"op:{op.id}"
            if node in seen:
                node = f"op:{service}/{op.id}"
            seen.add(node)
            out.append((node, service, op))
    return out


def build(catalog: Catalog, source: str = "") -> CatalogGraph:
    """Build the graph of one cloud's catalog (all services together, so cross-service edges resolve)."""
    # The build allocates millions of small objects and frees none; the cyclic collector's full passes over
    # them made large builds superlinear, so it is paused for the duration.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(catalog, source)
    finally:
        if enabled:
            gc.enable()


def _build(catalog: Catalog, source: str) -> CatalogGraph:
    ops = _op_nodes(catalog)
    if not ops:
        where = source or catalog.cloud
        raise CatalogError([Problem(where, "", f"the catalog of cloud {catalog.cloud!r} has no operations")])

    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    kinds: dict[tuple[str, str], EdgeKind] = {}
    pairs: dict[str, list[PairScope]] = defaultdict(list)
    referenced: set[str] = set()
    patterns: set[str] = set()
    by_api: dict[str, list[str]] = defaultdict(list)
    by_name: dict[str, list[str]] = defaultdict(list)

    for node, _service, op in ops:
        prov = op.provenance
        name = op.display_name()
        for api in op.apis:
            key = normalise_api(api)
            if key is not None:
                by_api[key].append(node)
        for text in op.name.values():
            by_name[text.casefold()].append(node)
        for ref in op.actions:
            if is_pattern(ref.action):
                # an action cell written as a pattern (cce:kubernetes:*): a pattern node, expanded like a dependency's
                patterns.add(ref.action)
            pairs[ref.action].append(
                PairScope(
                    action=ref.action,
                    operation=op.id,
                    operation_name=name,
                    apis=op.apis,
                    iam_project=op.scope.iam_project,
                    enterprise_project=op.scope.enterprise_project,
                    provenance=prov,
                    inferred=tuple(f for f in op.scope.inferred if f in PAIR_FLAGS),
                )
            )
            evidence[(node, ref.action)].append(Evidence(op.id, prov, ref.condition))
            kinds[(node, ref.action)] = "checks"
        for dep in op.dependencies:
            target = dep.action
            (patterns if is_pattern(target) else referenced).add(target)
            ev = Evidence(op.id, prov, dep.condition)
            evidence[(node, target)].append(ev)
            kinds.setdefault((node, target), "depends")
            for ref in op.actions:
                evidence[(ref.action, target)].append(ev)
                kinds.setdefault((ref.action, target), "depends")

    defined = frozenset(a for a in pairs if a not in patterns)
    unresolved = frozenset(referenced - defined)
    by_service: dict[str, list[str]] = defaultdict(list)
    for action in sorted(defined):
        by_service[service_of(action)].append(action)
    for pattern in sorted(patterns):
        pool = defined if service_of(pattern) == "*" else by_service.get(service_of(pattern), [])
        for action in sorted(pool):
            if matches(pattern, action):
                kinds[(pattern, action)] = "matches"
                evidence.setdefault((pattern, action), [])

    # A row cannot list the same action twice (the codec refuses it), so evidence has no duplicates.
    # Edges are made in sorted (source, target) order, sorting each source's targets rather than every
    # pair at once; sources come in order, so each target's sources come out sorted too.
    targets_of: dict[str, list[str]] = defaultdict(list)
    for src, dst in kinds:
        targets_of[src].append(dst)
    edges: dict[tuple[str, str], Edge] = {}
    succ: dict[str, tuple[str, ...]] = {}
    out_edges: dict[str, tuple[Edge, ...]] = {}
    incoming: dict[str, list[Edge]] = defaultdict(list)
    for src in sorted(targets_of):
        targets = sorted(targets_of[src])
        row_edges = []
        for dst in targets:
            pair = (src, dst)
            rows = evidence[pair]
            ordered = sorted(rows, key=_evidence_order) if len(rows) > 1 else rows
            edge = edges[pair] = Edge(src, dst, kinds[pair], tuple(ordered))
            row_edges.append(edge)
            incoming[dst].append(edge)
        succ[src] = tuple(targets)
        out_edges[src] = tuple(row_edges)
    del targets_of, kinds, evidence
    in_edges = {dst: tuple(es) for dst, es in incoming.items()}
    pred = {dst: tuple(e.source for e in es) for dst, es in in_edges.items()}
    del incoming
    self_loops = frozenset(src for src, dst in edges if src == dst)

    by_lower: dict[str, list[str]] = defaultdict(list)
    for name in sorted(defined | unresolved | patterns):
        by_lower[name.casefold()].append(name)

    frozen_pairs = {a: tuple(sorted(ps)) for a, ps in pairs.items()}
    pattern_pairs = {
        p: tuple(sorted(x for a in succ.get(p, ()) for x in frozen_pairs.get(a, ()))) for p in sorted(patterns)
    }
    marks = {a: summarise(ps) for a, ps in frozen_pairs.items()}
    marks.update({p: summarise(ps) for p, ps in pattern_pairs.items()})
    row_count = {a: len(ps) for a, ps in frozen_pairs.items()}
    return CatalogGraph(
        cloud=catalog.cloud,
        source=source,
        links=Links(
            succ=succ,
            pred=pred,
            edges=edges,
            out_edges=out_edges,
            in_edges=in_edges,
            certain_edges={
                a: certain
                for a, n in row_count.items()
                if a not in patterns and (certain := tuple(e for e in out_edges.get(a, ()) if len(e.evidence) == n))
            },
            self_loops=self_loops,
        ),
        rows=Rows(
            operations={node: op for node, _s, op in ops},
            op_service={node: s for node, s, _op in ops},
            row_node={(op.id, op.provenance): node for node, _s, op in ops},
            pairs=frozen_pairs,
            row_count=row_count,
        ),
        nodes=Nodes(
            defined=defined,
            unresolved=unresolved,
            patterns=frozenset(patterns),
            destructive=frozenset(n for n in defined | unresolved | patterns if is_destructive(n)),
            marks=marks,
            info={
                **{
                    a: ("action", a in defined, frozen_pairs.get(a, ()), marks.get(a, "unknown"))
                    for a in sorted(defined)
                },
                **{a: ("action", False, (), "unknown") for a in sorted(unresolved)},
                **{p: ("pattern", True, ps, marks[p]) for p, ps in pattern_pairs.items()},
            },
        ),
        lookup=Lookup(
            by_lower={k: tuple(v) for k, v in by_lower.items()},
            by_api={k: tuple(sorted(set(v))) for k, v in by_api.items()},
            by_name={k: tuple(sorted(set(v))) for k, v in by_name.items()},
        ),
    )
