"""The import's fast paths give exactly what the plain ones give.

- ``explorer.catalog.yamltext`` writes a document's YAML as PyYAML's block style does, to the byte, or
  declines (and PyYAML writes it);
- the codec's quick decoding of a well-formed operation gives the Operation that the checked decoding
  gives, and declines everything the checked decoding would refuse.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from catalog_support import bundled_files, needs_bundled
from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.catalog import yamltext
from explorer.catalog.codec import _checked_operation, _Checker, _quick_operation
from explorer.catalog.yamlio import _DUMP_OPTIONS, _SCALARS, _Dumper, dump_document
from explorer.model import SourceDoc


def _plain(doc: Any) -> str:
    text: str = yaml.dump(doc, Dumper=_Dumper, **_DUMP_OPTIONS)
    return text


# Strings at the edges of PyYAML's choice between plain, single- and double-quoted: indicators first or
# inside, ": " and " #", words and numbers the resolver reads as other types, leading and trailing spaces,
# characters the emitter escapes, line breaks (left to PyYAML), non-ASCII text.
EDGES = [
    *("", " ", " a", "a ", "a: b", "a:b", "a:", "a :b", "a #b", "a#b", "#a", "- a", "-a", "-", "--- a", "---"),
    *("...", "... a", "? a", "?a", ":a", ": a", "yes", "No", "ON", "off", "y", "true", "False", "null", "Null"),
    *("~", "1", "-1", "+1", "0x1F", "0o17", "1_000", "1e3", ".5", ".inf", ".NaN", "2026-07-02", "2026-07-02 10:00:00"),
    *("<<", "=", "a\nb", "a\n", "\na", "a\tb", "\ta", "\ufeffa", "a\x85b", "a\u2028b", "a\x7fb", "a\xa0b", "é"),
    *("中文", "（中文）", "查询VPC列表（OpenStack原生）", "'a", '"a', "a'b", 'a"b', "@a", "`a", "%a", "!a", "&a"),
    *("*a", "|a", ">a", "{a}", "[a]", ",a", "a,b", "a]b", "a{b}", "GET /v2/{project_id}/servers", "$ref", "(a)"),
    *("_a", "/a", "a\\b", "\\", "ecs:servers:createImage", "ecs:*:get*", "*", "a  b", "a - b", "a -b", "\U0001f600"),
]
_alphabet = st.sampled_from(list(" :#-?'\"!&*|>{}[],%@`~=<.\t\n\\/_$()abcYyNn01239eé中\x85\ufeff\u2028\xa0"))
_strings = st.sampled_from(EDGES) | st.text(_alphabet, max_size=12)
_scalars = _strings | st.integers(-5, 10**20) | st.booleans() | st.none()
_documents = st.dictionaries(
    _strings,
    st.recursive(
        _scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_strings, inner, max_size=3),
        max_leaves=12,
    ),
    min_size=1,
    max_size=5,
)


@pytest.mark.parametrize("value", EDGES)
def test_each_edge_string_is_written_as_pyyaml_writes_it_as_a_key_a_value_and_an_item(value: str) -> None:
    doc = {"k": value, value or "empty": [value, {value or "e": value}], "l": [[value, value]]}
    assert dump_document(doc) == _plain(doc)


@settings(max_examples=400, deadline=None)
@given(_documents)
def test_any_plain_document_is_written_as_pyyaml_writes_it(doc: dict[str, Any]) -> None:
    assert dump_document(doc) == _plain(doc)


def test_what_the_writer_declines_pyyaml_writes() -> None:
    shared: list[str] = ["a"]
    assert yamltext.render({"a": shared, "b": shared}, _SCALARS) is None  # anchors and aliases
    assert yamltext.render({"a": "x\ny"}, _SCALARS) is None  # a break: the quoted form depends on the indent
    assert yamltext.render({"k" * 130: 1}, _SCALARS) is None  # a complex key ("? ")
    assert yamltext.render({"é" * 70: 1}, _SCALARS) is None  # 140 bytes in UTF-8: complex for libyaml too
    assert yamltext.render({"a": 1.5}, _SCALARS) is None  # a float: no catalog holds one
    assert yamltext.render({}, _SCALARS) is None
    for doc in ({"a": shared, "b": shared}, {"a": "x\ny"}, {"k" * 130: 1}, {"é" * 70: 1}, {"a": 1.5}):
        assert dump_document(doc) == _plain(doc)


@needs_bundled
def test_the_writer_writes_the_whole_bundled_catalog_itself_to_the_same_bytes() -> None:
    for path in bundled_files():
        text = path.read_text(encoding="utf-8")
        assert yamltext.render(yaml.load(text, Loader=yaml.CSafeLoader), _SCALARS) == text, path


# --- the codec's quick decoding


def _by_file(doc: dict[str, Any]) -> dict[str, SourceDoc]:
    return {s["file"]: SourceDoc(s["file"], s["edition"]) for s in doc["sources"]}


def _checked(raw: Any, by_file: dict[str, SourceDoc]) -> tuple[Any, list[str]]:
    c = _Checker("f.yaml")
    op = _checked_operation(c, raw, "operations[0]", by_file)
    return op, [p.message for p in c.problems]


@needs_bundled
def test_every_bundled_operation_is_decoded_quickly_to_what_the_checked_path_gives() -> None:
    count = 0
    for path in bundled_files():
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        by_file = _by_file(doc)
        for raw in doc["operations"]:
            quick = _quick_operation(raw, by_file)
            assert quick is not None and _checked(raw, by_file) == (quick, []), (path, raw["id"])
            count += 1
    assert count > 1000


_OP = {
    "id": "a1",
    "name": {"en": "Create", "zh": "创建"},
    "apis": ["POST /v1/{project_id}/x"],
    "actions": ["ecs:servers:create", {"action": "ecs:servers:get", "condition": "if a\tb"}],
    "dependencies": ["vpc:*:get*"],
    "scope": {
        "iam_project": True,
        "enterprise_project": None,
        "instance": False,
        "tag": None,
        "inferred": ["instance"],
    },
    "notes": ["a note\nover two lines"],
    "source": {"file": "f.rst", "table": 1, "row": 2},
}
_BY_FILE = {"f.rst": SourceDoc("f.rst", "otc-en")}
# Values the checked path refuses or treats specially, put in every place of the operation above.
_ODD: list[Any] = [None, True, 0, -1, 1.5, "", " ", "a\x00b", "a\nb", "ecs:*", "*:a:b", "ecs:a:b", "x", [], {}, ["x"]]


def _places(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _places(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _places(v, (*path, i))
    return out


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(_places(_OP)[1:]), st.sampled_from(_ODD) | st.sampled_from(["drop", "dup", "extra"]))
def test_a_damaged_operation_is_never_decoded_quickly_into_something_the_checked_path_refuses(
    where: tuple[Any, ...], odd: Any
) -> None:
    raw = copy.deepcopy(_OP)
    parent = raw
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if odd == "drop":
        del parent[last]
    elif odd == "dup" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[last]))
    elif odd == "extra" and isinstance(parent, dict):
        parent["unknown"] = 1
    else:
        parent[last] = odd
    quick = _quick_operation(raw, _BY_FILE)
    checked, problems = _checked(raw, _BY_FILE)
    if quick is not None:  # declining is always safe: the checked path then decides
        assert (quick, []) == (checked, problems)


def test_the_sample_operation_is_decoded_quickly_and_a_dangling_source_is_not() -> None:
    assert _quick_operation(_OP, _BY_FILE) == _checked(_OP, _BY_FILE)[0] is not None
    assert _quick_operation(_OP, {}) is None
    assert _checked(_OP, {})[1] == ["dangling reference: 'f.rst' is not listed under sources"]
