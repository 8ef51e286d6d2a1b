"""AppTest tests of every page on the fixture catalog (no browser; a few tenths of a second each)."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from apptest_support import (
    button_labels,
    copy_buttons,
    dot_source,
    drawn,
    graphs,
    new_app,
    open_page,
    open_policy,
    shown,
    table,
    texts,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest
from ui_support import DOCUMENTED, FIXTURE_CATALOG, REPO

from explorer import api
from explorer.catalog.store import dump_service
from explorer.errors import ExplorerError
from explorer.importers import FileReport, ImportReport, RowProblem, report_to_json
from explorer.model import ActionRef, Operation, Provenance, Scope, ServiceCatalog, SourceDoc
from explorer.render.layout import layout as graph_layout
from explorer.ui import source, uploads


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(FIXTURE_CATALOG))
    yield


# --- Explore ---------------------------------------------------------------------------------


def test_landing_page_offers_examples_and_no_graph() -> None:
    at = open_page()
    assert at.title[0].value == "Explore"
    assert not graphs(at)
    assert "ecs:servers:createImage" in button_labels(at)


def test_the_stylesheet_comes_first_as_markdown_in_a_container_that_takes_no_room() -> None:
    """theme.css goes as Markdown's raw HTML (code the browser has before any element arrives; st.html's is
    fetched later, and the graph was first drawn in a narrower column), in a container its own rule hides."""
    theme = (REPO / "explorer" / "ui" / "theme.css").read_text(encoding="utf-8")
    at = open_page(action="ecs:servers:createImage")
    first = at.markdown[0]
    assert first.value == f"<style>{theme}</style>"
    assert first.allow_html
    assert '[data-testid="stLayoutWrapper"]:has(> .st-key-pe_theme) { display: none; }' in theme
    assert at.get("html") == []


def test_link_shows_documented_requirements_with_scope_and_provenance() -> None:
    at = open_page(action="ecs:servers:createImage")
    nodes = {n["id"]: n for n in drawn(at)["graph"]["nodes"]}
    assert set(nodes) == {*DOCUMENTED, "ecs:servers:createImage"}
    # Each node's first label line is its action; the next says its enterprise-project scope in words.
    assert nodes["ims:images:get"]["lines"] == ["ims:images:get", "EP: yes"]
    assert nodes["ims:images:list"]["lines"] == ["ims:images:list", "EP: mixed"]
    assert nodes["ecs:servers:createImage"]["lines"] == ["ecs:servers:createImage", "EP: no | target"]
    # Positions are Graphviz's (rankdir LR): the target left of everything it needs.
    assert all(nodes["ecs:servers:createImage"]["x"] < nodes[a]["x"] for a in DOCUMENTED)
    rows = {r["action"]: r for r in table(at)}
    assert sorted(a for a, r in rows.items() if r["depth"] == 1) == sorted(DOCUMENTED)
    assert rows["ecs:servers:createImage"]["depth"] == 0
    assert rows["ims:images:list"]["scope"] == "mixed"
    assert "GET /v2/images: IAM yes, EP no" in str(rows["ims:images:list"]["scope per operation"])
    assert "GET /v2/cloudimages: IAM yes, EP yes" in str(rows["ims:images:list"]["scope per operation"])
    assert rows["evs:volumes:get"]["provenance"] == "huaweicloud-zh/ecs/镜像管理.md table 1 row 1"
    assert rows["ims:images:delete"]["resolved"] == "no (no table defines it)"
    heading = texts(at, "markdown")[0]
    # The sentence the CLI prints, and the target as the catalog spells it.
    assert heading == (
        "Closure of `ecs:servers:createImage` — 7 required actions besides the target (7 documented, 0 certain)"
    )
    assert "checked by **创建镜像（OpenStack原生）** `POST /v2.1/{project_id}/servers/{server_id}/action`" in " ".join(
        texts(at, "caption")
    )


def test_possible_depth_and_conditional_filter_change_graph_table_and_link() -> None:
    at = open_page(action="ecs:servers:createImage")
    # one of the two rows that check ims:images:update lists ims:serverImages:create: possible, not by default
    assert "ims:serverImages:create" not in dot_source(at)
    assert {r["basis"] for r in table(at)} == {"target", "documented"}
    at.checkbox(key="ex_possible").check().run()
    assert "ims:serverImages:create" in dot_source(at)
    assert "possible, depth 2" in dot_source(at)
    deep = {r["action"]: r for r in table(at)}["ims:serverImages:create"]
    assert (deep["depth"], deep["basis"], deep["via"]) == (2, "possible", "ims:images:update")
    assert deep["condition"] == "仅企业项目迁移需要"
    assert deep["provenance"] == "huaweicloud-zh/ims/镜像管理.md table 1 row 2"
    assert deep["APIs that would need it"] == "PATCH /v2/cloudimages/{image_id}"  # the ims:images:update row
    assert at.query_params["possible"] == "1"
    at.radio(key="ex_depth").set_value("1").run()
    assert "ims:serverImages:create" not in dot_source(at)
    assert at.query_params["depth"] == "1"
    at.radio(key="ex_depth").set_value("2").run()
    at.checkbox(key="ex_conditional").uncheck().run()
    assert "ims:serverImages:create" not in dot_source(at)
    assert "ims:serverImages:create" not in [r["action"] for r in table(at)]
    assert at.query_params["conditional"] == "0"


def test_leaving_out_one_condition() -> None:
    at = open_page(action="ecs:servers:createImage", depth="2", possible="1")
    without = at.multiselect(key="ex_without")
    assert without.options == ["仅企业项目迁移需要"]
    without.select("仅企业项目迁移需要").run()
    assert "ims:serverImages:create" not in dot_source(at)
    assert "ims:serverImages:create" not in [r["action"] for r in table(at)]
    assert {r["action"] for r in table(at)} == {"ecs:servers:createImage", *DOCUMENTED}


def test_dependents_direction() -> None:
    at = open_page(action="evs:snapshots:create", direction="dependents", depth="all")
    rows = table(at)
    assert {(r["dependent"], r["depth"]) for r in rows} >= {("ecs:servers:createImage", 1)}
    assert "ecs:servers:createImage" in dot_source(at)


def test_why_shows_the_path_with_its_rows() -> None:
    at = open_page(action="ecs:servers:createImage", depth="2", possible="1")
    at.selectbox(key="ex_node").select("ims:serverImages:create").run()
    path = next(m for m in texts(at, "markdown") if m.startswith("**Path 1**"))
    assert "1. `ecs:servers:createImage` → `ims:images:update` (documented dependency)" in path
    step = "2. `ims:images:update` → `ims:serverImages:create` (documented dependency; possible: only some rows"
    assert step in path
    # Each step names the row's operation, its API, the action it checks and the row itself.
    assert (
        "**更新镜像信息** · `PATCH /v2/cloudimages/{image_id}` · checks `ims:images:update` · "
        "huaweicloud-zh/ims/镜像管理.md table 1 row 2 · only when: 仅企业项目迁移需要"
    ) in path
    assert at.query_params["node"] == "ims:serverImages:create"
    args = drawn(at)  # the path is highlighted in the one graph, not drawn as a second one
    assert args["selected"] == "ims:serverImages:create"
    assert args["path"]["nodes"] == ["ecs:servers:createImage", "ims:images:update", "ims:serverImages:create"]
    assert args["path"]["edges"] == [
        ["ecs:servers:createImage", "ims:images:update"],
        ["ims:images:update", "ims:serverImages:create"],
    ]


def test_unknown_action_in_link_gets_suggestions_that_work() -> None:
    at = open_page(action="ecs:servers:createImag")
    assert not graphs(at)
    assert any("exactly `ecs:servers:createImag`" in w for w in texts(at, "warning"))
    pick = next(b for b in at.button if shown(b.label).startswith("ecs:servers:createImage"))
    pick.click().run()
    assert "ims:images:list" in dot_source(at)
    assert at.query_params["action"] == "ecs:servers:createImage"


def test_chinese_operation_name_and_api_path_search() -> None:
    at = open_page(action="创建镜像")
    labels = button_labels(at)
    api_path = "POST /v2.1/{project_id}/servers/{server_id}/action"
    # Suggestions are texts of the catalog, explored as written: the operation's name, with its API beside it.
    assert f"创建镜像（OpenStack原生） — {api_path}" in labels
    assert not any(label.startswith("op:") for label in labels)
    at = open_page(action="POST /v2.1/{project_id}/servers/{server_id}/action")
    rows = {r["action"]: (r["depth"], r["via"]) for r in table(at)}
    # The API names the operation row: the action it checks and its dependencies are all documented there.
    assert rows == {a: (1, "op:ui-ecs-createimage") for a in ("ecs:servers:createImage", *DOCUMENTED)}
    assert "创建镜像（OpenStack原生）" in dot_source(at)


def test_bad_link_values_fall_back_with_a_warning() -> None:
    at = open_page(action="ecs:servers:createImage", depth="99", direction="sideways", cloud="aws")
    warnings = " ".join(texts(at, "warning"))
    assert "depth '99'" in warnings and "direction 'sideways'" in warnings and "cloud 'aws'" in warnings
    assert at.radio(key="ex_depth").value == "all"
    assert at.selectbox(key="ex_cloud").value == "huaweicloud"


def test_other_cloud_from_link() -> None:
    at = open_page(action="ecs:servers:createImage", cloud="otc")
    depth_one = sorted(str(r["action"]) for r in table(at) if r["depth"] == 1)
    assert depth_one == sorted((*DOCUMENTED, "ecs:servers:list", "ims:quotas:get"))


def test_download_buttons_for_every_format() -> None:
    at = open_page(action="ecs:servers:createImage")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["SVG", "PNG", "DOT", "Mermaid", "JSON", "Table CSV"]
    # the "policy for this" block adds its own once opened (tests/ui/test_policy_page.py)
    labels = [b.label for b in open_policy(at, "ex_policy").get("download_button")]
    assert labels == ["SVG", "PNG", "DOT", "Mermaid", "JSON", "Table CSV", "Policies JSON", "Terraform"]


# --- Scope -----------------------------------------------------------------------------------


def test_scope_verdict_blockers_and_plan() -> None:
    at = open_page("scope", targets="ecs:servers:createImage")
    assert texts(at, "error")[0].startswith(
        "✗ **Cannot be granted on an enterprise project: 3 actions work there for no documented row "
        "(ecs:servers:createImage, evs:volumes:get, ims:images:create).**"
    )
    blockers = {r["action"]: r["scope"] for r in table(at, 0)}
    assert blockers == {
        "ecs:servers:createImage": "not supported",
        "evs:volumes:get": "not supported",
        "ims:images:create": "not supported",
    }
    plans = [c.value for c in at.code][:3]  # then the "policy for this" block's documents
    assert plans == [
        "ims:images:get\nims:images:update",
        "\n".join(sorted(blockers)),
        "evs:snapshots:create\nims:images:delete\nims:images:list",
    ]
    checks = {r["action"]: r for r in table(at, 1)}
    assert checks["ims:images:list"]["works on an enterprise project for"] == "GET /v2/cloudimages"
    assert checks["evs:snapshots:create"]["not for"] == "POST /v2/{project_id}/snapshots"


def test_scope_grantable_and_matrix() -> None:
    at = open_page("scope", targets="ims:images:update", depth="all")
    assert "Can be granted on an enterprise project" in texts(at, "success")[0]
    matrix = {r["service"]: r for r in table(at, len(at.dataframe) - 1)}
    assert matrix["ims"]["enterprise project: yes"] == 5 and matrix["ims"]["enterprise project: no"] == 2
    assert matrix["ecs"]["enterprise project: no"] == 1


# --- Catalog ---------------------------------------------------------------------------------


def test_catalog_page_health() -> None:
    at = open_page("catalog")
    services = {r["service"]: r["operations"] for r in table(at, 0)}
    assert services == {"ecs": 1, "evs": 2, "ims": 7}
    assert [r["action"] for r in table(at, 1)] == ["ims:images:delete"]
    disagreeing = {(r["action"], r["field"]) for r in table(at, 2)}
    assert ("ims:images:list", "enterprise_project") in disagreeing
    assert not graphs(at)
    at.selectbox(key="cat_service").select("ims").run()
    dot = dot_source(at)
    for name in ("查询镜像列表（OpenStack原生）", "制作镜像", "ims:serverImages:create", "ims:images:list"):
        assert name in dot
    assert "ecs:servers:createImage" not in dot  # another service's action that needs ims is not drawn


# --- Upload ----------------------------------------------------------------------------------


def test_uploaded_catalog_is_laid_over_the_bundled_one_or_used_alone() -> None:
    data = (FIXTURE_CATALOG / "otc" / "ims.yaml").read_bytes()
    upload = uploads.catalog_from_yaml([uploads.Upload("ims.yaml", data)])
    at = new_app()
    at.session_state[source.UPLOAD_KEY] = upload
    at.query_params["action"] = "ims:images:update"
    at.run()
    assert not at.exception
    # Laid over the served catalog: its other clouds and services stay, the upload's cloud comes first.
    assert at.selectbox(key="ex_cloud").options == ["otc", "huaweicloud"]
    assert {r["action"] for r in table(at)} == {"ims:images:update", "ims:serverImages:create", "obs:bucket:*"}
    assert at.query_params["upload"] == upload.key  # the link says it refers to uploaded data
    assert "with uploaded data: ims.yaml" in " ".join(texts(at, "caption"))
    assert f"Exploring an upload: ims.yaml (laid over {FIXTURE_CATALOG})" in texts(at, "caption")
    at.toggle(key=source.ALONE_KEY).set_value(True).run()
    assert at.selectbox(key="ex_cloud").options == ["otc"]
    assert at.query_params["uploaded"] == "alone"


def test_an_upload_layered_over_the_catalog_resolves_dependencies_on_other_services() -> None:
    # An otc ECS row whose dependency lives in the bundled ims service: alone it is unresolved.
    row = Operation(
        id="op-mine",
        name={"en": "Create my image"},
        apis=("POST /v1/mine",),
        actions=(ActionRef("ecs:mine:create"),),
        dependencies=(ActionRef("ims:images:update"),),
        scope=Scope(True, True),
        notes=(),
        provenance=Provenance("mine.md", 1, 1),
    )
    text = dump_service(ServiceCatalog("otc", "mine", (SourceDoc("mine.md", "otc-en"),), (row,)))
    upload = uploads.catalog_from_yaml([uploads.Upload("mine.yaml", text.encode("utf-8"))])
    at = new_app()
    at.session_state[source.UPLOAD_KEY] = upload
    at.query_params.update(action="ecs:mine:create", depth="2")
    at.run()
    rows = {r["action"]: r for r in table(at)}
    assert rows["ims:images:update"]["resolved"] == "yes"
    assert "ims:serverImages:create" in rows  # the bundled ims row's own dependency, one level deeper
    at.toggle(key=source.ALONE_KEY).set_value(True).run()
    rows = {r["action"]: r for r in table(at)}
    assert rows["ims:images:update"]["resolved"] == "no (no table defines it)"


def test_an_upload_survives_a_reload_through_its_link() -> None:
    data = (FIXTURE_CATALOG / "otc" / "ims.yaml").read_bytes()
    upload = uploads.catalog_from_yaml([uploads.Upload("ims.yaml", data)])
    source.remember(upload)  # what the Upload page does
    at = open_page(action="ims:images:update", upload=upload.key, cloud="otc")  # a new session: a reload
    assert f"Exploring an upload: ims.yaml (laid over {FIXTURE_CATALOG})" in texts(at, "caption")
    assert at.query_params["upload"] == upload.key
    gone = open_page(action="ims:images:update", upload="0123456789abcdef")
    assert any("refers to uploaded data (upload 0123456789abcdef)" in w for w in texts(gone, "warning"))
    assert "upload" not in gone.query_params


def test_upload_page_renders_limits() -> None:
    at = open_page("upload")
    assert at.title[0].value == "Upload"
    assert "5 MB per file" in at.caption[0].value


def test_malformed_yaml_upload_names_file_and_line() -> None:
    bad = b"schema_version: 1\ncloud: otc\nservice: [ims\n"
    with pytest.raises(ExplorerError) as err:
        uploads.catalog_from_yaml([uploads.Upload("mine.yaml", bad)])
    assert "mine.yaml: line" in str(err.value) and "malformed YAML" in str(err.value)


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([], "no file uploaded"),
        ([("a.yaml", b"  \n")], "a.yaml: the file is empty"),
        ([("a.txt", b"x: 1")], "a.txt: expected a catalog file ending in .yaml or .yml"),
        ([("big.yaml", b"x" * (uploads.MAX_FILE_BYTES + 1))], "big.yaml: 5,242,881 bytes is above the limit"),
    ],
)
def test_upload_limits_and_types(files: list[tuple[str, bytes]], message: str) -> None:
    with pytest.raises(ExplorerError) as err:
        uploads.catalog_from_yaml([uploads.Upload(n, d) for n, d in files])
    assert message in str(err.value)


def test_same_service_twice_is_refused() -> None:
    data = (FIXTURE_CATALOG / "otc" / "ims.yaml").read_bytes()
    with pytest.raises(ExplorerError) as err:
        uploads.catalog_from_yaml([uploads.Upload("a.yaml", data), uploads.Upload("b.yaml", data)])
    assert "service 'ims' of cloud 'otc' is in two uploaded files" in str(err.value)


# A documentation table in the Huawei Markdown pipe format (facts from the IMS action table).
IMS_TABLE = """|权限|对应API接口|授权项（Action）|IAM项目（Project）|企业项目（Enterprise Project）|
|--|--|--|--|--|
|查询镜像列表|GET /v2/cloudimages|ims:images:list|√|√|
|查询镜像列表（OpenStack原生）|GET /v2/images|ims:images:list|√|x|
""".encode()


def test_documentation_table_upload_is_imported_and_explored() -> None:
    upload = uploads.catalog_from_documents(
        [uploads.Upload("images.md", IMS_TABLE)], cloud="huaweicloud", edition="huaweicloud-zh"
    )
    assert upload.notes == ("images.md: md-pipe, service ims: 2 of 2 rows imported from 1 action tables",)
    at = new_app()
    at.session_state[source.UPLOAD_KEY] = upload
    at.run()
    at.switch_page("screens/scope.py")
    at.query_params["targets"] = "GET /v2/images"
    at.run()
    assert not at.exception
    assert "Cannot be granted on an enterprise project" in texts(at, "error")[0]
    at.query_params["targets"] = "GET /v2/cloudimages"
    at.session_state["sc_targets"] = ["GET /v2/cloudimages"]
    at.run()
    assert "Can be granted on an enterprise project" in texts(at, "success")[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.md", b"# just a heading\n", "notes.md: no action table found"),
        ("blob.md", bytes(range(256)) * 4, "blob.md: not a text file"),
        (
            "table.pdf",
            IMS_TABLE,
            "table.pdf: expected a documentation file ending in .htm, .html, .markdown, .md, .rst, .txt",
        ),
    ],
)
def test_bad_documentation_uploads(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ExplorerError) as err:
        uploads.catalog_from_documents([uploads.Upload(name, data)], cloud="huaweicloud", edition="huaweicloud-zh")
    assert str(err.value).startswith(message)


def shown_image(at: AppTest) -> tuple[str, str]:
    """The width and the SVG text of the server-rendered diagram image."""
    box = at.get("html")[0].proto.body
    found = re.search(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" width="(\d+|100%)"', box)
    assert found is not None, box[:300]
    return found.group(2), base64.b64decode(found.group(1)).decode("utf-8")


def test_static_image_is_the_fallback_with_zoom() -> None:
    at = open_page(action="ecs:servers:createImage")
    assert graphs(at)
    at.toggle(key="ex_graph_static").set_value(True).run()
    assert not graphs(at)
    fit, svg = shown_image(at)
    assert fit == "100%"
    assert svg.startswith("<svg") and "ims:images:list" in svg and "<script" not in svg
    assert "Legend" not in svg  # the key is beside the graph, never inside it
    at.select_slider(key="ex_graph_zoom").set_value(50).run()
    half, same = shown_image(at)
    at.select_slider(key="ex_graph_zoom").set_value(100).run()
    full, _ = shown_image(at)
    assert same == svg and int(full) == pytest.approx(2 * int(half), abs=1)
    natural_pt = re.search(r'<svg width="(\d+)pt"', svg)
    assert natural_pt is not None and int(full) == pytest.approx(int(natural_pt.group(1)) * 4 / 3, abs=1)


def test_graph_positions_are_graphviz_layout_of_the_exports() -> None:
    at = open_page(action="ecs:servers:createImage")
    args = drawn(at)
    view = api.closure_view(api.get_explorer("huaweicloud", FIXTURE_CATALOG), "ecs:servers:createImage", 1)
    placed = graph_layout(view)
    for node in args["graph"]["nodes"]:
        box = placed.nodes[node["id"]]
        assert (node["x"], node["y"]) == (round(box.x, 1), round(box.y, 1))
    assert set(args["graph"]["services"]) == {"ecs", "evs", "ims"}  # clusters: what "fold a service" folds


def test_zoom_box_scales_the_natural_width() -> None:
    from explorer.ui.graph_panel import zoom_box

    svg = '<svg width="300pt" height="120pt" viewBox="0 0 300 120"><text width="5pt">x</text></svg>'
    assert 'width="200"' in zoom_box(svg, 50, "a <b> title")  # 300 pt = 400 px, at 50 %
    assert 'width="100%"' in zoom_box(svg, None, "fit")
    assert 'alt="a &lt;b&gt; title"' in zoom_box(svg, 50, "a <b> title")


def test_catalog_is_loaded_once_and_shared_across_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    from explorer.app import catalogs

    calls: list[object] = []
    real_load = catalogs.load

    def counting_load(paths: list[Path] | None = None) -> dict[str, api.Catalog]:
        calls.append(paths)
        return real_load(paths)

    monkeypatch.setattr(catalogs, "load", counting_load)
    source.bundled.clear()
    first = open_page(action="ecs:servers:createImage")
    first.radio(key="ex_depth").set_value("2").run()
    first.checkbox(key="ex_conditional").uncheck().run()
    open_page("scope", targets="ecs:servers:createImage")  # a second session
    assert calls == [[FIXTURE_CATALOG]]


HOSTILE = "![x](http://198.51.100.1/p.png) <script>alert(1)</script> [link](javascript:alert(1)) **bold** `tick"


def hostile_catalog() -> bytes:
    """A valid catalog service whose free-text fields are Markdown and HTML an attacker would write."""
    source = SourceDoc(f"docs/{HOSTILE[:20]}.md", "otc-en")
    op = Operation(
        id="op-hostile",
        name={"en": HOSTILE},
        apis=("GET /v2/cloudimages",),
        actions=(ActionRef("ims:images:list"),),
        dependencies=(ActionRef("ims:images:get", HOSTILE),),
        scope=Scope(True, False),
        notes=(HOSTILE,),
        provenance=Provenance(source.file, 1, 1),
    )
    return dump_service(ServiceCatalog("otc", "ims", (source,), (op,))).encode("utf-8")


def test_hostile_text_in_an_upload_is_shown_literally() -> None:
    upload = uploads.catalog_from_yaml([uploads.Upload("ims.yaml", hostile_catalog())])
    at = new_app()
    at.session_state[source.UPLOAD_KEY] = upload
    at.query_params.update(action="ims:images:list", depth="2", node="ims:images:get")
    at.run()
    assert not at.exception
    raw = [str(e.value) for kind in ("markdown", "caption", "warning", "error", "info") for e in at.get(kind)]
    assert not any("![x](" in text or "<script>" in text or "](javascript:" in text for text in raw)
    path = next(t for t in texts(at, "markdown") if t.startswith("**Path 1**"))
    assert f"only when: {HOSTILE}" in path  # shown as written, not interpreted
    at.text_input(key="ex_target").set_value(HOSTILE[:12]).run()
    assert not at.exception
    assert any(HOSTILE in label for label in button_labels(at))
    assert not any("![x](" in b.label for b in at.button)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400).map(str.encode)))
def test_any_uploaded_bytes_give_a_catalog_or_a_clear_error(data: bytes) -> None:
    try:
        result = uploads.catalog_from_yaml([uploads.Upload("x.yaml", data)])
    except ExplorerError as exc:  # anything else (a crash) fails the test
        assert "x.yaml" in str(exc)
    else:
        assert result.label == "uploaded: x.yaml" and result.catalogs


def test_back_from_an_upload_to_the_bundled_catalog_starts_afresh() -> None:
    data = (FIXTURE_CATALOG / "otc" / "ims.yaml").read_bytes()
    at = new_app()
    at.session_state[source.UPLOAD_KEY] = uploads.catalog_from_yaml([uploads.Upload("ims.yaml", data)])
    at.query_params["action"] = "ims:images:update"
    at.run()
    assert at.selectbox(key="ex_cloud").options == ["otc", "huaweicloud"]
    assert f"Exploring an upload: ims.yaml (laid over {FIXTURE_CATALOG})" in texts(at, "caption")
    at.button(key="back_to_bundled").click().run()
    assert not at.exception
    assert source.UPLOAD_KEY not in at.session_state
    assert at.selectbox(key="ex_cloud").options == ["huaweicloud", "otc"]
    # The widgets start afresh from the link, which now means the served catalog's otc cloud.
    assert (at.selectbox(key="ex_cloud").value, at.text_input(key="ex_target").value) == ("otc", "ims:images:update")
    assert "ims:serverImages:create" in dot_source(at)


def test_catalog_page_import_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURE_CATALOG, root)
    ims = FileReport("huaweicloud-zh/ims/镜像管理.md", "huaweicloud-zh", "ims", "md-pipe", 1, 19, 7)
    ims.problems.append(RowProblem(ims.file, 1, 15, "the action cell gives no action ('无')"))
    (root / "import-report.json").write_text(report_to_json(ImportReport([ims])), encoding="utf-8")
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(root))
    at = open_page("catalog")
    metrics = {m.label: m.value for m in at.metric}
    counts = [metrics[k] for k in ("Files", "Rows seen", "Rows imported", "Rows skipped")]
    assert counts == ["1", "19", "7", "1"]
    files = table(at, 3)
    assert [(f["file"], f["rows seen"], f["rows imported"]) for f in files] == [(ims.file, 19, 7)]
    reason = "the action cell gives no action ('无')"
    assert table(at, 4) == [{"file": ims.file, "table": 1, "row": 15, "reason": reason, "outcome": "row skipped"}]


def test_catalog_page_without_import_report() -> None:
    at = open_page("catalog")
    assert any(t.startswith("No import report: ") for t in texts(at, "caption"))


# --- APIs whose rows list no action ------------------------------------------------------------

NO_ACTION_CATALOG = REPO / "tests" / "fixtures" / "no_action_catalog"


def test_explore_and_scope_of_an_api_that_needs_no_action(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(NO_ACTION_CATALOG))
    at = open_page(action="GET /", depth="all")
    assert "the documentation lists no action for it" in " ".join(texts(at, "caption"))
    infos = texts(at, "info")
    assert any(
        "the documentation lists no action for 查询接口版本信息列表（示例）: no action required (action cell: 无)" in i
        for i in infos
    ), infos
    assert "查询接口版本信息列表（示例）" in dot_source(at)  # the operation, alone
    assert table(at, 0) == []
    at = open_page("scope", targets="GET /")
    info = texts(at, "info")[0]
    assert info.startswith("**Nothing to grant**: the documentation lists no action for GET /.")
    assert "no action required (action cell: 无)" in info
    assert not texts(at, "success") and not texts(at, "error")


def test_the_explore_table_is_drawn_when_opened() -> None:
    """Closed (the default), the Table expander names its size and draws no grid; opened, the rows."""
    at = new_app()
    at.session_state["ex_table_open"] = False
    at.query_params["action"] = "ecs:servers:createImage"
    at.run()
    assert not at.exception
    assert len(at.dataframe) == 0
    (label,) = [e.label for e in at.expander if e.label.startswith("Table")]
    assert label == f"Table: {len(table(open_page(action='ecs:servers:createImage')))} rows"
    at.session_state["ex_table_open"] = True
    at.run()
    assert {r["action"] for r in table(at)} >= {"ecs:servers:createImage", *DOCUMENTED}


def test_scope_and_explore_give_the_same_plan() -> None:
    """Issue 21: the Scope page and Explore's "Policy for this" show one plan, as ``scope`` prints it."""
    from explorer.app import catalogs, scope_plan

    scope_page = open_page("scope", targets="ecs:servers:createImage")
    explore = open_policy(open_page(action="ecs:servers:createImage"), "ex_policy")

    def plan_text(at: AppTest) -> str:
        return next(c.value for c in at.code if c.value.startswith(("Cannot", "Can be", "Depends")))

    expected = scope_plan.plan(catalogs.get_explorer("huaweicloud", FIXTURE_CATALOG), ["ecs:servers:createImage"]).text
    assert plan_text(scope_page) == plan_text(explore) == expected.rstrip("\n")
    assert expected.startswith("Cannot be granted on an enterprise project: 3 actions")
    # the three parts, side by side, the same on both pages
    assert [c.value for c in scope_page.code][:3] == [c.value for c in explore.code][:3]
    # one button copies the whole plan, as printed; the sidebar's copies the page's address (read in the browser)
    for at in (scope_page, explore):
        buttons = {b["label"]: b for b in copy_buttons(at)}
        assert set(buttons) == {"Copy the whole plan", "Copy link"}
        assert (buttons["Copy the whole plan"]["text"], buttons["Copy the whole plan"]["link"]) == (expected, False)
        assert (buttons["Copy link"]["text"], buttons["Copy link"]["link"]) == ("", True)


PASTED_ERROR = "Policy doesn't allow ecs:servers:createImage to be performed."  # the message of issue 21


def test_a_pasted_error_is_explored_as_the_action_it_names() -> None:
    at = open_page()
    at.text_input(key="ex_target").set_value(PASTED_ERROR).run()
    assert not at.exception
    assert at.session_state["ex_target"] == "ecs:servers:createImage"
    assert at.query_params["action"] == "ecs:servers:createImage"
    explained = next(c.value for c in at.code if c.value.startswith("The message names"))
    assert explained.splitlines()[0] == "The message names 1 action: ecs:servers:createImage."
    assert '"ecs:servers:createImage"' in explained
    assert set(DOCUMENTED) <= {n["id"] for n in graphs(at)[0]["graph"]["nodes"]}


def test_a_link_with_a_pasted_error_and_the_scope_picker() -> None:
    at = open_page(action=PASTED_ERROR)
    assert at.session_state["ex_target"] == "ecs:servers:createImage"
    scope_page = open_page("scope", targets="Policy doesn't allow 'ims:images:get;ims:images:list' to be performed")
    assert list(scope_page.session_state["sc_targets"]) == ["ims:images:get", "ims:images:list"]


def test_the_context_goes_from_explore_to_scope_and_back() -> None:
    """Issue 21: Explore (otc, createImage) then Scope opened on huaweicloud with nothing chosen."""
    at = open_page(action="ecs:servers:createImage", cloud="otc", depth="2")
    at.query_params.clear()  # the navigation opens the other page without the link
    at.switch_page("screens/scope.py")
    at.run()
    assert not at.exception
    assert (at.session_state["sc_cloud"], list(at.session_state["sc_targets"]), at.session_state["sc_depth"]) == (
        "otc",
        ["ecs:servers:createImage"],
        "2",
    )
    fresh = new_app()
    fresh.run()
    fresh.switch_page("screens/scope.py")
    fresh.query_params["targets"] = "ims:images:update"
    fresh.query_params["cloud"] = "otc"
    fresh.run()
    fresh.query_params.clear()
    fresh.switch_page("screens/explore.py")
    fresh.run()
    assert (fresh.session_state["ex_cloud"], fresh.session_state["ex_target"]) == ("otc", "ims:images:update")
