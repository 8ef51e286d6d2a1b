"""One node per service, for graphs too big to read (or to lay out) action by action."""

from __future__ import annotations

from collections import Counter, defaultdict

from explorer.render.normalise import canonical
from explorer.view import ScopeMark, View, ViewEdge, ViewNode

# Above this many nodes an export collapses by service unless told otherwise: dot needs tens of
# seconds beyond it even with the cheap layout settings, and nobody reads that many labels.
COLLAPSE_ABOVE = 1500


def combined_scope(marks: list[ScopeMark]) -> ScopeMark:
    """The scope of a group: the mark all members share, else mixed."""
    distinct = set(marks)
    return distinct.pop() if len(distinct) == 1 else "mixed"


def service_node_id(service: str) -> str:
    return f"service:{service}"


def collapse_by_service(view: View) -> View:
    """A View with one ``service`` node per service (with member counts) and one edge per service pair."""
    canon = canonical(view)
    members: dict[str, list[ViewNode]] = defaultdict(list)
    for node in canon.nodes:
        members[node.service].append(node)
    nodes = []
    for service in canon.services:
        group = members[service]
        counts = Counter(n.kind for n in group)
        detail = ", ".join(f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in sorted(counts))
        nodes.append(
            ViewNode(
                id=service_node_id(service),
                kind="service",
                label=service,
                service=service,
                depth=min(n.depth for n in group),
                scope=combined_scope([n.scope for n in group]),
                resolved=all(n.resolved for n in group),
                detail=detail,
            )
        )
    service_of = {n.id: n.service for n in canon.nodes}
    between: dict[tuple[str, str], list[ViewEdge]] = defaultdict(list)
    for edge in canon.edges:
        pair = (service_of[edge.source], service_of[edge.target])
        if pair[0] != pair[1]:
            between[pair].append(edge)
    edges = []
    for (src, dst), group_edges in sorted(between.items()):
        n = len(group_edges)
        edges.append(
            ViewEdge(
                source=service_node_id(src),
                target=service_node_id(dst),
                kind="collapsed",
                inferred=all(e.inferred for e in group_edges),
                possible=all(e.possible for e in group_edges),
                conditions=(f"{n} edge{'s' if n != 1 else ''}",),
            )
        )
    note = f"collapsed by service: {len(canon.nodes)} nodes in {len(nodes)} services"
    return View(view.title, view.cloud, view.source, view.targets, tuple(nodes), tuple(edges), (*view.notes, note))
