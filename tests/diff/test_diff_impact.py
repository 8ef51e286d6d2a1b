"""The impact section grows with the changes: actions whose answers changed the same way share one delta."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api
from explorer.app import diffs
from explorer.diff.impact import Closure, Requirements, impact_of
from explorer.diff.result import DiffResult, SideInfo
from explorer.graph import Explorer
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


def write_catalog(root: Path, rows: list[tuple[str, list[str]]]) -> Path:
    """A one-service catalog: each row checks one action and lists its dependencies."""
    lines = ["schema_version: 2", "cloud: huaweicloud", "service: s", "sources:", "- file: huaweicloud-zh/s/a.md"]
    lines += ["  edition: huaweicloud-zh", "  repo: x/y", "  commit: " + "0" * 40, "  path: a.md", "  format: md-pipe"]
    lines += ["operations:"]
    for i, (action, deps) in enumerate(rows):
        lines += [f"- id: {i:012x}", "  name:", f"    zh: op {i}", "  apis:", f"  - GET /v1/{{project_id}}/r{i}"]
        lines += ["  actions:", f"  - {action}"]
        lines += ["  dependencies:", *(f"  - {d}" for d in deps)] if deps else ["  dependencies: []"]
        lines += ["  scope:", "    iam_project: true", "    enterprise_project: null", "    instance: null"]
        lines += ["    tag: null", "  notes: []", "  source:", "    file: huaweicloud-zh/s/a.md", "    table: 1"]
        lines += [f"    row: {i + 1}"]
    (root / "huaweicloud").mkdir(parents=True)
    (root / "huaweicloud" / "s.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def tree(n: int, changed: set[int]) -> list[tuple[str, list[str]]]:
    """A binary tree of dependencies; a changed row points its second dependency elsewhere, and the last row
    depends on a pattern."""
    rows = []
    for i in range(n):
        deps = [f"s:r{j}:get" for j in (2 * i + 1, 2 * i + 2) if j < n]
        if i in changed and deps:
            deps[-1] = f"s:r{(4 * i + 3) % n}:get"
        rows.append((f"s:r{i}:get", deps))
    rows[-1] = (rows[-1][0], ["s:x*:list"])
    return rows


def test_answers_are_the_same_when_only_the_stale_ones_are_computed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = 63
    old = write_catalog(tmp_path / "old", tree(n, set()))
    # changed edges in the middle and near a leaf, a rename, an action added that the last row's pattern
    # now matches (rows keep their numbers: a row number is part of the answer's evidence)
    rows = tree(n, {5, 17})
    rows[40] = ("s:r40:describe", rows[40][1])
    rows.append(("s:xa:list", []))
    new = write_catalog(tmp_path / "new", rows)
    calls: list[str] = []
    real = diffs._closure_of

    def counting(ex: Explorer) -> Closure:
        c = real(ex)

        def of_action(name: str) -> Requirements:
            calls.append(name)
            return c.of_action(name)

        return Closure(of_action, c.of_operation, c.graph)

    monkeypatch.setattr(diffs, "_closure_of", counting)
    pruned, _ = api.diff(old, new)
    computed = len(calls)
    monkeypatch.setattr(diffs, "_graph_of", lambda ex, node_of: None)
    calls.clear()
    full, _ = api.diff(old, new)
    assert pruned.impact == full.impact
    assert pruned.to_dict() == full.to_dict()
    assert {i.target for i in full.impact} >= {"s:r0:get", "s:r2:get", "s:r5:get", "s:r8:get"}
    assert computed < len(calls) // 2  # only the actions above a changed node were asked, on each side
