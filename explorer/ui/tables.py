"""Rows for the tables the pages show and offer as CSV, taken from query results as they are.

Scope is written as text (``EP: yes`` / ``EP: no`` ...) per (operation, action) pair, never by
colour alone, and provenance as ``file table N row M`` so a reviewer can check the row. An API that
several editions document (the three otc editions often do) is one entry naming the editions, not
one per edition; CSV carries a UTF-8 BOM so spreadsheets read the Chinese names as written.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence

from explorer.app import queries
from explorer.display import scope_flags, visible
from explorer.model import Provenance

Row = dict[str, str | int]


def where(p: Provenance) -> str:
    return f"{p.file} table {p.table} row {p.row}"


def rows_text(provenance: Iterable[Provenance]) -> str:
    return "; ".join(where(p) for p in provenance)


def pair_text(pair: queries.PairScope) -> str:
    """One (operation, action) pair's scope: its API (or name), then the two flags."""
    label = pair.apis[0] if pair.apis else pair.operation_name
    iam, ep = scope_flags(pair)
    return f"{label}: IAM {iam}, EP {ep}"


def editions(provenance: Iterable[Provenance]) -> str:
    return ", ".join(sorted({p.edition for p in provenance if p.edition}))


def pairs_text(pairs: Iterable[queries.PairScope]) -> str:
    """Pairs grouped by what they say: one entry per (API or name, flags), with the editions behind it."""
    groups: dict[str, list[Provenance]] = defaultdict(list)
    for pair in pairs:
        groups[pair_text(pair)].append(pair.provenance)
    out = []
    for text, rows in groups.items():
        names = editions(rows)
        out.append(f"{text} ({names})" if len(rows) > 1 and names else text)
    return "; ".join(out)


def shown(rows: Iterable[Row]) -> list[Row]:
    """Rows as a table shows them: every text with bidi and zero-width characters marked (explorer.display.visible)."""
    return [{k: visible(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def closure_rows(result: queries.ClosureResult) -> list[Row]:
    """One row per required action, in the result's order (depth, then name)."""
    return shown(
        {
            "action": r.action,
            "depth": r.depth,
            "basis": r.basis,
            "flags": ", ".join(r.flags),
            "via": r.via,
            "scope": r.scope_mark.replace("_", " "),
            "scope per operation": pairs_text(r.scope),
            "condition": "; ".join(r.conditions),
            "resolved": "yes" if r.resolved else "no (no table defines it)",
            "provenance": rows_text(r.provenance),
            "APIs that would need it": "; ".join(r.apis),
        }
        for r in result.requirements
    )


def dependents_rows(result: queries.DependentsResult, ex: queries.Explorer) -> list[Row]:
    """One row per dependent in the result's order; operations that document the same API at the same
    depth (one per edition) share one row naming each edition's operation."""
    rows: list[Row] = []
    merged: dict[tuple[str, int, str], tuple[Row, list[str], list[Provenance]]] = {}
    for d in result.dependents:
        op = queries.operation_row(ex, d.node) if d.kind == "operation" else None
        if op is None:
            rows.append(
                {
                    "dependent": d.node,
                    "kind": d.kind,
                    "label": d.label,
                    "editions": editions(d.edge.provenance),
                    "depth": d.depth,
                    "via": d.via,
                    "condition": "; ".join(d.edge.conditions),
                    "provenance": rows_text(d.edge.provenance),
                }
            )
            continue
        name = op.apis[0] if op.apis else op.display_name()
        key = (name, d.depth, d.via)
        if key not in merged:
            row: Row = {"dependent": name, "kind": "operation", "label": "", "editions": "", "depth": d.depth}
            row.update(via=d.via, condition="; ".join(d.edge.conditions), provenance="")
            merged[key] = (row, [], [])
            rows.append(row)
        row, labels, provenance = merged[key]
        if op.display_name() not in labels:
            labels.append(op.display_name())
        provenance.append(op.provenance)
        row["label"] = " / ".join(labels)
        row["editions"] = editions(provenance)
        row["provenance"] = rows_text(sorted(set(provenance)))
    return shown(rows)


def to_csv(rows: Sequence[Row]) -> bytes:
    """CSV bytes with a UTF-8 BOM (spreadsheets then read Chinese names right) and a header row;
    the columns are those of the first row."""
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def scope_matrix_rows(services: Iterable[queries.ServiceStats]) -> list[Row]:
    """Per service, how many (operation, action) pairs each scope flag documents as yes, no or not said."""
    out: list[Row] = []
    for s in services:
        row: Row = {"service": s.service, "pairs": sum(s.enterprise_project)}
        for column, counts in (("enterprise project", s.enterprise_project), ("IAM project", s.iam_project)):
            row.update({f"{column}: {label}": n for label, n in zip(("yes", "no", "?"), counts, strict=True)})
        out.append(row)
    return shown(out)
