"""Real custom policies (trimmed: tests/fixtures/real/README.md) on the bundled catalogs: what each cloud's
tables say about their actions, renamed, newer, another cloud's, or of a service without tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api
from explorer.app import queries

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "policies"


def findings(name: str, cloud: str) -> list[tuple[str, str, str]]:
    report = api.lint_policies(api.read_paths([REAL / name]), cloud)
    return sorted(
        (f["severity"], f["code"], f["action"])
        for f in report.to_dict()["findings"]
        if f["code"] != "MISSING_DEPENDENCY"  # dependencies are pinned by the rule's own tests
    )


@pytest.mark.parametrize(
    ("name", "cloud", "expected"),
    [
        (
            "ccm.json",
            "huaweicloud",
            [
                ("error", "UNKNOWN_ACTION", "ecs:cloudServers:get"),  # renamed: showServer checks its API
                ("info", "OVERLY_BROAD", "ELB:*:*"),
                ("warning", "UNKNOWN_ACTION", "vpc:routeTables:list"),  # only the OTC tables define it
                ("warning", "UPPERCASE_SERVICE", "ELB:*:*"),
            ],
        ),
        ("ccm.json", "otc", [("info", "OVERLY_BROAD", "ELB:*:*"), ("warning", "UPPERCASE_SERVICE", "ELB:*:*")]),
        (
            "byoc.json",
            "huaweicloud",
            [
                ("info", "SERVICE_NOT_IN_CATALOG", "ces:siteMonitorRule:create"),
                ("warning", "ACTION_NEWER_THAN_TABLES", "vpc:securityGroupTags:create"),
                ("warning", "UNKNOWN_ACTION", "evs:volumeTags:update"),
            ],
        ),
        (
            "byoc.json",
            "otc",
            [
                ("warning", "ACTION_NEWER_THAN_TABLES", "ces:siteMonitorRule:create"),
                ("warning", "ACTION_NEWER_THAN_TABLES", "vpc:securityGroupTags:create"),
            ],
        ),
    ],
)
def test_what_the_lint_says_of_a_real_policy(name: str, cloud: str, expected: list[tuple[str, str, str]]) -> None:
    assert findings(name, cloud) == expected


def test_show_resolves_the_actions_the_tables_define() -> None:
    ex = api.get_explorer("huaweicloud")
    resolved = {
        a: queries.show(ex, a).resolved
        for a in ("ecs:cloudServers:showServer", "ecs:servers:get", "dns:zone:create", "as:groups:create")
    }
    assert resolved == dict.fromkeys(resolved, True)
    # referenced by rows as a dependency, defined by no table: known, not resolved
    disk = queries.show(ex, "ecs:diskConfigs:use")
    assert (disk.resolved, disk.service) == (False, "ecs")


def test_a_dynamic_statement_of_an_otc_role_is_checked() -> None:
    # before: the dynamic block was skipped, and a role whose only statements are dynamic was "empty"
    report = api.lint_policies(api.read_paths([REAL / "otc-obs-role.tf"]), "otc")
    assert sorted((f["severity"], f["code"], f["action"], f["statement"]) for f in report.to_dict()["findings"]) == [
        ("error", "UNKNOWN_ACTION", "obs:bucket:ListAllMyBucket", 1),  # a typo inside the dynamic statement
        ("info", "MALFORMED_POLICY", "", 0),  # concat(...) of conditional lists: their union is checked
    ]


def test_an_otc_role_action_built_by_concat_of_conditional_lists_is_checked_as_their_union(tmp_path: Path) -> None:
    from explorer.policy.parse_terraform import read_terraform

    docs, _findings = read_terraform((REAL / "otc-obs-role.tf").read_text("utf-8"), "role.tf", "otc", None)
    assert tuple(a.text for a in docs[0].statements[0].actions) == (
        "obs:bucket:ListBucket",
        "obs:object:GetObject",
        "obs:object:PutObjectAcl",
        "obs:object:PutObject",
        "obs:object:DeleteObject",
    )
    report = api.lint_policies(api.read_paths([REAL / "otc-obs-role.tf"]), "otc").to_dict()
    (info,) = [f for f in report["findings"] if f["statement"] == 0]
    assert (info["code"], info["line"], info["column"], info["pointer"]) == (
        "MALFORMED_POLICY",
        9,
        9,
        "/Statement/0/Action",
    )
    assert info["message"] == (
        "Action is a Terraform expression of literal lists, some of them conditional: the union of their 5 actions "
        "is checked (the most the role can grant)"
    )
    # an action inside a conditional list is linted like any other: a typo there is an error
    typo = tmp_path / "role.tf"
    typo.write_text(
        (REAL / "otc-obs-role.tf").read_text("utf-8").replace('"obs:object:PutObject",', '"obs:object:PutObjekt",'),
        "utf-8",
    )
    found = api.lint_policies(api.read_paths([typo]), "otc").to_dict()["findings"]
    assert [(f["code"], f["action"], f["line"]) for f in found if f["statement"] == 0 and f["severity"] == "error"] == [
        ("UNKNOWN_ACTION", "obs:object:PutObjekt", 14)
    ]
