"""Validation of catalog files: every problem at once, each with its file, location and what was expected.

The checks themselves live where the data is read (:mod:`explorer.catalog.codec` for a document's
content, :mod:`explorer.catalog.store` for YAML, file placement and duplicate services), so loading
and validating can never disagree. This module runs them over paths and, on request, also checks
each file against the JSON Schema shipped beside it (``catalog.schema.json``), which editors can use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from explorer.catalog.store import scan_catalogs
from explorer.errors import Problem

SCHEMA_FILE = "catalog.schema.json"


@dataclass(frozen=True, slots=True)
class ValidationResult:
    """What ``validate`` checked and found."""

    files: tuple[str, ...]
    services: int
    operations: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def schema_path() -> Path:
    """Where the catalog's JSON Schema is installed (point an editor's YAML schema setting at it)."""
    return Path(str(resources.files("explorer.catalog").joinpath(SCHEMA_FILE)))


@lru_cache(maxsize=1)
def catalog_schema() -> dict[str, Any]:
    """The catalog's JSON Schema (draft 2020-12) as a mapping."""
    schema: dict[str, Any] = json.loads(resources.files("explorer.catalog").joinpath(SCHEMA_FILE).read_text("utf-8"))
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


def validate(paths: Sequence[Path], *, schema: bool = False) -> ValidationResult:
    """Check catalog roots or files; with ``schema``, also check each file against the JSON Schema."""
    scan = scan_catalogs(paths, schema_problems if schema else None)
    services = sum(len(cat.services) for cat in scan.catalogs.values())
    operations = sum(len(svc.operations) for cat in scan.catalogs.values() for svc in cat.services.values())
    return ValidationResult(
        files=tuple(str(p) for p in scan.files),
        services=services,
        operations=operations,
        problems=tuple(sorted(set(scan.problems))),
    )


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Every problem in the catalog files at ``paths`` (roots or single files), sorted; empty when valid."""
    return list(validate(paths).problems)
