"""Several versions of the same table: one operation per distinct row of a cloud's service, the others reported.

The corpus holds the same table more than once: byte-identical copies in two repositories (OTC ELB),
one table printed on three pages (the RDS 策略语法 pages), a page kept at two commits (APM 2018, 2019
and 2021), and editions of one cloud that repeat each other (ECS in otc-en, otc-swiss-en and
otc-html). A row is a duplicate of another when it says the same thing: the same APIs (by lookup
key), actions, dependencies with their conditions, scope and notes (and, for a row without an API,
the same name). The row kept is the one a
reviewer should read: from a current page before a deleted one, then the newest documentation, then
the edition order of the cloud (the main edition first), then the first in file, table and row order.
Every other row of the group is left out of the catalog and listed in the import report (kind
``duplicate``) with the row it duplicates, so nothing disappears silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from explorer.apigrammar import lookup_key
from explorer.importers.report import FileReport
from explorer.importers.rows import RowProblem
from explorer.model import EDITION_CLOUD, SOURCE_CURRENT, Operation

DUPLICATE = "duplicate"
_EDITION_ORDER = {edition: i for i, edition in enumerate(EDITION_CLOUD)}


def content_key(op: Operation) -> tuple[Any, ...]:
    """What a row says, without where it is or what it is called."""
    apis = tuple(sorted((lookup_key(a) or a).casefold() for a in op.apis))
    # without an API, the name is what tells two operations checking the same action apart
    names = () if apis else tuple(sorted(op.name.items()))
    return (apis, op.actions, op.dependencies, op.scope, op.notes, names)


def _preference(op: Operation) -> tuple[Any, ...]:
    p = op.provenance
    # newest first: a date's characters inverted sort descending; an unknown date comes last
    newest = tuple(-ord(c) for c in p.date) if p.date else (1,)
    edition = _EDITION_ORDER.get(p.edition, len(_EDITION_ORDER))
    return (p.status != SOURCE_CURRENT, newest, edition, p.file, p.table, p.row)


def deduplicate(operations: Iterable[Operation], reports: dict[str, FileReport]) -> list[Operation]:
    """The operations with one per content key (in their original order), the rest reported as duplicates."""
    ops = list(operations)
    groups: dict[tuple[Any, ...], list[Operation]] = {}
    for op in ops:
        groups.setdefault(content_key(op), []).append(op)
    dropped: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = min(group, key=_preference)
        kept = keep.provenance
        for op in group:
            if op is keep:
                continue
            dropped.add(id(op))
            p = op.provenance
            target = reports.get(p.file)
            if target is None:
                continue
            target.rows_imported -= 1
            where = f"{kept.file} table {kept.table} row {kept.row}"
            why = "a current page" if p.status != SOURCE_CURRENT and kept.status == SOURCE_CURRENT else "that row"
            target.problems.append(
                RowProblem(
                    p.file,
                    p.table,
                    p.row,
                    f"the same operation as {where} (same APIs, actions, dependencies, scope and notes); "
                    f"kept once, from {why}",
                    True,
                    DUPLICATE,
                )
            )
    return [op for op in ops if id(op) not in dropped]
