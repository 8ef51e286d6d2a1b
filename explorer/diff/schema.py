"""The JSON Schema of ``diff --json``: what the ``to_dict`` of the records of :mod:`explorer.diff.result` must
satisfy (``explorer.schemas.build`` writes it to ``explorer/schemas/diff.schema.json``)."""

from __future__ import annotations

from explorer.diff.result import KINDS
from explorer.jsonout import FORMAT_VERSION
from explorer.jsonshape import Schema


def diff_schema() -> Schema:
    """``diff.schema.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/permission-explorer/permission-explorer/explorer/schemas/diff.schema.json",
        "title": "permission-explorer diff --json",
        "description": "What changed between two catalogs, documentation corpora or editions: every change with the "
        "documentation rows behind it, the actions added to or removed from the catalog, and the "
        "actions whose default requirements changed. An error is {format_version, error: {message}}.",
        "oneOf": [{"$ref": "#/$defs/diff"}, {"$ref": "#/$defs/error"}],
        "$defs": {
            # the change kinds in report order, from the one list the diff itself uses
            "kind": {"enum": list(KINDS)},
            "side": {
                "type": "object",
                "required": ["label", "clouds", "operations"],
                "additionalProperties": False,
                "properties": {
                    "label": {"type": "string"},
                    "clouds": {"type": "array", "items": {"type": "string"}},
                    "operations": {"type": "integer", "minimum": 0},
                    "notes": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "What importing a corpus side left out.",
                    },
                },
            },
            "row": {
                "type": "object",
                "description": "A documentation row: corpus file, table and data row (1-based), with the "
                "document's origin.",
                "required": ["side", "file", "table", "row", "edition", "repo", "commit", "path"],
                "additionalProperties": False,
                "properties": {
                    "side": {"enum": ["old", "new"]},
                    "file": {"type": "string"},
                    "table": {"type": "integer"},
                    "row": {"type": "integer"},
                    "edition": {"type": "string"},
                    "repo": {"type": "string"},
                    "commit": {"type": "string"},
                    "path": {"type": "string"},
                },
            },
            "change": {
                "type": "object",
                "required": ["kind", "cloud", "service", "api", "old", "new", "suspicious", "evidence"],
                "properties": {
                    "kind": {"$ref": "#/$defs/kind"},
                    "cloud": {
                        "type": "string",
                        "description": "The cloud, or old->new when two clouds or editions of two clouds are compared.",
                    },
                    "service": {"type": "string"},
                    "api": {"type": "string", "description": "The row's first API (METHOD /path); empty for a column."},
                    "old": {"description": "The old value (null for an addition)."},
                    "new": {"description": "The new value (null for a removal)."},
                    "suspicious": {
                        "type": "boolean",
                        "description": "The edit looks like damage: a truncated "
                        "action, a URL glued to an action, a "
                        "destructive operation that suddenly "
                        "depends on creating.",
                    },
                    "fixes": {"type": "boolean", "description": "The edit repairs such damage."},
                    "note": {"type": "string"},
                    "evidence": {"type": "array", "items": {"$ref": "#/$defs/row"}, "minItems": 1},
                },
            },
            "action": {
                "type": "object",
                "required": ["cloud", "service", "action", "renamed_to", "evidence"],
                "additionalProperties": False,
                "properties": {
                    "cloud": {"type": "string"},
                    "service": {"type": "string"},
                    "action": {"type": "string"},
                    "renamed_to": {"type": "array", "items": {"type": "string"}},
                    "evidence": {"type": "array", "items": {"$ref": "#/$defs/row"}},
                },
            },
            "impact": {
                "type": "object",
                "required": ["target", "kind", "added", "removed", "delta"],
                "additionalProperties": False,
                "properties": {
                    "target": {
                        "type": "string",
                        "description": "The action, or for an operation (a row) its first API.",
                    },
                    "kind": {"enum": ["action", "operation"]},
                    "name": {"type": "string", "description": "An operation's name."},
                    "evidence": {
                        "type": "array",
                        "items": {"$ref": "#/$defs/row"},
                        "description": "An operation's rows (old, new).",
                    },
                    "added": {"type": "array", "items": {"type": "string"}},
                    "removed": {"type": "array", "items": {"type": "string"}},
                    "renamed_from": {"type": ["string", "null"]},
                    "delta": {
                        "type": "integer",
                        "minimum": 0,
                        "description": "Index into impact_deltas: the bases and rows of what this answer "
                        "gained or lost (shared by every entry whose answer changed the same way).",
                    },
                },
            },
            "impact_delta": {
                "type": "object",
                "required": ["added", "removed", "details"],
                "additionalProperties": False,
                "properties": {
                    "added": {"type": "array", "items": {"type": "string"}},
                    "removed": {"type": "array", "items": {"type": "string"}},
                    "details": {
                        "type": "array",
                        "description": "Each requirement gained or lost: its basis "
                        "in the closure and the rows behind it on "
                        "its side.",
                        "items": {
                            "type": "object",
                            "required": ["action", "change", "basis", "rows"],
                            "additionalProperties": False,
                            "properties": {
                                "action": {"type": "string"},
                                "change": {"enum": ["added", "removed"]},
                                "basis": {"type": "string"},
                                "rows": {"type": "array", "items": {"$ref": "#/$defs/row"}},
                            },
                        },
                    },
                },
            },
            "diff": {
                "type": "object",
                "required": ["format_version", "summary", "changes", "impact"],
                "properties": {
                    "format_version": {"const": FORMAT_VERSION},
                    "old": {"$ref": "#/$defs/side"},
                    "new": {"$ref": "#/$defs/side"},
                    "equal": {"type": "boolean"},
                    "summary": {
                        "type": "object",
                        "description": "Changes per kind; every kind is present.",
                        "propertyNames": {"$ref": "#/$defs/kind"},
                        "additionalProperties": {"type": "integer", "minimum": 0},
                    },
                    "matched_operations": {"type": "integer", "minimum": 0},
                    "suppressed_notation": {
                        "type": "object",
                        "description": "Notation-only differences left out, per kind.",
                        "additionalProperties": {"type": "integer", "minimum": 0},
                    },
                    "changes": {"type": "array", "items": {"$ref": "#/$defs/change"}},
                    "actions": {
                        "type": "object",
                        "required": ["added", "removed"],
                        "additionalProperties": False,
                        "properties": {
                            "added": {"type": "array", "items": {"$ref": "#/$defs/action"}},
                            "removed": {"type": "array", "items": {"$ref": "#/$defs/action"}},
                        },
                    },
                    "impact": {"type": "array", "items": {"$ref": "#/$defs/impact"}},
                    "impact_deltas": {
                        "type": "array",
                        "items": {"$ref": "#/$defs/impact_delta"},
                        "description": "The distinct changes of answers, each once; impact entries refer to "
                        "them by index (delta).",
                    },
                    "policies": {
                        "type": "array",
                        "description": "Policy-lint findings that only one side "
                        "reports (the finding's own keys, plus change "
                        "and renamed_to).",
                        "items": {
                            "type": "object",
                            "required": ["change", "renamed_to"],
                            "properties": {
                                "change": {"enum": ["appeared", "disappeared"]},
                                "renamed_to": {"type": "array", "items": {"type": "string"}},
                            },
                        },
                    },
                },
            },
            "error": {
                "type": "object",
                "required": ["format_version", "error"],
                "additionalProperties": False,
                "properties": {
                    "format_version": {"const": FORMAT_VERSION},
                    "error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
                },
            },
        },
    }
