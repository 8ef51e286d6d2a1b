"""``python -m explorer.schemas.build``: write the JSON Schema of every output (``explorer/schemas/``) and, in a
checkout, the key-by-key reference of ``docs/json.md``.

Every schema is declared in Python beside the serializer it describes; this module only collects the
declarations. ``--check`` writes nothing and exits 1 when a shipped schema differs from its declaration
(``tests/schemas/test_schemas.py`` runs the same comparison).
"""

from __future__ import annotations

import sys
from pathlib import Path

from explorer.jsonout import dumps
from explorer.jsonshape import Schema, table
from explorer.schemas import SUFFIX

SCHEMAS = Path(__file__).resolve().parent
ROOT = SCHEMAS.parents[1]  # the checkout, when the package is run from one
JSON_DOC = ROOT / "docs" / "json.md"
MARKERS = (
    "<!-- generated: json reference (python -m explorer.schemas.build) -->",
    "<!-- /generated: json reference -->",
)


def closed_schemas() -> dict[str, Schema]:
    """The outputs whose every object is closed (``additionalProperties: false``), described key by key in
    docs/json.md: the graph's answers, export, validate and the error document."""
    from explorer.graph import wire
    from explorer.render import json_graph
    from explorer.schemas import documents
    from explorer.schemas.terraform import terraform_schema

    return {
        "error": documents.error_schema(),
        **wire.schemas(),
        "validate": documents.validate_schema(),
        "export": json_graph.schema(),
        "terraform": terraform_schema(),
        "explain": documents.explain_schema(),
    }


def schemas() -> dict[str, Schema]:
    """Every output's schema by output name (the command; ``error`` for errors, ``export`` for export's JSON,
    ``policy-lint`` for ``policy lint``)."""
    from explorer.diff.schema import diff_schema
    from explorer.policy.schema import generate_schema, lint_schema

    return {
        **closed_schemas(),
        "diff": diff_schema(),
        "policy-lint": lint_schema(),
        "policy-generate": generate_schema(),
    }


def building_blocks() -> dict[str, Schema]:
    from explorer.graph import wire

    return wire.DEFS


def reference() -> str:
    """The key-by-key reference of docs/json.md, made from the schemas (so the two cannot disagree)."""
    lines: list[str] = []
    for name, schema in sorted(closed_schemas().items()):
        lines += [f"### {name}", "", schema["title"] + f" (`explorer/schemas/{name}{SUFFIX}`).", ""]
        lines += [*table(schema), ""]
    lines += ["### Building blocks", "", "Objects that several outputs share.", ""]
    for name, schema in sorted(building_blocks().items()):
        lines += [f"#### {name}", "", schema.get("description", ""), "", *table(schema), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def with_reference(page: str) -> str:
    """``page`` with the text between the reference markers replaced by :func:`reference`."""
    start, end = MARKERS
    if page.count(start) != 1 or page.count(end) != 1:
        raise SystemExit(f"{JSON_DOC}: expected one pair of markers {start} ... {end}")
    head, rest = page.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{reference()}{end}{tail}"


def rendered() -> dict[Path, str]:
    """Every generated file and its text: the schemas, and docs/json.md when this is a checkout."""
    files = {SCHEMAS / f"{name}{SUFFIX}": dumps(schema) for name, schema in sorted(schemas().items())}
    if JSON_DOC.is_file():
        files[JSON_DOC] = with_reference(JSON_DOC.read_text("utf-8"))
    return files


def main(argv: list[str]) -> int:
    from explorer.fileio import write_text_atomic

    check = "--check" in argv
    files = rendered()
    stale = [path for path, text in files.items() if not path.is_file() or path.read_text("utf-8") != text]
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path}", file=sys.stderr)
        if not check:
            write_text_atomic(path, files[path])
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
