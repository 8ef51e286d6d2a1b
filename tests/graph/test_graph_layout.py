"""The graph's answers are records; their wording and wire format read them and are called by them, never the
reverse at run time (pyproject's no-cycles contract ignores these type-only imports, so this test holds them
to it)."""

from __future__ import annotations

import ast
from pathlib import Path

GRAPH = Path(__file__).resolve().parents[2] / "explorer" / "graph"


def _runtime_imports(path: Path) -> list[str]:
    """The modules ``path`` imports outside ``if TYPE_CHECKING:`` blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    guarded = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for stmt in block.body
        for n in ast.walk(stmt)
    }
    found: list[str] = []
    for node in ast.walk(tree):
        if id(node) in guarded:
            continue
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


def test_wording_and_wire_name_the_records_only_for_types() -> None:
    modules = [GRAPH / "wording.py", *sorted((GRAPH / "wire").glob("*.py"))]
    assert len(modules) > 5
    for path in modules:
        leaks = [m for m in _runtime_imports(path) if m.startswith("explorer.graph.answers")]
        assert leaks == [], f"{path.name} imports the records at run time: {leaks}"


def test_no_module_of_the_graph_is_over_450_lines() -> None:
    sizes = {
        p.relative_to(GRAPH).as_posix(): len(p.read_text(encoding="utf-8").splitlines()) for p in GRAPH.rglob("*.py")
    }
    assert {p: n for p, n in sizes.items() if n > 450} == {}
