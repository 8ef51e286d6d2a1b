"""Findings that appear or disappear between two lints of the same policy (explorer.diff.policy_impact)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
