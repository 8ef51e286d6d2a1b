"""Put a View into the one canonical order every renderer draws from.

Renderers must give byte-identical output for the same View whatever order its nodes and edges
come in, so they never iterate the View directly: they iterate what ``canonical`` returns.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.actions import service_of
from explorer.view import View, ViewEdge, ViewNode


@dataclass(frozen=True, slots=True)
class Canonical:
    nodes: tuple[ViewNode, ...]  # sorted by (service, kind, id), one per id
    edges: tuple[ViewEdge, ...]  # sorted, duplicates removed
    services: tuple[str, ...]  # sorted

    def groups(self) -> list[tuple[str, list[ViewNode]]]:
        """The nodes of each service, services in order."""
        members: dict[str, list[ViewNode]] = {s: [] for s in self.services}
        for node in self.nodes:
            members[node.service].append(node)
        return list(members.items())

    @property
    def collapsed(self) -> bool:
        """True for a graph of service nodes only, which needs no clusters around them."""
        return all(n.kind == "service" for n in self.nodes)


def _edge_key(edge: ViewEdge) -> tuple[str, str, str, bool, bool, tuple[str, ...], tuple[str, ...]]:
    return (
        edge.source,
        edge.target,
        edge.kind,
        edge.inferred,
        edge.possible,
        edge.conditions,
        tuple(f"{p.file}#{p.table}:{p.row}" for p in edge.provenance),
    )


def canonical(view: View) -> Canonical:
    """Sorted, de-duplicated nodes and edges; an edge end no node describes becomes an unresolved node."""
    by_id: dict[str, ViewNode] = {}
    for node in sorted(view.nodes):
        by_id.setdefault(node.id, node)
    for edge in view.edges:
        for end in (edge.source, edge.target):
            if end not in by_id:
                by_id[end] = ViewNode(
                    id=end, kind="action", label=end, service=service_of(end), depth=1, resolved=False
                )
    nodes = tuple(sorted(by_id.values(), key=lambda n: (n.service, n.kind, n.id)))
    edges: dict[tuple[str, str, str, bool, bool, tuple[str, ...], tuple[str, ...]], ViewEdge] = {}
    for edge in view.edges:
        edges.setdefault(_edge_key(edge), edge)
    return Canonical(
        nodes=nodes,
        edges=tuple(edges[k] for k in sorted(edges)),
        services=tuple(sorted({n.service for n in nodes})),
    )
