"""The shared interpreter: a raw table's header to column roles, and each data row to an Operation."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from explorer.errors import DocumentImportError
from explorer.importers.cells import (
    Extracted,
    action_like,
    apis_and_notes,
    extract_actions,
    is_placeholder,
    scope_flag,
    scope_prose,
)
from explorer.importers.headers import Role, role_of
from explorer.importers.rawtable import RawRow, RawTable
from explorer.importers.text import narrow
from explorer.model import ActionRef, Operation, Provenance, Scope


class UnknownHeaderError(DocumentImportError):
    """An action table has a column whose header the importer does not know."""


@dataclass(frozen=True, slots=True, order=True)
class RowProblem:
    """A problem with one row (``row`` >= 1) or a whole table (``row`` 0) of one file.

    ``skipped`` rows are not in the catalog; other problems are warnings about an imported row.
    """

    file: str
    table: int
    row: int
    reason: str
    skipped: bool = True


@dataclass(slots=True)
class TableResult:
    operations: list[Operation] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows_seen: int = 0


def operation_id(file: str, table: int, row: int) -> str:
    """A stable id from where the row is: the same row of the same file always gets the same id."""
    return hashlib.sha1(f"{file}\n{table}\n{row}".encode()).hexdigest()[:12]


# Captions of tables that list what a system-defined policy grants: actions, but no operations.
_POLICY_CONTENT = re.compile(r"granted by (a|an|the) .*(policy|role)|策略(主要|包含的)权限", re.IGNORECASE)


def policy_content(table: RawTable) -> bool:
    """True for a table that lists the content of a system-defined policy, not operations."""
    return bool(table.caption) and _POLICY_CONTENT.search(table.caption) is not None


def _mostly_actions(table: RawTable, column: int) -> bool:
    values = [row.cells[column] for row in table.rows if column < len(row.cells)]
    filled = [v for v in values if not is_placeholder(v)]
    hits = sum(1 for v in filled if any(action_like(x) for x in v))
    return bool(filled) and hits * 2 >= len(filled)


def column_roles(
    table: RawTable, file: str, table_no: int, *, skip_unknown: bool
) -> tuple[list[Role | None], list[RowProblem]] | None:
    """The role of each column, or None when the table is not an action table.

    An action table has a column of actions: one headed as such, or a "Permission" column whose
    cells are action names (the OTC user guides use it both ways). An unknown header in an action
    table is an error, unless ``skip_unknown``, when the column is ignored and reported.
    """
    if policy_content(table):
        return None
    roles: list[Role | None] = [role_of(h) for h in table.header]
    if "action" not in roles:
        candidates = [i for i, r in enumerate(roles) if r == "permission" and _mostly_actions(table, i)]
        if not candidates:
            return None
        roles[candidates[0]] = "action"
    roles = ["name" if r == "permission" else r for r in roles]
    problems: list[RowProblem] = []
    for i, role in enumerate(roles):
        if role is None:
            header = table.header[i]
            message = (
                f"{file}: table {table_no} (line {table.line}): unknown column header {header!r}; "
                "expected a permission/operation name, API, action, dependency, IAM project, enterprise project, "
                "scope, instance, tag, remarks, description or module column"
            )
            if not skip_unknown:
                raise UnknownHeaderError(message)
            problems.append(RowProblem(file, table_no, 0, f"column {header!r} ignored: unknown header", False))
    return roles, problems


@dataclass(slots=True)
class _Row:
    names: list[str] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (header, text)
    apis: list[str] = field(default_factory=list)
    actions: list[ActionRef] = field(default_factory=list)
    dependencies: list[ActionRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    flags: dict[str, bool | None] = field(default_factory=dict)


def _merge(target: list[ActionRef], found: Extracted, row: _Row) -> None:
    for ref in found.refs:
        if ref not in target:
            target.append(ref)
    row.notes.extend(n for n in found.notes if n not in row.notes)
    row.warnings.extend(found.warnings)


def _interpret(raw: RawRow, header: tuple[str, ...], roles: list[Role | None], known: frozenset[str]) -> _Row:
    row = _Row()
    for values, role, head in zip(raw.cells, roles, header, strict=True):
        if role is None or is_placeholder(values):
            if role in ("iam_project", "enterprise_project", "instance", "tag"):
                row.flags.setdefault(role, None)
            continue
        text = " ".join(values)
        if role == "name":
            row.names.append(text)
        elif role == "description":
            row.descriptions.append((squash_header(head), text))
        elif role == "api":
            apis, notes = apis_and_notes(values)
            row.apis.extend(a for a in apis if a not in row.apis)
            row.notes.extend(notes)
        elif role == "action":
            _merge(row.actions, extract_actions(values, known, patterns=False), row)
        elif role == "dependencies":
            _merge(row.dependencies, extract_actions(values, known, patterns=True), row)
        elif role == "remarks":
            found = extract_actions(values, known, patterns=True)
            if found.refs:
                # remarks that name actions say what else is needed in some cases: conditional dependencies
                found.refs = [r if r.condition else ActionRef(r.action, text) for r in found.refs]
                _merge(row.dependencies, found, row)
            else:
                row.notes.append(text)
        elif role in ("iam_project", "enterprise_project", "instance", "tag"):
            flag, problem = scope_flag(values)
            row.flags[role] = flag
            if problem:
                row.warnings.append(f"column {head!r}: {problem}")
        elif role == "scope":
            iam, ent, problem = scope_prose(values)
            row.flags.setdefault("iam_project", iam)
            row.flags.setdefault("enterprise_project", ent)
            if problem:
                row.warnings.append(f"column {head!r}: {problem}")
        else:  # module, authorization: context worth keeping next to the operation
            row.notes.append(f"{squash_header(head)}: {text}")
    return row


def squash_header(header: str) -> str:
    return " ".join(header.replace("*", "").split())


# What a placeholder in an action cell means. "/" is how OTC DLI's permission sets mark operations that
# role/policy-based (fine-grained) authorization does not cover; every other placeholder says none is needed.
_NOT_COVERED = frozenset({"/"})


def no_action_note(cells: list[tuple[str, ...]]) -> str | None:
    """The note kept with an operation whose action cell says no action applies, or None when it says more.

    The note quotes the cell, so a reviewer can tell "无" from "N/A" or an empty cell.
    """
    if not all(is_placeholder(v) for v in cells):
        return None
    shown = "; ".join(" ".join(v) for v in cells if any(x.strip() for x in v)).strip()
    if not shown:
        return "no action listed (the action cell is empty)"
    if narrow(shown) in _NOT_COVERED:
        return f"not covered by fine-grained authorization (action cell: {shown})"
    return f"no action required (action cell: {shown})"


def _no_action_reason(cells: list[tuple[str, ...]], *, named: bool) -> str:
    """Why a row without an action is left out, quoting what its action cell says."""
    shown = "; ".join(" ".join(v) for v in cells if v)
    if not named and all(is_placeholder(v) for v in cells):
        said = f"its action cell gives none ({shown!r})" if shown.strip() else "its action cell is empty"
        return f"the row names neither an API nor an operation, and {said}"
    return f"no action in the action cell: {shown!r}"


def interpret_table(
    table: RawTable,
    file: str,
    table_no: int,
    roles: list[Role | None],
    *,
    language: str,
    known_services: frozenset[str],
) -> TableResult:
    """Every data row of one action table to an Operation, or to a problem saying why not."""
    result = TableResult(rows_seen=len(table.rows))
    for damage in table.damage:
        result.problems.append(RowProblem(file, table_no, 0, damage, False))
    width = len(table.header)
    for index, raw in enumerate(table.rows, start=1):
        where = f"line {raw.line}" if raw.line else "row"
        if len(raw.cells) != width:
            result.problems.append(
                RowProblem(
                    file, table_no, index, f"{where}: the row has {len(raw.cells)} cells, the header has {width}"
                )
            )
            continue
        row = _interpret(raw, table.header, roles, known_services)
        for warning in row.warnings:
            result.problems.append(RowProblem(file, table_no, index, f"{where}: {warning}", False))
        # Without a name column the first description names the operation; other descriptions
        # (scenario, function) are notes under their header.
        descriptions = row.descriptions if row.names else row.descriptions[1:]
        name_text = " ".join(row.names) or (row.descriptions[0][1] if row.descriptions else "")
        notes = row.notes + [f"{head}: {text}" for head, text in descriptions if text != name_text]
        if not row.actions:
            # A cell that says no action applies (无, None, N/A, -, /, empty) is a fact worth keeping:
            # the operation stays, with no actions and a note quoting the cell. Anything else is reported.
            cells = [v for v, r in zip(raw.cells, roles, strict=True) if r == "action"]
            note = no_action_note(cells)
            named = bool(row.apis or name_text)
            if note is None or not named:
                reason = _no_action_reason(cells, named=named)
                result.problems.append(RowProblem(file, table_no, index, f"{where}: {reason}"))
                continue
            notes.insert(0, note)
        flags = row.flags
        op = Operation(
            id=operation_id(file, table_no, index),
            name={language: name_text} if name_text else {},
            apis=tuple(row.apis),
            actions=tuple(row.actions),
            dependencies=tuple(row.dependencies),
            scope=Scope(
                flags.get("iam_project"), flags.get("enterprise_project"), flags.get("instance"), flags.get("tag")
            ),
            notes=tuple(dict.fromkeys(n for n in notes if n)),
            provenance=Provenance(file, table_no, index),
        )
        result.operations.append(op)
    return result
