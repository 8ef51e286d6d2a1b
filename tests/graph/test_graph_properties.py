"""Properties on random catalogs: closure is a plain BFS, dependents are consistent, order is deterministic."""

from __future__ import annotations

import random
from collections import deque

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.actions import is_pattern, matches
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


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(catalogs)
def test_closure_equals_plain_bfs(rows: list[tuple[list[str], list[tuple[str, str | None]], bool | None]]) -> None:
    cat = make_catalog(rows)
    ex = api.build_explorer(cat)
    adj = plain_adjacency(cat)
    unconditional = plain_adjacency(cat, unconditional_only=True)
    for action in ex.actions():
        got = {r.action: r.depth for r in ex.closure(action).requirements}
        assert got == bfs(adj, action)
        got_uncond = {r.action: r.depth for r in ex.closure(action, exclude_conditional=True).requirements}
        assert got_uncond == bfs(unconditional, action)
        for limit in (1, 2):
            limited = {r.action: r.depth for r in ex.closure(action, max_depth=limit).requirements}
            assert limited == {a: d for a, d in got.items() if d <= limit}


@SETTINGS
@given(catalogs)
def test_every_dependent_closure_contains_the_action(
    rows: list[tuple[list[str], list[tuple[str, str | None]], bool | None]],
) -> None:
    ex = api.build_explorer(make_catalog(rows))
    for action in ex.actions():
        result = ex.dependents(action)
        for dep in result.dependents:
            assert action in ex.closure(dep.node).actions()
        # and conversely: every action whose closure holds it is a dependent
        needing = {a for a in ex.actions() if a != action and action in ex.closure(a).actions()}
        assert needing == {d.node for d in result.dependents if d.kind == "action"}


@SETTINGS
@given(catalogs, st.integers(0, 2**16))
def test_output_is_deterministic(
    rows: list[tuple[list[str], list[tuple[str, str | None]], bool | None]], seed: int
) -> None:
    cat = make_catalog(rows)
    a = api.build_explorer(cat)
    b = api.build_explorer(shuffled(cat, seed))
    assert a.check().to_dict() == b.check().to_dict()
    for action in a.actions():
        assert a.closure(action).to_dict() == b.closure(action).to_dict()
        assert a.dependents(action).to_dict() == b.dependents(action).to_dict()
        assert a.scope(action).to_dict() == b.scope(action).to_dict()
        assert api.closure_view(a, action) == api.closure_view(b, action)
        assert api.dependents_view(a, action) == api.dependents_view(b, action)
    for service in a.services():
        assert api.service_view(a, service) == api.service_view(b, service)


@SETTINGS
@given(catalogs)
def test_cycles_terminate_and_are_reported(
    rows: list[tuple[list[str], list[tuple[str, str | None]], bool | None]],
) -> None:
    cat = make_catalog(rows)
    ex = api.build_explorer(cat)
    g = nx.DiGraph([(u, v) for u, vs in plain_adjacency(cat).items() for v in vs])
    sccs = {tuple(sorted(c)) for c in nx.strongly_connected_components(g) if len(c) > 1}
    loops = {u for u, v in g.edges if u == v}
    for action in ex.actions():
        result = ex.closure(action)
        reached = set(result.actions())
        assert set(result.cycles) == {c for c in sccs if set(c) & reached}
        assert set(result.self_loops) == loops & reached
        for req in result.requirements:
            if req.depth > 0:
                assert ex.why(req.action, action).paths, (action, req.action)
