"""The shipped JSON Schemas are exactly what their declarations in the package make, and the package finds them."""

from __future__ import annotations

import json

from explorer import api
from explorer.policy.rules import CODES
from explorer.schemas import build


def test_committed_schemas_are_up_to_date() -> None:
    for path, text in build.rendered().items():
        assert path.is_file(), f"{path} is missing: run python -m explorer.schemas.build"
        assert path.read_text(encoding="utf-8") == text, f"{path} is out of date: run python -m explorer.schemas.build"


def test_every_shipped_schema_is_generated() -> None:
    # none is written by hand: every file of explorer/schemas/ has a declaration
    assert set(build.schemas()) == set(api.schema_names())
    assert api.schema_file("check").name == "check.schema.json" and api.schema_file("check").is_file()


def test_check_mode_reports_nothing_on_a_clean_checkout() -> None:
    assert build.main(["--check"]) == 0


def test_the_lint_schema_lists_the_codes_of_the_codes_table() -> None:
    schema = json.loads(api.schema_file("policy-lint").read_text(encoding="utf-8"))
    assert schema["$defs"]["finding"]["properties"]["code"]["enum"] == list(CODES)


def test_every_object_of_the_closed_outputs_is_closed() -> None:
    def objects(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            here = [node] if node.get("type") == "object" else []
            return here + [o for v in node.values() for o in objects(v)]
        if isinstance(node, list):
            return [o for v in node for o in objects(v)]
        return []

    for name in build.closed_schemas():
        for o in objects(api.output_schema(name)):
            assert o["additionalProperties"] is False, f"{name}: an open object: {sorted(o)}"
            assert set(o["required"]) <= set(o["properties"])  # type: ignore[arg-type]
