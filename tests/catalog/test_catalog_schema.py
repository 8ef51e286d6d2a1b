"""The shipped JSON Schema: valid draft 2020-12, accepts good catalogs, rejects bad ones, agrees with the codec."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from catalog_support import BAD_FILES, GOOD_FILES, bundled_files, needs_bundled
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from explorer import api
from explorer.catalog import codec
from explorer.catalog.store import parse_yaml_text
from explorer.catalog.validate import catalog_schema, json_location, schema_problems
from explorer.errors import CatalogError
from explorer.model import EDITION_CLOUD, READABLE_SCHEMA_VERSIONS, SCHEMA_VERSION, SOURCE_STATUSES

SCHEMA = catalog_schema()
# What one JSON Schema cannot say: uniqueness of a field across list items and references between lists.
CROSS_ITEM = ("duplicate operation id", "duplicate operation:", "dangling reference", "duplicate source")
CODEC_ONLY_FIXTURES = {"duplicate_id", "duplicate_row", "dangling_source", "duplicate_source"}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema_shipped_in_the_package() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert api.schema_path().parent == Path(codec.__file__).parent
    assert api.schema_path().name == "catalog.schema.json"


def test_the_schema_names_the_same_keys_and_values_as_the_codec() -> None:
    defs = SCHEMA["$defs"]
    assert list(SCHEMA["properties"]) == list(codec.TOP_KEYS) == SCHEMA["required"]
    assert list(defs["source"]["properties"]) == list(codec.SOURCE_KEYS)
    assert list(defs["operation"]["properties"]) == list(codec.OPERATION_KEYS)
    assert list(defs["operation"]["properties"]["scope"]["properties"]) == list(codec.SCOPE_KEYS)
    assert list(defs["operation"]["properties"]["source"]["properties"]) == list(codec.ORIGIN_KEYS)
    assert SCHEMA["properties"]["schema_version"]["enum"] == list(READABLE_SCHEMA_VERSIONS)
    assert max(READABLE_SCHEMA_VERSIONS) == SCHEMA_VERSION
    assert defs["operation"]["properties"]["scope"]["properties"]["inferred"]["items"]["enum"] == list(
        codec.SCOPE_FLAGS
    )
    assert tuple(SCHEMA["properties"]["cloud"]["enum"]) == codec.CLOUDS
    assert tuple(defs["source"]["properties"]["edition"]["enum"]) == codec.EDITIONS
    # a format is checked by its form (the registry of formats lives in the importers, above the catalog)
    assert defs["source"]["properties"]["format"]["pattern"] == "^" + codec.SOURCE_FORMAT_RE.pattern + "(?![\\s\\S])"
    assert defs["source"]["properties"]["date"]["pattern"].startswith("^[0-9]{4}-")
    assert defs["source"]["properties"]["status"]["enum"] == list(SOURCE_STATUSES)
    per_cloud = {
        rule["if"]["properties"]["cloud"]["const"]: rule["then"]["properties"]["sources"]["items"]["properties"][
            "edition"
        ]["enum"]
        for rule in SCHEMA["allOf"]
    }
    assert per_cloud == {
        cloud: sorted(e for e, c in EDITION_CLOUD.items() if c == cloud) for cloud in set(EDITION_CLOUD.values())
    }


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_schema_accepts_the_good_fixtures(path: Path) -> None:
    assert schema_problems(_load(path), str(path)) == []


@needs_bundled
def test_the_schema_accepts_the_whole_bundled_catalog() -> None:
    problems = [p for path in bundled_files() for p in schema_problems(_load(path), str(path))]
    assert problems == []


def _parseable_bad() -> list[Path]:
    out = []
    for path in BAD_FILES:
        try:
            parse_yaml_text(path.read_bytes(), str(path))
        except CatalogError:
            continue
        out.append(path)
    return out


@pytest.mark.parametrize("path", _parseable_bad(), ids=lambda p: p.stem)
def test_the_schema_rejects_what_the_codec_rejects_at_the_same_place(path: Path) -> None:
    data = _load(path)
    _, codec_problems = codec.decode_service(data, str(path))
    found = schema_problems(data, str(path))
    assert codec_problems
    if path.stem in CODEC_ONLY_FIXTURES:
        assert found == []
        assert all(p.message.startswith(CROSS_ITEM) for p in codec_problems)
        return
    assert found
    where = found[0].location
    assert where == "(top level)" or codec_problems[0].location.startswith(where), (where, codec_problems)


def test_the_schema_rejects_a_trailing_newline_in_an_action_like_the_codec() -> None:
    (path,) = [p for p in GOOD_FILES if p.parent.name == "otc" and p.stem == "ecs"]
    data = _load(path)
    data["operations"][0]["actions"] = ["ecs:servers:createImage\n"]
    assert codec.decode_service(data, "x")[1]
    assert schema_problems(data, "x")


_VALUES = st.sampled_from(
    [
        None,
        True,
        0,
        1,
        -1,
        2,
        1.5,
        "",
        " ",
        "x",
        "en",
        "otc",
        "huaweicloud",
        "otc-en",
        "huaweicloud-zh",
        "rst-grid",
        "ecs:servers:get",
        "ecs:*:get*",
        "*:*:*",
        "ECS:servers:get",
        "ecs:servers",
        "efcbeed12e98e9eaa6bc560d312a843fefcbfa8f",
        [],
        {},
        ["ecs:servers:get"],
        [""],
        {"action": "ecs:servers:get"},
        {"action": "ecs:*:get*", "condition": "when asked"},
        {"action": "ecs:servers:get", "condition": ""},
        {"condition": "x"},
        {"en": "name"},
        {"file": "otc-en/ecs/image_management.rst", "table": 1, "row": 9},
    ]
)


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*here, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*here, i)))
    return out


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(GOOD_FILES), st.data())
def test_codec_and_schema_agree_on_mutated_catalogs(path: Path, data: st.DataObject) -> None:
    doc = _load(path)
    target = data.draw(st.sampled_from(_paths(doc)[1:]))
    action = data.draw(st.sampled_from(["replace", "delete", "add key"]))
    mutated = copy.deepcopy(doc)
    parent = mutated
    for step in target[:-1]:
        parent = parent[step]
    last = target[-1]
    if action == "replace":
        parent[last] = data.draw(_VALUES)
    elif action == "delete":
        del parent[last]
    elif isinstance(parent[last], dict):
        parent[last][data.draw(st.sampled_from(["extra", "note", "en", "zh-CN"]))] = data.draw(_VALUES)
    _, codec_problems = codec.decode_service(mutated, "x")
    assume(not any(p.message.startswith(CROSS_ITEM) for p in codec_problems))
    schema_found = schema_problems(mutated, "x")
    assert bool(codec_problems) == bool(schema_found), (target, action, codec_problems, schema_found)


@pytest.mark.parametrize("path", GOOD_FILES + _parseable_bad(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_shipped_schema_and_the_inlined_one_validate_alike(path: Path) -> None:
    # validate runs an equivalent schema with its $refs inlined, for speed; editors read the file as shipped.
    data = _load(path)
    shipped = sorted(
        (json_location(e.absolute_path), f"schema: {e.message}") for e in Draft202012Validator(SCHEMA).iter_errors(data)
    )
    assert shipped == [(p.location, p.message) for p in schema_problems(data, "x")]
