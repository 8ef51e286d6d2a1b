"""``python -m tools.schemas`` (``./run schemas``): write the JSON Schema of every output to explorer/schemas/.

The schemas are written from the building blocks below, so that a shape shared by several outputs
(a documentation row, an edge, a target) is defined once. ``--check`` writes nothing and exits 1
when a committed schema differs from what this module makes (the tests run the same comparison).
Every object is closed (``additionalProperties: false``): an output key that no schema documents
fails the tests, so the documentation (docs/json.md) and the schemas keep up with the code.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from explorer.jsonout import FORMAT_VERSION, dumps

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "explorer" / "schemas"

Schema = dict[str, Any]

STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
BOOL: Schema = {"type": "boolean"}
FLAG: Schema = {"type": ["boolean", "null"], "description": "true supported, false not supported, null not documented"}
COUNT: Schema = {"type": "integer", "minimum": 0}
DEPTH: Schema = {"type": ["integer", "null"], "minimum": 1, "description": "--depth, null for no limit"}


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


SCOPE_MARK = enum("supported", "not_supported", "mixed", "unknown")
EDGE_KIND = enum("checks", "depends", "matches")

DEFS: dict[str, Schema] = {
    "provenance": obj(
        {
            "file": {"type": "string", "description": "the documentation file, as the corpus names it"},
            "table": {"type": "integer", "minimum": 1, "description": "action table in the file, from 1"},
            "row": {"type": "integer", "minimum": 1, "description": "data row of the table, from 1"},
            "edition": STR,
        },
        "A documentation row: where a claim comes from.",
    ),
    "evidence": obj(
        {"operation": STR, "condition": {"type": ["string", "null"]}, "provenance": ref("provenance")},
        "One documentation row behind an edge, with the condition it writes (null: unconditional).",
    ),
    "edge": obj(
        {
            "source": STR,
            "target": STR,
            "kind": EDGE_KIND,
            "conditions": strings("empty when any row lists the dependency without a condition"),
            "evidence": array(ref("evidence")),
        },
        "An edge of the graph and the rows that justify it (none for a matches edge).",
    ),
    "no_action": obj(
        {
            "operation": STR,
            "operation_name": STR,
            "apis": strings(),
            "notes": strings("what the row's action cell said"),
            "provenance": ref("provenance"),
        },
        "An operation whose documentation row lists no action.",
    ),
    "target": obj(
        {
            "query": {"type": "string", "description": "the target as typed"},
            "kind": enum("action", "pattern", "operation"),
            "seeds": strings("the graph nodes the query starts from"),
            "actions": strings("the actions the target names"),
            "operations": strings("operation ids, for an API or operation target"),
            "resolved": BOOL,
            "note": {"type": "string", "description": "how the text was understood, or empty"},
            "node": STR,
            "without_actions": array(ref("no_action")),
        },
        "What a target string resolved to.",
    ),
    "pair_scope": obj(
        {
            "action": STR,
            "operation": STR,
            "operation_name": STR,
            "apis": strings(),
            "iam_project": FLAG,
            "enterprise_project": FLAG,
            "provenance": ref("provenance"),
        },
        "Scope of one (operation, action) pair, as that operation's row documents it.",
    ),
    "scope_counts": obj(
        {"supported": COUNT, "not_supported": COUNT, "not_documented": COUNT},
        "(operation, action) pairs by scope flag.",
    ),
}


def document(name: str, title: str, properties: dict[str, Schema], defs: tuple[str, ...] = ()) -> Schema:
    """A top-level output: ``format_version`` first, then ``properties``; ``defs`` are the building blocks it uses."""
    schema: Schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **obj({"format_version": {"const": FORMAT_VERSION}, **properties}),
    }
    if defs:
        schema["$defs"] = {d: DEFS[d] for d in sorted(_closure_of(defs))}
    return schema


def _closure_of(names: tuple[str, ...]) -> set[str]:
    """The building blocks ``names`` refer to, and those they refer to in turn."""
    found: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        found.add(name)
        text = dumps(DEFS[name])
        todo.extend(d for d in DEFS if f'"#/$defs/{d}"' in text)
    return found


def schemas() -> dict[str, Schema]:
    """Every output's schema by output name (the command; ``error`` for errors, ``export`` for export's JSON)."""
    cycles = array(strings(), "dependency cycles met, each sorted")
    self_loops = strings("actions that depend on themselves")
    return {
        "error": document(
            "error",
            "Any command's error under --json (exit status 2)",
            {
                "error": obj(
                    {
                        "message": {"type": "string", "minLength": 1},
                        "suggestions": strings("close matches of an unknown name"),
                        "problems": array(
                            obj({"file": STR, "location": STR, "message": STR}),
                            "every problem of a catalog that cannot be loaded",
                        ),
                    },
                    optional=("suggestions", "problems"),
                )
            },
        ),
        "search": document(
            "search",
            "permission-explorer search --json (exit status 1 when hits is empty)",
            {
                "cloud": STR,
                "query": STR,
                "limit": {"type": "integer", "minimum": 1},
                "hits": array(
                    obj(
                        {
                            "rank": {"type": "integer", "description": "0 exact, 1 prefix, 2 substring, 3 close"},
                            "kind": enum("action", "operation", "api"),
                            "key": {"type": "string", "description": "an action, or op:<id>"},
                            "text": {"type": "string", "description": "the text that matched"},
                            "label": STR,
                        }
                    ),
                    "best first",
                ),
            },
        ),
        "show": document(
            "show",
            "permission-explorer show --json",
            {
                "cloud": STR,
                "action": STR,
                "kind": enum("action", "pattern"),
                "service": STR,
                "resolved": {"type": "boolean", "description": "false: rows reference it, no table defines it"},
                "scope_mark": SCOPE_MARK,
                "operations": array(ref("pair_scope"), "the rows that check it"),
                "dependencies": array(ref("edge"), "what it needs"),
                "required_by": array(ref("edge"), "what needs it"),
            },
            ("pair_scope", "edge"),
        ),
        "dependents": document(
            "dependents",
            "permission-explorer dependents --json",
            {
                "cloud": STR,
                "action": STR,
                "max_depth": DEPTH,
                "truncated": {"type": "boolean", "description": "true when --depth cut off further dependents"},
                "dependents": array(
                    obj(
                        {
                            "node": {"type": "string", "description": "an action, a pattern or op:<id>"},
                            "kind": enum("action", "pattern", "operation"),
                            "depth": {"type": "integer", "minimum": 1},
                            "via": {"type": "string", "description": "the node one step closer to the action"},
                            "label": {"type": "string", "description": "operation name and API of an operation"},
                            "edge": ref("edge"),
                        }
                    )
                ),
                "cycles": cycles,
                "self_loops": self_loops,
            },
            ("edge",),
        ),
        "check": document(
            "check",
            "permission-explorer check --json (and its alias stats)",
            {
                "cloud": STR,
                "operations": COUNT,
                "actions": COUNT,
                "patterns": COUNT,
                "dependency_edges": COUNT,
                "services": array(
                    obj(
                        {
                            "service": STR,
                            "operations": COUNT,
                            "without_actions": {**COUNT, "description": "operations whose rows list no action"},
                            "actions": COUNT,
                            "dependencies": COUNT,
                            "unresolved": COUNT,
                            "enterprise_project": ref("scope_counts"),
                            "iam_project": ref("scope_counts"),
                        }
                    )
                ),
                "unresolved": array(obj({"action": STR, "referenced_by": array(ref("provenance"))})),
                "empty_patterns": strings("patterns that match no catalog action"),
                "cycles": cycles,
                "self_loops": self_loops,
                "disagreements": array(
                    obj(
                        {
                            "action": STR,
                            "field": enum("enterprise_project", "iam_project", "dependencies"),
                            "values": array(obj({"value": STR, "rows": array(ref("provenance"))})),
                        }
                    ),
                    "actions that rows document differently",
                ),
            },
            ("scope_counts", "provenance"),
        ),
        "validate": document(
            "validate",
            "permission-explorer validate --json (exit status 1 when ok is false)",
            {
                "ok": BOOL,
                "files": strings("the catalog files checked"),
                "services": COUNT,
                "operations": COUNT,
                "problems": array(obj({"file": STR, "location": STR, "message": STR})),
            },
        ),
        "export": document(
            "export",
            "permission-explorer export --format json: networkx node-link data (networkx.node_link_graph reads it)",
            {
                "directed": {"const": True},
                "multigraph": {"const": True},
                "graph": obj(
                    {
                        "title": STR,
                        "cloud": STR,
                        "source": {"type": "string", "description": "the catalog drawn from"},
                        "targets": strings(),
                        "notes": strings("what was cut or collapsed"),
                    }
                ),
                "nodes": array(
                    obj(
                        {
                            "id": STR,
                            "kind": enum("operation", "action", "pattern", "service"),
                            "label": STR,
                            "service": STR,
                            "depth": {"type": "integer", "minimum": 0},
                            "scope": SCOPE_MARK,
                            "resolved": BOOL,
                            "detail": STR,
                        }
                    )
                ),
                "edges": array(
                    obj(
                        {
                            "source": STR,
                            "target": STR,
                            "key": STR,
                            "kind": enum("checks", "depends", "matches", "collapsed"),
                            "inferred": BOOL,
                            "conditions": strings(),
                            "provenance": strings("edition:file#table:row"),
                        }
                    )
                ),
            },
        ),
    }


def rendered() -> dict[Path, str]:
    return {SCHEMAS / f"{name}.schema.json": dumps(schema) for name, schema in sorted(schemas().items())}


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = [path for path, text in rendered().items() if not path.is_file() or path.read_text("utf-8") != text]
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path.relative_to(ROOT)}", file=sys.stderr)
        if not check:
            _write_atomically(path, rendered()[path])
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
