"""AppTest of the Terraform page: a deep link to a shipped example, its sections, an upload, a bad upload."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from apptest_support import graphs, open_page
from ui_support import REPO

TF_CATALOG = REPO / "tests" / "fixtures" / "terraform" / "catalog"


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(TF_CATALOG))
    yield


def test_a_deep_link_reproduces_an_examples_view() -> None:
    at = open_page("terraform", example="web-server", possible="0")
    assert at.selectbox(key="tf_example").value == "web-server"
    headers = [h.value for h in at.subheader]
    assert headers == ["Types", "Requirements", "Enterprise project", "Policies"]
    types = at.dataframe[0].value
    assert "huaweicloud_compute_instance" in set(types["type"])
    requirements = at.dataframe[1].value
    assert "ecs:cloudServers:createServers" in set(requirements["action"])
    assert list(requirements.columns) == ["action", "basis", "EP", "brought in by", "shared API"]
    n = len(requirements)
    assert any(
        c.value.startswith(f"{n} actions\\: ") and "checked by the APIs" in c.value for c in at.caption
    )  # plain() escapes it
    assert len(graphs(at)) == 1
    labels = {b.proto.label for b in at.get("download_button")}
    assert labels == {"Policies (JSON)", "Policies (Terraform)", "Whole answer (JSON)"}
    assert "1. Enterprise-project policy" in at.code[0].value  # the plan, as scope prints it
    policy = json.loads(at.code[-1].value)
    assert "ecs:cloudServers:createServers" in policy["actions"]
    assert at.query_params["example"] == ["web-server"] or at.query_params["example"] == "web-server"


def test_an_unknown_example_falls_back_with_a_warning() -> None:
    at = open_page("terraform", example="nope")
    assert any("No example called" in w.value for w in at.warning)
    assert at.selectbox(key="tf_example").value == "web-server"


def test_a_data_only_example_reads_only() -> None:
    at = open_page("terraform", example="network-read")
    requirements = at.dataframe[1].value
    assert set(requirements["action"]) == {"vpc:vpcs:list"}  # the data source lists VPCs, it never reads one
