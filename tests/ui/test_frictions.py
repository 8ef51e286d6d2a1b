"""The frictions a new reviewer hit (issue 14), each pinned by an AppTest on the fixture catalog.

Each of these failed on the UI before the interactive graph: wording, titles, counts, suggestions,
links, downloads, editions, and how often a rerun asks the engine the same question.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from apptest_support import button_labels, drawn, open_page, table, texts
from click.testing import CliRunner
from PIL import Image
from ui_support import BUNDLED_CATALOG, FIXTURE_CATALOG

from explorer import api
from explorer.cli import cli
from explorer.graph import Explorer, PairScope
from explorer.model import Provenance
from explorer.render.synthetic import synthetic_view
from explorer.ui import graph_panel, tables


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(FIXTURE_CATALOG))
    yield


def test_one_closure_and_one_why_per_rerun(monkeypatch: pytest.MonkeyPatch) -> None:
    # The page's own questions; the "Policy for this" block generates the whole answer's policies through
    # explorer.policy (cached per target), which is another question and is not counted here.
    calls: dict[str, int] = {"closure": 0, "why": 0, "dependents": 0}
    for name in calls:
        real = getattr(Explorer, name)

        def counting(self: Explorer, *args: object, _real: Any = real, _name: str = name, **kw: object) -> object:
            if not sys._getframe(1).f_globals.get("__name__", "").startswith("explorer.policy"):
                calls[_name] += 1
            return _real(self, *args, **kw)

        monkeypatch.setattr(Explorer, name, counting)
    at = open_page(action="ecs:servers:createImage", depth="2", possible="1", node="ims:serverImages:create")
    assert calls == {"closure": 1, "why": 1, "dependents": 0}
    at.radio(key="ex_depth").set_value("1").run()  # the node is not in the depth-1 graph: no why
    assert calls == {"closure": 2, "why": 1, "dependents": 0}
    at.radio(key="ex_direction").set_value("dependents").run()
    assert calls == {"closure": 2, "why": 1, "dependents": 1}


def test_counts_agree_with_the_cli_and_nouns_agree_with_counts() -> None:
    result = CliRunner().invoke(cli, ["closure", "ecs:servers:createImage", "--catalog", str(FIXTURE_CATALOG)])
    at = open_page(action="ecs:servers:createImage")
    heading = texts(at, "markdown")[0]
    summary = "7 required actions besides the target (7 documented, 0 certain)"
    assert heading == f"Closure of `ecs:servers:createImage` — {summary}"
    assert summary in " ".join(result.output.split())  # the CLI counts alike
    at = open_page(action="ims:images:update", possible="1")
    assert texts(at, "markdown")[0].endswith(
        "— 1 required action besides the target (1 documented, 0 certain), and 0 possible"
    )
    at = open_page(action="ecs:servers:createImage", direction="dependents")
    assert texts(at, "markdown")[0] == "Dependents of `ecs:servers:createImage` — 1 dependent"
    at = open_page(action="ims:serverImages:create", direction="dependents", depth="1")
    assert texts(at, "markdown")[0].endswith("— 3 dependents (more beyond this depth)")
    assert "cut at depth 1: more dependents lie deeper" in texts(at, "info")


def test_titles_name_the_operation_and_the_action_as_the_catalog_spells_them() -> None:
    api_path = "POST /v2.1/{project_id}/servers/{server_id}/action"
    at = open_page(action=api_path)
    assert texts(at, "markdown")[0].startswith(f"Closure of **创建镜像（OpenStack原生）** `{api_path}` — ")
    assert "checks `ecs:servers:createImage`" in texts(at, "caption")[1]  # under the page's one-line intro
    at = open_page(action="ECS:servers:createimage")
    assert texts(at, "markdown")[0].startswith("Closure of `ecs:servers:createImage` — ")


def test_api_suggestions_are_real_apis_ranked_by_similarity() -> None:
    at = open_page(action="POST /v2.1/{project_id}/server/{server_id}/action")
    labels = button_labels(at)
    assert labels[0] == "POST /v2.1/{project_id}/servers/{server_id}/action — 创建镜像（OpenStack原生）"
    assert not any("{}" in label for label in labels)
    at.button(key="pick_0").click().run()
    assert "ecs:servers:createImage" in {n["id"] for n in drawn(at)["graph"]["nodes"]}


def test_a_bad_node_in_a_link_is_reported() -> None:
    at = open_page(action="ecs:servers:createImage", node="ims:nothing:here")
    assert any("node `ims:nothing:here`, which is not in this graph" in w for w in texts(at, "warning"))
    assert "node" not in at.query_params
    assert drawn(at)["selected"] == ""


def test_why_steps_show_each_editions_name_and_link_the_row_at_its_commit() -> None:
    at = open_page(action="ecs:servers:createImage", node="evs:snapshots:create")
    path = next(m for m in texts(at, "markdown") if m.startswith("**Path 1**"))
    assert (
        "names by edition: huaweicloud-zh: 创建镜像（OpenStack原生） · otc-en: Creating an image (native OpenStack API)"
        in path
    )
    row = Provenance(
        "huaweicloud-zh/ecs/镜像管理.md",
        1,
        1,
        "huaweicloud-zh",
        "huaweicloudDocs/ecs",
        "bd661adb11",
        "cn.zh-cn/API参考/镜像 管理.md",
    )
    assert api.source_url(row) == (
        "https://github.com/huaweicloudDocs/ecs/blob/bd661adb11/cn.zh-cn/API%E5%8F%82%E8%80%83/%E9%95%9C%E5%83%8F%20%E7%AE%A1%E7%90%86.md"
    )
    for bad in (
        Provenance("f", 1, 1, repo="javascript://x"),
        Provenance("f", 1, 1, repo="a/b", commit="main"),
        Provenance("f", 1, 1, repo="a/b", commit="abcdef1", path="../x"),
    ):
        assert api.source_url(bad) == ""


@pytest.mark.skipif(not (BUNDLED_CATALOG / "huaweicloud").is_dir(), reason="needs the bundled catalog")
def test_on_the_bundled_catalog_rows_link_to_the_source_file_at_its_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(BUNDLED_CATALOG))
    at = open_page(action="ecs:servers:createImage", node="evs:snapshots:create")
    path = next(m.value for m in at.markdown if str(m.value).startswith("**Path 1**"))
    assert "](https://github.com/huaweicloudDocs/ecs/blob/" in path and "/cn.zh-cn/API%E5%8F%82%E8%80%83/" in path


def test_csv_has_a_bom_and_one_entry_per_api_not_per_edition() -> None:
    pair = PairScope(
        "ims:images:list",
        "op1",
        "Querying images",
        ("GET /v2/cloudimages",),
        True,
        False,
        Provenance("a.rst", 1, 1, "otc-en"),
    )
    twin = PairScope(
        "ims:images:list",
        "op2",
        "Querying images",
        ("GET /v2/cloudimages",),
        True,
        False,
        Provenance("b.html", 1, 1, "otc-html"),
    )
    assert tables.pairs_text([pair, twin]) == "GET /v2/cloudimages: IAM yes, EP no (otc-en, otc-html)"
    at = open_page(action="ecs:servers:createImage")
    data = tables.to_csv(table(at))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["action"] == "ecs:servers:createImage" and "创建镜像" not in rows[0]["action"]
    assert any("huaweicloud-zh/ecs/镜像管理.md" in r["provenance"] for r in rows)


def test_png_of_a_large_graph_is_collapsed_like_mermaid() -> None:
    view = synthetic_view(422)
    png = graph_panel.export(view, "png")
    with Image.open(io.BytesIO(png)) as image:
        width, height = image.size
    assert png == api.render_view(view, "png", collapse=True)  # one node per service, as the Mermaid export
    assert max(width, height) < 5000, (width, height)
    assert graph_panel.export(view, "mermaid") == api.render_view(view, "mermaid")
    small = synthetic_view(40)
    assert graph_panel.export(small, "png") == api.render_view(small, "png")
