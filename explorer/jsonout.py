"""The one JSON serializer of every machine-readable output (CLI ``--json``, downloads, reports).

Every document a command prints carries ``format_version``: scripts check it, and it changes only when
a documented key is removed or changes meaning (adding keys keeps the version).
"""

from __future__ import annotations

import json
from typing import Any

FORMAT_VERSION = 1


def dumps(data: Any) -> str:
    """Deterministic, human-diffable JSON text ending in a newline (non-ASCII kept as is)."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def document(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``format_version`` first, as every top-level output has it."""
    return {"format_version": FORMAT_VERSION, **{k: v for k, v in data.items() if k != "format_version"}}
