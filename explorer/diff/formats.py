"""A diff for people: plain text for a terminal, Markdown for a pull-request comment or a changelog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from explorer.diff.result import KINDS, Change, DiffResult, RowRef

MAX_PER_KIND = 200  # a whole-cloud diff lists thousands of rows; the JSON keeps all of them

TITLES: dict[str, str] = {
    "operation_added": "Operations added",
    "operation_removed": "Operations removed",
    "action_renamed": "Actions renamed on the same API",
    "action_changed": "Action cells changed",
    "dependency_added": "Dependencies added",
    "dependency_removed": "Dependencies removed",
    "condition_changed": "Conditions changed",
    "scope_changed": "Scope flags changed",
    "api_changed": "API paths changed",
    "name_changed": "Operation names changed",
    "column_added": "Columns added",
    "column_removed": "Columns removed",
}


def _value(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, dict):
        if "dependency" in v:
            conds = f" (when: {'; '.join(v['conditions'])})" if v.get("conditions") else ""
            of = f" for {', '.join(v['of'])}" if v.get("of") else ""
            return f"{v['dependency']}{conds}{of}"
        if "action" in v and len(v) == 1:
            return str(v["action"])
        if "actions" in v and set(v) <= {"actions", "cell"}:
            cell = f" [cell: {v['cell']}]" if "cell" in v else ""
            return (", ".join(v["actions"]) or "(none)") + cell
        if "column" in v:
            values = ", ".join(f"{k}: {n}" for k, n in v["values"].items())
            return f"{v['column']} ({v['rows']} rows; {values})"
        if "apis" in v and "actions" in v:  # an operation
            name = next(iter(v["name"].values()), "")
            acts = ", ".join(r["action"] for r in v["actions"]) or "(no action)"
            return f"{name}: {acts}"
        if "apis" in v:
            rows = f" ({v['rows']} rows)" if v.get("rows", 1) != 1 else ""
            return " | ".join(v["apis"]) + rows
        if "conditions" in v:
            what = v.get("action") or v.get("dependency")
            return f"{what} when: {'; '.join(v['conditions']) or '(always)'}"
        return ", ".join(f"{k}={_flag(x)}" for k, x in v.items())
    return str(v)


def _flag(x: Any) -> str:
    return {True: "yes", False: "no", None: "?"}.get(x, str(x)) if isinstance(x, bool) or x is None else str(x)


def _rows(evidence: tuple[RowRef, ...]) -> str:
    return "; ".join(
        f"{r.side}: {r.provenance.file} table {r.provenance.table} row {r.provenance.row}" for r in evidence
    )


def _plain(text: str) -> str:
    return text


def _line(
    c: Change, code: Callable[[str], str] = _plain, arrow: str = "->", prose: Callable[[str], str] = _plain
) -> str:
    if c.old is None:
        body = code(_value(c.new))
    elif c.new is None:
        body = code(_value(c.old))
    else:
        body = f"{code(_value(c.old))} {arrow} {code(_value(c.new))}"
    flags = (" [SUSPICIOUS]" if c.suspicious else "") + (" [fix]" if c.fixes else "")
    where = prose(f"{c.cloud}/{c.service}") + (f" {code(c.api)}" if c.api else "")
    note = f" ({prose(c.note)})" if c.note else ""
    return f"{where}: {body}{flags}{note}"


def _sections(result: DiffResult, line: Callable[[Change], str]) -> list[tuple[str, list[str]]]:
    out = []
    for kind in KINDS:
        items = result.of_kind(kind)
        if not items:
            continue
        lines = [line(c) for c in items[:MAX_PER_KIND]]
        if len(items) > MAX_PER_KIND:
            lines.append(f"... and {len(items) - MAX_PER_KIND} more (see --json)")
        out.append((f"{TITLES[kind]} ({len(items)})", lines))
    for title, deltas in (
        ("Actions added to the catalog", result.actions_added),
        ("Actions removed from the catalog", result.actions_removed),
    ):
        if deltas:
            lines = [
                f"{d.cloud}/{d.service}: {d.action}"
                + (f" (renamed to {', '.join(d.renamed_to)})" if d.renamed_to else "")
                for d in deltas[:MAX_PER_KIND]
            ]
            out.append((f"{title} ({len(deltas)})", lines))
    if result.impact:
        lines = []
        for i in result.impact[:MAX_PER_KIND]:
            parts = [f"+{a}" for a in i.added] + [f"-{a}" for a in i.removed]
            was = f" (was {i.renamed_from})" if i.renamed_from else ""
            what = f" ({i.name})" if i.kind == "operation" else ""
            lines.append(f"{i.target}{what}{was}: {' '.join(parts)}")
        actions = sum(1 for i in result.impact if i.kind == "action")
        calls = len(result.impact) - actions
        out.append((f"Default requirements changed ({actions} actions, {calls} API rows)", lines))
    if result.policies:
        lines = []
        for p in result.policies[:MAX_PER_KIND]:
            f = p.to_dict()
            renamed = f" (renamed to {', '.join(f['renamed_to'])})" if f["renamed_to"] else ""
            severity = f" [{f['severity']}]" if f.get("severity") else ""
            what = f"{f.get('file', '')} {f.get('code', '')}{severity} {f.get('action', '')}"
            lines.append(f"{p.change}: {what}{renamed}: {f.get('message', '')}")
        out.append((f"Policy findings that appear or disappear ({len(result.policies)})", lines))
    return out


def _headline(result: DiffResult) -> str:
    if result.equal:
        return f"{result.old.label} and {result.new.label}: no change ({result.matched} operations matched)"
    counts = ", ".join(f"{n} {k}" for k, n in result.summary().items() if n)
    return (
        f"{result.old.label} ({result.old.operations} operations) -> {result.new.label} "
        f"({result.new.operations} operations): {counts or 'no row change'}; {result.matched} operations matched"
    )


def to_text(result: DiffResult, *, evidence: bool = False) -> str:
    """The diff as plain text; with ``evidence`` each change is followed by its rows."""

    def line(c: Change) -> str:
        return _line(c) + (f"\n      rows: {_rows(c.evidence)}" if evidence else "")

    out = [_headline(result)]
    out += [f"  {side}: {note}" for side, info in (("old", result.old), ("new", result.new)) for note in info.notes]
    for title, lines in _sections(result, line):
        out.append("")
        out.append(title)
        out.extend(f"  {x}" for x in lines)
    if result.suppressed:
        total = sum(result.suppressed.values())
        out.append("")
        out.append(f"{total} notation-only differences suppressed (same facts written differently)")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_")


def _code(text: str) -> str:
    """A Markdown code span that holds any text (a longer run of backticks than the text has)."""
    if not text:
        return text
    fence = "`" * (max((len(r) for r in text.split() if set(r) == {"`"}), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text.replace(chr(10), ' ')}{pad}{fence}"


def to_markdown(result: DiffResult) -> str:
    """The diff as Markdown: a summary table, then one section per kind of change with its rows."""
    out = [f"## Catalog diff: {_md(result.old.label)} → {_md(result.new.label)}", ""]
    notes = [f"- {side}: {_md(n)}" for side, info in (("old", result.old), ("new", result.new)) for n in info.notes]
    out += [*notes, ""] if notes else []
    if result.equal:
        out.append(f"No change ({result.matched} operations matched).")
        return "\n".join(out) + "\n"
    out += ["| change | count |", "| --- | ---: |"]
    out += [f"| {TITLES[k]} | {n} |" for k, n in result.summary().items() if n]
    out += [f"| Actions added to the catalog | {len(result.actions_added)} |"] if result.actions_added else []
    out += [f"| Actions removed from the catalog | {len(result.actions_removed)} |"] if result.actions_removed else []
    out += [f"| Default requirements changed | {len(result.impact)} |"] if result.impact else []

    def line(c: Change) -> str:
        text = _line(c, _code, "→", _md).replace("[SUSPICIOUS]", "**suspicious**").replace("[fix]", "*fix*")
        return f"{text}<br><sub>{_md(_rows(c.evidence))}</sub>"

    for title, lines in _sections(result, line):
        out += ["", f"### {_md(title)}", ""]
        out += [f"- {x if '<br>' in x else _md(x)}" for x in lines]
    if result.suppressed:
        out += ["", f"_{sum(result.suppressed.values())} notation-only differences suppressed._"]
    return "\n".join(out) + "\n"


def _side_rows(evidence: tuple[RowRef, ...], side: str) -> str:
    return "; ".join(
        f"{r.provenance.file} t{r.provenance.table} r{r.provenance.row}"
        + (f" @{r.provenance.commit[:7]}" if r.provenance.commit else "")
        for r in evidence
        if r.side == side
    )


def change_rows(changes: tuple[Change, ...] | list[Change]) -> list[dict[str, str | bool]]:
    """One flat record per change, for a table: the values as text and the rows of each side."""
    return [
        {
            "kind": c.kind,
            "service": c.service,
            "api": c.api,
            "old": "" if c.old is None else _value(c.old),
            "new": "" if c.new is None else _value(c.new),
            "suspicious": c.suspicious,
            "fixes": c.fixes,
            "note": c.note,
            "old rows": _side_rows(c.evidence, "old"),
            "new rows": _side_rows(c.evidence, "new"),
        }
        for c in changes
    ]
