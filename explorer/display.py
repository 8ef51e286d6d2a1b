"""Making invisible characters visible wherever a name is shown to a reviewer.

A name from a document or an upload may hold bidirectional controls (U+202E turns ``gpj.exe`` into
what reads as ``exe.jpg``), zero-width characters (two different actions that look the same) or
other invisible format characters. Data keeps them (JSON, CSV, the catalog); every face and
diagram shows them as a visible mark ``[U+202E]`` instead, through :func:`visible`. This module is
at the lowest layer so the renderers and the faces share one rule.
"""

from __future__ import annotations

import re
from typing import Protocol

# Every format character (Unicode category Cf: bidi embeddings, overrides and isolates, marks,
# zero-width space/joiners, word joiner, BOM, soft hyphen, tags...), line and paragraph separators,
# control characters, the Hangul fillers that render as nothing, and lone surrogates (a JSON escape such
# as "\ud800" reads into one; no terminal or UTF-8 stream can take it). A test checks the Cf ranges
# against unicodedata.
_INVISIBLE_RANGES = (
    "\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e"
    "\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ud800-\udfff\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_INVISIBLE = re.compile(f"[{_INVISIBLE_RANGES}]")
# For a stream of terminal output: line breaks, tabs and the escape sequences of colours stay.
_INVISIBLE_IN_STREAM = re.compile(f"(?![\\n\\t\\r\\x1b])[{_INVISIBLE_RANGES}]")


def _mark(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group()):04X}]"


def visible(text: str) -> str:
    """``text`` with every invisible or direction-changing character shown as ``[U+XXXX]``."""
    return _INVISIBLE.sub(_mark, text)


def visible_stream(text: str) -> str:
    """Like :func:`visible` for terminal output: line breaks, tabs and ANSI escapes are kept."""
    return _INVISIBLE_IN_STREAM.sub(_mark, text)


def has_invisible(text: str) -> bool:
    """True if :func:`visible` would change ``text``."""
    return _INVISIBLE.search(text) is not None


# --- scope flags --------------------------------------------------------------------------------

FROM_TEXT = "from text"


def scope_flag(value: bool | None, inferred: bool = False) -> str:
    """A scope flag as every face shows it: ``yes``, ``no`` or ``?`` (the row does not say), and
    ``yes (from text)`` when the importer read it from the row's prose, not from its flag column, so a
    reviewer knows which claims rest on wording rather than on the table."""
    text = {True: "yes", False: "no", None: "?"}[value]
    return f"{text} ({FROM_TEXT})" if inferred and value is not None else text


class _Flags(Protocol):
    """A row's scope (model.Scope) or an (operation, action) pair's (graph.PairScope)."""

    @property
    def iam_project(self) -> bool | None: ...
    @property
    def enterprise_project(self) -> bool | None: ...
    @property
    def inferred(self) -> tuple[str, ...]: ...


def scope_flags(scope: _Flags) -> tuple[str, str]:
    """The IAM-project and enterprise-project flags of ``scope`` as :func:`scope_flag` shows them."""
    return (
        scope_flag(scope.iam_project, "iam_project" in scope.inferred),
        scope_flag(scope.enterprise_project, "enterprise_project" in scope.inferred),
    )
