"""Conversion between catalog YAML documents (plain dicts) and the typed model.

``decode_service`` checks every field and collects every problem with its location, so one run of
``validate`` tells the user everything that is wrong. ``explorer.catalog.encode`` writes the documents back,
keys in a fixed order.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from explorer.actions import is_action, is_pattern
from explorer.errors import Problem
from explorer.model import (
    EDITION_CLOUD,
    READABLE_SCHEMA_VERSIONS,
    SCHEMA_VERSION,
    SOURCE_CURRENT,
    SOURCE_STATUSES,
    ActionRef,
    Operation,
    Provenance,
    Scope,
    ServiceCatalog,
    SourceDoc,
)

TOP_KEYS = ("schema_version", "cloud", "service", "sources", "operations")
SOURCE_KEYS = ("file", "edition", "repo", "commit", "path", "format", "date", "status")
OPERATION_KEYS = ("id", "name", "apis", "actions", "dependencies", "scope", "notes", "source")
SCOPE_FLAGS = ("iam_project", "enterprise_project", "instance", "tag")
SCOPE_KEYS = (*SCOPE_FLAGS, "inferred")
ORIGIN_KEYS = ("file", "table", "row")
REF_KEYS = ("action", "condition")

CLOUDS = tuple(sorted(set(EDITION_CLOUD.values())))
# a catalog file is <root>/<cloud>/<service>.yaml
CATALOG_SUFFIX = ".yaml"
EDITIONS = tuple(sorted(EDITION_CLOUD))
# A source's ``format``: how its action tables are encoded, a name of the importers' format registry
# (explorer.importers.formats.REGISTRY, or "other" for a page without an action table). The catalog
# layer sits below the importers, so it checks the name's form only: a catalog written with a format
# added later still loads here, as the format is provenance, not something the reader parses.
SOURCE_FORMAT_RE = re.compile(r"[a-z][a-z0-9-]{0,31}")
SOURCE_FORMAT_GRAMMAR = "a format name: a lower-case letter, then lower-case letters, digits or '-' (at most 32)"
# Language tags of operation names: ISO 639 codes, optionally with a region or script subtag.
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The grammar of service and cloud names, defined once: they become file and folder names of a
# catalog (``<cloud>/<service>.yaml``), so they can never hold a path separator, a dot or a control
# character, and are short. The importer checks MANIFEST rows and upload options against these, and
# the catalog writer refuses anything else before a path is built.
SERVICE_RE = re.compile(r"[a-z][a-z0-9_-]{0,63}")
CLOUD_RE = re.compile(r"[a-z][a-z0-9-]{0,31}")
SERVICE_GRAMMAR = "a short service name: a lower-case letter, then lower-case letters, digits, '-' or '_' (at most 64)"
CLOUD_GRAMMAR = "a cloud name: a lower-case letter, then lower-case letters, digits or '-' (at most 32)"
# C0 and C1 control characters (and DEL): never part of a name, an id, a file name or an API path.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# In prose (notes, conditions) a tab or line break may appear; other control characters may not.
_PROSE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def is_service_name(name: str) -> bool:
    """True if ``name`` may be a service (and so a catalog file name)."""
    return SERVICE_RE.fullmatch(name) is not None


def is_cloud_name(name: str) -> bool:
    """True if ``name`` may be a cloud (and so a catalog folder name)."""
    return CLOUD_RE.fullmatch(name) is not None


def date_problem(value: str) -> str | None:
    """Why ``value`` is not a calendar date written ``YYYY-MM-DD``, or None."""
    if not DATE_RE.fullmatch(value):
        return f"expected a date written YYYY-MM-DD, got {value[:40]!r}"
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return f"{value!r} is not a calendar date; expected YYYY-MM-DD"
    return None


def control_character(text: str, *, prose: bool = False) -> str | None:
    """The first control character of ``text`` as ``U+XXXX``, or None; ``prose`` allows tab and line breaks."""
    m = (_PROSE_CONTROL if prose else _CONTROL).search(text)
    return f"U+{ord(m.group()):04X}" if m else None


class _Checker:
    """Collects problems for one file while walking its document."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def bad(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))

    def mapping(
        self, value: Any, where: str, keys: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.bad(where or "(top level)", f"expected a mapping, got {_kind(value)}")
            return None
        for key in value:
            if key not in keys:
                self.bad(f"{where}.{key}" if where else str(key), f"unknown key; expected one of: {', '.join(keys)}")
        for key in required:
            if key not in value:
                self.bad(where or "(top level)", f"missing required key {key!r}")
        return value

    def string(self, value: Any, where: str, *, prose: bool = False) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.bad(where, f"expected a non-empty string, got {_kind(value)}")
            return None
        bad = control_character(value, prose=prose)
        if bad is not None:
            self.bad(where, f"control character {bad} in {_kind(value)}; expected printable text")
            return None
        return value

    def integer(self, value: Any, where: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.bad(where, f"expected a positive integer, got {_kind(value)}")
            return None
        return value

    def flag(self, value: Any, where: str) -> bool | None:
        if value is None or isinstance(value, bool):
            return value
        self.bad(where, f"expected true, false or null, got {_kind(value)}")
        return None

    def strings(self, value: Any, where: str, *, prose: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.bad(where, f"expected a list of strings, got {_kind(value)}")
            return ()
        out = []
        for i, item in enumerate(value):
            text = self.string(item, f"{where}[{i}]", prose=prose)
            if text is not None:
                out.append(text)
        return tuple(out)

    def refs(self, value: Any, where: str, *, patterns: bool) -> tuple[ActionRef, ...]:
        if not isinstance(value, list):
            self.bad(where, f"expected a list of actions, got {_kind(value)}")
            return ()
        out: list[ActionRef] = []
        seen: set[ActionRef] = set()
        for i, item in enumerate(value):
            here = f"{where}[{i}]"
            condition: str | None = None
            if isinstance(item, dict):
                m = self.mapping(item, here, REF_KEYS, ("action",))
                if m is None or "action" not in m:
                    continue
                name = self.string(m["action"], f"{here}.action")
                if "condition" in m:
                    condition = self.string(m["condition"], f"{here}.condition", prose=True)
                    if condition is None:
                        continue
            else:
                name = self.string(item, here)
            if name is None:
                continue
            if not (is_action(name) or (patterns and is_dependency_pattern(name))):
                allowed = (
                    "an action, or a pattern with '*' only in the resource and operation parts,"
                    if patterns
                    else "an action (no wildcards)"
                )
                self.bad(here, f"{name!r} is not {allowed} of the form service:resource:operation")
                continue
            ref = ActionRef(name, condition)
            if ref in seen:
                self.bad(here, f"duplicate entry {name!r}")
                continue
            seen.add(ref)
            out.append(ref)
        return tuple(out)


def is_dependency_pattern(name: str) -> bool:
    """A wildcard pattern a catalog may hold as a dependency.

    The policy language also allows ``*`` as the service (``*:*:*``), but a documented dependency
    always names the service that is called on the user's behalf; a service wildcard in a catalog
    means a cell was misread, so it is refused here.
    """
    return is_pattern(name) and not name.startswith("*")


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"boolean {value!r}"
    if isinstance(value, int):
        digits = len(str(abs(value))) if value.bit_length() < 4000 else None
        return f"number {value!r}" if digits is not None and digits <= 30 else "a number of more than 30 digits"
    if isinstance(value, float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {value[:60]!r}" + ("..." if len(value) > 60 else "")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def decode_service(data: Any, file: str) -> tuple[ServiceCatalog | None, list[Problem]]:
    """Turn one loaded YAML document into a ServiceCatalog, or report every problem in it."""
    c = _Checker(file)
    if data is None:
        c.bad("(top level)", "empty document; expected a mapping with keys " + ", ".join(TOP_KEYS))
        return None, c.problems
    top = c.mapping(data, "", TOP_KEYS, TOP_KEYS)
    if top is None:
        return None, c.problems
    version = top.get("schema_version", SCHEMA_VERSION)
    if type(version) is not int or version not in READABLE_SCHEMA_VERSIONS:  # not 1.0, not true
        *earlier, last = (str(v) for v in READABLE_SCHEMA_VERSIONS)
        expected = f"{', '.join(earlier)} or {last}" if earlier else last
        c.bad("schema_version", f"expected {expected}, got {_kind(version)}")
    cloud = (c.string(top["cloud"], "cloud") or "") if "cloud" in top else ""
    if cloud and cloud not in CLOUDS:
        c.bad("cloud", f"unknown cloud {cloud!r}; expected one of: {', '.join(CLOUDS)}")
    service = (c.string(top["service"], "service") or "") if "service" in top else ""
    if service and not is_service_name(service):
        c.bad("service", f"expected {SERVICE_GRAMMAR}, got {_kind(service)}")

    sources: list[SourceDoc] = []
    by_file: dict[str, SourceDoc] = {}
    raw_sources = top.get("sources", [])
    if not isinstance(raw_sources, list):
        c.bad("sources", f"expected a list, got {_kind(raw_sources)}")
        raw_sources = []
    for i, raw in enumerate(raw_sources):
        here = f"sources[{i}]"
        m = c.mapping(raw, here, SOURCE_KEYS, ("file", "edition"))
        if m is None:
            continue
        src_file = c.string(m["file"], f"{here}.file") if "file" in m else None
        edition = c.string(m["edition"], f"{here}.edition") if "edition" in m else None
        extras = [(c.string(m[k], f"{here}.{k}") or "") if k in m else "" for k in SOURCE_KEYS[2:6]]
        if edition is not None and edition not in EDITION_CLOUD:
            c.bad(f"{here}.edition", f"unknown edition {edition!r}; expected one of: {', '.join(EDITIONS)}")
        elif edition is not None and cloud in CLOUDS and EDITION_CLOUD[edition] != cloud:
            c.bad(f"{here}.edition", f"edition {edition!r} documents cloud {EDITION_CLOUD[edition]!r}, not {cloud!r}")
        commit, fmt = extras[1], extras[3]
        if commit and not COMMIT_RE.fullmatch(commit):
            c.bad(f"{here}.commit", f"expected a 40-digit lower-case hex commit id, got {commit!r}")
        if fmt and not SOURCE_FORMAT_RE.fullmatch(fmt):
            c.bad(f"{here}.format", f"expected {SOURCE_FORMAT_GRAMMAR}, got {fmt[:40]!r}")
        date = (c.string(m["date"], f"{here}.date") or None) if "date" in m else None
        if date is not None and (why := date_problem(date)) is not None:
            c.bad(f"{here}.date", why)
        status = (c.string(m["status"], f"{here}.status") or SOURCE_CURRENT) if "status" in m else SOURCE_CURRENT
        if status not in SOURCE_STATUSES:
            c.bad(f"{here}.status", f"unknown status {status!r}; expected one of: {', '.join(SOURCE_STATUSES)}")
        if src_file is None or edition is None:
            continue
        if src_file in by_file:
            c.bad(f"{here}.file", f"duplicate source {src_file!r}")
            continue
        repo, commit, path, fmt = extras
        doc = SourceDoc(src_file, edition, repo, commit, path, fmt, date, status)
        by_file[src_file] = doc
        sources.append(doc)

    operations: list[Operation] = []
    ids: dict[str, int] = {}
    origins: dict[tuple[str, int, int], int] = {}
    raw_ops = top.get("operations", [])
    if not isinstance(raw_ops, list):
        c.bad("operations", f"expected a list, got {_kind(raw_ops)}")
        raw_ops = []
    for i, raw in enumerate(raw_ops):
        op = _decode_operation(c, raw, f"operations[{i}]", by_file)
        if op is None:
            continue
        if op.id in ids:
            c.bad(f"operations[{i}].id", f"duplicate operation id {op.id!r} (first at operations[{ids[op.id]}])")
            continue
        key = (op.provenance.file, op.provenance.table, op.provenance.row)
        if key in origins:
            c.bad(f"operations[{i}].source", f"duplicate operation: the same table row as operations[{origins[key]}]")
            continue
        ids[op.id] = i
        origins[key] = i
        operations.append(op)

    if c.problems:
        return None, c.problems
    return ServiceCatalog(cloud, service, tuple(sources), tuple(operations), SCHEMA_VERSION), []


_OPERATION_KEY_SET = frozenset(OPERATION_KEYS)
_SCOPE_KEY_SET = frozenset(SCOPE_KEYS)
_REF_KEY_SET = frozenset(REF_KEYS)


def _text(value: Any, control: re.Pattern[str] = _CONTROL) -> bool:
    """What ``_Checker.string`` accepts, as a yes or no."""
    return type(value) is str and bool(value.strip()) and control.search(value) is None


def _quick_refs(value: Any) -> tuple[ActionRef, ...] | None:
    if type(value) is not list:
        return None
    out: list[ActionRef] = []
    for item in value:
        if type(item) is str:
            ref = ActionRef(item)
        elif type(item) is dict and item.keys() <= _REF_KEY_SET and "action" in item:
            condition = item.get("condition")
            if "condition" in item and not _text(condition, _PROSE_CONTROL):
                return None
            ref = ActionRef(item["action"], condition)
        else:
            return None
        if not _text(ref.action) or not (is_action(ref.action) or is_dependency_pattern(ref.action)):
            return None
        out.append(ref)
    return tuple(out) if len(set(out)) == len(out) else None


def _quick_strings(value: Any, control: re.Pattern[str] = _CONTROL) -> tuple[str, ...] | None:
    if type(value) is not list or not all(_text(v, control) for v in value):
        return None
    return tuple(value)


def _quick_operation(raw: Any, by_file: dict[str, SourceDoc]) -> Operation | None:
    """A well-formed operation decoded without a location string per value (a whole catalog holds some
    100,000 values); None for anything else, which ``_decode_operation`` then checks field by field and
    reports. It accepts only what the checked path accepts, and gives the same Operation (tests/catalog)."""
    if type(raw) is not dict or not raw.keys() <= _OPERATION_KEY_SET:
        return None
    op_id, name, source = raw.get("id"), raw.get("name", {}), raw.get("source")
    if type(op_id) is not str or not _text(op_id) or type(name) is not dict or type(source) is not dict:
        return None
    if "actions" not in raw:
        return None
    if not all(type(k) is str and LANGUAGE_RE.fullmatch(k) and _text(v) for k, v in name.items()):
        return None
    apis = _quick_strings(raw.get("apis", []))
    notes = _quick_strings(raw.get("notes", []), _PROSE_CONTROL)
    actions = _quick_refs(raw["actions"])
    deps = _quick_refs(raw.get("dependencies", []))
    if apis is None or notes is None or actions is None or deps is None:
        return None
    s = raw.get("scope", {})
    if type(s) is not dict or not s.keys() <= _SCOPE_KEY_SET:
        return None
    flags = (s.get("iam_project"), s.get("enterprise_project"), s.get("instance"), s.get("tag"))
    if not all(f is None or type(f) is bool for f in flags):
        return None
    inferred = s.get("inferred", [])
    values = dict(zip(SCOPE_FLAGS, flags, strict=True))
    if type(inferred) is not list or not all(type(n) is str and values.get(n) is not None for n in inferred):
        return None
    if len(set(inferred)) != len(inferred):
        return None
    file, table, row = source.get("file"), source.get("table"), source.get("row")
    if len(source) != 3 or type(file) is not str or type(table) is not int or type(row) is not int:
        return None
    doc = by_file.get(file)
    if doc is None or table < 1 or row < 1 or not _text(file):
        return None
    scope = Scope(*flags, tuple(sorted(inferred)))
    provenance = Provenance(file, table, row, doc.edition, doc.repo, doc.commit, doc.path, doc.date, doc.status)
    return Operation(op_id, dict(name), apis, actions, deps, scope, notes, provenance)


def _decode_operation(c: _Checker, raw: Any, here: str, by_file: dict[str, SourceDoc]) -> Operation | None:
    quick = _quick_operation(raw, by_file)
    return quick if quick is not None else _checked_operation(c, raw, here, by_file)


def _checked_operation(c: _Checker, raw: Any, here: str, by_file: dict[str, SourceDoc]) -> Operation | None:
    before = len(c.problems)
    m = c.mapping(raw, here, OPERATION_KEYS, ("id", "actions", "source"))
    if m is None:
        return None
    op_id = c.string(m["id"], f"{here}.id") if "id" in m else None
    name_raw = m.get("name", {})
    name: dict[str, str] = {}
    if not isinstance(name_raw, dict):
        c.bad(f"{here}.name", f"expected a mapping of language to name, got {_kind(name_raw)}")
    else:
        for lang, text in name_raw.items():
            if not isinstance(lang, str) or not LANGUAGE_RE.fullmatch(lang):
                c.bad(f"{here}.name.{lang}", "expected a language code such as 'en' or 'zh' as the key")
                continue
            value = c.string(text, f"{here}.name.{lang}")
            if value is not None:
                name[lang] = value
    apis = c.strings(m.get("apis", []), f"{here}.apis")
    # an action cell may hold a pattern (cce:kubernetes:*): the row is the evidence for it
    actions = c.refs(m["actions"], f"{here}.actions", patterns=True) if "actions" in m else ()
    deps = c.refs(m.get("dependencies", []), f"{here}.dependencies", patterns=True)
    notes = c.strings(m.get("notes", []), f"{here}.notes", prose=True)
    scope = Scope()
    s = c.mapping(m.get("scope", {}), f"{here}.scope", SCOPE_KEYS, ())
    if s is not None:
        iam, ent, inst, tag = (c.flag(s.get(k), f"{here}.scope.{k}") for k in SCOPE_FLAGS)
        values = dict(zip(SCOPE_FLAGS, (iam, ent, inst, tag), strict=True))
        inferred = _inferred(c, s.get("inferred", []), f"{here}.scope.inferred", values)
        scope = Scope(iam, ent, inst, tag, inferred)
    provenance: Provenance | None = None
    o = c.mapping(m["source"], f"{here}.source", ORIGIN_KEYS, ORIGIN_KEYS) if "source" in m else None
    if o is not None:
        file = c.string(o["file"], f"{here}.source.file") if "file" in o else None
        table = c.integer(o["table"], f"{here}.source.table") if "table" in o else None
        row = c.integer(o["row"], f"{here}.source.row") if "row" in o else None
        if file is not None and file not in by_file:
            c.bad(f"{here}.source.file", f"dangling reference: {file!r} is not listed under sources")
        elif file is not None and table is not None and row is not None:
            doc = by_file[file]
            provenance = Provenance(file, table, row, doc.edition, doc.repo, doc.commit, doc.path, doc.date, doc.status)
    if len(c.problems) > before or op_id is None or provenance is None:
        return None
    return Operation(op_id, name, apis, actions, deps, scope, notes, provenance)


def _inferred(c: _Checker, value: Any, where: str, flags: dict[str, bool | None]) -> tuple[str, ...]:
    """The scope flags marked as read from prose: known names, each once, each with a value."""
    names = c.strings(value, where)
    for i, name in enumerate(names):
        if name not in SCOPE_FLAGS:
            c.bad(f"{where}[{i}]", f"unknown scope flag {name!r}; expected one of: {', '.join(SCOPE_FLAGS)}")
        elif flags[name] is None:
            c.bad(f"{where}[{i}]", f"{name!r} is null, so it cannot be marked as inferred")
    if len(set(names)) != len(names):
        c.bad(where, "a flag is listed twice")
    return tuple(sorted(set(names)))
