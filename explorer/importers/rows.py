"""The shared interpreter: a raw table's header to column roles, and each data row to an Operation."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from explorer import apigrammar
from explorer.errors import DocumentImportError
from explorer.importers.cells import (
    Extracted,
    action_like,
    apis_and_notes,
    extract_actions,
    is_placeholder,
    names_a_role,
    says_no_action,
    scope_flag,
    scope_mark_with_remark,
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
    # what kind of finding it is, for the report's counts: "unknown_header", "value_lost",
    # "api_repair", "inferred_scope", "no_action", "unread_action" ... ("" for the others)
    kind: str = ""


@dataclass(slots=True)
class TableResult:
    operations: list[Operation] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows_seen: int = 0


def provisional_id(file: str, table: int, row: int) -> str:
    """A placeholder id from where the row is; the pipeline replaces it by the content id (see ids.py)."""
    return hashlib.sha1(f"{file}\n{table}\n{row}".encode()).hexdigest()[:12]


# Captions of tables that list what a system-defined policy grants: actions, but no operations.
_POLICY_CONTENT = re.compile(r"granted by (a|an|the) .*(policy|role)|策略(主要|包含的)权限", re.IGNORECASE)


def policy_content(table: RawTable) -> bool:
    """True for a table that lists the content of a system-defined policy, not operations."""
    return bool(table.caption) and _POLICY_CONTENT.search(table.caption) is not None


def _share(table: RawTable, column: int, test: Callable[[str], bool]) -> bool:
    """True when at least half of the column's filled cells have a value that passes ``test``."""
    values = [row.cells[column] for row in table.rows if column < len(row.cells)]
    filled = [v for v in values if not is_placeholder(v)]
    hits = sum(1 for v in filled if any(test(x) for x in v))
    return bool(filled) and hits * 2 >= len(filled)


def _mostly_actions(table: RawTable, column: int) -> bool:
    return _share(table, column, lambda x: bool(action_like(x)))


def _mostly_apis(table: RawTable, column: int) -> bool:
    return _share(table, column, lambda x: any(f.api.method for f in apigrammar.scan(narrow(x))))


@dataclass(frozen=True, slots=True, order=True)
class UnknownHeader:
    """A column header no rule reads, and where it is."""

    file: str
    table: int
    line: int
    header: str

    def __str__(self) -> str:
        return f"{self.file}: table {self.table} (line {self.line}): unknown column header {self.header!r}"


def column_roles(table: RawTable, file: str, table_no: int) -> tuple[list[Role | None], list[RowProblem]] | None:
    """The role of each column (None: ignored), and what was found about the header; None for no action table.

    An action table has a column of actions: one headed as such, or a "Permission" column whose
    cells are action names (the OTC user guides use it both ways). A column whose header is
    unknown is read by its content where that is unambiguous (the only column of API paths, or of
    action names); otherwise it is ignored, reported, and the values it held are listed per row.
    """
    if policy_content(table):
        return None
    roles: list[Role | None] = [role_of(h) for h in table.header]
    problems: list[RowProblem] = []
    if "action" not in roles:
        candidates = [i for i, r in enumerate(roles) if r == "permission" and _mostly_actions(table, i)]
        if not candidates:
            unknown_actions = [i for i, r in enumerate(roles) if r is None and _mostly_actions(table, i)]
            if len(unknown_actions) != 1 or ("api" not in roles and "name" not in roles and "permission" not in roles):
                return None
            candidates = unknown_actions
            problems.append(_read_by_content(file, table_no, table, candidates[0], "action"))
        roles[candidates[0]] = "action"
    roles = ["name" if r == "permission" else r for r in roles]
    if "api" not in roles:
        unknown_apis = [i for i, r in enumerate(roles) if r is None and _mostly_apis(table, i)]
        if len(unknown_apis) == 1:
            roles[unknown_apis[0]] = "api"
            problems.append(_read_by_content(file, table_no, table, unknown_apis[0], "api"))
    for i, role in enumerate(roles):
        if role is None:
            unknown = UnknownHeader(file, table_no, table.line, table.header[i])
            message = (
                f"{unknown}: the column is ignored and its values are listed per row; expected a permission/operation "
                "name, API, action, dependency, IAM project, enterprise project, scope, instance, tag, remarks, "
                "description, module or system-role column"
            )
            problems.append(RowProblem(file, table_no, 0, message, False, "unknown_header"))
    return roles, problems


def _read_by_content(file: str, table_no: int, table: RawTable, column: int, role: str) -> RowProblem:
    header = table.header[column]
    what = "API paths" if role == "api" else "action names"
    message = (
        f"table at line {table.line}: column {header!r} (unknown header) read as the {role} column: "
        f"its cells hold {what}"
    )
    return RowProblem(file, table_no, 0, message, False, "header_by_content")


@dataclass(slots=True)
class _Row:
    names: list[str] = field(default_factory=list)
    descriptions: list[tuple[str, str]] = field(default_factory=list)  # (header, text)
    apis: list[str] = field(default_factory=list)
    api_values: list[str] = field(default_factory=list)
    actions: list[ActionRef] = field(default_factory=list)
    dependencies: list[ActionRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (kind, message)
    flags: dict[str, bool | None] = field(default_factory=dict)
    inferred: set[str] = field(default_factory=set)  # scope flags read from prose


def _merge(target: list[ActionRef], found: Extracted, row: _Row) -> None:
    for ref in found.refs:
        if ref not in target:
            target.append(ref)
    row.notes.extend(n for n in found.notes if n not in row.notes)
    row.warnings.extend(("unread_action", w) for w in found.warnings)


def _interpret(raw: RawRow, header: tuple[str, ...], roles: list[Role | None], known: frozenset[str]) -> _Row:
    row = _Row()
    for values, role, head in zip(raw.cells, roles, header, strict=True):
        if is_placeholder(values):
            if role in ("iam_project", "enterprise_project", "instance", "tag"):
                row.flags.setdefault(role, None)
            continue
        text = " ".join(values)
        if role is None:
            row.warnings.append(
                ("value_lost", f"column {squash_header(head)!r} (unknown header, ignored): value lost: {text!r}")
            )
        elif role == "name":
            row.names.append(text)
        elif role == "description":
            row.descriptions.append((squash_header(head), text))
        elif role == "api":
            # a table may split an API over columns (Method | URI): read them as one cell, in column order
            row.api_values.extend(values)
        elif role == "action":
            _merge(row.actions, extract_actions(values, known, patterns=True), row)
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
            remarked = scope_mark_with_remark(values) if problem else None
            if remarked is not None:
                # "√ (only some regions)": the mark is documented; the remark is kept next to it
                flag, problem = remarked[0], None
                row.notes.append(f"{squash_header(head)}: {text}")
                row.warnings.append(("scope_mark", f"column {head!r}: mark read as {flag} with a remark: {text!r}"))
            row.flags[role] = flag
            row.inferred.discard(role)
            if problem:
                row.warnings.append(("scope_mark", f"column {head!r}: {problem}"))
        elif role == "scope":
            iam, ent, problem = scope_prose(values)
            for flag_name, value in (("iam_project", iam), ("enterprise_project", ent)):
                if flag_name not in row.flags:
                    row.flags[flag_name] = value
                    if value is not None:
                        row.inferred.add(flag_name)
            if problem:
                row.warnings.append(("scope_mark", f"column {head!r}: {problem}"))
        elif role == "system_role":  # whether a system-defined role includes the operation, as the cell says
            row.notes.append(f"system role {squash_header(head)}: {text}")
        elif role != "index":  # module, authorization: context worth keeping next to the operation
            row.notes.append(f"{squash_header(head)}: {text}")
    if row.api_values:
        apis, notes, repairs = apis_and_notes(tuple(row.api_values))
        row.apis.extend(a for a in apis if a not in row.apis)
        row.notes[:0] = notes
        row.warnings.extend(("api_repair", r) for r in repairs)
    return row


def squash_header(header: str) -> str:
    return " ".join(header.replace("*", "").split())


# What a placeholder in an action cell means. "/" is how OTC DLI's permission sets mark operations that
# role/policy-based (fine-grained) authorization does not cover; every other placeholder says none is needed.
_NOT_COVERED = frozenset({"/"})


def no_action_note(cells: list[tuple[str, ...]]) -> str | None:
    """The note kept with an operation whose action cell says no action applies, or None when it says more.

    The note quotes the cell, so a reviewer can tell "无" from "N/A", "No authorization required", a
    note that a system role includes the operation, or an empty cell.
    """
    shown = "; ".join(" ".join(v) for v in cells if any(x.strip() for x in v)).strip()
    if all(is_placeholder(v) for v in cells):
        if not shown:
            return "no action listed (the action cell is empty)"
        if narrow(shown) in _NOT_COVERED:
            return f"not covered by fine-grained authorization (action cell: {shown})"
        return f"no action required (action cell: {shown})"
    if all(is_placeholder(v) or says_no_action(v) for v in cells):
        return f"no action required (action cell: {shown})"
    if all(is_placeholder(v) or names_a_role(v) for v in cells):
        return f"included in a system role, no action of its own (action cell: {shown})"
    return None


def _unread_note(cells: list[tuple[str, ...]]) -> str:
    shown = "; ".join(" ".join(v) for v in cells if v)
    return f"the action cell names no action that could be read (action cell: {shown})"


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
        for kind, warning in row.warnings:
            result.problems.append(RowProblem(file, table_no, index, f"{where}: {warning}", False, kind))
        # Without a name column the first description names the operation; other descriptions
        # (scenario, function) are notes under their header.
        descriptions = row.descriptions if row.names else row.descriptions[1:]
        name_text = " ".join(row.names) or (row.descriptions[0][1] if row.descriptions else "")
        notes = row.notes + [f"{head}: {text}" for head, text in descriptions if text != name_text]
        if not row.actions:
            # Every row that names an operation or an API is kept: a cell that says no action applies
            # (无, None, 无需授权, No authorization required, "included in a system role", empty) is a
            # fact worth keeping, and a cell that could not be read is kept, quoted, and reported.
            cells = [v for v, r in zip(raw.cells, roles, strict=True) if r == "action"]
            if not (row.apis or name_text):
                reason = "the row names neither an API nor an operation, and " + (
                    "its action cell is empty"
                    if not any(any(x.strip() for x in v) for v in cells)
                    else f"its action cell gives none ({'; '.join(' '.join(v) for v in cells)!r})"
                )
                result.problems.append(RowProblem(file, table_no, index, f"{where}: {reason}"))
                continue
            note = no_action_note(cells)
            if note is None:
                note = _unread_note(cells)
                result.problems.append(
                    RowProblem(file, table_no, index, f"{where}: kept without actions: {note}", False, "unread_action")
                )
            quoted = {x.strip() for v in cells for x in v}
            notes = [n for n in notes if n not in quoted]
            notes.insert(0, note)
        for flag_name in sorted(row.inferred):
            result.problems.append(
                RowProblem(
                    file,
                    table_no,
                    index,
                    f"{where}: scope {flag_name} = {row.flags[flag_name]} read from prose (marked as inferred)",
                    False,
                    "inferred_scope",
                )
            )
        flags = row.flags
        op = Operation(
            id=provisional_id(file, table_no, index),
            name={language: name_text} if name_text else {},
            apis=tuple(row.apis),
            actions=tuple(row.actions),
            dependencies=tuple(row.dependencies),
            scope=Scope(
                flags.get("iam_project"),
                flags.get("enterprise_project"),
                flags.get("instance"),
                flags.get("tag"),
                tuple(sorted(row.inferred)),
            ),
            notes=tuple(dict.fromkeys(n for n in notes if n)),
            provenance=Provenance(file, table_no, index),
        )
        result.operations.append(op)
    return result
