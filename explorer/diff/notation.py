"""What counts as the same fact written differently: the notation-only edits a diff suppresses.

Documentation edits often change nothing a policy depends on: full-width brackets for half-width ones,
extra spaces, Title Case for sentence case, the order of actions in a cell, a query-string template. Each
text is reduced to a canonical form; two values whose canonical forms agree are the same fact.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_AROUND_BRACKETS = re.compile(r"\s*([()\[\]])\s*")  # "X (Y)" = "X（Y）" once full-width is folded
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
# RFC 6570 query templates such as {?limit,marker} document query parameters, not the endpoint
_QUERY_TEMPLATE = re.compile(r"\{[?&][^}]*\}")
_API = re.compile(r"^\s*([A-Za-z]+)\s+(/\S*)")
_EDGE_PUNCTUATION = " \t.,;:。，；：、"


def text_key(text: str | None) -> str:
    """A condition or a name as compared: NFKC (full-width -> half-width), case folded, spaces collapsed (and
    dropped around brackets), edge punctuation off."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _AROUND_BRACKETS.sub(r"\1", _SPACES.sub(" ", folded)).strip(_EDGE_PUNCTUATION)


@lru_cache(maxsize=1 << 16)  # a whole-cloud diff asks for every API many times over
def api_text(api: str) -> str:
    """An API as written, minus notation: method upper-cased, spaces collapsed, query template and trailing / off."""
    m = _API.match(unicodedata.normalize("NFKC", api))
    if m is None:
        return text_key(api)
    path = _QUERY_TEMPLATE.sub("", m.group(2)).rstrip("/") or "/"
    return f"{m.group(1).upper()} {path}"


@lru_cache(maxsize=1 << 16)
def api_key(api: str) -> str:
    """An API as matched: like :func:`api_text`, with every placeholder blanked (``{server_id}`` = ``{id}``)."""
    m = _API.match(api_text(api))
    if m is None:
        return api_text(api)
    return f"{m.group(1)} {_PLACEHOLDER.sub('{}', m.group(2))}"
