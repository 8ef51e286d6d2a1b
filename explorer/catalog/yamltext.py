"""A catalog document's YAML text, written line by line, byte for byte as PyYAML's block style writes it.

A whole-corpus import writes some 190,000 values; PyYAML makes a node of each and walks them through its
emitter, which took half of an import's write (bench/bench_import.py). A catalog document is plain (dicts,
lists, strings, integers, booleans, None) and its layout is fixed: block mappings indented by two, a list
under a key not indented ("indentless"), an empty list or mapping written ``[]`` or ``{}``. So the layout is
written here, and PyYAML's own emitter still decides how each distinct string is written (plain, single- or
double-quoted, with which escapes): for a string on one line that choice does not depend on where the
string stands, so it is asked once per string and remembered.

Anything this module does not know to write exactly as PyYAML would returns None, and the caller dumps the
document with PyYAML: a string with a line break (its quoted form depends on the indentation), a key too
long to be a simple key, a very long string, a value of another type. ``tests/catalog`` compares the bytes
with PyYAML's on the whole bundled catalog and on generated documents.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# YAML's line breaks (a string holding one is written over several lines) - and the characters the emitter
# treats as breaks or special: such strings are left to PyYAML.
_BREAKS = frozenset("\n\r\x85\u2028\u2029")
# PyYAML writes a key of 128 characters or more as a complex key (``? key``); leave a margin.
_MAX_KEY = 120
# With the dump width of a million, no one-line scalar is folded unless it is longer than that.
_MAX_SCALAR = 500_000
_CACHE_LIMIT = 200_000  # bounded: a long-lived server renders many uploads


class _Unsupported(Exception):
    """A value this writer does not render exactly as PyYAML would: the caller falls back to PyYAML."""


# A first character that is no YAML indicator (and cannot start "---" or "...").
_FIRST_SAFE = frozenset("_/($")


class ScalarText:
    """The text PyYAML gives one-line strings.

    Most strings of a catalog (action names, APIs, paths, titles) are written plain, as they are; that is
    decided here by the rules of PyYAML's emitter, kept on the safe side: printable, starting with a letter,
    a digit or one of ``_/($``, no ``": "`` or ``" #"``, not ending in a space or ``:``, and not read back as
    another type by the resolver (``resolves``: "true", "null", "2026-07-02"). Any other string is given to
    ``dump_scalar`` (PyYAML itself), once.
    """

    def __init__(self, dump_scalar: Callable[[str], str], resolves: Callable[[str], bool]) -> None:
        self._dump = dump_scalar
        self._resolves = resolves
        self._known: dict[str, str] = {}

    def __call__(self, value: str) -> str:
        known = self._known.get(value)
        if known is not None:
            return known
        if (
            value
            and (value[0].isalnum() or value[0] in _FIRST_SAFE)
            and value.isprintable()
            and value[-1] != " "
            and value[-1] != ":"
            and ": " not in value
            and " #" not in value
            and len(value) <= _MAX_SCALAR
            and not self._resolves(value)
        ):
            line = value
        else:
            if len(value) > _MAX_SCALAR or not _BREAKS.isdisjoint(value):
                raise _Unsupported
            text = self._dump(value)
            # a plain root scalar is followed by the document end marker ("...") on its own line
            line, _, rest = text.partition("\n")
            if rest not in ("", "...\n"):
                raise _Unsupported
        if len(self._known) >= _CACHE_LIMIT:
            self._known.clear()
        self._known[value] = line
        return line


def render(doc: Any, scalar: ScalarText) -> str | None:
    """The block-style YAML text of ``doc`` (a mapping), or None when PyYAML must write it."""
    if type(doc) is not dict or not doc:
        return None
    writer = _Writer(scalar)
    try:
        writer.seen.add(id(doc))
        writer.mapping(doc, "", "")
    except _Unsupported:
        return None
    return "".join(writer.out)


class _Writer:
    """The lines of one document. (Methods rather than nested functions, which would be reference cycles.)"""

    def __init__(self, scalar: ScalarText) -> None:
        self.scalar = scalar
        self.out: list[str] = []
        self.seen: set[int] = set()
        self.keys: dict[Any, str] = {}  # a document repeats its few field names thousands of times

    def atom(self, value: Any) -> str | None:
        """The text of a scalar or an empty collection; None for a non-empty list or mapping."""
        kind = type(value)
        if kind is str:
            return self.scalar(value)
        if kind is dict or kind is list:
            if id(value) in self.seen:
                raise _Unsupported  # shared: PyYAML writes an anchor and an alias
            self.seen.add(id(value))
            if not value:
                return "{}" if kind is dict else "[]"
            return None
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            return str(value)
        if value is None:
            return "null"
        raise _Unsupported

    def key_text(self, key: Any) -> str:
        text = self.keys.get(key)
        if text is not None:
            return text
        # libyaml counts a simple key's length in UTF-8 bytes
        if type(key) is not str or len(key.encode("utf-8", "surrogatepass")) >= _MAX_KEY:
            raise _Unsupported
        text = self.keys[key] = self.scalar(key)
        if len(text) >= _MAX_KEY:
            raise _Unsupported
        return text

    def mapping(self, value: dict[Any, Any], indent: str, first: str) -> None:
        """Write ``value``'s pairs; the first after ``first`` (what the line holds already), the rest at ``indent``."""
        lead = first
        for k, v in value.items():
            text = self.atom(v)
            if text is not None:
                self.out.append(f"{lead}{self.key_text(k)}: {text}\n")
            elif type(v) is dict:
                self.out.append(f"{lead}{self.key_text(k)}:\n")
                self.mapping(v, indent + "  ", indent + "  ")
            else:  # a list under a key is written at the key's own indentation
                self.out.append(f"{lead}{self.key_text(k)}:\n")
                self.sequence(v, indent, indent)
            lead = indent

    def sequence(self, value: list[Any], indent: str, first: str) -> None:
        lead = first
        for v in value:
            text = self.atom(v)
            if text is not None:
                self.out.append(f"{lead}- {text}\n")
            elif type(v) is dict:
                self.mapping(v, indent + "  ", lead + "- ")
            else:
                self.sequence(v, indent + "  ", lead + "- ")
            lead = indent
