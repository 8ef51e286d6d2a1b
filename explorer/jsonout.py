"""The one JSON serializer of every machine-readable output (CLI ``--json``, downloads, reports).

Every document a command prints carries ``format_version``: scripts check it, and it changes only when
a documented key is removed or changes meaning (adding keys keeps the version).
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMAT_VERSION = 1
# A JSON string may hold an escaped lone surrogate ("\ud800"), which Python reads into a str that no
# UTF-8 stream can take; written back as the same escape, the output stays valid JSON and encodable.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def dumps(data: Any) -> str:
    """Deterministic, human-diffable JSON text ending in a newline (non-ASCII kept as is, lone surrogates
    escaped)."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return _SURROGATE.sub(_escape, text)


def document(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``format_version`` first, as every top-level output has it."""
    return {"format_version": FORMAT_VERSION, **{k: v for k, v in data.items() if k != "format_version"}}
