"""Findings that appear or disappear between two lints of the same policy (explorer.diff.policy_impact)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jsonschema
from diff_paths import NEW, OLD

from explorer import api
from explorer.diff.policy_impact import finding_changes
from explorer.diff.renames import Rename
from explorer.model import Provenance


@dataclass(frozen=True)
class Place:
    file: str
    statement: int | None = 0
    pointer: str = ""


@dataclass(frozen=True)
class Found:
    """A lint finding with the fields explorer.policy.Finding has."""

    code: str
    action: str
    message: str
    where: Place
    variant: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "action": self.action, "message": self.message, "file": self.where.file}


def test_appeared_and_disappeared_with_the_rename() -> None:
    row = Provenance("huaweicloud-zh/ecs/a.md", 1, 1)
    renames = {
        "ecs:cloudServers:delete": (
            Rename("huaweicloud", "ecs", "ecs:cloudServers:delete", "ecs:cloudServers:deleteServers", (), row, row),
        )
    }
    old = [Found("missing-dependency", "ims:images:get", "misses ims:images:get (row 1)", Place("p.json"))]
    new = [
        Found("missing-dependency", "ims:images:get", "misses ims:images:get (row 3)", Place("p.json")),
        Found("missing-dependency", "ims:quotas:get", "misses ims:quotas:get", Place("p.json")),
        Found("unknown-action", "ecs:cloudServers:delete", "unknown action", Place("p.json", 1, "/Statement/1")),
    ]
    changes = finding_changes(old, new, renames)
    assert [(c.change, c.finding["action"], c.renamed_to) for c in changes] == [
        ("appeared", "ecs:cloudServers:delete", ("ecs:cloudServers:deleteServers",)),
        ("appeared", "ims:quotas:get", ()),
    ]
    assert changes[0].to_dict()["change"] == "appeared"
    gone = finding_changes(new, old)
    assert [(c.change, c.finding["action"]) for c in gone] == [
        ("disappeared", "ecs:cloudServers:delete"),
        ("disappeared", "ims:quotas:get"),
    ]


def _lint_allowing(*allowed: str) -> Callable[[api.Explorer], list[Found]]:
    """A minimal linter over the real graphs: unknown actions, and requirements of the default answer the
    policy does not allow (what explorer.policy reports as unknown-action and missing-dependency)."""

    def lint(ex: api.Explorer) -> list[Found]:
        known = set(ex.actions())
        out = []
        for i, action in enumerate(allowed):
            if action not in known:
                out.append(Found("unknown-action", action, f"{action} is not in the catalog", Place("p.json", i)))
                continue
            for need in ex.closure(action).actions():
                if need not in allowed:
                    out.append(Found("missing-dependency", need, f"{action} needs {need}", Place("p.json", i)))
        return out

    return lint


def test_diff_reports_the_findings_a_policy_gains() -> None:
    lint = _lint_allowing("ecs:cloudServers:delete", "ecs:cloudServers:deleteVolume", "evs:volumes:delete")
    result, _ = api.diff(OLD, NEW, lint=lint)
    # the rename this diff saw, and those the bundled record holds for the cloud (Huawei's 2023 renames)
    renamed = (
        "ecs:cloudServers:deleteServerGroup",
        "ecs:cloudServers:deleteServerGroupMember",
        "ecs:cloudServers:deleteServers",
    )
    assert [(p.change, p.finding["code"], p.finding["action"], p.renamed_to) for p in result.policies] == [
        ("appeared", "unknown-action", "ecs:cloudServers:delete", renamed),
        ("appeared", "missing-dependency", "evs:volumes:create", ()),
    ]
    document = json.loads(api.dumps(api.diff_document(result)))
    schema = json.loads(resources.files("explorer").joinpath("schemas/diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["policies"][0]["renamed_to"] == list(renamed)
    assert "Policy findings that appear or disappear (2)" in api.diff_text(result)
    same, _ = api.diff(OLD, OLD, lint=lint)
    assert same.policies == () and same.equal
