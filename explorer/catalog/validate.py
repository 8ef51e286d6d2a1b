"""Validation of catalog files: every problem at once, each with its file, location and what was expected.

The checks themselves live where the data is read (:mod:`explorer.catalog.codec` for a document's
content, :mod:`explorer.catalog.yamlio` for YAML, :mod:`explorer.catalog.files` for file placement,
:mod:`explorer.catalog.scan` for duplicate services), so loading and validating can never disagree.
This module runs them over paths, compares a catalog root with the import report beside it, and on
request checks each file against the JSON Schema shipped beside this module (``catalog.schema.json``),
which editors can use too.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from explorer import fileio
from explorer.catalog import parsed
from explorer.catalog.codec import CATALOG_SUFFIX
from explorer.catalog.damage import action_damage, api_problems
from explorer.catalog.files import MAX_REPORT_BYTES
from explorer.catalog.generations import resolve_root
from explorer.catalog.scan import Rendered, scan_catalogs
from explorer.errors import Problem
from explorer.model import EDITION_CLOUD, Catalog

SCHEMA_FILE = "catalog.schema.json"
# The importer's report beside a catalog root (explorer.importers.report.REPORT_NAME; a test keeps them equal).
REPORT_FILE = "import-report.json"
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """What ``validate`` checked and found."""

    files: tuple[str, ...]
    services: int
    operations: int
    problems: tuple[Problem, ...]
    # signs of damage that do not make the catalog invalid (see explorer.catalog.damage)
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def schema_path() -> Path:
    """Where the catalog's JSON Schema is installed (point an editor's YAML schema setting at it)."""
    return Path(str(resources.files("explorer.catalog").joinpath(SCHEMA_FILE)))


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return resources.files("explorer.catalog").joinpath(SCHEMA_FILE).read_text("utf-8")


def catalog_schema() -> dict[str, Any]:
    """The catalog's JSON Schema (draft 2020-12) as a mapping (a fresh copy the caller may change)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local ``$ref`` replaced by its definition (the catalog schema has no cycles)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
            return {**target, **{k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


@lru_cache(maxsize=1)
def _schema_validator() -> Draft202012Validator:
    schema = catalog_schema()
    Draft202012Validator.check_schema(schema)
    # Resolving $ref on every item is most of jsonschema's time here; the inlined schema says the same.
    return Draft202012Validator(_inline_refs(schema, schema.get("$defs", {})))


def json_location(path: Iterable[str | int]) -> str:
    """A JSON Schema error path as the codec writes locations: ``operations[3].scope.tag``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def schema_problems(data: Any, file: str) -> list[Problem]:
    """The problems the JSON Schema finds in one loaded service document."""
    problems = [
        Problem(file, json_location(error.absolute_path), f"schema: {error.message}")
        for error in _schema_validator().iter_errors(data)
    ]
    return sorted(problems)


def report_problems(root: Path, catalogs: dict[str, Catalog]) -> list[Problem]:
    """Disagreements between a catalog root and the import report the importer wrote beside it.

    For each documentation file the report lists, the number of rows it says were imported must be
    the number of operations in the catalog whose source is that file, and every source file with
    operations must be listed. A stale report, or a catalog edited or partly regenerated after the
    import, shows up here. Only the report's file entries are read; the importer owns the rest.
    """
    path = root / REPORT_FILE
    if not path.is_file():
        return []
    try:
        data = json.loads(fileio.read_text(path, MAX_REPORT_BYTES))
    except fileio.FileIOError as exc:
        return [Problem(str(path), "", f"cannot read the import report: {exc.reason}")]
    except ValueError as exc:  # ValueError: bad UTF-8, bad JSON, an integer of over 4,300 digits
        return [Problem(str(path), "", f"cannot read the import report: {exc}")]
    entries = data.get("files") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return [Problem(str(path), "files", "expected the report's list of documentation files")]
    in_root = {
        (cloud, name): svc
        for cloud, cat in catalogs.items()
        for name, svc in cat.services.items()
        if (root / cloud / f"{name}{CATALOG_SUFFIX}").is_file()
    }
    counts = Counter(op.provenance.file for svc in in_root.values() for op in svc.operations)
    problems: list[Problem] = []
    listed: set[str] = set()
    for i, entry in enumerate(entries):
        where = f"files[{i}]"
        fields = entry if isinstance(entry, dict) else {}
        file, imported = fields.get("file"), fields.get("rows_imported")
        cloud, service = EDITION_CLOUD.get(str(fields.get("edition"))), fields.get("service")
        if not isinstance(file, str) or not isinstance(imported, int) or cloud is None or not isinstance(service, str):
            problems.append(Problem(str(path), where, "expected file, edition, service and rows_imported"))
            continue
        listed.add(file)
        target = root / cloud / f"{service}{CATALOG_SUFFIX}"
        if (cloud, service) not in in_root and target.is_file():
            continue  # the service file itself is invalid, and reported as such
        if counts[file] != imported:
            message = (
                f"{file}: the report says {imported} rows were imported, "
                f"the catalog has {counts[file]} operations from it"
            )
            problems.append(Problem(str(path), where, message))
    for file in sorted(set(counts) - listed):
        message = f"{file}: {counts[file]} operations in the catalog come from it, but the report does not list it"
        problems.append(Problem(str(path), "files", message))
    return problems


def layout_problems(root: Path) -> list[Problem]:
    """YAML files below a catalog root that loading ignores because they are not at ``<cloud>/<service>.yaml``."""
    problems: list[Problem] = []
    try:
        found = sorted(root.rglob("*"))
    except OSError as exc:
        return [Problem(str(exc.filename or root), "", f"cannot read: {exc.strerror}")]
    for path in found:
        parts = path.relative_to(root).parts
        if path.suffix not in (".yaml", ".yml") or not path.is_file() or any(p.startswith(".") for p in parts):
            continue
        if len(parts) == 2 and path.suffix == ".yml":
            problems.append(Problem(str(path), "", f"ignored: a catalog file is named <service>{CATALOG_SUFFIX}"))
        elif len(parts) != 2:
            expected = f"<cloud>/<service>{CATALOG_SUFFIX} directly below {root}"
            problems.append(Problem(str(path), "", f"ignored: a catalog file belongs at {expected}"))
    return problems


def validate(paths: Sequence[Path], *, schema: bool = False, rendered: Rendered | None = None) -> ValidationResult:
    """Check catalog roots or files; with ``schema``, also check each file against the JSON Schema.

    Every API is checked against the API grammar, and action names and notes for signs of damage
    (see :mod:`explorer.catalog.damage`). A catalog root is also checked for YAML files that loading
    would ignore, and against the import
    report it holds, if any (see ``layout_problems`` and ``report_problems``). ``rendered`` spares
    parsing files a writer has just rendered (see :func:`explorer.catalog.scan.scan_catalogs`), and
    re-reading a ``parsed-catalog.json`` it rendered from the same documents.
    """
    where: dict[tuple[str, str], str] = {}
    documents: dict[str, Any] = {}

    def check(data: Any, file: str) -> list[Problem]:
        documents[file] = data
        if isinstance(data, dict):
            where.setdefault((str(data.get("cloud")), str(data.get("service"))), file)
        return (schema_problems(data, file) if schema else []) + api_problems(data, file)

    scan = scan_catalogs(paths, check, rendered)
    problems = list(scan.problems)
    warnings: list[Problem] = []
    for cloud in sorted(scan.catalogs):
        by_name = scan.catalogs[cloud].services
        for d in action_damage(by_name[name] for name in sorted(by_name)):
            file = where.get((d.service.cloud, d.service.service), d.service.service)
            warnings.append(Problem(file, f"operations[{d.index}].{d.location}", d.message))
    for root in paths:
        if _is_dir(root):
            current = resolve_root(root)  # a write interrupted after its commit is read from its generation
            problems.extend(layout_problems(current))
            problems.extend(report_problems(current, scan.catalogs))
            written = rendered.get(current / parsed.NAME) if rendered else None
            problems.extend(parsed.disagreements(current, documents, written[0] if written else None))
    services = sum(len(cat.services) for cat in scan.catalogs.values())
    operations = sum(len(svc.operations) for cat in scan.catalogs.values() for svc in cat.services.values())
    return ValidationResult(
        files=tuple(str(p) for p in scan.files),
        services=services,
        operations=operations,
        problems=tuple(sorted(set(problems), key=_document_order)),
        warnings=tuple(sorted(set(warnings), key=_document_order)),
    )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # reported by the scan
        return False


def _document_order(problem: Problem) -> tuple[str, list[str | int], str]:
    """Sort key putting ``operations[2]`` before ``operations[10]`` and line 9 before line 10."""
    parts: list[str | int] = [int(t) if t.isdigit() else t for t in _DIGITS.split(problem.location)]
    return problem.file, parts, problem.message


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in the catalog files at ``paths`` (roots or single files), sorted; empty when valid."""
    return list(validate(paths).problems)
