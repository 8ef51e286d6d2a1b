"""explorer.graph.cycles finds the same cycles as networkx, on crafted and random graphs."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.graph.cycles import strongly_connected


def _succ(edges: list[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for s, t in sorted(set(edges)):
        out.setdefault(s, []).append(t)
    return {k: tuple(v) for k, v in out.items()}


def _networkx(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[str, ...]]:
    g = nx.DiGraph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    return sorted(tuple(sorted(c)) for c in nx.strongly_connected_components(g) if len(c) > 1)


def test_two_cycles_a_self_loop_and_a_tail() -> None:
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"), ("f", "f"), ("e", "g")]
    nodes = sorted({n for e in edges for n in e})
    assert strongly_connected(nodes, _succ(edges)) == [("a", "b", "c"), ("d", "e")]


def test_a_long_chain_closed_into_one_cycle_needs_no_recursion() -> None:
    n = 50_000
    edges = [(f"n{i:05d}", f"n{i + 1:05d}") for i in range(n - 1)] + [(f"n{n - 1:05d}", "n00000")]
    nodes = [f"n{i:05d}" for i in range(n)]
    (only,) = strongly_connected(nodes, _succ(edges))
    assert len(only) == n


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 25), st.integers(0, 25)), max_size=80))
def test_the_same_components_as_networkx(pairs: list[tuple[int, int]]) -> None:
    edges = [(f"v{a}", f"v{b}") for a, b in pairs]
    nodes = [f"v{i}" for i in range(26)]
    assert strongly_connected(nodes, _succ(edges)) == _networkx(nodes, edges)
