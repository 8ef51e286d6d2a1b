"""Acceptance on the bundled catalog generated from the real documentation (skipped when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api
from explorer.graph import Explorer

REPO = Path(__file__).resolve().parents[2]


def test_seed_closure(bundled: Explorer, seed_deps: frozenset[str]) -> None:
    result = bundled.closure("ecs:servers:createImage")
    assert {r.action for r in result.requirements if r.depth == 1} == seed_deps
    for r in result.requirements:
        assert r.reason
        if r.depth == 1:
            assert r.via == "ecs:servers:createImage" and r.provenance
        if r.depth > 1:
            assert r.basis == "certain" and r.reason.startswith("certain") and r.via


def test_seed_scope(bundled: Explorer) -> None:
    report = bundled.scope("ecs:servers:createImage")
    assert report.verdict == "not_grantable" and report.enterprise_project_grantable is False
    blockers = {b.action: b.mark for b in report.blockers}
    assert blockers["ecs:servers:createImage"] == "not_supported"
    assert "ims:images:create" in blockers


def test_seed_dependents(bundled: Explorer) -> None:
    assert "ecs:servers:createImage" in bundled.dependents("evs:snapshots:create").nodes()


def test_seed_api_and_why(bundled: Explorer) -> None:
    target = bundled.resolve("POST /v2.1/{project_id}/servers/{server_id}/action")
    assert target.kind == "operation" and "ecs:servers:createImage" in target.actions
    # ECS documents many server actions on this one path: the rows are merged, and the note says so
    assert len(target.operations) > 1 and f"documented by {len(target.operations)} rows" in target.note
    why = bundled.why("evs:snapshots:create", "ecs:servers:createImage")
    assert [(e.source, e.target) for e in why.paths[0]] == [("ecs:servers:createImage", "evs:snapshots:create")]


def test_check_counts_every_service(bundled: Explorer) -> None:
    report = bundled.check()
    files = sorted(p.stem for p in (REPO / "catalog" / "huaweicloud").glob("*.yaml"))
    assert [s.service for s in report.services] == files
    assert report.operations == sum(s.operations for s in report.services)


def test_otc_edition_documents_more_and_possible_ones_stay_apart(seed_deps: frozenset[str]) -> None:
    if not (REPO / "catalog" / "otc").is_dir():
        pytest.skip("catalog/otc is absent (the importer has not generated the bundled catalog)")
    ex = api.get_explorer("otc", REPO / "catalog")
    result = ex.closure("ecs:servers:createImage")
    documented = {r.action for r in result.requirements if r.basis == "documented"}
    assert documented >= seed_deps and {"ecs:servers:list", "ims:quotas:get"} <= documented
    possible = ex.closure("ecs:servers:createImage", possible=True)
    extra = {r.action for r in possible.requirements if r.basis == "possible"}
    assert extra and not extra & documented
    limited = ex.closure("ecs:servers:createImage", max_depth=1)
    assert {r.action for r in limited.requirements if r.depth == 1} == documented


def test_an_unknown_action_is_told_apart_as_typo_or_newer_with_its_tables_date(bundled: Explorer) -> None:
    from explorer.errors import QueryError
    from explorer.graph.age import service_dates

    dates = service_dates(bundled.data)
    with pytest.raises(QueryError) as typo:
        bundled.show("ecs:servers:createImag")
    assert f"the ecs tables of {dates['ecs']} do not define it: probably a misspelling of ecs:servers:createImage" in (
        str(typo.value)
    )
    with pytest.raises(QueryError) as newer:
        bundled.show("VPC:securityGroupTags:create")
    assert f"the vpc tables of {dates['vpc']} do not define it, but know its verb: it may be newer than them" in (
        str(newer.value)
    )
    with pytest.raises(QueryError) as uncovered:
        bundled.show("foo:bar:baz")
    assert str(uncovered.value) == "unknown action 'foo:bar:baz' in the huaweicloud catalog"
