"""The kinds of change between two rows that document the same operation, and between whole services.

Every comparison is of facts after :mod:`explorer.diff.notation`: a value that differs only in notation
is counted in ``suppressed`` and not reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from explorer.diff import suspicious
from explorer.diff.matching import Match, apis_of
from explorer.diff.notation import api_text, text_key
from explorer.diff.result import SCOPE_FIELDS, Change, ChangeKind, RowRef, rows
from explorer.model import ActionRef, Operation


@dataclass(slots=True)
class Collector:
    """The changes of one service found so far, and the notation-only differences left out."""

    cloud: str
    service: str
    changes: list[Change] = field(default_factory=list)
    suppressed: Counter[str] = field(default_factory=Counter)
    translated: bool = False  # the rows being compared are in two languages (two editions)

    def add(
        self,
        kind: ChangeKind,
        api: str,
        old: Any,
        new: Any,
        evidence: tuple[RowRef, ...],
        *,
        suspicious: bool = False,
        fixes: bool = False,
        note: str = "",
    ) -> None:
        self.changes.append(Change(kind, self.cloud, self.service, api, old, new, evidence, suspicious, fixes, note))


def first_api(ops: Sequence[Operation]) -> str:
    for op in ops:
        if op.apis:
            return api_text(op.apis[0])
    return ""


def _refs(refs: Iterable[ActionRef]) -> list[dict[str, Any]]:
    return [{"action": r.action, "condition": r.condition} for r in refs]


def scope_dict(op: Operation, fields: Iterable[str] = SCOPE_FIELDS) -> dict[str, bool | None]:
    return {f: getattr(op.scope, f) for f in fields}


def operation_summary(op: Operation) -> dict[str, Any]:
    """A row as reported for an added or removed operation."""
    return {
        "name": dict(sorted(op.name.items())),
        "apis": list(op.apis),
        "actions": _refs(op.actions),
        "dependencies": _refs(op.dependencies),
        "scope": scope_dict(op),
    }


def _conditions(refs: Iterable[ActionRef]) -> dict[str, tuple[list[str], frozenset[str]]]:
    """Per action: its conditions as written (sorted) and as compared."""
    raw: dict[str, set[str]] = {}
    for r in refs:
        raw.setdefault(r.action, set()).add(r.condition or "")
    return {a: (sorted(c for c in cs if c), frozenset(text_key(c) for c in cs)) for a, cs in raw.items()}


def _condition_change(
    out: Collector, api: str, evidence: tuple[RowRef, ...], role: str, old_name: str, new_name: str, old: Any, new: Any
) -> None:
    (old_text, old_key), (new_text, new_key) = old, new
    note = ""
    if out.translated:
        # a condition in another language is a translation: only whether (and how often) it is conditional counts
        changed = ("" in old_key, len(old_key)) != ("" in new_key, len(new_key))
        note = "rows in two languages: only whether it is conditional is compared"
    else:
        changed = old_key != new_key
        if not changed and old_text != new_text:
            out.suppressed["condition_changed"] += 1
    if changed:
        old_value = {role: old_name, "conditions": old_text}
        out.add("condition_changed", api, old_value, {role: new_name, "conditions": new_text}, evidence, note=note)


def _pair_replacements(removed: set[str], added: set[str]) -> tuple[list[tuple[str, str]], set[str], set[str]]:
    """One-for-one replacements of actions in a cell: the only ones, or one per service:resource."""
    if len(removed) == 1 and len(added) == 1:
        return [(next(iter(removed)), next(iter(added)))], set(), set()
    pairs: list[tuple[str, str]] = []
    left_r, left_a = set(removed), set(added)
    by_resource: dict[str, tuple[list[str], list[str]]] = {}
    for a in removed:
        by_resource.setdefault(a.rsplit(":", 1)[0], ([], []))[0].append(a)
    for a in added:
        by_resource.setdefault(a.rsplit(":", 1)[0], ([], []))[1].append(a)
    for olds, news in by_resource.values():
        if len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
            left_r.discard(olds[0])
            left_a.discard(news[0])
    return sorted(pairs), left_r, left_a


def compare_actions(
    out: Collector, o: Operation, n: Operation, evidence: tuple[RowRef, ...], new_pool: frozenset[str]
) -> list[tuple[str, str]]:
    """Actions of the row renamed, replaced or damaged; returns the renames (old, new)."""
    api = first_api((n, o))
    old_names = {r.action for r in o.actions}
    new_names = {r.action for r in n.actions}
    pairs, removed, added = _pair_replacements(old_names - new_names, new_names - old_names)
    renames: list[tuple[str, str]] = []
    old_cond, new_cond = _conditions(o.actions), _conditions(n.actions)
    same_api = bool(apis_of(o) & apis_of(n))
    for before, after in pairs:
        if suspicious.truncated(after, before):
            note = f"the action is cut short: {after} looks truncated from {before}"
            out.add(
                "action_changed", api, {"actions": [before]}, {"actions": [after]}, evidence, suspicious=True, note=note
            )
        elif suspicious.truncated(before, after):
            note = f"repairs a truncated action: {before} -> {after}"
            out.add("action_changed", api, {"actions": [before]}, {"actions": [after]}, evidence, fixes=True, note=note)
        elif same_api:
            cut = suspicious.truncation_of(after, new_pool)
            out.add(
                "action_renamed",
                api,
                {"action": before},
                {"action": after},
                evidence,
                suspicious=cut is not None,
                note=f"{after} looks truncated from {cut}" if cut else "",
            )
            renames.append((before, after))
        else:
            out.add("action_changed", api, {"actions": [before]}, {"actions": [after]}, evidence)
        _condition_change(out, api, evidence, "action", before, after, old_cond[before], new_cond[after])
    if removed or added:
        damaged = [a for a in sorted(added) if suspicious.truncation_of(a, new_pool)]
        out.add(
            "action_changed",
            api,
            {"actions": sorted(old_names)},
            {"actions": sorted(new_names)},
            evidence,
            suspicious=bool(damaged),
            note=f"looks truncated: {', '.join(damaged)}" if damaged else "",
        )
    for name in sorted(old_names & new_names):
        _condition_change(out, api, evidence, "action", name, name, old_cond[name], new_cond[name])
    old_glued, new_glued = set(suspicious.glued_cells(o)), set(suspicious.glued_cells(n))
    actions = sorted(new_names)
    for cell in sorted(new_glued - old_glued):
        note = f"text glued to the action in its cell: {cell!r}"
        out.add(
            "action_changed",
            api,
            {"actions": sorted(old_names)},
            {"actions": actions, "cell": cell},
            evidence,
            suspicious=True,
            note=note,
        )
    for cell in sorted(old_glued - new_glued):
        note = f"repairs an action cell with text glued to the action: {cell!r}"
        out.add(
            "action_changed",
            api,
            {"actions": sorted(old_names), "cell": cell},
            {"actions": actions},
            evidence,
            fixes=True,
            note=note,
        )
    return renames


def compare_dependencies(out: Collector, o: Operation, n: Operation, evidence: tuple[RowRef, ...]) -> None:
    api = first_api((n, o))
    old_deps, new_deps = _conditions(o.dependencies), _conditions(n.dependencies)
    of = sorted({r.action for r in n.actions})
    for dep in sorted(new_deps.keys() - old_deps.keys()):
        note = suspicious.contradicting(n, dep)
        out.add(
            "dependency_added",
            api,
            None,
            {"dependency": dep, "conditions": new_deps[dep][0], "of": of},
            evidence,
            suspicious=bool(note),
            note=note,
        )
    for dep in sorted(old_deps.keys() - new_deps.keys()):
        out.add(
            "dependency_removed",
            api,
            {"dependency": dep, "conditions": old_deps[dep][0], "of": sorted({r.action for r in o.actions})},
            None,
            evidence,
        )
    for dep in sorted(old_deps.keys() & new_deps.keys()):
        _condition_change(out, api, evidence, "dependency", dep, dep, old_deps[dep], new_deps[dep])


def compare_scope(
    out: Collector, o: Operation, n: Operation, evidence: tuple[RowRef, ...], skip: frozenset[str]
) -> None:
    changed = [f for f in SCOPE_FIELDS if f not in skip and getattr(o.scope, f) != getattr(n.scope, f)]
    if changed:
        out.add("scope_changed", first_api((n, o)), scope_dict(o, changed), scope_dict(n, changed), evidence)


def compare_names(out: Collector, o: Operation, n: Operation, evidence: tuple[RowRef, ...]) -> None:
    for lang in sorted(o.name.keys() & n.name.keys()):  # another language is a translation, not an edit
        before, after = o.name[lang], n.name[lang]
        if text_key(before) != text_key(after):
            out.add("name_changed", first_api((n, o)), {lang: before}, {lang: after}, evidence)
        elif before != after:
            out.suppressed["name_changed"] += 1


def compare_apis(out: Collector, match: Match, evidence: tuple[RowRef, ...]) -> None:
    old_raw = [a for op in match.old for a in op.apis]
    new_raw = [a for op in match.new for a in op.apis]
    old_text = sorted({api_text(a) for a in old_raw})
    new_text = sorted({api_text(a) for a in new_raw})
    if match.split:
        what = "split into" if len(match.new) > len(match.old) else "merged from"
        count = max(len(match.new), len(match.old))
        note = f"one row {what} {count} rows" if what == "split into" else f"{count} rows merged into one"
        single = match.old if len(match.old) == 1 else match.new  # the row that was split, or the merged one
        out.add(
            "api_changed",
            first_api(single),
            {"apis": old_text, "rows": len(match.old)},
            {"apis": new_text, "rows": len(match.new)},
            evidence,
            note=note,
        )
    elif old_text != new_text:
        out.add("api_changed", first_api(match.new), {"apis": old_text}, {"apis": new_text}, evidence)
    elif sorted(old_raw) != sorted(new_raw):
        out.suppressed["api_changed"] += 1


def compare_match(
    out: Collector, match: Match, skip_scope: frozenset[str], new_pool: frozenset[str]
) -> list[tuple[str, str, Operation, Operation]]:
    """Every change between the rows of one match; returns the renames (old, new, old row, new row)."""
    evidence = rows("old", match.old) + rows("new", match.new)
    compare_apis(out, match, evidence)
    renames: list[tuple[str, str, Operation, Operation]] = []
    # a split row's parts each carry the old row's facts: compare each part with the old row, once per fact
    for o in match.old:
        for n in match.new:
            out.translated = bool(o.name and n.name and not o.name.keys() & n.name.keys())
            pair = (RowRef("old", o.provenance), RowRef("new", n.provenance))
            before = len(out.changes)
            renames.extend((a, b, o, n) for a, b in compare_actions(out, o, n, pair, new_pool))
            compare_dependencies(out, o, n, pair)
            compare_scope(out, o, n, pair, skip_scope)
            compare_names(out, o, n, pair)
            if match.split:  # the same fact once per part is one change of the row
                _fold(out, before)
    return renames


def _fold(out: Collector, start: int) -> None:
    """Drop changes after ``start`` that repeat an earlier change of the same row (same kind and values)."""
    seen = {(c.kind, repr(c.old), repr(c.new)) for c in out.changes[:start]}
    kept = out.changes[:start]
    for c in out.changes[start:]:
        key = (c.kind, repr(c.old), repr(c.new))
        if key not in seen:
            kept.append(c)
            seen.add(key)
    out.changes[:] = kept


def column_changes(out: Collector, old: Sequence[Operation], new: Sequence[Operation]) -> frozenset[str]:
    """Scope columns a whole service gained or lost, reported once each; the fields to skip row by row."""
    skip: set[str] = set()
    for f in SCOPE_FIELDS:
        had = [op for op in old if getattr(op.scope, f) is not None]
        has = [op for op in new if getattr(op.scope, f) is not None]
        if old and new and not had and has:
            values = Counter(str(getattr(op.scope, f)).lower() for op in has)
            out.add(
                "column_added",
                "",
                None,
                {"column": f, "rows": len(has), "values": dict(sorted(values.items()))},
                _per_file("new", has),
                note=f"{f} appears on {len(has)} of {len(new)} rows",
            )
            skip.add(f)
        elif old and new and had and not has:
            values = Counter(str(getattr(op.scope, f)).lower() for op in had)
            out.add(
                "column_removed",
                "",
                {"column": f, "rows": len(had), "values": dict(sorted(values.items()))},
                None,
                _per_file("old", had),
                note=f"{f} is gone from all {len(new)} rows",
            )
            skip.add(f)
    return frozenset(skip)


def _per_file(side: str, ops: Sequence[Operation]) -> tuple[RowRef, ...]:
    """The first row of each file: the evidence of a column, which every row of a table shares."""
    first: dict[str, Operation] = {}
    for op in sorted(ops, key=lambda op: op.provenance):
        first.setdefault(op.provenance.file, op)
    return rows("new" if side == "new" else "old", list(first.values()))
