"""Schema version 2: what it adds (pattern actions, scope.inferred), and version 1 files still read."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.catalog.codec import decode_service, encode_service
from explorer.catalog.validate import schema_problems
from explorer.model import SCHEMA_VERSION, ActionRef, Scope


def _doc(version: int, scope: dict[str, Any], actions: list[Any]) -> dict[str, Any]:
    return {
        "schema_version": version,
        "cloud": "otc",
        "service": "cce",
        "sources": [{"file": "otc-en/cce/api.rst", "edition": "otc-en"}],
        "operations": [
            {
                "id": "k8s",
                "name": {"en": "Operating Kubernetes resources"},
                "apis": ["/api/*"],
                "actions": actions,
                "dependencies": [],
                "scope": scope,
                "notes": [],
                "source": {"file": "otc-en/cce/api.rst", "table": 1, "row": 18},
            }
        ],
    }


def test_a_version_1_file_is_read_and_written_back_as_the_current_version() -> None:
    svc, problems = decode_service(_doc(1, {"iam_project": True}, ["cce:cluster:list"]), "v1.yaml")
    assert problems == []
    assert svc is not None
    assert encode_service(svc)["schema_version"] == SCHEMA_VERSION == 2


def test_pattern_actions_and_inferred_flags_round_trip() -> None:
    scope = {"iam_project": True, "enterprise_project": False, "instance": None, "tag": None}
    doc = _doc(2, {**scope, "inferred": ["enterprise_project", "iam_project"]}, ["cce:kubernetes:*"])
    svc, problems = decode_service(doc, "v2.yaml")
    assert problems == []
    assert svc is not None
    (op,) = svc.operations
    assert op.actions == (ActionRef("cce:kubernetes:*"),)
    assert op.scope == Scope(True, False, None, None, ("enterprise_project", "iam_project"))
    assert encode_service(svc) == doc
    assert schema_problems(doc, "v2.yaml") == []
    # without inferred flags the key is left out, as version 1 wrote it
    plain, _ = decode_service(_doc(2, scope, ["cce:kubernetes:*"]), "v2.yaml")
    assert plain is not None
    assert "inferred" not in encode_service(plain)["operations"][0]["scope"]


@pytest.mark.parametrize(
    ("scope", "actions", "location", "message"),
    [
        (
            {"iam_project": True, "inferred": ["price"]},
            ["cce:x:get"],
            "scope.inferred[0]",
            "unknown scope flag 'price'",
        ),
        ({"iam_project": None, "inferred": ["iam_project"]}, ["cce:x:get"], "scope.inferred[0]", "is null"),
        ({"iam_project": True, "inferred": "iam_project"}, ["cce:x:get"], "scope.inferred", "expected a list"),
        ({}, ["*:*:get"], "actions[0]", "is not an action, or a pattern"),
    ],
)
def test_bad_version_2_content_is_named(scope: dict[str, Any], actions: list[Any], location: str, message: str) -> None:
    svc, problems = decode_service(_doc(2, scope, actions), "bad.yaml")
    assert svc is None
    assert [(p.location, message in p.message) for p in problems] == [(f"operations[0].{location}", True)]
