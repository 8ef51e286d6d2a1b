"""Properties on random catalogs: the closure equals an independent oracle of the least-privilege rule,
stays within the old full closure, dependents are consistent, output is deterministic, cycles terminate."""

from __future__ import annotations

import os
import random
from collections import deque

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.actions import is_pattern, matches
from explorer.graph import Explorer
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

SERVICES = ("aaa", "bbb", "ccc")
NAMES = [f"{s}:{r}:{v}" for s in SERVICES for r in ("disk", "vm") for v in ("get", "list", "create")]
EXTRA = ["zzz:ghost:get", "aaa:*:get*", "*:vm:*", "bbb:disk:l*"]  # unresolved name and patterns
CONDITIONS = (None, None, "only when encrypted")

row = st.tuples(
    st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True),
    st.lists(
        st.tuples(st.sampled_from(NAMES + EXTRA), st.sampled_from(CONDITIONS)), max_size=4, unique_by=lambda t: t[0]
    ),
    st.sampled_from((True, False, None)),
)
catalogs = st.lists(row, min_size=1, max_size=14)


def make_catalog(rows: list[tuple[list[str], list[tuple[str, str | None]], bool | None]]) -> Catalog:
    per_service: dict[str, list[Operation]] = {}
    for i, (actions, deps, ep) in enumerate(rows, 1):
        service = actions[0].split(":")[0]
        file = f"{service}.md"
        per_service.setdefault(service, []).append(
            Operation(
                f"op{i}",
                {"en": f"operation {i}"},
                (f"GET /v1/{service}/thing{i}",),
                tuple(ActionRef(a) for a in actions),
                tuple(ActionRef(d, c) for d, c in deps),
                Scope(True, ep),
                (),
                Provenance(file, 1, i),
            )
        )
    cat = Catalog("test")
    for service, ops in per_service.items():
        source = SourceDoc(f"{service}.md", "huaweicloud-zh")
        cat.services[service] = ServiceCatalog("test", service, (source,), tuple(ops))
    return cat


def plain_adjacency(cat: Catalog, unconditional_only: bool = False) -> dict[str, set[str]]:
    """Dependencies straight from the rows, with patterns expanded to the actions some row checks."""
    defined = {r.action for op in cat.operations() for r in op.actions}
    adj: dict[str, set[str]] = {}
    for op in cat.operations():
        for dep in op.dependencies:
            if unconditional_only and dep.condition is not None:
                continue
            for a in op.actions:
                adj.setdefault(a.action, set()).add(dep.action)
            if is_pattern(dep.action):
                adj.setdefault(dep.action, set()).update(x for x in defined if matches(dep.action, x))
    # a pattern expands whether or not the edge into it was kept
    for op in cat.operations():
        for dep in op.dependencies:
            if is_pattern(dep.action):
                adj.setdefault(dep.action, set()).update(x for x in defined if matches(dep.action, x))
    return adj


def bfs(adj: dict[str, set[str]], start: str) -> dict[str, int]:
    depth = {start: 0}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v in adj.get(u, ()):
            if v not in depth:
                depth[v] = depth[u] + 1
                queue.append(v)
    return depth


def shuffled(cat: Catalog, seed: int) -> Catalog:
    rnd = random.Random(seed)
    out = Catalog(cat.cloud)
    names = list(cat.services)
    rnd.shuffle(names)
    for name in names:
        svc = cat.services[name]
        ops = []
        for op in svc.operations:
            deps = list(op.dependencies)
            rnd.shuffle(deps)
            acts = list(op.actions)
            rnd.shuffle(acts)
            ops.append(Operation(op.id, op.name, op.apis, tuple(acts), tuple(deps), op.scope, op.notes, op.provenance))
        rnd.shuffle(ops)
        out.services[name] = ServiceCatalog(svc.cloud, svc.service, svc.sources, tuple(ops))
    return out


def oracle(
    cat: Catalog, target: str, unconditional_only: bool = False, possible: bool = False
) -> tuple[dict[str, tuple[int, str]], set[tuple[str, str]]]:
    """The least-privilege answer computed straight from the rows, independently of the engine: every
    requirement with its depth and basis, and the (source, target) edges that justify it."""
    ops = {f"op:{op.id}": op for op in cat.operations()}

    def deps(op: Operation) -> set[str]:
        return {d.action for d in op.dependencies if not (unconditional_only and d.condition is not None)}

    checking: dict[str, list[Operation]] = {}
    for op in ops.values():
        for a in op.actions:
            checking.setdefault(a.action, []).append(op)

    def children(node: str, basis: str, depth: int) -> list[tuple[str, str]]:
        if node in ops:
            acts = {a.action for a in ops[node].actions}
            return [(a, "target") for a in sorted(acts)] + [(d, "documented") for d in sorted(deps(ops[node]) - acts)]
        if basis == "target":
            if depth:
                return []
            return [(d, "documented") for d in sorted(set().union(*(deps(r) for r in checking.get(node, []))))]
        rows = checking.get(node, [])
        if is_pattern(node) or not rows:
            return []
        every = set.intersection(*(deps(r) for r in rows))
        if basis == "possible":
            return [(d, "possible") for d in sorted(set().union(*(deps(r) for r in rows)))]
        some = set().union(*(deps(r) for r in rows)) - every
        return [(d, "certain") for d in sorted(every)] + ([(d, "possible") for d in sorted(some)] if possible else [])

    answer: dict[str, tuple[int, str]] = {target: (0, "target")}
    frontier = [target]
    level = 0
    pending: list[tuple[str, str, str]] = []  # possible ones wait until the default answer is complete
    while frontier:
        nxt: list[str] = []
        for u in frontier:
            for v, how in children(u, answer[u][1], answer[u][0]):
                if how == "possible":
                    pending.append((u, v, how))
                elif v not in answer:
                    answer[v] = (level + 1, how)
                    nxt.append(v)
        frontier = sorted(nxt)
        level += 1
    while pending:  # breadth-first over the possible ones, by the depth of what lists them
        pending.sort(key=lambda x: answer[x[0]][0])
        first = answer[pending[0][0]][0]
        now = [x for x in pending if answer[x[0]][0] == first]
        pending = [x for x in pending if answer[x[0]][0] != first]
        for _u, v, _how in now:
            if v not in answer:
                answer[v] = (first + 1, "possible")
                pending.extend((v, w, "possible") for w, _ in children(v, "possible", first + 1))
    links = {
        (u, v)
        for u in answer
        for v, how in children(u, answer[u][1], answer[u][0])
        if v in answer and answer[v][0] > 0 and (how == "possible") == (answer[v][1] == "possible")
    }
    links |= {  # self-loops by the same rule, and a target whose own rows list it
        (u, u)
        for u in answer
        for v, how in children(u, answer[u][1], answer[u][0])
        if v == u and (answer[u][0] == 0 or (how == "possible") == (answer[u][1] == "possible"))
    }
    return {a: x for a, x in answer.items() if a not in ops}, links


def full_closure(cat: Catalog, action: str) -> set[str]:
    """The old answer: every row's dependencies followed, patterns expanded (an over-approximation)."""
    return set(bfs(plain_adjacency(cat), action))


# PROPERTY_EXAMPLES=600 runs a deeper search locally; CI keeps the default
SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
Rows = list[tuple[list[str], list[tuple[str, str | None]], bool | None]]


def _targets(ex: Explorer) -> list[str]:
    return [*ex.actions(), *sorted(ex.data.rows.operations)]


@SETTINGS
@given(catalogs)
def test_closure_matches_an_independent_oracle(rows: Rows) -> None:
    cat = make_catalog(rows)
    ex = api.build_explorer(cat)
    for target in _targets(ex):
        for unconditional in (False, True):
            for possible in (False, True):
                result = ex.closure(target, exclude_conditional=unconditional, possible=possible)
                got = {r.action: (r.depth, r.basis) for r in result.requirements}
                want, links = oracle(cat, target, unconditional, possible)
                assert got == want, (target, unconditional, possible)
                got_links = {(k.edge.source, k.edge.target) for k in result.links}
                assert got_links | {(n, n) for n in result.self_loops} == links
        default = {r.action: r.depth for r in ex.closure(target).requirements}
        for limit in (1, 2):
            limited = {r.action: r.depth for r in ex.closure(target, max_depth=limit).requirements}
            assert limited == {a: d for a, d in default.items() if d <= limit}


@SETTINGS
@given(catalogs)
def test_certain_is_within_the_rows_and_the_answer_within_the_old_closure(rows: Rows) -> None:
    cat = make_catalog(rows)
    ex = api.build_explorer(cat)
    listed: dict[str, set[str]] = {}
    for op in cat.operations():
        for a in op.actions:
            listed.setdefault(a.action, set()).update(d.action for d in op.dependencies)
    for action in ex.actions():
        result = ex.closure(action, possible=True)
        for r in result.requirements:
            if r.basis == "certain":
                assert r.action in listed[r.via]
        default = set(ex.closure(action).actions())
        assert default <= full_closure(cat, action)
        assert default <= set(result.actions())


@SETTINGS
@given(catalogs)
def test_every_action_that_needs_it_is_a_dependent(rows: Rows) -> None:
    ex = api.build_explorer(make_catalog(rows))
    for action in ex.actions():
        dependents = {d.node for d in ex.dependents(action).dependents}
        for possible in (False, True):
            needing = {a for a in ex.actions() if a != action and action in ex.closure(a, possible=possible).actions()}
            assert needing <= dependents


@SETTINGS
@given(catalogs, st.integers(0, 2**16))
def test_output_is_deterministic(rows: Rows, seed: int) -> None:
    cat = make_catalog(rows)
    a = api.build_explorer(cat)
    b = api.build_explorer(shuffled(cat, seed))
    assert a.check().to_dict() == b.check().to_dict()
    for action in a.actions():
        for possible in (False, True):
            assert a.closure(action, possible=possible).to_dict() == b.closure(action, possible=possible).to_dict()
            assert a.scope(action, possible=possible).to_dict() == b.scope(action, possible=possible).to_dict()
            assert api.closure_view(a, action, possible=possible) == api.closure_view(b, action, possible=possible)
        assert a.dependents(action).to_dict() == b.dependents(action).to_dict()
        assert api.dependents_view(a, action) == api.dependents_view(b, action)
    for service in a.services():
        assert api.service_view(a, service) == api.service_view(b, service)


@SETTINGS
@given(catalogs)
def test_cycles_terminate_and_are_reported(rows: Rows) -> None:
    cat = make_catalog(rows)
    ex = api.build_explorer(cat)
    for action in ex.actions():
        for possible in (False, True):
            result = ex.closure(action, possible=possible)
            _answer, links = oracle(cat, action, possible=possible)
            g = nx.DiGraph(sorted(links))
            sccs = {tuple(sorted(c)) for c in nx.strongly_connected_components(g) if len(c) > 1}
            assert set(result.cycles) == sccs
            assert set(result.self_loops) == {u for u, v in links if u == v}
            for req in result.requirements:
                if req.depth > 0:
                    assert ex.why(req.action, action, possible=possible).paths, (action, req.action)


@SETTINGS
@given(catalogs, st.integers(0, 2**16))
def test_the_default_walk_is_the_filtered_walk(rows: Rows, seed: int) -> None:
    """The default walk (the build's certain edges) and the walk with a row filter that keeps every row
    (certain edges chosen per node) give the same records and links."""
    from explorer.graph import closure as lp
    from explorer.graph.walk import walk

    ex = api.build_explorer(make_catalog(rows))
    g = ex.data
    actions = list(ex.actions())
    rnd = random.Random(seed)
    seeds = [[a] for a in actions] + [sorted(rnd.sample(actions, min(3, len(actions))))]

    def every_row(_ev: object) -> bool:
        return True

    for s in seeds:
        for possible in (False, True):
            fast, general = walk(g, s, want_possible=possible), walk(g, s, keep=every_row, want_possible=possible)
            assert lp.answer_links(fast) == lp.answer_links(general), s
            assert lp.requirements(g, fast, {}, None) == lp.requirements(g, general, {}, every_row), s
            assert (fast.depth, fast.via, fast.target_loops) == (general.depth, general.via, general.target_loops)
