"""Paste an error (issue 21): the access-denied messages Huawei Cloud and OTC return, and what is needed.

Each message format below is quoted from where it was found; the action names are the catalog's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer.app import catalogs, explain
from explorer.cli import cli
from explorer.errors import QueryError

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "catalog"

# The message the reviewer of issue 21 got from the console, pasted as is.
ISSUE_21 = "Policy doesn't allow ecs:servers:createImage to be performed."
# Huawei Cloud IAM API reference, 403 response example {"error_msg": "Policy doesn't allow %(actions)s to be
# performed", "error_code": ...} (support.huaweicloud.com/api-iam, the 403 examples of its user and group APIs),
# with the placeholder filled by two actions as its plural allows; the code value here is illustrative.
IAM_BODY = (
    '{"error_msg": "Policy doesn\'t allow ims:images:get,ims:images:list to be performed.", "error_code": "IAM.0003"}'
)
# Huawei Cloud Organizations error codes: 403 Organizations.1007 "Policy doesn't allow '{0}' to be performed."
# (https://support.huaweicloud.com/intl/en-us/api-organizations/ErrorCode.html), the action quoted.
ORGANIZATIONS = "Organizations.1007: Policy doesn't allow 'evs:snapshots:create' to be performed."
# Huawei Cloud billing FAQ (CBC.0151): "user access denied.checkCustomerPermission,correct permission code is
# billing:order:view" (https://support.huaweicloud.com/intl/ja-jp/oce_faq/oce-apifaq_001.html).
CBC_BODY = (
    '{"error_code": "CBC.0151", "error_msg": "user access denied.checkCustomerPermission,correct permission code is '
    'billing:order:view"}'
)
# A permission list after an API Gateway code: ":"-separated actions separated by semicolons. Constructed: the
# exact APIGW.0302 wording was not in the sources searched, so this checks the list form, not a quoted message.
APIGW = "APIGW.0302 The IAM or ACL policy does not allow access: ims:images:update; ims:serverImages:create"
# IAM (new edition) error codes: "access denied: xxx...xxx" with an encoded message and no action
# (https://support.huaweicloud.com/intl/en-us/api-iam5/ErrorCode.html).
PAP5 = '{"error_msg": "access denied: decode encoded_authorization_message", "error_code": "PAP5.0001"}'


@pytest.mark.parametrize(
    ("text", "code", "actions"),
    [
        (ISSUE_21, "", ("ecs:servers:createImage",)),
        (IAM_BODY, "IAM.0003", ("ims:images:get", "ims:images:list")),
        (ORGANIZATIONS, "Organizations.1007", ("evs:snapshots:create",)),
        (CBC_BODY, "CBC.0151", ("billing:order:view",)),
        (APIGW, "APIGW.0302", ("ims:images:update", "ims:serverImages:create")),
        (PAP5, "PAP5.0001", ()),
    ],
)
def test_the_actions_and_the_code_are_read_from_each_format(text: str, code: str, actions: tuple[str, ...]) -> None:
    assert explain.extract(text) == (code, actions)
    assert explain.looks_like_error(text) is bool(actions)


def test_an_action_alone_or_an_api_path_is_not_an_error() -> None:
    assert not explain.looks_like_error("ecs:servers:createImage")
    assert not explain.looks_like_error("POST /v2/cloudimages/action")
    # URLs and paths with colons are not actions
    assert explain.extract("denied: https://example.com:8443/a:b:c") == ("", ())


def test_what_is_needed_and_the_missing_part() -> None:
    ex = catalogs.get_explorer("huaweicloud", FIXTURE)
    answer = explain.explain(ex, ISSUE_21)
    assert answer.known == ("ecs:servers:createImage",)
    assert answer.snippet == {
        "Version": "1.1",
        "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}],
    }
    assert set(answer.requirements) == set(ex.closure(["ecs:servers:createImage"]).actions()) - {
        "ecs:servers:createImage"
    }
    assert "ims:images:create" in answer.requirements
    typo = explain.explain(ex, "Policy doesn't allow 'ecs:servers:createImag' to be performed.")
    assert typo.known == () and typo.unknown[0][0] == "ecs:servers:createImag"
    assert "ecs:servers:createImage" in typo.unknown[0][1]
    with pytest.raises(QueryError, match="names no action"):
        explain.explain(ex, PAP5)


def test_the_command_prints_the_snippet_and_json() -> None:
    result = CliRunner().invoke(cli, ["explain", IAM_BODY, "--catalog", str(FIXTURE)])
    assert result.exit_code == 0
    assert result.output.startswith(
        "The message names 2 actions (error code IAM.0003): ims:images:get, ims:images:list.\n"
    )
    assert '"ims:images:list"' in result.output
    result = CliRunner().invoke(cli, ["explain", ISSUE_21, "--catalog", str(FIXTURE), "--json"])
    data = json.loads(result.output)
    assert data["actions"] == ["ecs:servers:createImage"] and data["denied"] is True
    result = CliRunner().invoke(cli, ["explain", "hello", "--catalog", str(FIXTURE), "--json"])
    assert result.exit_code == 2 and "names no action" in json.loads(result.output)["error"]["message"]
