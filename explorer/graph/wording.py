"""The English of every graph answer: the sentences the faces print and the JSON carries.

Records hold facts; the lines people read about them (a requirement's ``reason``, a closure's
``summary``, a scope verdict's ``headline``, an action's placement reason, how a target was understood)
are written here, in one place, so that the CLI, the UI and ``--json`` say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explorer.graph.answers.closure import Requirement
    from explorer.graph.answers.common import Basis, NoAction
    from explorer.graph.answers.scope import ScopeReport
    from explorer.model import Operation, Provenance


def plural(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def some(items: Sequence[str], shown: int = 3) -> str:
    """The first few items, and how many more."""
    return ", ".join(items[:shown]) + (f" and {len(items) - shown} more" if len(items) > shown else "")


# --- closure ------------------------------------------------------------------------------------


def requirement_reason(r: Requirement) -> str:
    """One line saying why the action is required, with its first row."""
    if r.edge is None:
        return "asked for"
    if r.edge.kind == "matches":
        text = f"matched by the pattern {r.via}"
    elif r.edge.kind == "checks":
        text = f"checked by operation {r.via_label or r.via}"
    elif r.basis == "documented":
        via = f"operation {r.via_label}" if r.via_label else r.via
        text = f"documented dependency of {via}"
    elif r.basis == "certain":
        text = f"certain: every row that checks {r.via} lists it"
    else:
        n = len(r.rows)
        if n < r.of_rows:
            text = f"possible: {n} of the {r.of_rows} rows that check {r.via} list it"
        else:
            text = f"possible: every row that checks {r.via} lists it, and {r.via} is itself only possible"
        if r.apis:
            text += " (" + ", ".join(r.apis[:3]) + (" ..." if len(r.apis) > 3 else "") + ")"
    rows = r.provenance
    if rows:
        first = rows[0]
        more = f" and {len(rows) - 1} more rows" if len(rows) > 1 else ""
        text += f" [{first.file} table {first.table} row {first.row}{more}]"
    if r.kind == "pattern":
        text += f"; matches {r.matches} {plural(r.matches, 'action', 'actions')}"
    if r.conditions:
        text += " when: " + "; ".join(r.conditions)
    if r.suspicious:
        odd = r.suspicious[0]
        others = f" and {len(r.suspicious) - 1} more rows" if len(r.suspicious) > 1 else ""
        text += f"; suspicious, {odd.reason} [{odd.where}{others}]"
    if r.outdated:
        text += "; every row from a page deleted since"
    return text


def documentation_text(dates: Sequence[tuple[str, str | None]], deleted: Sequence[Provenance] = ()) -> str:
    """One line for a face: "documentation: ecs tables of 2025-12-01, evs tables (undated)"; "" for none."""
    if not dates:
        return ""
    said = ", ".join(f"{s} tables of {d}" if d else f"{s} tables (undated)" for s, d in dates)
    text = f"documentation: {said}"
    if deleted:
        first = deleted[0]
        text += (
            f"; {len(deleted)} {plural(len(deleted), 'row', 'rows')} from pages deleted since "
            f"(first {first.file} table {first.table} row {first.row})"
        )
    return text


def closure_summary(counts: Mapping[Basis, int], possible: bool) -> str:
    """The one sentence every face prints about a closure's size (so the CLI and the UI agree)."""
    n = counts["documented"] + counts["certain"]
    text = f"{n} required {plural(n, 'action', 'actions')} besides the target"
    text += f" ({counts['documented']} documented, {counts['certain']} certain)"
    if possible:
        text += f", and {counts['possible']} possible"
    return text


def no_action_text(n: NoAction) -> str:
    """One line for people about a row that lists no action: the row, what its action cell said, where."""
    said = "; ".join(n.notes) or "the action cell gives none"
    p = n.provenance
    return f"{n.operation_name}: {said} [{p.file} table {p.table} row {p.row}]"


# --- scope --------------------------------------------------------------------------------------


def placement_reason(r: Requirement, works: Sequence[str], fails: Sequence[str], unknown: Sequence[str]) -> str:
    """Why the action can or cannot go to an enterprise-project policy, naming the APIs."""
    if r.kind == "action" and not r.resolved:
        return "no table defines this action, so its scope is unknown"
    if r.kind == "pattern" and not r.scope:
        return "the pattern matches no action of the catalog, so its scope is unknown"
    if works and not fails and not unknown:
        return f"every row that checks it supports enterprise projects ({len(r.scope)})"
    if fails and not works:
        return "works on an enterprise project for no documented row: " + some(fails)
    if not works and not fails:
        return "the documentation does not say whether enterprise projects are supported"
    parts = [f"works for {some(works)}"]
    if fails:
        parts.append(f"not for {some(fails)}")
    if unknown:
        parts.append(f"undocumented for {some(unknown)}")
    return "depends on the API called: " + "; ".join(parts)


def scope_headline(report: ScopeReport) -> str:
    """A scope verdict in one sentence for a reviewer, as every face prints it."""
    if report.nothing_to_grant:
        return "Nothing to grant: the documentation lists no action for it."
    if report.verdict == "grantable":
        n = len(report.actions)
        return (
            f"Can be granted on an enterprise project: {plural(n, 'its action works', f'all {n} actions work')} "
            "there for every documented row."
        )
    if report.verdict == "not_grantable":
        names = [b.action for b in report.blockers]
        n = len(names)
        return (
            f"Cannot be granted on an enterprise project: {n} {plural(n, 'action works', 'actions work')} "
            f"there for no documented row ({some(names)})."
        )
    names = list(report.check_actions)
    n = len(names)
    return (
        f"Depends on the API called: {n} {plural(n, 'action works', 'actions work')} on an enterprise "
        f"project for some rows only, or the documentation does not say ({some(names)})."
    )


PLAN_PARTS = (
    "Enterprise-project policy",
    "IAM-project policy",
    "Check first",
)
CHECK_ADVICE = "grant on an IAM project unless the API you call works on an enterprise project"


def scope_plan_lines(report: ScopeReport) -> list[str]:
    """The verdict, why, and the grant plan in three parts: the text every face shows and copies whole."""
    lines = [scope_headline(report)]
    if report.nothing_to_grant:
        return lines
    for b in report.blockers:
        lines.append(f"  {b.action}: {b.reason}")
    names = ", ".join(t.title for t in report.targets)
    lines.append(f"Grant plan for {names} ({report.cloud}):")
    ep, iam, check = PLAN_PARTS
    lines.append(f"  1. {ep} ({len(report.enterprise_project_actions)}): {_listed(report.enterprise_project_actions)}")
    lines.append(f"  2. {iam} ({len(report.iam_project_actions)}): {_listed(report.iam_project_actions)}")
    lines.append(f"  3. {check} ({len(report.check_actions)}): {CHECK_ADVICE}" + (":" if report.checks else ""))
    for a in report.checks:
        lines.append(f"     {a.action}: {a.reason}")
    return lines


def _listed(actions: Sequence[str]) -> str:
    return ", ".join(actions) or "(none)"


# --- how a target was understood ----------------------------------------------------------------


def case_note(spelling: str) -> str:
    return f"matched case-insensitively: {spelling}"


def pattern_note(matched: int, documented: bool) -> str:
    return f"documented pattern, matches {matched} actions" if documented else f"matches {matched} actions"


def api_note(api: str, rows: int) -> str:
    shared = f", documented by {rows} rows: their requirements are merged" if rows > 1 else ""
    return f"API {api}{shared}"


OPERATION_NAME_NOTE = "operation name"


def without_actions_note(note: str, without: int, rows: int) -> str:
    """A target's note, with how many of its rows list no action."""
    if not without:
        return note
    if without == rows:
        extra = "the documentation lists no action for it"
    else:
        extra = f"{without} of its {rows} rows {plural(without, 'lists', 'list')} no action"
    return f"{note}; {extra}" if note else extra


def operation_label(ops: Sequence[Operation], api: str) -> str:
    """An operation target as titles show it: its name and the API asked about (or its first API)."""
    first = ops[0]
    text = f"{first.display_name()} ({api})" if api else first.display_name()
    others = {op.display_name() for op in ops[1:]} - {first.display_name()}
    if others:
        text += f" and {len(ops) - 1} more {plural(len(ops) - 1, 'row', 'rows')}"
    return text


def unknown_action_note(service: str, date: str | None, typos: Sequence[str], known: str | None) -> str:
    """What an unknown action of a covered service probably is (explorer.novelty's rule), and how old the
    service's tables are: the data's age is never the user's error."""
    tables = f"the {service} tables" + (f" of {date}" if date else "")
    if typos:
        return f"{tables} do not define it: probably a misspelling of {typos[0]}"
    if known:
        return f"{tables} do not define it, but know its {known}: it may be newer than them"
    return f"{tables} do not define it"
