"""JSON Schemas (draft 2020-12) of every ``--json`` output, one file per command: ``<command>.schema.json``.

They ship in the package so that scripts can validate what they read; ``docs/json.md`` describes the
contract, and the tests validate every output against its schema.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

SUFFIX = ".schema.json"


def schema_names() -> tuple[str, ...]:
    """The commands (and other outputs) that have a schema, sorted."""
    files = resources.files(__name__).iterdir()
    return tuple(sorted(f.name.removesuffix(SUFFIX) for f in files if f.name.endswith(SUFFIX)))


def schema_file(name: str) -> Path:
    """Where the schema of output ``name`` (e.g. ``closure``) is installed."""
    return Path(str(resources.files(__name__).joinpath(name + SUFFIX)))


def output_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of output ``name`` as a mapping (a fresh copy)."""
    data: dict[str, Any] = json.loads(resources.files(__name__).joinpath(name + SUFFIX).read_text("utf-8"))
    return data
