"""Catalog health: per-service counts, unresolved references, empty patterns, cycles, disagreeing rows."""

from __future__ import annotations

from collections.abc import Iterable

from explorer.graph.answers import CheckReport, Disagreement, PairScope, ServiceStats
from explorer.graph.build import CatalogGraph
from explorer.graph.suspicion import catalog_suspicious
from explorer.model import Operation, Provenance


def _flag_counts(flags: Iterable[bool | None]) -> tuple[int, int, int]:
    """How many flags say supported, not supported, and nothing."""
    values = list(flags)
    return values.count(True), values.count(False), values.count(None)


def _service(g: CatalogGraph, service: str, rows: list[Operation]) -> ServiceStats:
    checked = {r.action for op in rows for r in op.actions}
    deps = {(r.action, d.action) for op in rows for r in op.actions for d in op.dependencies}
    referenced = {d.action for op in rows for d in op.dependencies}
    scopes = [op.scope for op in rows for _ in op.actions]
    return ServiceStats(
        service=service,
        operations=len(rows),
        actions=len(checked),
        dependencies=len(deps),
        unresolved=len(referenced & g.nodes.unresolved),
        enterprise_project=_flag_counts(sc.enterprise_project for sc in scopes),
        iam_project=_flag_counts(sc.iam_project for sc in scopes),
        without_actions=sum(1 for op in rows if not op.actions),
    )


def _grouped(values: Iterable[tuple[str, Provenance]]) -> tuple[tuple[str, tuple[Provenance, ...]], ...]:
    by_value: dict[str, set[Provenance]] = {}
    for value, row in values:
        by_value.setdefault(value, set()).add(row)
    return tuple((v, tuple(sorted(rows))) for v, rows in sorted(by_value.items()))


def _disagreements(
    action: str, pairs: tuple[PairScope, ...], row_of: dict[tuple[str, Provenance], Operation]
) -> list[Disagreement]:
    """The fields the rows that check ``action`` write differently: its scope flags and its dependencies."""
    found: list[Disagreement] = []
    for fld in ("enterprise_project", "iam_project"):
        flags = _grouped(("unknown" if (v := getattr(p, fld)) is None else str(v).lower(), p.provenance) for p in pairs)
        if len(flags) > 1:
            found.append(Disagreement(action=action, field=fld, values=flags))
    listed = _grouped(
        (
            ", ".join(sorted({d.action for d in row_of[(p.operation, p.provenance)].dependencies})) or "(none)",
            p.provenance,
        )
        for p in pairs
    )
    if len(listed) > 1:
        found.append(Disagreement(action=action, field="dependencies", values=listed))
    return found


def check(g: CatalogGraph) -> CheckReport:
    """What the catalog of one cloud holds, and what in it does not add up."""
    ops_of: dict[str, list[str]] = {}
    for node, svc in g.rows.op_service.items():
        ops_of.setdefault(svc, []).append(node)
    services = tuple(_service(g, svc, [g.rows.operations[n] for n in ops_of[svc]]) for svc in sorted(ops_of))
    unresolved = tuple(
        (a, tuple(sorted({ev.provenance for s in g.links.pred.get(a, ()) for ev in g.links.edges[(s, a)].evidence})))
        for a in sorted(g.nodes.unresolved)
    )
    row_of = {(op.id, op.provenance): op for op in g.rows.operations.values()}
    disagreements = [
        d
        for action in sorted(g.rows.pairs)
        if len(g.rows.pairs[action]) > 1
        for d in _disagreements(action, g.rows.pairs[action], row_of)
    ]
    return CheckReport(
        cloud=g.cloud,
        services=services,
        operations=len(g.rows.operations),
        actions=len(g.nodes.defined | g.nodes.unresolved),
        patterns=len(g.nodes.patterns),
        dependency_edges=sum(
            1 for (s, _t), e in g.links.edges.items() if e.kind == "depends" and s not in g.rows.operations
        ),
        unresolved=unresolved,
        empty_patterns=tuple(p for p in sorted(g.nodes.patterns) if not g.links.succ.get(p)),
        cycles=g.cycles,
        self_loops=tuple(sorted(g.links.self_loops)),
        disagreements=tuple(disagreements),
        suspicious=catalog_suspicious(g),
    )
