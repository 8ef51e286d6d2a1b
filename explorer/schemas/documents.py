"""The schemas of the documents a face writes itself: an error under ``--json`` and ``validate --json``.

Their serializers are the CLI's (``explorer.cli.error_document`` and the ``validate`` command); every other
output declares its schema beside its serializer in the engine (``explorer.graph.wire``,
``explorer.policy.schema``, ``explorer.diff.schema``, ``explorer.render.json_graph``).
"""

from __future__ import annotations

from explorer.jsonshape import BOOL, COUNT, STR, Schema, array, document, obj, said, strings

# a problem of a file, as validate reports it
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


def error_schema() -> Schema:
    return document(
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
    )


POLICY_SNIPPET: Schema = obj(
    {
        "Version": said(STR, "the policy grammar version, 1.1"),
        "Statement": array(
            obj({"Effect": said(STR, "Allow"), "Action": strings("the actions allowed")}),
            "one statement allowing the actions",
        ),
    },
    "a policy document",
)


def explain_schema() -> Schema:
    """``explain --json``: the actions an access-denied message names and what is needed
    (serialized by ``explorer.app.explain.Explained.to_dict``)."""
    return document(
        "permission-explorer explain TEXT --json",
        {
            "cloud": said(STR, "the cloud whose catalog the text was read against"),
            "code": said(STR, "the error code the message gives (e.g. IAM.0003, CBC.0151), or empty"),
            "denied": said(BOOL, "true when the text reads as an access-denied message"),
            "actions": strings("the actions the message names, in order, once each"),
            "known": strings("those the catalog defines, as it spells them"),
            "unknown": array(
                obj({"action": STR, "suggestions": strings("close matches in the catalog")}),
                "named actions the catalog does not define",
            ),
            "requirements": strings("what the known actions need besides themselves (the default answer)"),
            "snippet": said(POLICY_SNIPPET, "the missing part: a policy allowing the actions the message names"),
            "complete": said(POLICY_SNIPPET, "the named actions and their requirements in one policy"),
        },
    )


def validate_schema() -> Schema:
    return document(
        "permission-explorer validate --json (exit status 1 when ok is false)",
        {
            "ok": said(BOOL, "true when no problem was found (exit status 0)"),
            "files": strings("the catalog files checked"),
            "services": said(COUNT, "services defined by the files"),
            "operations": said(COUNT, "operations defined by the files"),
            "problems": array(FINDING, "every problem found"),
            "warnings": array(FINDING, "signs of damage the documentation itself carries (not failing)"),
        },
    )
