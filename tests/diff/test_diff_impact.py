"""The impact section grows with the changes: actions whose answers changed the same way share one delta."""

from __future__ import annotations

from explorer.diff.impact import Closure, Requirements, impact_of
from explorer.diff.result import DiffResult, SideInfo
from explorer.model import Operation, Provenance


def chain_closure(edges: dict[str, str], row: dict[str, int]) -> Closure:
    """Closures of a chain a0 -> a1 -> ...: each action requires everything below it, documented, with the
    row of the edge that brings it in."""

    def of_action(name: str) -> Requirements:
        out: dict[str, tuple[str, tuple[Provenance, ...]]] = {}
        while name in edges:
            name = edges[name]
            out[name] = ("documented", (Provenance("c.md", 1, row[name]),))
        return out

    def of_operation(_: Operation) -> Requirements:
        return {}

    return Closure(of_action, of_operation)


def test_a_chain_gaining_one_link_at_the_bottom_writes_the_delta_once() -> None:
    n = 50
    names = [f"s:r:a{i}" for i in range(n + 1)]
    old_edges = {names[i]: names[i + 1] for i in range(n - 1)}  # a0 -> ... -> a49
    new_edges = {**old_edges, names[n - 1]: names[n]}  # a49 -> a50 added
    rows = {name: i + 1 for i, name in enumerate(names)}
    targets = frozenset(names)
    impact = impact_of(chain_closure(old_edges, rows), chain_closure(new_edges, rows), targets, targets, ())
    assert [i.target for i in impact] == sorted(names[:n])
    assert {(i.added, i.removed) for i in impact} == {((names[n],), ())}
    side = SideInfo("x", ("c",), n + 1)
    data = DiffResult(side, side, (), impact=tuple(impact)).to_dict()
    assert [e["delta"] for e in data["impact"]] == [0] * n
    assert data["impact"][7]["added"] == [names[n]]
    (delta,) = data["impact_deltas"]
    assert delta["added"] == [names[n]] and delta["removed"] == []
    (detail,) = delta["details"]
    assert (detail["action"], detail["change"], detail["basis"]) == (names[n], "added", "documented")
    assert [(r["side"], r["row"]) for r in detail["rows"]] == [("new", n + 1)]


def test_different_deltas_are_kept_apart_in_order_of_first_use() -> None:
    old = {"s:r:a": "s:r:b"}
    new = {"s:r:a": "s:r:c", "s:r:x": "s:r:b"}
    rows = {"s:r:b": 1, "s:r:c": 2}
    targets = frozenset({"s:r:a", "s:r:x"})
    impact = impact_of(chain_closure(old, rows), chain_closure(new, rows), targets, targets, ())
    side = SideInfo("x", ("c",), 3)
    data = DiffResult(side, side, (), impact=tuple(impact)).to_dict()
    assert [(e["target"], e["delta"]) for e in data["impact"]] == [("s:r:a", 0), ("s:r:x", 1)]
    assert [(d["added"], d["removed"]) for d in data["impact_deltas"]] == [(["s:r:c"], ["s:r:b"]), (["s:r:b"], [])]
