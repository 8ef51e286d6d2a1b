"""The JSON Schema of ``terraform --json`` (issue 22), from the graph's building blocks.

Its serializer is :meth:`explorer.app.terraform.TerraformAnswer.to_dict`, in the application layer above
this package; ``--against --json`` prints the ``policy lint`` document (``explorer.policy.schema``).
"""

from __future__ import annotations

from explorer.graph import wire
from explorer.graph.wire import scope
from explorer.jsonshape import BOOL, CLOUD, COUNT, DEPTH, STR, Schema, array, document, enum, obj, ref, said, strings

INT: Schema = {"type": "integer"}
KIND = enum("resource", "data")


def _api(extra: dict[str, Schema]) -> Schema:
    return obj(
        {
            "service": said(STR, "the provider's service label (ECS, VPC, ...)"),
            "method": STR,
            "path": said(STR, "as the provider writes it"),
            "file": said(STR, "the provider file that declares it (at the provider commit)"),
            "line": said(INT, "the line of its // @API comment"),
            "api": said(STR, "METHOD /path"),
            "status": enum("matched", "no_table", "undocumented", "unreadable"),
            "reason": STR,
            "services": strings("the catalog services consulted for the label"),
            "operations": strings("the operations (op:<id>) that document it"),
            **extra,
        }
    )


def terraform_schema() -> Schema:
    requirement = wire.DEFS["requirement"]
    defs = {
        **wire.DEFS,
        "terraform_requirement": {
            **requirement,
            "description": "A requirement of closure's answer, with the types and provider APIs that bring it in.",
            "properties": {
                **requirement["properties"],
                "types": strings("the resource and data source types whose operations reach it"),
                "apis_from": strings("their provider APIs (label METHOD /path) whose operations reach it"),
                "shared_api": {
                    "anyOf": [
                        {"type": "null"},
                        array(
                            obj(
                                {
                                    "api": said(STR, "the provider's label and METHOD /path"),
                                    "operations": said(COUNT, "how many operations the documentation describes it for"),
                                    "names": strings("the names of those operations"),
                                    "needed_by": strings("the names of those whose answer includes this requirement"),
                                }
                            )
                        ),
                    ],
                    "description": "null, or the shared APIs it is reached through when it is reached only through "
                    "APIs the documentation describes for several operations (the provider may perform only some)",
                },
            },
            "required": [*requirement["required"], "types", "apis_from", "shared_api"],
        },
    }
    verdict = scope.schema(wire.DEFS)
    verdict = {
        "type": "object",
        "properties": {k: v for k, v in verdict["properties"].items() if k != "format_version"},
        "required": [k for k in verdict["required"] if k != "format_version"],
        "additionalProperties": False,
    }
    use = obj(
        {
            "file": STR,
            "line": said(INT, "the line of the block (0 when a plan does not name it)"),
            "address": STR,
            "module": said(STR, "the module call path, empty for the root module"),
            "count": said(STR, "the count or for_each expression as written, or empty"),
        }
    )
    return document(
        "permission-explorer terraform --json: what the principal that applies a configuration or plan needs",
        {
            "cloud": CLOUD,
            "paths": strings("the paths given"),
            "files": strings("every file read (.tf files, plans)"),
            "plan": said(BOOL, "true when a plan was read"),
            "provider": obj({"repository": STR, "commit": said(STR, "the provider commit of the data")}),
            "modules": array(
                obj({"file": STR, "line": INT, "name": STR, "source": STR, "followed": BOOL, "reason": STR}),
                "module calls: local ones followed, remote ones listed as not followed",
            ),
            "counts": obj(
                {
                    "types": COUNT,
                    "types_unmapped": COUNT,
                    "apis": COUNT,
                    "apis_matched": COUNT,
                    "apis_no_table": COUNT,
                    "apis_undocumented": COUNT,
                    "apis_actions_only": said(COUNT, "undocumented because their service's tables name no API at all"),
                    "operations": COUNT,
                    "requirements_shared_api": said(COUNT, "requirements reached only through shared APIs"),
                }
            ),
            "resources": array(
                obj(
                    {
                        "type": STR,
                        "kind": KIND,
                        "count": said(COUNT, "how many blocks use it"),
                        "uses": array(use),
                        "plan_actions": {
                            "type": ["array", "null"],
                            "items": enum("create", "update", "delete", "read", "no-op"),
                            "description": "what a plan does with it; null for a configuration",
                        },
                        "function": {"type": ["string", "null"], "description": "the provider function"},
                        "aliases": strings("other names of the same function (deprecated spellings)"),
                        "reason": said(STR, "why it could not be mapped, or empty"),
                        "apis": array(_api({}), "every API the provider declares for it"),
                    }
                ),
                "the resource and data source types used, by name",
            ),
            "operations": strings("the operations asked, as closure op:<id> targets"),
            "possible": BOOL,
            "max_depth": DEPTH,
            "truncated": BOOL,
            "summary": said(STR, "the answer's size by basis, then what a reviewer must know before granting"),
            "requirements": array(
                ref("terraform_requirement"),
                "closure's records, by depth, basis (target, documented, certain, possible) then action",
            ),
            "unmatched": obj(
                {
                    "types": array(obj({"type": STR, "kind": KIND, "count": COUNT, "reason": STR})),
                    "apis": array(_api({"types": strings("the types that declare it")})),
                    "without_actions": array(ref("no_action"), "matched rows that list no action"),
                }
            ),
            "verdict": {"anyOf": [{"type": "null"}, verdict], "description": "scope's verdict and grant plan"},
            "policies": array(
                obj(
                    {
                        "name": STR,
                        "attach": enum("enterprise-project", "iam-project"),
                        "type": enum("XA", "AX"),
                        "document": obj(
                            {
                                "Version": enum("1.1"),
                                "Statement": array(obj({"Effect": enum("Allow"), "Action": strings()})),
                            },
                            "the policy document",
                        ),
                    }
                ),
                "as policy generate writes them",
            ),
        },
        defs,
    )
