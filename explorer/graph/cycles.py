"""Dependency cycles: the strongly connected components of the adjacency the graph build keeps.

The build works on plain ``node -> sorted successors`` tuples; finding cycles there (Tarjan's
algorithm, iteratively, so deep chains cannot overflow the stack) means a query never has to import
networkx, which costs more than loading the whole catalog. The answer is the same set of components
``networkx.strongly_connected_components`` gives (a test checks them against each other).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def strongly_connected(nodes: Iterable[str], succ: Mapping[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Every strongly connected component with more than one node, each sorted, in sorted order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[tuple[str, ...]] = []
    counter = 0
    empty: tuple[str, ...] = ()
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, int]] = [(root, 0)]  # (node, position in its successors)
        while work:
            node, pos = work[-1]
            children = succ.get(node, empty)
            while pos < len(children):
                child = children[pos]
                pos += 1
                if child not in index:
                    work[-1] = (node, pos)
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, 0))
                    break
                if child in on_stack and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    if low[node] < low[parent]:
                        low[parent] = low[node]
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    if len(members) > 1:
                        found.append(tuple(sorted(members)))
    return sorted(found)
