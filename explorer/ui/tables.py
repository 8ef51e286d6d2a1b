"""Rows for the tables the pages show and offer as CSV, taken from query results as they are.

Scope is written as text (``EP: yes`` / ``EP: no`` ...) per (operation, action) pair, never by
colour alone, and provenance as ``file table N row M`` so a reviewer can check the row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from explorer import api
from explorer.model import Provenance

Row = dict[str, str | int]


def flag(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "?"}[value]


def where(p: Provenance) -> str:
    return f"{p.file} table {p.table} row {p.row}"


def rows_text(provenance: Iterable[Provenance]) -> str:
    return "; ".join(where(p) for p in provenance)


def pair_text(pair: api.PairScope) -> str:
    """One (operation, action) pair's scope: its API (or name), then the two flags."""
    label = pair.apis[0] if pair.apis else pair.operation_name
    return f"{label}: IAM {flag(pair.iam_project)}, EP {flag(pair.enterprise_project)}"


def closure_rows(result: api.ClosureResult) -> list[Row]:
    """One row per required action, in the result's order (depth, then name)."""
    return [
        {
            "action": r.action,
            "depth": r.depth,
            "basis": r.basis,
            "flags": ", ".join(r.flags),
            "via": r.via,
            "scope": r.scope_mark.replace("_", " "),
            "scope per operation": "; ".join(pair_text(p) for p in r.scope),
            "condition": "; ".join(r.conditions),
            "resolved": "yes" if r.resolved else "no (no table defines it)",
            "provenance": rows_text(r.provenance),
            "APIs that would need it": "; ".join(r.apis),
        }
        for r in result.requirements
    ]


def dependents_rows(result: api.DependentsResult) -> list[Row]:
    """One row per dependent (operation, action or pattern) in the result's order."""
    return [
        {
            "dependent": d.node.removeprefix("op:") if d.kind == "operation" else d.node,
            "kind": d.kind,
            "label": d.label,
            "depth": d.depth,
            "via": d.via,
            "condition": "; ".join(d.edge.conditions),
            "provenance": rows_text(d.edge.provenance),
        }
        for d in result.dependents
    ]


def to_csv(rows: Sequence[Row]) -> str:
    """CSV text with a header row; the columns are those of the first row."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def scope_matrix_rows(services: Iterable[api.ServiceStats]) -> list[Row]:
    """Per service, how many (operation, action) pairs each scope flag documents as yes, no or not said."""
    out: list[Row] = []
    for s in services:
        row: Row = {"service": s.service, "pairs": sum(s.enterprise_project)}
        for column, counts in (("enterprise project", s.enterprise_project), ("IAM project", s.iam_project)):
            row.update({f"{column}: {label}": n for label, n in zip(("yes", "no", "?"), counts, strict=True)})
        out.append(row)
    return out
