"""Requirements resting on a row that contradicts them are kept and flagged, with the row; check lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api
from explorer.graph import Explorer
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

FILE = "otc-en/ecs/disk_management.rst"
VOLUME = "/v2.1/{project_id}/os-volumes/{volume_id}"


def _op(row: int, api_: str, deps: tuple[str, ...]) -> Operation:
    return Operation(
        f"op{row}",
        {"en": f"row {row}"},
        (api_,),
        (ActionRef("ecs:serverVolumes:use"),),
        tuple(ActionRef(d) for d in deps),
        Scope(True, None),
        (),
        Provenance(FILE, 1, row, "otc-en"),
    )


def _explorer() -> Explorer:
    ops = (
        _op(1, "POST /v2.1/{project_id}/os-volumes", ("evs:volumes:create",)),
        _op(2, f"DELETE {VOLUME}", ("evs:volumes:get", "evs:volumes:delete", "evs:volumes:create")),
        _op(3, f"GET {VOLUME}", ("evs:volumes:get",)),
    )
    cat = Catalog("otc", {"ecs": ServiceCatalog("otc", "ecs", (SourceDoc(FILE, "otc-en"),), ops)})
    return api.build_explorer(cat)


def test_the_delete_rows_answer_keeps_the_create_flagged_with_the_row() -> None:
    result = _explorer().closure(f"DELETE {VOLUME}")
    by_action = {r.action: r for r in result.requirements}
    assert sorted(by_action) == ["ecs:serverVolumes:use", "evs:volumes:create", "evs:volumes:delete", "evs:volumes:get"]
    create = by_action["evs:volumes:create"]
    assert create.flags == ("suspicious",)
    assert [(s.kind, s.against, s.provenance.row) for s in create.suspicious] == [
        ("delete_needs_create", f"DELETE {VOLUME}", 2)
    ]
    assert create.reason.endswith(
        f"; suspicious, a deleting operation needs a creating action: DELETE {VOLUME} depends on evs:volumes:create"
        f" [{FILE} table 1 row 2]"
    )
    data = create.to_dict()
    assert data["suspicious"] is True
    assert data["suspicious_rows"][0]["kind"] == "delete_needs_create"
    assert by_action["evs:volumes:delete"].flags == ("destructive",)
    assert by_action["evs:volumes:get"].to_dict()["suspicious_rows"] == []


def test_an_action_target_flags_only_the_rows_that_contradict() -> None:
    # ecs:serverVolumes:use is checked by the three rows; only row 2 lists the create against itself
    result = _explorer().closure("ecs:serverVolumes:use")
    create = next(r for r in result.requirements if r.action == "evs:volumes:create")
    assert [s.provenance.row for s in create.suspicious] == [2]


def test_check_lists_every_contradicting_dependency() -> None:
    report = _explorer().check()
    assert [(s.operation, s.dependency, s.kind) for s in report.suspicious] == [
        ("op2", "evs:volumes:create", "delete_needs_create")
    ]
    assert report.to_dict()["suspicious"][0]["reason"] == (
        f"a deleting operation needs a creating action: DELETE {VOLUME} depends on evs:volumes:create"
    )


def test_the_bundled_otc_catalog_flags_the_ecs_copy_errors() -> None:
    """The two copy errors of the OTC ECS tables the issue names: kept in the answer, flagged with their row."""
    root = Path(__file__).resolve().parents[2] / "catalog"
    if not (root / "otc").is_dir():
        pytest.skip("catalog/otc is absent (the importer has not generated the bundled catalog)")
    ex = api.get_explorer("otc", root)
    found = {(s.kind, s.against, s.dependency, s.provenance.file) for s in ex.check().suspicious}
    disk = "otc-en/ecs/disk_management.rst"
    groups = "otc-en/ecs/security_group_management.rst"
    assert ("delete_needs_create", f"DELETE {VOLUME}", "evs:volumes:create", disk) in found
    for verb in ("create", "delete", "update"):
        assert ("read_needs_write", "ecs:securityGroups:use", f"vpc:securityGroups:{verb}", groups) in found
    query = ex.closure("GET /v2/{project_id}/servers/{server_id}/os-security-groups")
    flagged = sorted(r.action for r in query.requirements if "suspicious" in r.flags)
    assert flagged == [
        "vpc:ports:update",
        "vpc:securityGroups:create",
        "vpc:securityGroups:delete",
        "vpc:securityGroups:update",
    ]
