"""A typo stays an UNKNOWN_ACTION error; an action newer than the service's tables is a dated warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from policy_support import CATALOG, lint_text, source

from explorer import api
from explorer.novelty import known_vocabulary, near_names, newer_than_tables, well_formed

VPC = ("vpc:securityGroups:create", "vpc:securityGroups:get", "vpc:securityGroupRules:create", "vpc:ports:update")


@pytest.mark.parametrize(
    ("action", "near"),
    [
        ("vpc:securityGroups:craete", ("vpc:securityGroups:create",)),  # two neighbours swapped
        ("vpc:securityGroup:get", ("vpc:securityGroups:get",)),  # a letter dropped
        ("VPC:SECURITYGROUPS:GETS", ("vpc:securityGroups:get",)),  # case does not count
        ("vpc:ports:upd", ("vpc:ports:update",)),  # cut short: as near as two edits
        ("vpc:securityGroupTags:create", ()),  # three letters more than securityGroups
    ],
)
def test_near_names(action: str, near: tuple[str, ...]) -> None:
    assert near_names(action, VPC) == near


@pytest.mark.parametrize(
    ("action", "newer"),
    [
        ("vpc:securityGroupTags:create", "verb"),  # the vendor's real grant against the 2024-03 VPC tables
        ("vpc:securityGroups:batchCreate", "resource"),
        ("vpc:ports:delete", "resource and verb"),  # both known (publicIps:delete), no name near it
        ("vpc:fooBars:zap", None),  # nothing of it is the service's
        ("vpc:securityGroups:craete", None),  # a typo
        ("vpc:security-groups:list", None),  # not well formed
    ],
)
def test_newer_than_tables(action: str, newer: str | None) -> None:
    pool = (*VPC, "vpc:publicIps:delete")
    assert newer_than_tables(action, pool) == newer


def test_well_formed_and_vocabulary() -> None:
    assert well_formed("obs:object:PutObject") and well_formed("dli:queue:submit_job")
    assert not well_formed("vpc:ports") and not well_formed("vpc:1ports:get")
    assert known_vocabulary("vpc:ports:zap", VPC) == "resource"


def test_lint_tells_a_typo_from_a_newer_action() -> None:
    text = (
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": '
        '["vpc:portTags:create", "vpc:prots:create", "vpc:fooBars:zap"]}]}'
    )
    found = [(f.code, f.severity, f.action, f.details.get("known")) for f in lint_text(text).findings]
    assert found == [
        ("ACTION_NEWER_THAN_TABLES", "warning", "vpc:portTags:create", "verb"),
        ("UNKNOWN_ACTION", "error", "vpc:prots:create", None),
        ("UNKNOWN_ACTION", "error", "vpc:fooBars:zap", None),
    ]
    newer = lint_text(text).findings[0]
    assert newer.message == (
        "vpc:portTags:create is not in the vpc tables (undated), which know its verb create but no name within two "
        "edits of it: probably newer than the documentation; check the service's current documentation"
    )
    assert newer.details["documentation_date"] is None


def test_the_warning_names_the_date_of_the_services_tables(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(CATALOG, root)
    vpc = root / "huaweicloud" / "vpc.yaml"
    text = vpc.read_text(encoding="utf-8").replace("schema_version: 1", "schema_version: 3", 1)
    vpc.write_text(
        text.replace("  format: md-html\n", "  format: md-html\n  date: '2024-03-02'\n", 1), encoding="utf-8"
    )
    policy = (
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["vpc:portTags:create", "vpc:prots:create"]}]}'
    )
    report = api.lint_policies([source("p.json", policy)], "huaweicloud", root)
    newer, typo = report.findings
    assert newer.message.startswith("vpc:portTags:create is not in the vpc tables of 2024-03-02, which know its verb")
    assert newer.details["documentation_date"] == "2024-03-02"
    assert (typo.code, typo.details["documentation_date"]) == ("UNKNOWN_ACTION", "2024-03-02")
    assert typo.message.endswith("(its vpc tables are of 2024-03-02)")
    assert report.to_dict()["documentation"] == {"services": [{"service": "vpc", "date": "2024-03-02"}]}
    assert report.documentation_text() == "documentation: vpc tables of 2024-03-02"
    sarif = api.to_sarif(report)["runs"][0]["properties"]["documentation"]
    assert sarif == [{"service": "vpc", "date": "2024-03-02"}]
