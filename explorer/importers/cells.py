"""Cell normalisation: placeholders, scope marks, API paths and action names with their conditions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from explorer import apigrammar
from explorer.actions import is_action, is_pattern
from explorer.importers.text import narrow
from explorer.model import ActionRef

PLACEHOLDERS = frozenset({"", "-", "--", "—", "–", "无", "none", "n/a", "na", "/", "not required", "不涉及", "null"})
_TRUE = frozenset({"√", "✓", "✔", "✅", "☑", "y", "yes", "supported", "支持", "true", "是"})
_FALSE = frozenset({"×", "x", "✗", "✘", "❌", "✕", "n", "no", "not supported", "unsupported", "不支持", "false", "否"})

_NO_API = frozenset({"x", "×"})  # some API columns mark "no public API" with the scope cross
# Runs of the characters an action (or a glued sequence of actions) is made of.
_RUN = re.compile(r"[A-Za-z0-9_.*:-]+")
_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_SPACED_NAME = re.compile(
    r"(?<![\w:*-])([A-Za-z][\w-]*)\s*:\s*([A-Za-z*][\w.*-]*)\s*:\s*([A-Za-z*][\w.*-]*)(?![\w:*-])"
)
_CONNECTOR = re.compile(r"^[\s,;/+.&|\"'`-]*(and|or|和|或|及|以及)?[\s,;/+.&|\"'`-]*$", re.IGNORECASE)
_LABEL_TRIM = " \t-:>→=,;•*\"'`"


def is_placeholder(values: Iterable[str]) -> bool:
    """True for an empty cell or one that only says "none" in one of the documented ways."""
    return all(map(_says_none, values))


@lru_cache(maxsize=1 << 16)
def _says_none(value: str) -> bool:
    return narrow(value).lower().strip(".。") in PLACEHOLDERS


# An action cell that says, in words, that the operation needs no action of its own.
_NO_ACTION = re.compile(
    r"(无需|不需要|无须|不用)(任何)?(授权|鉴权|权限|授权项)|不涉及(授权|鉴权)?|"
    r"\bno (specific |extra |additional )?(authori[sz]ation|permissions?|actions?|policy|policies)( is| are)? "
    r"(required|needed|necessary)\b|\b(authori[sz]ation|permissions?) (is |are )?not (required|needed)\b|"
    r"\bnot (required|needed|applicable)\b|\bdoes not (require|need) (any )?(authori[sz]ation|permissions?)\b",
    re.IGNORECASE,
)
# An action cell that says a system-defined role or policy covers the operation, instead of naming actions.
_IN_ROLE = re.compile(
    r"\b(included|contained|covered|granted) (in|by) (the )?.{0,60}\b(roles?|permissions?|polic(y|ies))\b|"
    r"包含在.{0,40}(角色|权限|策略)|(角色|策略|权限)(中)?(已)?包含|由.{0,40}(角色|策略)(授予|提供)",
    re.IGNORECASE,
)


def says_no_action(values: Iterable[str]) -> bool:
    """True for an action cell that says in words that no action is needed (无需授权, No authorization required)."""
    text = narrow(" ".join(values))
    return bool(text) and _NO_ACTION.search(text) is not None and not action_like(text)


def names_a_role(values: Iterable[str]) -> bool:
    """True for an action cell that says a system role includes the operation, naming no action."""
    text = narrow(" ".join(values))
    return bool(text) and _IN_ROLE.search(text) is not None and not action_like(text)


def scope_flag(values: tuple[str, ...]) -> tuple[bool | None, str | None]:
    """A scope mark (√ × x X Y Supported ...) as a flag; the second item names an unknown mark."""
    distinct = {narrow(v).lower().rstrip(".") for v in values}
    # one mark per value line (a cell listing two actions may repeat its mark): all must agree
    text = distinct.pop() if len(distinct) == 1 else narrow(" ".join(values)).lower().rstrip(".")
    if text in _TRUE:
        return True, None
    if text in _FALSE:
        return False, None
    if text in PLACEHOLDERS:
        return None, None
    return None, f"unrecognised scope mark {' '.join(values)!r} (expected √/Y/Supported, ×/x/Not supported or -)"


_MARK_REMARK = re.compile(r"^(\S+|not supported|不支持)\s*[(:,;-]\s*(.+?)\)?$")


def scope_mark_with_remark(values: tuple[str, ...]) -> tuple[bool, str] | None:
    """(flag, remark) of a mark followed by a remark ("√ (仅部分区域)", "Y: only for xxx"), else None."""
    m = _MARK_REMARK.match(narrow(" ".join(values)).lower())
    if m is None:
        return None
    mark = m.group(1)
    if mark in _TRUE:
        return True, m.group(2)
    if mark in _FALSE:
        return False, m.group(2)
    return None


_ENTERPRISE = re.compile(r"enterprise[ -]?projects?|企业项目")
_PROJECT = re.compile(r"\b(iam )?projects?\b|项目")
_NEGATIVE = re.compile(r"not supported|unsupported|不支持|\b(are|is) not\b|\bcannot\b|\bnot available\b|不可用")
_POSITIVE = re.compile(r"supported|支持|\bavailable\b|可用")
# Clauses: sentences, list items and values; "but" and "while" start a new one.
_CLAUSE = re.compile(r"[.;\n。]|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b|但|而")


def _polarity(clause: str) -> bool | None:
    if _NEGATIVE.search(clause):
        return False
    if _POSITIVE.search(clause):
        return True
    return None


def scope_prose(values: tuple[str, ...]) -> tuple[bool | None, bool | None, str | None]:
    """(iam_project, enterprise_project, problem) from a prose scope cell.

    The prose lists what is supported ("Supported: IAM projects, Enterprise projects", "Projects
    are supported.", 支持:项目(Project) 企业项目(Enterprise Project)) and sometimes what is not
    ("Not supported: Enterprise projects", "Enterprise projects are not supported"). The text is cut
    into clauses (sentences, list items, values, "but"); a kind of project named in a clause takes
    that clause's polarity, or, in a clause without one (a list item), the polarity of the last
    clause that had one ("Supported:" above its items). A kind that a statement of what *is*
    supported leaves out is not supported.
    """
    if is_placeholder(values):
        return None, None, None
    # "项目(Project)" names one thing; drop the English gloss so it is not counted twice.
    text = re.sub(r"\((enterprise )?project\)", "", "\n".join(narrow(v) for v in values).lower())
    flags: dict[str, bool] = {}
    current: bool | None = None
    any_positive = False
    for clause in _CLAUSE.split(text):
        polarity = _polarity(clause)
        if polarity is not None:
            current = polarity
            any_positive = any_positive or polarity
        if current is None:
            continue
        if _ENTERPRISE.search(clause):
            flags["enterprise"] = current
        if _PROJECT.search(_ENTERPRISE.sub(" ", clause)):
            flags["project"] = current
    if not flags:
        return None, None, f"unrecognised scope statement {' '.join(values)!r}"
    default = False if any_positive else None
    return flags.get("project", default), flags.get("enterprise", default), None


def apis_and_notes(values: tuple[str, ...]) -> tuple[list[str], list[str], list[str]]:
    """(APIs, notes, repairs) of an API cell, read by the API grammar (:mod:`explorer.apigrammar`).

    The values are read as one text, one per line, so a method on one line and its path on the
    next, or a path broken over two lines, is one API. Text outside the APIs is kept as notes (a
    value without an API as written); each repair the grammar made is a warning quoting the cell.
    """
    narrowed = [narrow(v) for v in values]
    text = "\n".join(narrowed)
    found = apigrammar.scan(text)
    apis: list[str] = []
    repairs: list[str] = []
    for f in found:
        if f.api.text not in apis:
            apis.append(f.api.text)
        for kind in f.repairs:
            repairs.append(f"API {f.api.text!r} read with a repair ({kind}) from the cell text {' '.join(narrowed)!r}")
    notes: list[str] = []
    pos = 0
    for original, value in zip(values, narrowed, strict=True):
        begin, finish = pos, pos + len(value)
        pos = finish + 1
        inside = [f for f in found if f.start < finish and f.end > begin]
        if not inside:
            if value.lower() not in _NO_API and not is_placeholder((value,)) and value.strip():
                notes.append(original.strip())
            continue
        clipped = [
            apigrammar.Found(f.api, max(f.start, begin) - begin, min(f.end, finish) - begin, f.repairs) for f in inside
        ]
        notes.extend(n for n in apigrammar.rest(value, clipped) if not is_placeholder((n,)))
    return apis, notes, repairs


def repair_spaces(text: str) -> str:
    """Join names written with spaces around the colons (``dli: catalog: grantPrivilege``)."""

    def join(m: re.Match[str]) -> str:
        if " " not in m.group(0):
            return m.group(0)
        return f"{m.group(1)}:{m.group(2)}:{m.group(3)}"

    return _SPACED_NAME.sub(join, text)


@dataclass(slots=True)
class Extracted:
    """What an action or dependency cell says: the actions, prose that is not an action, oddities."""

    refs: list[ActionRef] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, ref: ActionRef) -> None:
        if ref not in self.refs:
            self.refs.append(ref)


def _split_glued(run: str, known: frozenset[str]) -> tuple[str, list[str]] | None:
    """(glued label, action names) of a run such as ``ims:images:updateims:serverImages:create``.

    Pipe tables lost the separators between values, so the operation part of one action runs into
    the service part of the next. A name has exactly three parts, so a run of 2k+1 parts holds k
    names; each joint is split before the longest known service name it ends with.
    """
    parts = run.split(":")
    if len(parts) < 3 or len(parts) % 2 == 0 or any(not p for p in parts):
        return None
    label = ""
    first = parts[0]
    if first.lower() not in known and first != "*":
        for cut in range(1, len(first) - 1):
            if first[cut:].lower() in known:
                label, parts[0] = first[:cut], first[cut:]
                break
    names: list[str] = []
    service, resource = parts[0], parts[1]
    for i in range(2, len(parts) - 1, 2):
        joint = parts[i]
        split_at = next((c for c in range(1, len(joint)) if joint[c:].lower() in known), None)
        if split_at is None:
            return None
        names.append(f"{service}:{resource}:{joint[:split_at]}")
        service, resource = joint[split_at:], parts[i + 1]
    names.append(f"{service}:{resource}:{parts[-1]}")
    return label, names


def _normalise(name: str) -> str:
    service, rest = name.split(":", 1)
    return f"{service.lower()}:{rest}"


def _paren_after(text: str, pos: int) -> tuple[str, int] | None:
    """A parenthesised condition right after ``pos`` (``(仅企业项目迁移需要)``), and where it ends."""
    m = re.match(r"\s*\(([^()]*)\)", text[pos:])
    if m is None:
        return None
    return m.group(1).strip(), pos + m.end()


def extract_actions(values: tuple[str, ...], known_services: frozenset[str], *, patterns: bool) -> Extracted:
    """The actions of an action or dependency cell (see :func:`_extract`), in lists of the caller's own."""
    refs, notes, warnings = _extract(values, known_services, patterns)
    return Extracted(list(refs), list(notes), list(warnings))


# A dependency cell is often repeated row after row (and page after page): its reading is cached, as
# it depends only on the cell's values, the known services and whether patterns are allowed.
@lru_cache(maxsize=1 << 14)
def _extract(
    values: tuple[str, ...], known_services: frozenset[str], patterns: bool
) -> tuple[tuple[ActionRef, ...], tuple[str, ...], tuple[str, ...]]:
    """The actions of an action or dependency cell, each with the condition the cell attaches to it.

    A value's leading text is the condition of the actions in it ("EVS disk: evs:volumeTags:list",
    "when a new EIP is created vpc:publicIps:create"); a parenthesised remark right after an action
    is that action's condition; a value that only ends in a colon is the condition of the values
    after it. Text without an action is kept as a note; names that are incomplete or cannot be
    split are warnings.
    """
    out = Extracted()
    pending: str | None = None
    for raw in values:
        value = repair_spaces(narrow(raw))
        if is_placeholder((value,)):
            continue
        found: list[tuple[int, int, str, str, bool]] = []  # start, end, glued label, name, last of its run
        for m in _RUN.finditer(value):
            run = m.group(0).strip(".:-")
            if run.count(":") < 2:
                if run.count(":") == 1 and all(_IDENT.match(p) for p in run.split(":")):
                    out.warnings.append(f"incomplete action name {run!r} (expected service:resource:operation)")
                continue
            split = _split_glued(run, known_services)
            if split is None:
                out.warnings.append(f"cannot read {run!r} as action names")
                continue
            glued_label, names = split
            for k, name in enumerate(names):
                name = _normalise(name)
                if not (is_action(name) or is_pattern(name)):
                    out.warnings.append(f"{name!r} is not a valid action name")
                    continue
                if is_pattern(name) and (not patterns or name.startswith("*")):
                    out.warnings.append(f"wildcard {name!r} where a single action or a service's pattern is expected")
                    continue
                found.append((m.start(), m.start() + len(m.group(0)), glued_label, name, k == len(names) - 1))
        if not found:
            text = value.strip()
            if text.endswith(":") and len(text) > 1:
                pending = text.rstrip(_LABEL_TRIM) or None
            elif not re.fullmatch(r"[\W_]*", text):
                out.notes.append(raw.strip())
            continue
        label: str | None = value[: found[0][0]].strip(_LABEL_TRIM) or pending
        pos = 0
        tail_start = 0
        for start, end, glued, name, last in found:
            between = value[pos:start]
            if pos and not _CONNECTOR.match(between):
                # text between two actions qualifies the ones after it ("Backup: evs:backupTags:list")
                label = between.strip(_LABEL_TRIM) or label
            condition_parts = [p for p in (label, glued.strip()) if p]
            paren = _paren_after(value, end) if last else None
            if paren is not None and paren[0]:
                condition_parts.append(paren[0])
                end = paren[1]
            out.add(ActionRef(name, "; ".join(condition_parts) or None))
            pos = end
            tail_start = end
        tail = value[tail_start:].strip(_LABEL_TRIM + " .")
        if tail and not _CONNECTOR.match(tail):
            out.notes.append(raw.strip())
    return tuple(out.refs), tuple(out.notes), tuple(out.warnings)


def action_like(text: str) -> list[str]:
    """Every well-formed action name or pattern written in a text, as the importer normalises it."""
    names = []
    for m in _RUN.finditer(repair_spaces(narrow(text))):
        run = m.group(0).strip(".:-")
        parts = run.split(":")
        if len(parts) == 3 and all(parts):
            name = _normalise(run)
            if is_action(name) or is_pattern(name):
                names.append(name)
    return names
