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
        ("info", "MALFORMED_POLICY", "", 0),  # concat(...) of conditional lists: not evaluated
    ]
