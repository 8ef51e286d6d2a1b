"""The building blocks of the JSON Schemas (draft 2020-12) of every output, and the key reference made from them.

Each output declares its schema next to the code that writes it (``explorer/graph/wire/``, ...), from
these blocks; ``explorer.schemas.build`` collects the declarations and writes ``explorer/schemas/*.json``.
Every object made with :func:`obj` is closed (``additionalProperties: false``): an output key that no
schema documents fails the tests, so the schemas keep up with the code.
"""

from __future__ import annotations

from typing import Any

from explorer.jsonout import FORMAT_VERSION, dumps

Schema = dict[str, Any]

STR: Schema = {"type": "string"}
BOOL: Schema = {"type": "boolean"}
FLAG: Schema = {"type": ["boolean", "null"], "description": "true supported, false not supported, null not documented"}
COUNT: Schema = {"type": "integer", "minimum": 0}
DEPTH: Schema = {"type": ["integer", "null"], "minimum": 1, "description": "--depth, null for no limit"}
VERSION: Schema = {
    "const": FORMAT_VERSION,
    "description": "raised only when a documented key is removed or changes meaning",
}


def strings(description: str = "") -> Schema:
    return {"type": "array", "items": STR, **({"description": description} if description else {})}


def array(items: Schema, description: str = "") -> Schema:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


def enum(*values: str) -> Schema:
    return {"enum": list(values)}


def obj(properties: dict[str, Schema], description: str = "", optional: tuple[str, ...] = ()) -> Schema:
    """A closed object: every property is required unless named in ``optional``."""
    schema: Schema = {"type": "object"}
    if description:
        schema["description"] = description
    schema["properties"] = properties
    schema["required"] = [k for k in properties if k not in optional]
    schema["additionalProperties"] = False
    return schema


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def said(schema: Schema, description: str) -> Schema:
    """``schema`` with a description (for the reference of docs/json.md)."""
    return {**schema, "description": description}


CLOUD = said(STR, "the cloud whose catalog answered: huaweicloud or otc")
SCOPE_MARK = said(
    enum("supported", "not_supported", "mixed", "unknown"),
    "enterprise-project support over the rows that check it: all yes, all no, rows disagree, not documented",
)


def document(title: str, properties: dict[str, Schema], defs: dict[str, Schema] | None = None) -> Schema:
    """A top-level output: ``format_version`` first, then ``properties``; ``defs`` are the building blocks
    that may be referred to (only those the schema uses, directly or not, are kept)."""
    schema: Schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **obj({"format_version": VERSION, **properties}),
    }
    if defs:
        used = _used(dumps(properties), defs)
        if used:
            schema["$defs"] = {d: defs[d] for d in sorted(used)}
    return schema


def _used(text: str, defs: dict[str, Schema]) -> set[str]:
    """The building blocks ``text`` refers to, and those they refer to in turn."""
    found: set[str] = set()
    todo = [d for d in defs if f'"#/$defs/{d}"' in text]
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        inner = dumps(defs[name])
        todo.extend(d for d in defs if f'"#/$defs/{d}"' in inner)
    return found


def _type(schema: Schema) -> str:
    """A short type text for the reference tables: ``string``, ``integer or null``, ``one of a, b``, ``[edge]``."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return f"[`{name}`](#{name})"
    if "const" in schema:
        return f"`{dumps(schema['const']).strip()}`"
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema['items'])}"
    if isinstance(kind, list):
        return " or ".join(kind)
    return str(kind)


def _rows(schema: Schema, prefix: str = "") -> list[tuple[str, str, str]]:
    """(key path, type, description) of every property, nested inline objects flattened as ``a.b`` / ``a[].b``."""
    rows: list[tuple[str, str, str]] = []
    required = set(schema.get("required", ()))
    for key, sub in schema.get("properties", {}).items():
        path = f"{prefix}{key}"
        item = sub.get("items", {}) if sub.get("type") == "array" else sub
        inline = item.get("type") == "object" and "properties" in item
        described = sub.get("description", "") + ("" if key in required else " (only when there is something to say)")
        kind = ("list of objects" if sub.get("type") == "array" else "object") if inline else _type(sub)
        rows.append((f"`{path}`", kind, described.strip()))
        if inline:
            rows += _rows(item, f"{path}[]." if sub.get("type") == "array" else f"{path}.")
    return rows


def table(schema: Schema) -> list[str]:
    """The key-by-key reference table of one schema (Markdown lines)."""
    lines = ["| key | type | meaning |", "| --- | --- | --- |"]
    lines += [f"| {k} | {t} | {d} |" for k, t, d in _rows(schema)]
    return lines
