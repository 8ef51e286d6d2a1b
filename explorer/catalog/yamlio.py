"""The catalog's YAML: a hardened safe loader in, deterministic text out.

Files are read with PyYAML's safe loader in its C build (``CSafeLoader``), subclassed to refuse what
a catalog never contains: anchors and aliases (so an alias bomb is stopped before anything expands),
duplicate keys (PyYAML would silently keep the last), non-scalar and merge keys. Unsafe tags and a
second document are refused by the safe loader itself. Text above ``MAX_FILE_BYTES`` is refused
before parsing. Where the text comes from is :mod:`explorer.catalog.files`' concern.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from explorer.catalog import yamltext
from explorer.catalog.codec import decode_service
from explorer.catalog.encode import encode_service
from explorer.catalog.files import MAX_FILE_BYTES
from explorer.errors import CatalogError, Problem
from explorer.model import ServiceCatalog

_Loader: type[Any]
try:  # libyaml's C parser and emitter are an order of magnitude faster than the pure-Python ones
    _Loader = yaml.CSafeLoader
    _Dumper: type[Any] = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


class _Refused(Exception):
    """YAML that parses but that a catalog file may not contain."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _CatalogLoader(_Loader):  # type: ignore[misc]
    """PyYAML's safe (C) loader, refusing what a generated catalog never contains.

    An alias makes the composer hand the constructor the same node twice: refusing the second visit
    stops an alias bomb before anything expands. Duplicate keys (which PyYAML silently resolves to the
    last) and merge keys are refused too; unknown tags and a second document are already errors.
    Scalars are resolved strictly (see ``_STRICT_RESOLVERS``) and integers are decimal and short.
    """

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        text = str(self.construct_scalar(node))
        digits = text.lstrip("+-")
        if not digits.isascii() or not digits.isdigit():
            raise _Refused(f"not a decimal integer: {text[:40]!r}", node.start_mark)
        if len(digits) > MAX_INT_DIGITS:
            raise _Refused(f"integer of {len(digits)} digits; at most {MAX_INT_DIGITS} are allowed", node.start_mark)
        return int(text)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        text = str(self.construct_scalar(node))
        if len(text) > 40:
            raise _Refused(f"number of {len(text)} characters; at most 40 are allowed", node.start_mark)
        value: float = super().construct_yaml_float(node)
        return value

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused("YAML anchors and aliases are not allowed in a catalog file", node.start_mark)
        return super().construct_object(node, deep=deep)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused("YAML merge keys (<<) are not allowed in a catalog file", key_node.start_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a list or mapping used as a mapping key", key_node.start_mark)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # a key came twice; find it for the message (rare path)
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.constructed_objects[key_node]
                if key in seen:
                    raise _Refused(f"duplicate key {key!r} in a mapping", key_node.start_mark)
                seen.add(key)
        return mapping


# Strict scalars (the YAML 1.2 core schema, not PyYAML's YAML 1.1 one): ``1:00`` is not 60, ``0x1``,
# ``0o7``, ``012``, ``1_000``, dates and ``yes``/``on`` are strings. A catalog is generated, so a
# scalar that only YAML 1.1 reads as a number or a flag means a hand edit the codec should report
# as a string where a number or flag was expected, not silently reinterpret.
_STRICT_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), "-+0123456789"),
    # a float needs a dot and a signed exponent, as in YAML 1.1: a plain scalar the emitter leaves
    # unquoted (``0E0``, ``1.0e5``) must read back as the string it was
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        "-+0123456789.",
    ),
]
_STRICT_TAGS = {tag for tag, _, _ in _STRICT_RESOLVERS} | {"tag:yaml.org,2002:timestamp"}
# A catalog's numbers are table and row counts; 18 digits is more than any document has rows, and
# far below Python's 4,300-digit limit on converting text to int.
MAX_INT_DIGITS = 18


def _strict(loader: type[Any]) -> None:
    resolvers = {
        first: [(tag, regexp) for tag, regexp in entries if tag not in _STRICT_TAGS]
        for first, entries in loader.yaml_implicit_resolvers.items()
    }
    loader.yaml_implicit_resolvers = resolvers
    for tag, regexp, first in _STRICT_RESOLVERS:
        loader.add_implicit_resolver(tag, regexp, list(first))


_strict(_CatalogLoader)
_CatalogLoader.add_constructor("tag:yaml.org,2002:int", _CatalogLoader.construct_yaml_int)
_CatalogLoader.add_constructor("tag:yaml.org,2002:float", _CatalogLoader.construct_yaml_float)


def _line_column(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def parse_yaml_text(text: str | bytes, file: str) -> Any:
    """Parse one YAML document safely, raising CatalogError with the file and position."""
    if len(text) > MAX_FILE_BYTES:
        raise CatalogError([Problem(file, "", f"file is larger than {MAX_FILE_BYTES} bytes")])
    if isinstance(text, bytes):
        raw = text
        nul = raw.find(b"\x00")
        if nul >= 0:
            line_start = raw.rfind(b"\n", 0, nul) + 1
            column = len(raw[line_start:nul].decode("utf-8", "replace")) + 1
            line = raw.count(b"\n", 0, nul) + 1
            where = f"line {line}, column {column}"
            raise CatalogError([Problem(file, where, "not a text file (a NUL byte); expected UTF-8 YAML")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line_start = raw.rfind(b"\n", 0, exc.start) + 1
            column = len(raw[line_start : exc.start].decode("utf-8")) + 1  # all valid before the first error
            line = raw.count(b"\n", 0, exc.start) + 1
            where = f"line {line}, column {column}"
            message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); expected UTF-8 YAML"
            raise CatalogError([Problem(file, where, message)]) from None
    try:
        return yaml.load(text, Loader=_CatalogLoader)  # the safe (C) loader, subclassed above
    except _Refused as exc:
        raise CatalogError([Problem(file, _line_column(exc.mark), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _line_column(mark) if mark is not None else ""
        context = f" ({exc.context})" if exc.context else ""
        raise CatalogError([Problem(file, where, f"malformed YAML: {exc.problem}{context}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"not YAML text: control character U+{code:04X} is not allowed"
        raise CatalogError([Problem(file, f"line {line}, column {column}", message)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(file, "", f"malformed YAML: {exc}")]) from None


def load_service_text(text: str | bytes, file: str) -> ServiceCatalog:
    """Decode one service file's text; raise CatalogError listing every problem."""
    svc, problems = decode_service(parse_yaml_text(text, file), file)
    if svc is None:
        raise CatalogError(problems)
    return svc


_DUMP_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "sort_keys": False,
    "default_flow_style": False,
    "width": 1_000_000,
}


def _dump_scalar(value: str) -> str:
    text: str = yaml.dump(value, Dumper=_Dumper, **_DUMP_OPTIONS)
    return text


def _resolves(value: str) -> bool:
    """Whether PyYAML's resolver would read ``value``, written plain, as something other than a string."""
    implicit = _Dumper.yaml_implicit_resolvers
    return any(regexp.match(value) for _tag, regexp in (*implicit.get(value[0], ()), *implicit.get(None, ())))


_SCALARS = yamltext.ScalarText(_dump_scalar, _resolves)


def dump_document(doc: Any) -> str:
    """The deterministic YAML text of one document (as :func:`encode_service` makes them): written by
    :mod:`explorer.catalog.yamltext` when it can, else by PyYAML, to the same bytes."""
    text = yamltext.render(doc, _SCALARS)
    if text is None:  # a string over several lines, a shared list (anchors): PyYAML knows how
        text = str(yaml.dump(doc, Dumper=_Dumper, **_DUMP_OPTIONS))
    return text


def dump_service(svc: ServiceCatalog) -> str:
    """The deterministic YAML text of one service file."""
    return dump_document(encode_service(svc))
