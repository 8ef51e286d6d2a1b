"""``python -m tools.schemas``: write the JSON Schema of every output (explorer/schemas/) and docs/json.md's reference.

The schemas are written from the building blocks below, so that a shape shared by several outputs
(a documentation row, an edge, a target) is defined once. ``--check`` writes nothing and exits 1
when a committed schema differs from what this module makes (the tests run the same comparison).
Every object is closed (``additionalProperties: false``): an output key that no schema documents
fails the tests, so the schemas keep up with the code; the key-by-key reference of docs/json.md is made
from the same definitions, so the documentation cannot disagree with them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from explorer import api
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


FINDING: Schema = {
    "type": "object",
    "properties": {
        "file": STR,
        "location": {
            "type": "string",
            "description": "where in the file, e.g. operations[3].scope.tag; empty for the file",
        },
        "message": {"type": "string", "description": "what is wrong and what was expected"},
    },
    "required": ["file", "location", "message"],
    "additionalProperties": False,
}


def ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def said(schema: Schema, description: str) -> Schema:
    """``schema`` with a description (for the reference of docs/json.md)."""
    return {**schema, "description": description}


CLOUD = said(STR, "the cloud whose catalog answered: huaweicloud or otc")


VERSION: Schema = {
    "const": FORMAT_VERSION,
    "description": "raised only when a documented key is removed or changes meaning",
}
BASIS = said(
    enum("target", "documented", "certain", "possible"),
    "target; documented by the target's own rows; certain: every row that checks via lists it; "
    "possible: only some do (only with --possible)",
)
SCOPE_MARK = said(
    enum("supported", "not_supported", "mixed", "unknown"),
    "enterprise-project support over the rows that check it: all yes, all no, rows disagree, not documented",
)
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
    "suspicious_row": obj(
        {
            "operation": STR,
            "operation_name": STR,
            "apis": strings("the row's APIs"),
            "actions": strings("what the row checks"),
            "dependency": said(STR, "the dependency the row lists"),
            "kind": said(
                enum("read_needs_write", "delete_needs_create"),
                "read_needs_write: a read-only row needs a writing action; delete_needs_create: a deleting row "
                "needs a creating action (docs/graph.md)",
            ),
            "against": said(STR, "the row's action (or API) the dependency contradicts"),
            "reason": said(STR, "one line saying so"),
            "provenance": ref("provenance"),
        },
        "A documentation row whose dependency contradicts what the row does: a likely copy error.",
    ),
    "documentation": obj(
        {
            "services": array(
                obj({"service": STR, "date": {"type": ["string", "null"], "description": "YYYY-MM-DD; null: undated"}}),
                "the date of the tables of each covered service the answer names, by service",
            ),
            "deleted_rows": array(
                obj(
                    {
                        "file": STR,
                        "table": {"type": "integer", "minimum": 1},
                        "row": {"type": "integer", "minimum": 1},
                        "edition": STR,
                        "date": {"type": ["string", "null"]},
                    }
                ),
                "the rows the answer rests on that come from pages deleted since (older documentation)",
            ),
        },
        "How old the documentation behind an answer is.",
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
            "without_actions": array(ref("no_action"), "rows of an API or operation target that list no action"),
            "label": said(STR, "the target as the catalog spells it: the action, or the operation's name and API"),
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
            "inferred": said(
                {"type": "array", "items": {"enum": ["iam_project", "enterprise_project"]}},
                "the flags the importer read from the row's prose, not from its flag columns",
            ),
            "provenance": ref("provenance"),
        },
        "Scope of one (operation, action) pair, as that operation's row documents it.",
    ),
    "requirement": obj(
        {
            "action": said(STR, "the action, or the pattern as the documentation writes it"),
            "depth": {"type": "integer", "minimum": 0, "description": "0 a target, 1 documented, more below"},
            "kind": enum("action", "pattern"),
            "basis": BASIS,
            "documented": said(BOOL, "true for the target and what the target's own rows list"),
            "via": said(STR, "the node that first required it (breadth-first, ties by name)"),
            "via_label": said(STR, "the operation's name when via is an operation"),
            "reason": said(STR, "one line saying why it is required, with its first row"),
            "conditions": strings("the conditions the rows write on the edge from via; empty: unconditional"),
            "provenance": array(ref("provenance"), "the documentation rows behind the claim"),
            "rows": array(ref("evidence"), "for a possible requirement: every row that lists it"),
            "apis": strings("for a possible requirement: the APIs whose rows list it"),
            "of_rows": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "for a possible requirement: how many rows check via (null otherwise)",
            },
            "broad": said(BOOL, "a wildcard: it grants every action it matches"),
            "destructive": said(BOOL, "deletes, removes, detaches..."),
            "suspicious": said(BOOL, "some row behind it contradicts it (a likely copy error): see suspicious_rows"),
            "suspicious_rows": array(ref("suspicious_row"), "the rows behind it whose listing contradicts them"),
            "outdated": said(BOOL, "every row behind it comes from a page deleted since: older documentation"),
            "matches": {
                "type": ["integer", "null"],
                "minimum": 0,
                "description": "for a pattern: how many catalog actions it matches (null for an action)",
            },
            "resolved": said(BOOL, "false: rows reference it, no table defines it"),
            "scope_mark": SCOPE_MARK,
            "scope": array(ref("pair_scope"), "its (operation, action) pairs"),
        },
        "One action (or documented pattern) a closure requires.",
    ),
    "action_scope": obj(
        {
            "action": STR,
            "depth": {"type": "integer", "minimum": 0},
            "basis": BASIS,
            "mark": SCOPE_MARK,
            "placement": said(enum("enterprise_project", "iam_project", "check"), "where to grant it"),
            "reason": said(STR, "why it can or cannot go to an enterprise-project policy"),
            "works_for": strings("APIs whose rows say it works on an enterprise project"),
            "fails_for": strings("APIs whose rows say it does not"),
            "unknown_for": strings("APIs whose rows do not say"),
            "pairs": array(ref("pair_scope")),
        },
        "An action of a closure with its (operation, action) pairs and their summary.",
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
        **obj({"format_version": VERSION, **properties}),
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
        "closure": document(
            "closure",
            "permission-explorer closure --json: what a policy must allow for the targets",
            {
                "cloud": CLOUD,
                "targets": array(ref("target"), "the targets as given, each with what it resolved to"),
                "max_depth": DEPTH,
                "excluded_conditions": strings('--exclude-condition texts; ["*"] for --no-conditional'),
                "truncated": said(BOOL, "true when --depth cut off further requirements"),
                "possible": said(BOOL, "--possible: possible requirements are listed too"),
                "counts": obj(
                    {"target": COUNT, "documented": COUNT, "certain": COUNT, "possible": COUNT},
                    "requirements by basis",
                ),
                "summary": said(STR, "the sentence every face prints about the answer's size"),
                "requirements": array(ref("requirement"), "one per required action or pattern, by depth then name"),
                "cycles": cycles,
                "self_loops": self_loops,
                "documentation": ref("documentation"),
            },
            ("target", "requirement", "documentation"),
        ),
        "why": document(
            "why",
            "permission-explorer why --json (exit status 1 when paths is empty: the action is not required)",
            {
                "cloud": CLOUD,
                "action": said(STR, "the action asked about"),
                "basis": {
                    "enum": ["target", "documented", "certain", "possible", None],
                    "description": "the action's basis in the answer; null when it is not required",
                },
                "target": said(ref("target"), "the --from target"),
                "truncated": said(BOOL, "true when more shortest paths exist than are listed"),
                "paths": array(array(ref("edge")), "the shortest paths from the target to the action, edge by edge"),
            },
            ("target", "edge"),
        ),
        "scope": document(
            "scope",
            "permission-explorer scope --json: can the targets be granted through an enterprise project",
            {
                "cloud": CLOUD,
                "targets": array(ref("target")),
                "verdict": said(
                    enum("grantable", "not_grantable", "depends"),
                    "grantable: every action works on an enterprise project; not_grantable: some action works "
                    "there for no documented row; depends: some work for some APIs only (see plan.check)",
                ),
                "enterprise_project_grantable": {
                    "type": ["boolean", "null"],
                    "description": "the verdict as a flag: true grantable, false not_grantable, null depends",
                },
                "headline": said(STR, "the verdict in one sentence"),
                "nothing_to_grant": said(BOOL, "true when the targets' rows list no action and no dependency"),
                "possible": said(BOOL, "--possible: possible requirements are judged too"),
                "blockers": strings("the actions that keep the grant off an enterprise project"),
                "blocker_details": array(ref("action_scope"), "each blocker with its mark, reason and pairs"),
                "plan": obj(
                    {
                        "enterprise_project": strings("actions that may go to an enterprise-project policy"),
                        "iam_project": strings("actions that must be granted on an IAM project"),
                        "check": array(
                            obj(
                                {
                                    "action": STR,
                                    "works_for": strings("APIs whose rows say it works on an enterprise project"),
                                    "fails_for": strings("APIs whose rows say it does not"),
                                    "unknown_for": strings("APIs whose rows do not say"),
                                }
                            ),
                            "actions whose placement depends on the API called",
                        ),
                    },
                    "the grant plan",
                ),
                "max_depth": DEPTH,
                "excluded_conditions": strings('--exclude-condition texts; ["*"] for --no-conditional'),
                "actions": array(ref("action_scope"), "every action of the closure with its pairs"),
            },
            ("target", "action_scope"),
        ),
        "search": document(
            "search",
            "permission-explorer search --json (exit status 1 when hits is empty)",
            {
                "cloud": CLOUD,
                "query": said(STR, "the text searched for"),
                "limit": {"type": "integer", "minimum": 1, "description": "--limit: at most this many hits"},
                "hits": array(
                    obj(
                        {
                            "rank": {"type": "integer", "description": "0 exact, 1 prefix, 2 substring, 3 close"},
                            "kind": enum("action", "operation", "api"),
                            "key": {"type": "string", "description": "an action, or op:<id>"},
                            "text": {"type": "string", "description": "the text that matched"},
                            "label": said(STR, "what the key is: an operation's API, an action's service"),
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
                "cloud": CLOUD,
                "action": said(STR, "the action or pattern, as the catalog writes it"),
                "kind": enum("action", "pattern"),
                "service": STR,
                "resolved": {"type": "boolean", "description": "false: rows reference it, no table defines it"},
                "scope_mark": SCOPE_MARK,
                "operations": array(ref("pair_scope"), "the rows that check it"),
                "dependencies": array(ref("edge"), "what it needs"),
                "required_by": array(ref("edge"), "what needs it"),
                "documentation": ref("documentation"),
                "outdated": said(BOOL, "every row that checks it comes from a page deleted since"),
            },
            ("pair_scope", "edge", "documentation"),
        ),
        "dependents": document(
            "dependents",
            "permission-explorer dependents --json",
            {
                "cloud": CLOUD,
                "action": said(STR, "the action asked about"),
                "max_depth": DEPTH,
                "truncated": {"type": "boolean", "description": "true when --depth cut off further dependents"},
                "dependents": array(
                    obj(
                        {
                            "node": {"type": "string", "description": "an action, a pattern or op:<id>"},
                            "kind": enum("action", "pattern", "operation"),
                            "depth": {"type": "integer", "minimum": 1, "description": "1: needs it directly"},
                            "via": {"type": "string", "description": "the node one step closer to the action"},
                            "label": {"type": "string", "description": "operation name and API of an operation"},
                            "edge": said(ref("edge"), "the edge from this node towards the action, with its rows"),
                        }
                    ),
                    "everything whose closure contains the action, by depth then name",
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
                "cloud": CLOUD,
                "operations": said(COUNT, "operations (documentation rows) in the catalog of this cloud"),
                "actions": said(COUNT, "distinct actions, defined or referenced"),
                "patterns": said(COUNT, "distinct wildcard patterns the rows list as dependencies"),
                "dependency_edges": said(COUNT, "depends edges of the graph"),
                "services": array(
                    obj(
                        {
                            "service": STR,
                            "operations": said(COUNT, "operations of the service's rows"),
                            "without_actions": {**COUNT, "description": "operations whose rows list no action"},
                            "actions": said(COUNT, "distinct actions its rows check"),
                            "dependencies": said(COUNT, "distinct (action, dependency) pairs its rows document"),
                            "unresolved": said(COUNT, "distinct actions its rows depend on that no table defines"),
                            "enterprise_project": said(ref("scope_counts"), "pairs by enterprise-project flag"),
                            "iam_project": said(ref("scope_counts"), "pairs by IAM-project flag"),
                        }
                    )
                ),
                "unresolved": array(
                    obj({"action": STR, "referenced_by": array(ref("provenance"), "the rows that reference it")}),
                    "actions some row references and no table defines",
                ),
                "empty_patterns": strings("patterns that match no catalog action"),
                "cycles": cycles,
                "self_loops": self_loops,
                "disagreements": array(
                    obj(
                        {
                            "action": STR,
                            "field": enum("enterprise_project", "iam_project", "dependencies"),
                            "values": array(
                                obj({"value": said(STR, "the value as text"), "rows": array(ref("provenance"))}),
                                "each distinct value with the rows that write it",
                            ),
                        }
                    ),
                    "actions that rows document differently",
                ),
                "suspicious": array(ref("suspicious_row"), "dependencies that contradict their row (copy errors)"),
            },
            ("scope_counts", "provenance", "suspicious_row"),
        ),
        "validate": document(
            "validate",
            "permission-explorer validate --json (exit status 1 when ok is false)",
            {
                "ok": said(BOOL, "true when no problem was found (exit status 0)"),
                "files": strings("the catalog files checked"),
                "services": said(COUNT, "services defined by the files"),
                "operations": said(COUNT, "operations defined by the files"),
                "problems": array(FINDING, "every problem found"),
                "warnings": array(FINDING, "signs of damage the documentation itself carries (not failing)"),
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
                        "cloud": CLOUD,
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
                            "basis": said(
                                enum("", "target", "documented", "certain", "possible"),
                                "the requirement's basis; empty for nodes that are no requirement",
                            ),
                            "flags": said(STR, "comma-separated: broad, destructive, suspicious, outdated, or empty"),
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
                            "inferred": said(BOOL, "beyond depth 1: not documented for the row asked about"),
                            "possible": said(BOOL, "only some rows of the source list the target"),
                            "conditions": strings(),
                            "provenance": strings("edition:file#table:row"),
                        }
                    )
                ),
            },
        ),
    }


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


def _table(schema: Schema) -> list[str]:
    lines = ["| key | type | meaning |", "| --- | --- | --- |"]
    lines += [f"| {k} | {t} | {d} |" for k, t, d in _rows(schema)]
    return lines


def reference() -> str:
    """The key-by-key reference of docs/json.md, made from the schemas (so the two cannot disagree)."""
    lines: list[str] = []
    for name, schema in sorted(schemas().items()):
        lines += [f"### {name}", "", schema["title"] + f" (`explorer/schemas/{name}.schema.json`).", ""]
        lines += [*_table(schema), ""]
    lines += ["### Building blocks", "", "Objects that several outputs share.", ""]
    for name, schema in sorted(DEFS.items()):
        lines += [f"#### {name}", "", schema.get("description", ""), "", *_table(schema), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


MARKERS = ("<!-- generated: json reference (python -m tools.schemas) -->", "<!-- /generated: json reference -->")
JSON_DOC = ROOT / "docs" / "json.md"


def with_reference(page: str) -> str:
    """``page`` with the text between the reference markers replaced by :func:`reference`."""
    start, end = MARKERS
    if page.count(start) != 1 or page.count(end) != 1:
        raise SystemExit(f"{JSON_DOC}: expected one pair of markers {start} ... {end}")
    head, rest = page.split(start)
    _, tail = rest.split(end)
    return f"{head}{start}\n{reference()}{end}{tail}"


def rendered() -> dict[Path, str]:
    files = {SCHEMAS / f"{name}.schema.json": dumps(schema) for name, schema in sorted(schemas().items())}
    files[JSON_DOC] = with_reference(JSON_DOC.read_text("utf-8"))
    return files


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = [path for path, text in rendered().items() if not path.is_file() or path.read_text("utf-8") != text]
    for path in stale:
        print(f"{'out of date' if check else 'wrote'}: {path.relative_to(ROOT)}", file=sys.stderr)
        if not check:
            api.write_output(path, rendered()[path].encode("utf-8"))
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
