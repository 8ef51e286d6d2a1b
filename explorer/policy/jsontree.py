"""A JSON reader that keeps where every value is (line, column, JSON pointer), for findings that point at text.

The standard library's decoder gives positions only for errors. Policies are small (a few KiB), so a
plain recursive reader is fast enough; it refuses nesting deeper than MAX_DEPTH instead of recursing
without end, and reports duplicate keys (which ``json.loads`` silently drops).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

MAX_DEPTH = 32
# A policy number is a version, a count or a port; Python refuses to read an integer of more than 4,300
# digits (a ValueError from deep inside the reader), so anything longer than this is refused by us first.
MAX_NUMBER_CHARS = 100
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")
_WS = re.compile(r"[ \t\n\r]*")
_KIND = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}


class JsonSyntaxError(ValueError):
    """Text that is not JSON: what was expected, and the 1-based line and column where."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"{message} (line {line}, column {column})")
        self.reason = message
        self.line = line
        self.column = column


@dataclass(slots=True)
class Node:
    """One JSON value and where it starts; objects keep their members in order, with the keys' positions."""

    value: Any  # the plain Python value (dicts and lists hold plain values too)
    line: int
    column: int
    pointer: str
    items: list[Node] = field(default_factory=list)  # array elements
    members: list[tuple[str, Node, Node]] = field(default_factory=list)  # (key, key node, value node)
    duplicates: list[tuple[str, Node]] = field(default_factory=list)  # repeated keys of an object

    @property
    def kind(self) -> str:
        return "null" if self.value is None else _KIND.get(type(self.value), "value")

    def get(self, key: str) -> Node | None:
        for k, _kn, v in self.members:
            if k == key:
                return v
        return None


def pointer_part(key: str | int) -> str:
    return str(key).replace("~", "~0").replace("/", "~1")


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(self, pos: int) -> tuple[int, int]:
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:  # the last line start at or before pos
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, pos - self.starts[lo] + 1

    def fail(self, message: str, pos: int) -> JsonSyntaxError:
        if self.text.startswith(("//", "/*"), pos):
            message = "comments are not allowed in JSON"
        line, col = self.where(min(pos, len(self.text)))
        return JsonSyntaxError(message, line, col)

    def skip(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def node(self, value: Any, pos: int, pointer: str) -> Node:
        line, col = self.where(pos)
        return Node(value, line, col, pointer)

    def value(self, pos: int, pointer: str, depth: int) -> tuple[Node, int]:
        text = self.text
        pos = self.skip(pos)
        if pos >= len(text):
            raise self.fail("unexpected end of the file: a value was expected", pos)
        ch = text[pos]
        if ch == "{":
            return self.obj(pos, pointer, depth + 1)
        if ch == "[":
            return self.array(pos, pointer, depth + 1)
        if ch == '"':
            try:
                s, end = scanstring(text, pos + 1, True)
            except json.JSONDecodeError as exc:
                raise self.fail(exc.msg.lower(), exc.pos) from None
            return self.node(s, pos, pointer), end
        for word, literal in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                return self.node(literal, pos, pointer), pos + len(word)
        m = _NUMBER.match(text, pos)
        if m:
            num = m.group()
            if len(num) > MAX_NUMBER_CHARS:
                raise self.fail(f"a number of {len(num)} characters; at most {MAX_NUMBER_CHARS} are read", pos)
            val = float(num) if any(c in num for c in ".eE") else int(num)
            return self.node(val, pos, pointer), m.end()
        if ch == "'":
            raise self.fail("strings must be in double quotes, not single quotes", pos)
        raise self.fail(f"unexpected character {ch!r}: a value was expected", pos)

    def deeper(self, pos: int, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self.fail(f"nesting deeper than {MAX_DEPTH} levels; a policy is at most a few levels deep", pos)

    def obj(self, start: int, pointer: str, depth: int) -> tuple[Node, int]:
        self.deeper(start, depth)
        text = self.text
        node = self.node({}, start, pointer)
        pos = self.skip(start + 1)
        if pos < len(text) and text[pos] == "}":
            return node, pos + 1
        while True:
            pos = self.skip(pos)
            if pos >= len(text):
                raise self.fail("unexpected end of the file inside an object: '}' is missing", pos)
            if text[pos] == "}":
                raise self.fail("trailing comma before '}'", pos)
            if text[pos] != '"':
                raise self.fail("expected a key in double quotes", pos)
            key_node, pos = self.value(pos, pointer, depth)
            key = str(key_node.value)
            pos = self.skip(pos)
            if pos >= len(text) or text[pos] != ":":
                raise self.fail(f"expected ':' after the key {key!r}", pos)
            val, pos = self.value(pos + 1, f"{pointer}/{pointer_part(key)}", depth)
            if key in node.value:
                node.duplicates.append((key, key_node))
                node.members = [m for m in node.members if m[0] != key]
            node.value[key] = val.value
            node.members.append((key, key_node, val))
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            if pos < len(text) and text[pos] == "}":
                return node, pos + 1
            if pos >= len(text):
                raise self.fail("unexpected end of the file inside an object: '}' is missing", pos)
            raise self.fail("expected ',' or '}' after an object member", pos)

    def array(self, start: int, pointer: str, depth: int) -> tuple[Node, int]:
        self.deeper(start, depth)
        text = self.text
        node = self.node([], start, pointer)
        pos = self.skip(start + 1)
        if pos < len(text) and text[pos] == "]":
            return node, pos + 1
        while True:
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == "]":
                raise self.fail("trailing comma before ']'", pos)
            val, pos = self.value(pos, f"{pointer}/{len(node.items)}", depth)
            node.value.append(val.value)
            node.items.append(val)
            pos = self.skip(pos)
            if pos < len(text) and text[pos] == ",":
                pos += 1
                continue
            if pos < len(text) and text[pos] == "]":
                return node, pos + 1
            if pos >= len(text):
                raise self.fail("unexpected end of the file inside a list: ']' is missing", pos)
            raise self.fail("expected ',' or ']' after a list element", pos)


def parse(text: str) -> Node:
    """The JSON text as a tree of positioned nodes; JsonSyntaxError (with line and column) if it is not JSON."""
    reader = _Reader(text)
    start = 1 if text.startswith("\ufeff") else 0
    if not text[start:].strip():
        raise reader.fail("the file is empty: a JSON policy document was expected", start)
    node, end = reader.value(start, "", 0)
    end = reader.skip(end)
    if end < len(text):
        raise reader.fail("unexpected text after the end of the JSON document", end)
    return node


def plain(text: str) -> Any:
    """The value of a JSON text, read within the same limits (depth, number length) as :func:`parse`: the
    standard library's decoder recurses without a depth limit and fails on long integers with a ValueError."""
    return parse(text).value


def from_plain(value: Any, line: int, column: int, pointer: str = "", depth: int = 0) -> Node:
    """A tree for a value that came without positions (Terraform's jsonencode): every node at (line, column)."""
    if depth > MAX_DEPTH:
        raise JsonSyntaxError(f"nesting deeper than {MAX_DEPTH} levels", line, column)
    node = Node(value, line, column, pointer)
    if isinstance(value, dict):
        for k, v in value.items():
            key = str(k)
            child = from_plain(v, line, column, f"{pointer}/{pointer_part(key)}", depth + 1)
            node.members.append((key, Node(key, line, column, pointer), child))
    elif isinstance(value, list):
        node.items = [from_plain(v, line, column, f"{pointer}/{i}", depth + 1) for i, v in enumerate(value)]
    return node
