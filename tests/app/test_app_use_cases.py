"""The use cases both faces call, on the small fixture catalog: what each returns, and what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.app import catalogs, diffs, exports, imports, policies, queries
from explorer.catalog import BUNDLED_CATALOG
from explorer.errors import QueryError
from explorer.model import Catalog

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "catalog"


@pytest.fixture(scope="module")
def ex() -> queries.Explorer:
    return catalogs.get_explorer("huaweicloud", FIXTURE)


def test_the_rows_behind_a_normalised_api_give_the_api_as_documented(ex: queries.Explorer) -> None:
    # the engine's close matches are skeletons; a reviewer is offered the text the documentation wrote
    found = queries.documented_apis(ex, "POST /v2.1/{}/servers/{}/os-interface")
    assert found == [("POST /v2.1/{project_id}/servers/{server_id}/os-interface", "Add a NIC (native OpenStack API)")]
    assert queries.documented_apis(ex, "POST /v2.1/{}/no/such/api") == []


def test_an_operation_row_is_found_with_or_without_its_prefix(ex: queries.Explorer) -> None:
    row = queries.operation_row(ex, "fx-ecs-createimage")
    assert row is not None and row.display_name() == "Create image (native OpenStack API)"
    assert queries.operation_row(ex, "op:fx-ecs-createimage") == row
    assert queries.operation_row(ex, "fx-no-such-row") is None


def test_the_bundled_catalog_is_told_from_another() -> None:
    assert catalogs.is_bundled(BUNDLED_CATALOG) and catalogs.is_bundled(BUNDLED_CATALOG / ".." / BUNDLED_CATALOG.name)
    assert not catalogs.is_bundled(FIXTURE)


def test_an_upload_laid_over_a_catalog_replaces_its_services_only() -> None:
    base = catalogs.load([FIXTURE])
    ecs = base["huaweicloud"].services["ecs"]
    top = {"huaweicloud": Catalog("huaweicloud", {"ecs": ecs}), "otc": Catalog("otc", {"ecs": ecs})}
    layered = catalogs.layer_catalogs(base, top)
    assert sorted(layered) == ["huaweicloud", "otc"]
    assert sorted(layered["huaweicloud"].services) == sorted(base["huaweicloud"].services)
    assert layered["huaweicloud"].services["ecs"] is ecs and sorted(layered["otc"].services) == ["ecs"]
    assert sorted(base) == ["huaweicloud"]  # the inputs are left as they were


def test_a_dependents_diagram_takes_one_action_and_no_condition() -> None:
    with pytest.raises(QueryError, match="takes one action, got 2"):
        exports.diagram_view(("ecs:servers:get", "evs:volumes:get"), direction="dependents", catalog=FIXTURE)
    with pytest.raises(QueryError, match="requirements only"):
        exports.diagram_view("evs:volumes:get", direction="dependents", exclude=True, catalog=FIXTURE)
    with pytest.raises(QueryError, match="unknown direction 'sideways'"):
        exports.diagram_view("evs:volumes:get", direction="sideways", catalog=FIXTURE)
    view = exports.diagram_view("evs:volumes:get", direction="dependents", catalog=FIXTURE)
    assert view.targets == ("evs:volumes:get",) and "ecs:servers:createImage" in {n.id for n in view.nodes}


def test_the_choices_the_faces_offer_come_from_the_engine() -> None:
    assert policies.severities() == ("error", "warning", "info")
    assert policies.attach_choices() == ("enterprise-project", "iam-project")
    kinds = diffs.change_kinds()
    assert set(diffs.change_titles()) == set(kinds) and len(kinds) == len(set(kinds))
    assert "md-pipe" in imports.formats()


def test_a_policy_given_as_bytes_is_linted_under_its_name(ex: queries.Explorer) -> None:
    text = b'{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}]}'
    report = policies.lint_policies(
        [policies.source("pasted.json", text)], "huaweicloud", explorers={"huaweicloud": ex}
    )
    assert report.files == ("pasted.json",)
    needs = {
        f.message.split(" needs ", 1)[1].split(" (", 1)[0] for f in report.findings if f.code == "MISSING_DEPENDENCY"
    }
    assert {"evs:volumes:get", "evs:snapshots:create", "ims:images:create"} <= needs
    assert {f.where.file for f in report.findings} == {"pasted.json"}
