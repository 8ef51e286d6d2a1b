"""AppTest of the Policy page and of the "policy for this" block on Explore and Scope (fixture catalog)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from apptest_support import open_policy
from streamlit.testing.v1 import AppTest
from test_pages import open_page
from ui_support import FIXTURE_CATALOG

from explorer.policy import PolicySource

MISSING = (
    '{"Version": "1.1", "Statement": [{"Effect": "allow", "Action": ["ecs:servers:createImage", "ims:images:get"]}]}'
)


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(FIXTURE_CATALOG))
    yield


def downloads(at: AppTest) -> dict[str, object]:
    return {b.proto.label: b for b in at.get("download_button")}


def test_policy_page_lints_a_pasted_policy_and_offers_the_fixed_copy() -> None:
    at = open_page("policy", cloud="huaweicloud", attach="enterprise-project")
    assert at.radio(key="po_attach").value == "enterprise-project"
    at.text_area(key="po_text").set_value(MISSING).run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "MISSING_DEPENDENCY" in text and "NOT_EFFECTIVE_WHERE_ATTACHED" in text
    # the offending action is highlighted in the source line
    assert any(":red-background[ecs\\:servers\\:createImage]" in m.value for m in at.markdown)
    assert set(downloads(at)) == {"Fixed policy JSON", "Findings JSON", "SARIF"}
    assert dict(at.query_params) == {"cloud": "huaweicloud", "attach": "enterprise-project"}


def test_policy_page_fixed_copy_adds_the_missing_requirements() -> None:
    from explorer import api

    report = api.lint_policies([PolicySource("p.json", MISSING.encode())], "huaweicloud", FIXTURE_CATALOG)
    (fixed,) = api.fixed_documents(report)
    statement = fixed.policy["Statement"][0]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == sorted(
        {"ecs:servers:createImage", "ims:images:get"}
        # possible requirements (info) are not added: they are extras of some APIs only
        | {f.details["requirement"] for f in report.findings if f.code == "MISSING_DEPENDENCY" and f.severity != "info"}
    )
    relinted = api.lint_policies(
        [PolicySource("f.json", json.dumps(fixed.policy).encode())], "huaweicloud", FIXTURE_CATALOG
    )
    assert not [f for f in relinted.findings if f.code == "MISSING_DEPENDENCY" and f.severity == "error"]


def test_policy_page_shows_a_clear_error_for_bad_json() -> None:
    at = open_page("policy")
    at.text_area(key="po_text").set_value('{"Version": "1.1",').run()
    assert not at.exception
    assert any("MALFORMED_JSON" in m.value for m in at.markdown)


def test_explore_and_scope_offer_policy_for_this() -> None:
    at = open_page("explore", action="ecs:servers:createImage", cloud="huaweicloud")
    # closed, the block computes and shows nothing; opened, the policies and their downloads
    assert not {"Policies JSON", "Terraform"} & set(downloads(at))
    assert not any('"Statement"' in c.value for c in at.code)
    open_policy(at, "ex_policy")
    assert {"Policies JSON", "Terraform"} <= set(downloads(at))
    codes = [c.value for c in at.code]
    assert any('"ecs:servers:createImage"' in c for c in codes)
    sc = open_policy(open_page("scope", targets="ecs:servers:createImage", cloud="huaweicloud"), "sc_policy")
    assert {"Policies JSON", "Terraform"} <= set(downloads(sc))


def test_policy_for_this_follows_the_pages_possible_option() -> None:
    at = open_policy(open_page("explore", action="ecs:servers:createImage"), "ex_policy")
    assert not any("ims:serverImages:create" in c.value for c in at.code)
    extra = open_policy(open_page("explore", action="ecs:servers:createImage", possible="1"), "ex_policy")
    assert any('"ims:serverImages:create"' in c.value for c in extra.code)


TYPO = (
    '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage", '
    '"ecs:servers:createImag"]}]}'
)


def test_the_typo_is_highlighted_itself_and_fixed_in_the_download() -> None:
    """Issue 21: the finding for createImag marked the text inside the correct createImage next to it."""
    from explorer.ui.screens.policy import mark_span

    start = TYPO.index('"ecs:servers:createImag"') + 1
    assert mark_span(TYPO, "ecs:servers:createImag", None) == (start, start + len("ecs:servers:createImag"))
    good = TYPO.index("ecs:servers:createImage")
    assert mark_span(TYPO, "ecs:servers:createImage", None) == (good, good + len("ecs:servers:createImage"))
    at = open_page("policy", cloud="huaweicloud")
    at.text_area(key="po_text").set_value(TYPO).run()
    marked = [m.value for m in at.markdown if "UNKNOWN_ACTION" in m.value]
    assert marked and "fix: `ecs:servers:createImage` (applied in the fixed policy)" in marked[0]
    lines = [m.value for m in at.markdown if ":red-background[ecs\\:servers\\:createImag]" in m.value]
    assert lines and '", "' in lines[0].split(":red-background[")[0].replace("\\", "")  # after the good one

    from explorer.app import policies

    report = policies.lint_policies([policies.source("p.json", TYPO.encode())], "huaweicloud", FIXTURE_CATALOG)
    (fixed,) = policies.fixed_documents(report)
    actions = fixed.policy["Statement"][0]["Action"]
    assert "ecs:servers:createImag" not in actions and actions.count("ecs:servers:createImage") == 1


def test_the_policy_page_generates_policies_from_targets() -> None:
    at = open_page("policy", cloud="huaweicloud")
    assert at.button(key="po_lint").label == "Lint"
    at.multiselect(key="po_targets").set_value(["ecs:servers:createImage"]).run()
    assert not at.exception
    documents = [json.loads(c.value) for c in at.code if c.value.lstrip().startswith("{")]
    allowed = {a for d in documents for s in d["Statement"] for a in s["Action"]}
    assert {"ecs:servers:createImage", "ims:images:create"} <= allowed
    assert {"Policies JSON", "Terraform"} <= set(downloads(at))


def test_a_paste_is_linted_without_pressing_lint() -> None:
    """Issue 21: nothing was linted until Ctrl+Enter. The page carries the script that commits the text area
    after a pause (the browser test checks that it does); the Lint button stays."""
    at = open_page("policy", cloud="huaweicloud")
    (script,) = [h for h in at.get("html") if "__peLiveLint" in h.proto.body]
    assert ".st-key-po_text" in script.proto.body and 'key: "Enter"' in script.proto.body
    assert at.text_area(key="po_text").placeholder == "Paste a policy document: it is linted as soon as you stop typing"
    assert at.button(key="po_lint").label == "Lint"
    at.text_area(key="po_text").set_value(MISSING).run()
    assert "MISSING_DEPENDENCY" in " ".join(m.value for m in at.markdown)
