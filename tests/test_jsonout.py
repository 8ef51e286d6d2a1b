"""The JSON serializer: orjson's text is the standard library's ``indent=2`` text byte for byte, and what orjson
would write differently or refuse takes the standard library's way (written, or refused, as before)."""

from __future__ import annotations

import json
import math
from enum import Enum
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer import jsonout


def reference(data: Any) -> str:
    """What ``dumps`` wrote before orjson: the standard library's text, lone surrogates escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return jsonout._SURROGATE.sub(jsonout._escape, text)


def _recursive(leaves: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.lists(inner, max_size=3).map(tuple)
            | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        ),
        max_leaves=25,
    )


PLAIN = _recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=12)  # control characters, U+2028, quotes
)
ANY = _recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)  # lone surrogates too
)


@given(PLAIN)
def test_orjson_writes_plain_data_as_the_standard_library_does(data: Any) -> None:
    assert jsonout._plain(data)
    assert jsonout.dumps(data) == reference(data)


@given(ANY)
def test_any_json_data_is_written_as_before(data: Any) -> None:
    assert jsonout.dumps(data) == reference(data)


def test_the_fast_path_serves_a_large_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"action": f"ecs:servers:get{i}", "depth": i, "ok": i % 2 == 0, "via": None} for i in range(50)]
    data = {"format_version": 1, "rows": rows}
    calls: list[object] = []
    real = json.dumps

    def spy(*args: Any, **kwargs: Any) -> str:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(json, "dumps", spy)
    text = jsonout.dumps(data)
    assert calls == []  # orjson wrote it
    assert text == reference(data) and text.startswith('{\n  "format_version": 1,\n  "rows": [\n    {\n')


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"score": 1e16, "small": 1e-05}, '{\n  "score": 1e+16,\n  "small": 1e-05\n}\n'),  # orjson: 1e16, 1e-5
        ({1: "a", None: "b"}, '{\n  "1": "a",\n  "null": "b"\n}\n'),  # orjson refuses non-string keys
        ([2**64, -(2**63) - 1], "[\n  18446744073709551616,\n  -9223372036854775809\n]\n"),  # beyond 64 bits
        ({"text": "a\ud800b"}, '{\n  "text": "a\\ud800b"\n}\n'),  # a lone surrogate, escaped
    ],
)
def test_what_orjson_would_change_or_refuse_is_written_as_before(data: Any, text: str) -> None:
    assert jsonout.dumps(data) == text


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_nan_and_infinity_are_still_refused(value: float) -> None:
    assert orjson.dumps([value]) == b"[null]"  # what orjson alone would have written
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        jsonout.dumps({"a": [value]})


def test_a_reference_cycle_is_still_refused_and_does_not_loop() -> None:
    doubled: dict[str, Any] = {}
    doubled["a"] = doubled["b"] = doubled  # each level twice as many items as the last
    cycle: list[Any] = []
    cycle.append(cycle)
    for data in (doubled, cycle):
        assert not jsonout._plain(data)
        with pytest.raises(ValueError, match="Circular reference detected"):
            jsonout.dumps(data)


def test_nesting_orjson_refuses_is_written_by_the_standard_library() -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(300):
        inner.append([])
        inner = inner[0]
    with pytest.raises(orjson.JSONEncodeError):
        orjson.dumps(deep)
    assert jsonout.dumps(deep) == reference(deep)


class Colour(Enum):
    RED = "red"


def test_what_json_refuses_is_still_refused() -> None:
    assert orjson.dumps(Colour.RED) == b'"red"'  # orjson would have written it
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsonout.dumps({"colour": Colour.RED})
