"""The one JSON serializer of every machine-readable output (CLI ``--json``, downloads, reports).

Every document a command prints carries ``format_version``: scripts check it, and it changes only when
a documented key is removed or changes meaning (adding keys keeps the version).

The text is :func:`json.dumps`'s with ``indent=2``; with an indent the standard library encodes in Python
(its C encoder serves only compact output), a tenth of a large answer's time, so ``orjson`` writes the data
it writes byte for byte the same: plain dicts, lists, tuples, strings, integers, booleans and None. Anything
else (a float: orjson spells exponents its own way and writes NaN as null; a subclass; a non-string key; an
integer beyond 64 bits; a lone surrogate; nesting orjson refuses) takes the standard library's path, which
writes it, or refuses it, as it always did.
"""

from __future__ import annotations

import json
import re
from typing import Any

FORMAT_VERSION = 1
# A JSON string may hold an escaped lone surrogate ("\ud800"), which Python reads into a str that no
# UTF-8 stream can take; written back as the same escape, the output stays valid JSON and encodable.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SCALARS = frozenset({str, int, bool, type(None)})
_ORJSON_DEPTH = 254  # orjson refuses deeper nesting
_MAX_ITEMS = 1 << 22  # more is no answer of ours but a reference cycle, whose levels double: json reports it


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _plain(data: Any) -> bool:
    """Whether ``data`` holds only the types that orjson and json write alike, nested less than orjson's
    limit (read level by level, so that a reference cycle ends at a limit instead of looping)."""
    level = [data]
    items = 0
    for _depth in range(_ORJSON_DEPTH):
        below: list[Any] = []
        for item in level:
            kind = type(item)
            if kind is dict:
                below.extend(item.values())
            elif kind is list or kind is tuple:
                below.extend(item)
            elif kind not in _SCALARS:
                return False
        if not below:
            return True
        items += len(below)
        if items > _MAX_ITEMS:
            return False
        level = below
    return False


def dumps(data: Any) -> str:
    """Deterministic, human-diffable JSON text ending in a newline (non-ASCII kept as is, lone surrogates
    escaped)."""
    if _plain(data):
        import orjson

        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode() + "\n"
        except orjson.JSONEncodeError:
            pass  # a non-string key, an integer beyond 64 bits, a lone surrogate: the standard library's way
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return _SURROGATE.sub(_escape, text)


def document(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with ``format_version`` first, as every top-level output has it."""
    return {"format_version": FORMAT_VERSION, **{k: v for k, v in data.items() if k != "format_version"}}
