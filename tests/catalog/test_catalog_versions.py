"""Schema versions: 2 adds pattern actions and scope.inferred, 3 a source's date and status; older ones still read."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.catalog.codec import decode_service
from explorer.catalog.encode import encode_service
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
    assert encode_service(svc)["schema_version"] == SCHEMA_VERSION == 3


def test_a_version_2_file_loads_as_current_documentation_of_unknown_date() -> None:
    svc, problems = decode_service(_doc(2, {"iam_project": True}, ["cce:cluster:list"]), "v2.yaml")
    assert problems == [] and svc is not None
    (op,) = svc.operations
    assert (op.provenance.date, op.provenance.status) == (None, "current")
    assert svc.documentation_date is None
    assert svc.only_deleted_sources is False
    assert "date" not in encode_service(svc)["sources"][0]
    assert "status" not in encode_service(svc)["sources"][0]


def test_source_dates_and_status_reach_every_row_and_round_trip() -> None:
    doc = _doc(3, {"iam_project": True}, ["cce:cluster:list"])
    doc["sources"] = [
        {**doc["sources"][0], "date": "2024-11-04", "status": "deleted"},
        {"file": "otc-en/cce/new.rst", "edition": "otc-en", "date": "2025-12-02"},
        {"file": "otc-en/cce/old.rst", "edition": "otc-en", "date": "2023-01-30"},
    ]
    svc, problems = decode_service(doc, "v3.yaml")
    assert problems == [] and svc is not None
    (op,) = svc.operations
    assert (op.provenance.date, op.provenance.status) == ("2024-11-04", "deleted")
    assert encode_service(svc)["sources"] == doc["sources"]
    assert schema_problems(doc, "v3.yaml") == []
    # the newest current source dates the service; a deleted page does not make it newer
    assert svc.documentation_date == "2025-12-02"
    doc["sources"][0]["date"] = "2026-01-01"
    newer, _ = decode_service(doc, "v3.yaml")
    assert newer is not None and newer.documentation_date == "2025-12-02"
    # a service documented only by deleted pages is dated by them, and says so
    doc["sources"] = doc["sources"][:1]
    only, _ = decode_service(doc, "v3.yaml")
    assert only is not None
    assert (only.documentation_date, only.only_deleted_sources) == ("2026-01-01", True)


def test_pattern_actions_and_inferred_flags_round_trip() -> None:
    scope = {"iam_project": True, "enterprise_project": False, "instance": None, "tag": None}
    doc = _doc(2, {**scope, "inferred": ["enterprise_project", "iam_project"]}, ["cce:kubernetes:*"])
    svc, problems = decode_service(doc, "v2.yaml")
    assert problems == []
    assert svc is not None
    (op,) = svc.operations
    assert op.actions == (ActionRef("cce:kubernetes:*"),)
    assert op.scope == Scope(True, False, None, None, ("enterprise_project", "iam_project"))
    assert encode_service(svc) == {**doc, "schema_version": SCHEMA_VERSION}
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
