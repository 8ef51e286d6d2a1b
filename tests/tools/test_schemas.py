"""The shipped JSON Schemas are exactly what ``python -m tools.schemas`` writes, and the package finds them."""

from __future__ import annotations

from explorer import api
from tools import schemas


def test_committed_schemas_are_up_to_date() -> None:
    for path, text in schemas.rendered().items():
        assert path.is_file(), f"{path} is missing: run python -m tools.schemas"
        assert path.read_text(encoding="utf-8") == text, f"{path} is out of date: run python -m tools.schemas"


def test_the_package_finds_the_generated_schemas() -> None:
    # other schemas may sit beside them, written by hand (test_json_goldens checks every schema is valid)
    assert set(schemas.schemas()) <= set(api.schema_names())
    assert api.schema_file("check").name == "check.schema.json" and api.schema_file("check").is_file()


def test_every_object_is_closed() -> None:
    def objects(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            here = [node] if node.get("type") == "object" else []
            return here + [o for v in node.values() for o in objects(v)]
        if isinstance(node, list):
            return [o for v in node for o in objects(v)]
        return []

    for name in schemas.schemas():
        for o in objects(api.output_schema(name)):
            assert o["additionalProperties"] is False, f"{name}: an open object: {sorted(o)}"
            assert set(o["required"]) <= set(o["properties"])  # type: ignore[arg-type]
