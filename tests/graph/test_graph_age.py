"""Every answer knows how old its documentation is: the tables' dates, and rows from pages deleted since."""

from __future__ import annotations

from explorer import api
from explorer.graph import Explorer
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

ECS = "otc-en/ecs/permissions.rst"
OLD = "otc-en/ecs/old.rst"  # a page deleted since
EVS = "otc-en/evs/permissions.rst"


def _op(i: int, file: str, date: str, status: str, action: str, deps: tuple[str, ...] = ()) -> Operation:
    return Operation(
        f"op{i}",
        {"en": f"row {i}"},
        (f"GET /v1/x{i}",),
        (ActionRef(action),),
        tuple(ActionRef(d) for d in deps),
        Scope(True, None),
        (),
        Provenance(file, 1, i, "otc-en", date=date, status=status),
    )


def _explorer() -> Explorer:
    ecs = (
        _op(1, ECS, "2025-12-01", "current", "ecs:servers:get", ("evs:volumes:get",)),
        _op(2, OLD, "2023-05-04", "deleted", "ecs:servers:list", ("evs:volumes:list",)),
    )
    evs = (
        _op(3, EVS, "2024-03-02", "current", "evs:volumes:get"),
        _op(4, EVS, "2024-03-02", "current", "evs:volumes:list"),
    )
    docs = (SourceDoc(ECS, "otc-en", date="2025-12-01"), SourceDoc(OLD, "otc-en", date="2023-05-04", status="deleted"))
    cat = Catalog(
        "otc",
        {
            "ecs": ServiceCatalog("otc", "ecs", docs, ecs),
            "evs": ServiceCatalog("otc", "evs", (SourceDoc(EVS, "otc-en", date="2024-03-02"),), evs),
        },
    )
    return api.build_explorer(cat)


def test_a_closure_names_the_dates_of_its_tables() -> None:
    result = _explorer().closure("ecs:servers:get")
    doc = result.to_dict()["documentation"]
    # the service's date is its newest current page, not the older deleted one
    assert doc == {
        "services": [{"service": "ecs", "date": "2025-12-01"}, {"service": "evs", "date": "2024-03-02"}],
        "deleted_rows": [],
    }
    assert result.documentation is not None
    assert result.documentation.text() == "documentation: ecs tables of 2025-12-01, evs tables of 2024-03-02"
    assert [r.outdated for r in result.requirements] == [False, False]


def test_an_answer_resting_on_a_deleted_page_says_so() -> None:
    result = _explorer().closure("ecs:servers:list")
    by_action = {r.action: r for r in result.requirements}
    assert by_action["ecs:servers:list"].outdated  # the target: only the deleted page defines it
    assert by_action["evs:volumes:list"].outdated
    assert by_action["evs:volumes:list"].flags == ("outdated",)
    assert by_action["evs:volumes:list"].reason.endswith("; every row from a page deleted since")
    doc = result.to_dict()["documentation"]
    assert doc["deleted_rows"] == [{"file": OLD, "table": 1, "row": 2, "edition": "otc-en", "date": "2023-05-04"}]
    assert result.documentation is not None
    assert result.documentation.text().endswith(f"; 1 row from pages deleted since (first {OLD} table 1 row 2)")


def test_show_says_the_date_and_whether_only_deleted_pages_define_it() -> None:
    ex = _explorer()
    listed = ex.show("ecs:servers:list").to_dict()
    assert listed["outdated"] is True
    assert listed["documentation"]["services"] == [{"service": "ecs", "date": "2025-12-01"}]
    got = ex.show("ecs:servers:get").to_dict()
    assert (got["outdated"], got["documentation"]["deleted_rows"]) == (False, [])
