"""The JSON Schemas of ``policy lint --json`` and ``policy generate --format json``: what the ``to_dict`` of
:class:`explorer.policy.lint.LintReport` and of the generated policies must satisfy.

``explorer.schemas.build`` writes them to ``explorer/schemas/``; the finding codes come from the rule registry
(explorer.policy.rules), in its order.
"""

from __future__ import annotations

from explorer.jsonout import FORMAT_VERSION
from explorer.jsonshape import Schema
from explorer.policy.grammar import MAX_ACTIONS, MAX_STATEMENTS
from explorer.policy.rules import CODES

DATE: Schema = {"type": ["string", "null"], "description": "YYYY-MM-DD; null when undated"}

# an action a generated policy may grant: service:resource:operation, wildcards allowed
ACTION = "^(?:[a-z][a-z0-9_-]*|\\*):[A-Za-z0-9_.*-]+:[A-Za-z0-9_.*-]+$"


def lint_schema() -> Schema:
    """``policy-lint.schema.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://permission-explorer/schemas/policy-lint.schema.json",
        "title": "permission-explorer policy lint --json",
        "type": "object",
        "required": ["format_version", "cloud", "attach", "files", "documents", "counts", "findings", "documentation"],
        "additionalProperties": False,
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "cloud": {"type": "string"},
            "attach": {"enum": [None, "enterprise-project", "iam-project"]},
            "files": {"type": "array", "items": {"type": "string"}},
            "documents": {"type": "integer", "minimum": 0},
            "counts": {
                "type": "object",
                "required": ["error", "warning", "info"],
                "additionalProperties": False,
                "properties": {
                    "error": {"type": "integer", "minimum": 0},
                    "warning": {"type": "integer", "minimum": 0},
                    "info": {"type": "integer", "minimum": 0},
                },
            },
            "findings": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
            "documentation": {
                "type": "object",
                "description": "how old the catalog's answer is: the date of the tables of each covered service "
                "the policies name",
                "required": ["services"],
                "additionalProperties": False,
                "properties": {
                    "services": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["service", "date"],
                            "additionalProperties": False,
                            "properties": {"service": {"type": "string"}, "date": DATE},
                        },
                    }
                },
            },
        },
        "$defs": {
            "row": {
                "type": "object",
                "required": ["file", "table", "row"],
                "properties": {
                    "file": {"type": "string"},
                    "table": {"type": "integer"},
                    "row": {"type": "integer"},
                    "edition": {"type": "string"},
                    "date": DATE,
                    "deleted": {
                        "type": "boolean",
                        "description": "the row's page was deleted since: older documentation",
                    },
                },
            },
            "finding": {
                "type": "object",
                "required": [
                    "code",
                    "severity",
                    "message",
                    "file",
                    "document",
                    "line",
                    "column",
                    "statement",
                    "pointer",
                    "action",
                    "fix",
                ],
                "properties": {
                    "code": {"enum": list(CODES)},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "message": {"type": "string", "minLength": 1},
                    "file": {"type": "string"},
                    "document": {
                        "type": "string",
                        "description": "the Terraform resource address; empty for a JSON file",
                    },
                    "line": {"type": ["integer", "null"], "minimum": 1},
                    "column": {"type": ["integer", "null"], "minimum": 1},
                    "statement": {"type": ["integer", "null"], "minimum": 0},
                    "pointer": {"type": "string", "description": "JSON pointer inside the policy document"},
                    "action": {
                        "type": "string",
                        "description": "the action string as written, if the finding is about one",
                    },
                    "fix": {"type": "string"},
                    "suggestions": {"type": "array", "items": {"type": "string"}},
                    "renamed_to": {"type": "array", "items": {"type": "string"}},
                    "documentation_date": {
                        **DATE,
                        "description": "UNKNOWN_ACTION, ACTION_NEWER_THAN_TABLES: the date of the service's tables "
                        "(YYYY-MM-DD), null when undated",
                    },
                    "known": {
                        "enum": ["resource", "verb", "resource and verb"],
                        "description": "ACTION_NEWER_THAN_TABLES: what of the action the service's tables know",
                    },
                    "requirement": {"type": "string"},
                    "basis": {"enum": ["target", "documented", "certain", "possible"]},
                    "path": {"type": "array", "items": {"type": "string"}},
                    "rows": {"type": "array", "items": {"type": "object"}},
                    "conditions": {"type": "array", "items": {"type": "string"}},
                    "needed_by": {"type": "array", "items": {"type": "string"}},
                    "denied_by": {
                        "type": "object",
                        "required": ["file", "document", "statement"],
                        "properties": {
                            "file": {"type": "string"},
                            "document": {"type": "string"},
                            "statement": {"type": "integer"},
                        },
                    },
                    "apis": {"type": "array", "items": {"type": "string"}},
                    "types": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "MISSING_FOR_TERRAFORM: the Terraform types that bring the action in",
                    },
                    "suspicious": {
                        "type": "array",
                        "items": {"type": "string"},
                        "description": "MISSING/DENIED_DEPENDENCY: why rows behind the requirement contradict it "
                        "(a likely copy error in the documentation; the finding is then a warning)",
                    },
                },
                "allOf": [
                    {
                        "if": {"properties": {"code": {"enum": ["MISSING_DEPENDENCY", "DENIED_DEPENDENCY"]}}},
                        "then": {
                            "required": ["requirement", "basis", "path", "rows", "needed_by"],
                            "properties": {"rows": {"items": {"$ref": "#/$defs/row"}}},
                        },
                    },
                    {
                        "if": {"properties": {"code": {"const": "MISSING_FOR_TERRAFORM"}}},
                        "then": {"required": ["basis", "types", "apis"]},
                    },
                ],
            },
        },
    }


def generate_schema() -> Schema:
    """``policy-generate.schema.json``."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://permission-explorer/schemas/policy-generate.schema.json",
        "title": "permission-explorer policy generate --format json",
        "type": "object",
        "required": ["format_version", "cloud", "targets", "possible", "actions", "policies"],
        "additionalProperties": False,
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "cloud": {"type": "string"},
            "targets": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "possible": {"type": "boolean"},
            "actions": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
            "policies": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "attach", "type", "document"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string", "minLength": 1, "maxLength": 64},
                        "attach": {"enum": ["enterprise-project", "iam-project"]},
                        "type": {"enum": ["XA", "AX"]},
                        "document": {
                            "type": "object",
                            "required": ["Version", "Statement"],
                            "additionalProperties": False,
                            "properties": {
                                "Version": {"const": "1.1"},
                                "Statement": {
                                    "type": "array",
                                    "minItems": 1,
                                    "maxItems": MAX_STATEMENTS,
                                    "items": {
                                        "type": "object",
                                        "required": ["Effect", "Action"],
                                        "additionalProperties": False,
                                        "properties": {
                                            "Effect": {"const": "Allow"},
                                            "Action": {
                                                "type": "array",
                                                "minItems": 1,
                                                "maxItems": MAX_ACTIONS,
                                                "uniqueItems": True,
                                                "items": {
                                                    "type": "string",
                                                    "pattern": ACTION,
                                                },
                                            },
                                        },
                                    },
                                },
                            },
                        },
                    },
                },
            },
        },
    }
