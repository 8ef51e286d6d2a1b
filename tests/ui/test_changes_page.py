"""The Changes page (AppTest): two sides of the served catalog or the session's upload, filters, deep links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from ui_support import FIXTURE_CATALOG, REPO

from explorer import api
from explorer.diff import KINDS as CHANGE_KINDS
from explorer.ui import source, uploads
from explorer.ui.changes_state import ChangesState, changes_params, default_service, read_changes

APP = REPO / "explorer" / "ui" / "app.py"
DIFF_FIXTURES = REPO / "tests" / "fixtures" / "diff"


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(FIXTURE_CATALOG))
    yield


def open_changes(upload: uploads.UploadedCatalog | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    if upload is not None:
        at.session_state[source.UPLOAD_KEY] = upload
    at.switch_page("screens/changes.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_default_compares_the_first_two_editions_on_ecs_and_puts_them_in_the_link() -> None:
    at = open_changes()
    sides = (at.selectbox(key="ch_old").value, at.selectbox(key="ch_new").value)
    assert sides == ("edition:huaweicloud-zh", "edition:otc-en")
    assert at.selectbox(key="ch_service").value == "ecs"
    fixture = api.load([FIXTURE_CATALOG])
    expected, _ = api.diff(fixture, fixture, editions=("huaweicloud-zh", "otc-en"), services=("ecs",))
    summary = {r["kind"]: r["count"] for r in at.dataframe[0].value.to_dict("records") if r["kind"]}
    assert summary == {k: n for k, n in expected.summary().items() if n}
    changes = at.dataframe[1].value.to_dict("records")
    assert len(changes) == len(expected.changes) > 0
    assert (at.query_params["old"], at.query_params["new"], at.query_params["service"]) == (
        "edition:huaweicloud-zh",
        "edition:otc-en",
        "ecs",
    )
    every = open_changes(old="cloud:huaweicloud", new="cloud:otc", service="*")
    assert every.selectbox(key="ch_service").value == ""
    whole, _ = api.diff(fixture, fixture, clouds=("huaweicloud", "otc"))
    assert len(every.dataframe[1].value) == len(whole.changes) > len(expected.changes)


def test_a_deep_link_reproduces_the_filtered_view() -> None:
    at = open_changes(old="cloud:huaweicloud", new="cloud:otc", kind="dependency_added", q="createImage")
    assert at.multiselect(key="ch_kinds").value == ["dependency_added"]
    changes = at.dataframe[1].value.to_dict("records")
    assert changes and all(r["kind"] == "dependency_added" for r in changes)
    assert all("createImage" in " ".join(str(v) for v in r.values()) for r in changes)
    assert all(r["old rows"] and r["new rows"] for r in changes)  # provenance of both sides
    assert at.query_params["kind"] == "dependency_added"


def test_editions_are_sides_too() -> None:
    at = open_changes(old="edition:huaweicloud-zh", new="edition:otc-en", service="*")
    expected, _ = api.diff(
        api.load([FIXTURE_CATALOG]), api.load([FIXTURE_CATALOG]), editions=("huaweicloud-zh", "otc-en")
    )
    assert len(at.dataframe[1].value) == len(expected.changes)
    assert any("diff --edition huaweicloud-zh --edition otc-en" in c.value for c in at.caption)


def test_a_bad_link_falls_back_with_a_warning() -> None:
    at = open_changes(old="cloud:nowhere", kind="bogus")
    warnings = [w.value for w in at.warning]
    assert any(w.startswith("unknown old side 'cloud\\:nowhere' in the link") for w in warnings)
    assert any(w.startswith("unknown kind of change in the link\\: bogus") for w in warnings)
    assert at.selectbox(key="ch_old").value == "edition:huaweicloud-zh"


def test_an_upload_against_the_served_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(DIFF_FIXTURES / "old"))
    new_file = DIFF_FIXTURES / "new" / "huaweicloud" / "ecs.yaml"
    upload = uploads.catalog_from_yaml([uploads.Upload("ecs.yaml", new_file.read_bytes())])
    at = open_changes(upload, old="cloud:huaweicloud", new="upload:cloud:huaweicloud", suspicious="1")
    assert at.checkbox(key="ch_suspicious").value is True
    changes = at.dataframe[1].value.to_dict("records")
    assert sorted(r["kind"] for r in changes) == ["action_changed", "action_changed", "dependency_added"]
    impact = at.dataframe[3].value.to_dict("records")
    assert impact[:2] == [
        {
            "action or API": "ecs:cloudServers:deleteVolume",
            "operation": "",
            "was": "",
            "added": "evs:volumes:create",
            "removed": "",
            "rows": "",
        },
        {
            "action or API": "DELETE /v1/{project_id}/cloudservers/{server_id}/volume",
            "operation": "删除磁盘",
            "was": "",
            "added": "evs:volumes:create",
            "removed": "",
            "rows": "old: huaweicloud-zh/ecs/a.md t1 r10; new: huaweicloud-zh/ecs/a.md t1 r11",
        },
    ]
    assert len(impact) == 5


def test_state_round_trips_through_the_link() -> None:
    sides = ("cloud:a", "cloud:b", "edition:x")
    state = ChangesState("cloud:b", "edition:x", "ecs", ("api_changed",), "v2", True)
    params = changes_params(state)
    assert params == {
        "old": "cloud:b",
        "new": "edition:x",
        "service": "ecs",
        "kind": "api_changed",
        "q": "v2",
        "suspicious": "1",
    }
    assert read_changes(params, sides, ("ecs",), CHANGE_KINDS) == state
    assert read_changes({}, sides, ("ecs",), CHANGE_KINDS) == ChangesState("cloud:a", "cloud:b", "ecs")
    two = ("cloud:a", "edition:x", "edition:y")
    assert read_changes({}, two, (), CHANGE_KINDS) == ChangesState("edition:x", "edition:y")
    every = ChangesState("cloud:a", "cloud:b")
    assert changes_params(every) == {"old": "cloud:a", "new": "cloud:b", "service": "*"}
    assert read_changes(changes_params(every), sides, ("ecs",), CHANGE_KINDS) == every


def test_the_page_is_in_the_navigation() -> None:
    from explorer.ui import navigation

    assert navigation.PAGES["changes"][0] == "Changes"
    assert (Path(navigation.PAGES_DIR) / "changes.py").is_file()


def test_the_summary_counts_the_suspicious_changes_and_says_why_in_full(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 21: the reason was cut to "dws:MF" in the table; the summary had no suspicious count."""
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(DIFF_FIXTURES / "old"))
    new_file = DIFF_FIXTURES / "new" / "huaweicloud" / "ecs.yaml"
    upload = uploads.catalog_from_yaml([uploads.Upload("ecs.yaml", new_file.read_bytes())])
    at = open_changes(upload, old="cloud:huaweicloud", new="upload:cloud:huaweicloud", suspicious="1")
    summary = {r["change"]: r["count"] for r in at.dataframe[0].value.to_dict("records")}
    flagged = at.dataframe[1].value.to_dict("records")
    assert summary["Suspicious changes (likely errors of the documentation)"] == len(flagged) == 3
    reasons = next(e for e in at.expander if e.label.startswith("Why suspicious"))
    text = reasons.markdown[0].value.replace("\\", "")
    for r in flagged:
        assert str(r["suspicious"]).replace("\\", "") in text


def test_the_downloads_hold_the_changes_the_filters_show(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(DIFF_FIXTURES / "old"))
    new_file = DIFF_FIXTURES / "new" / "huaweicloud" / "ecs.yaml"
    upload = uploads.catalog_from_yaml([uploads.Upload("ecs.yaml", new_file.read_bytes())])
    at = open_changes(upload, old="cloud:huaweicloud", new="upload:cloud:huaweicloud", suspicious="1")
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Markdown (for a pull request): the 3 changes shown" in labels
    assert "JSON: the 3 changes shown" in labels


def test_a_long_list_of_requirements_is_cut_in_the_table() -> None:
    from explorer.ui.screens.changes import SHOWN_NAMES, _names

    names = tuple(f"s:r:a{i:02}" for i in range(SHOWN_NAMES + 5))
    assert _names(names) == ", ".join(names[:SHOWN_NAMES]) + " and 5 more (see the JSON download)"
    assert _names(names[:3]) == "s:r:a00, s:r:a01, s:r:a02"


def test_the_default_service_is_the_one_with_the_most_suspicious_changes() -> None:
    services = ("aaa", "dws", "ecs", "ims")
    assert default_service(services, {"dws": 2, "ims": 3, "ecs": 0}) == "ims"
    assert default_service(services, {"ims": 2, "dws": 2, "aaa": 1}) == "dws"  # a tie goes to the first name
    assert default_service(services, {"ecs": 0}) == "ecs"  # nothing suspicious: the former default
    assert default_service(services, {"gone": 5}) == "ecs"  # a service the catalog does not list is no choice
    assert default_service(("dws",), {}) == ""
    sides = ("cloud:a", "cloud:b")
    assert read_changes({}, sides, services, CHANGE_KINDS, {"dws": 1}).service == "dws"
    assert read_changes({"service": "ecs"}, sides, services, CHANGE_KINDS, {"dws": 1}).service == "ecs"
    assert read_changes({"service": "*"}, sides, services, CHANGE_KINDS, {"dws": 1}).service == ""


def _ecs_and_ims(side: str) -> dict[str, str]:
    """ECS unchanged between the sides, IMS (the diff fixture under another name) with 3 suspicious changes."""
    ecs = (DIFF_FIXTURES / "old" / "huaweicloud" / "ecs.yaml").read_text(encoding="utf-8")
    ims = (DIFF_FIXTURES / side / "huaweicloud" / "ecs.yaml").read_text(encoding="utf-8")
    ims = ims.replace("service: ecs", "service: ims").replace("id: o", "id: i").replace("-zh/ecs/", "-zh/ims/")
    return {"ecs.yaml": ecs, "ims.yaml": ims}


def test_the_page_opens_on_the_service_with_suspicious_changes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Issue 21: the page opened on ECS, where there was nothing suspicious to see."""
    root = tmp_path / "catalog"
    (root / "huaweicloud").mkdir(parents=True)
    for name, text in _ecs_and_ims("old").items():
        (root / "huaweicloud" / name).write_text(text, encoding="utf-8")
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(root))
    new = _ecs_and_ims("new")
    upload = uploads.catalog_from_yaml([uploads.Upload(n, t.encode("utf-8")) for n, t in new.items()])
    expected, _ = api.diff(api.load([root]), upload.catalogs, clouds=("huaweicloud",))
    assert {c.service for c in expected.changes if c.suspicious} == {"ims"}
    link = {"old": "cloud:huaweicloud", "new": "upload:cloud:huaweicloud"}
    at = open_changes(upload, **link)
    assert at.selectbox(key="ch_service").value == "ims"
    assert at.query_params["service"] == "ims"
    summary = {r["change"]: r["count"] for r in at.dataframe[0].value.to_dict("records")}
    assert summary["Suspicious changes (likely errors of the documentation)"] == 3
    # the user's choice stays over reruns; a link's service is kept
    at.selectbox(key="ch_service").select("ecs").run()
    at.checkbox(key="ch_suspicious").check().run()
    assert at.selectbox(key="ch_service").value == "ecs"
    linked = open_changes(upload, service="ecs", **link)
    assert linked.selectbox(key="ch_service").value == "ecs"
    assert not [r for r in linked.dataframe[1].value.to_dict("records") if r["suspicious"]]
