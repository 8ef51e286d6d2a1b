"""Every finding code on fixtures written from the grammar in policy-syntax.md, with exact expectations."""

from __future__ import annotations

from pathlib import Path

from policy_support import CATALOG, FIXTURES, codes, lint_files, lint_text, of, source

from explorer import api
from explorer.policy import CODES


def test_a_complete_policy_has_no_finding() -> None:
    assert lint_files("complete.json").findings == ()


def test_missing_dependency_names_requirement_path_and_row() -> None:
    report = lint_files("missing.json")
    missing = of(report, "MISSING_DEPENDENCY")
    assert [f.details["requirement"] for f in missing] == [
        "evs:snapshots:create",
        "ims:images:create",
        "ims:images:list",
    ]
    # certain: the one row that checks ims:images:create lists ims:images:list
    certain = missing[2]
    assert certain.details["basis"] == "certain"
    assert certain.details["path"] == ["ecs:servers:createImage", "ims:images:create", "ims:images:list"]
    assert certain.details["rows"] == [
        {
            "file": "huaweicloud-zh/ims/permissions.md",
            "table": 1,
            "row": 1,
            "edition": "huaweicloud-zh",
            "date": None,
            "deleted": False,
        }
    ]
    first = missing[0]
    assert first.severity == "error"
    assert first.action == "ecs:servers:createImage"
    assert (first.where.line, first.where.column, first.where.statement) == (6, 18, 0)
    assert first.where.pointer == "/Statement/0/Action/0"
    assert first.details["path"] == ["ecs:servers:createImage", "evs:snapshots:create"]
    assert first.details["rows"] == [
        {
            "file": "huaweicloud-zh/ecs/permissions.md",
            "table": 1,
            "row": 1,
            "edition": "huaweicloud-zh",
            "date": None,
            "deleted": False,
        }
    ]
    assert first.details["basis"] == "documented"
    assert "[huaweicloud-zh/ecs/permissions.md table 1 row 1]" in first.message


def test_a_dependency_granted_by_another_file_of_the_set_counts() -> None:
    assert of(lint_files("set-a.json"), "MISSING_DEPENDENCY")
    assert lint_files("set-a.json", "set-b.json").findings == ()


def test_a_conditional_requirement_is_a_warning_naming_the_condition() -> None:
    missing = {f.details["requirement"]: f for f in of(lint_files("real-world.json"), "MISSING_DEPENDENCY")}
    assert {r: f.severity for r, f in missing.items()} == {
        "ims:images:get": "error",
        "vpc:ports:create": "error",
        "vpc:publicIps:create": "warning",
        "vpc:subnets:get": "error",  # certain: vpc:ports:create's one row lists it
    }
    assert "when: when a new EIP is created" in missing["vpc:publicIps:create"].message


def test_deny_wins_over_allow() -> None:
    denied = {f.details["requirement"]: f for f in of(lint_files("deny.json"), "DENIED_DEPENDENCY")}
    assert {r: f.severity for r, f in denied.items()} == {
        "ims:images:create": "error",
        "evs:snapshots:create": "warning",
    }
    assert denied["ims:images:create"].details["denied_by"]["statement"] == 1
    assert not of(lint_files("deny.json"), "MISSING_DEPENDENCY")


def test_wildcards_expand_with_the_shared_matcher_case_insensitively() -> None:
    # ecs:cloudServers:listServerInterfaces needs the documented pattern ecs:*:get*, which ECS:*:GET* covers
    assert codes(lint_files("wildcards.json")) == [("UPPERCASE_SERVICE", "warning", "ECS:*:GET*")]
    report = lint_text(
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:cloudServers:listServerInterfaces"]}]}'
    )
    assert [f.details["requirement"] for f in of(report, "MISSING_DEPENDENCY")] == ["ecs:*:get*"]
    # the pattern is also met when every catalog action it matches is allowed one by one
    both = '["ecs:cloudServers:listServerInterfaces", "ecs:cloudServers:get"]'
    assert lint_text('{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ' + both + "}]}").findings == ()


def test_version_5_notaction() -> None:
    report = lint_files("v5-notaction.json")
    # NotAction allows ecs:cloudServers:get (ecs:*:get*); the Deny of everything but list/ims is conditional
    assert codes(report) == [
        ("DENIED_DEPENDENCY", "warning", "ecs:cloudServers:listServerInterfaces"),
        ("OVERLY_BROAD", "warning", ""),
    ]
    action_and_not = lint_text(
        '{"Version": "5.0", "Statement": [{"Effect": "Allow", "Action": ["ecs:cloudServers:get"], '
        '"NotAction": ["x:y:z"]}]}'
    )
    assert [f.message for f in of(action_and_not, "MALFORMED_POLICY")] == [
        "a statement has Action or NotAction, never both"
    ]


def test_names() -> None:
    report = lint_files("names.json")
    assert codes(report) == [
        ("OVERLY_BROAD", "info", "CCE:*:*"),
        ("SERVICE_NOT_IN_CATALOG", "info", "CCE:*:*"),
        ("UPPERCASE_SERVICE", "warning", "CCE:*:*"),
        ("WHITESPACE_IN_ACTION", "error", " ecs:cloudServers:get"),
        ("DUPLICATE_ACTION", "warning", "ecs:cloudServers:get"),
        ("UNKNOWN_SERVICE", "error", "ecss:servers:list"),
        ("SERVICE_NOT_IN_CATALOG", "info", "rds:instance:list"),
        ("UNKNOWN_ACTION", "error", "ecs:cloudServers:delete"),
        ("UNKNOWN_ACTION", "error", "ecs:servers:createImages"),
        ("ACTION_NEWER_THAN_TABLES", "warning", "vpc:portTags:create"),
        ("WILDCARD_MATCHES_NOTHING", "warning", "ecs:*:reboot*"),
    ]
    unknown_service = of(report, "UNKNOWN_SERVICE")[0]
    assert unknown_service.details["suggestions"][0] == "ecs"
    assert unknown_service.fix == "ecs:servers:list"
    renamed, misspelt = of(report, "UNKNOWN_ACTION")
    assert renamed.fix == "ecs:cloudServers:deleteServers"
    assert renamed.details["renamed_to"] == ["ecs:cloudServers:deleteServers"]
    assert "POST /v1/{project_id}/cloudservers/delete" in renamed.message
    assert misspelt.details["suggestions"][0] == "ecs:servers:createImage"
    assert of(report, "WHITESPACE_IN_ACTION")[0].fix == "ecs:cloudServers:get"


def test_not_effective_where_attached() -> None:
    text = (
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": '
        '["ecs:servers:createImage", "evs:snapshots:create", "evs:volumes:get", "ims:images:create", "ims:images:get",'
        ' "ims:images:list", "kms:cmk:get"]}]}'
    )
    assert not of(lint_text(text), "NOT_EFFECTIVE_WHERE_ATTACHED")
    found = of(lint_text(text, attach="enterprise-project"), "NOT_EFFECTIVE_WHERE_ATTACHED")
    assert [(f.action, f.severity) for f in found] == [
        ("ecs:servers:createImage", "error"),
        ("evs:snapshots:create", "warning"),
        ("evs:volumes:get", "info"),
        ("ims:images:create", "error"),
    ]
    assert found[1].details["apis"] == ["POST /v2/{project_id}/snapshots"]
    assert not of(lint_text(text, attach="iam-project"), "NOT_EFFECTIVE_WHERE_ATTACHED")


def test_global_and_project_services() -> None:
    assert codes(lint_files("mixed-global.json")) == [("MIXED_GLOBAL_AND_PROJECT", "error", "obs:object:GetObject")]
    assert codes(lint_files("split-global.json")) == [("MIXED_GLOBAL_AND_PROJECT", "warning", "obs:object:GetObject")]


def test_overly_broad_and_deny_only() -> None:
    assert codes(lint_files("broad.json")) == [
        ("OVERLY_BROAD", "warning", "*:*:*"),
        ("OVERLY_BROAD", "info", "ecs:*:*"),
    ]
    assert codes(lint_files("deny-only.json")) == [("DENY_ONLY", "info", "")]


def test_versions() -> None:
    assert codes(lint_files("unknown-version.json")) == [("UNKNOWN_VERSION", "error", "")]
    assert codes(lint_files("role-1.0.json")) == [
        ("OVERLY_BROAD", "info", a) for a in ("ecs:*:*", "evs:*:*", "vpc:*:*")
    ]
    v5 = '{"Version": "5.0", "Statement": [{"Effect": "Allow", "Action": ["ecs:cloudServers:get"]}]}'
    assert lint_text(v5).findings == ()
    otc = api.lint_policies([source("otc.json", v5)], "otc", CATALOG)
    assert [f.code for f in otc.findings] == ["UNKNOWN_VERSION"]


def test_limits() -> None:
    statements = ", ".join('{"Effect": "Allow", "Action": ["ecs:cloudServers:get"]}' for _ in range(9))
    report = lint_text('{"Version": "1.1", "Statement": [' + statements + "]}")
    assert codes(report) == [("LIMIT_EXCEEDED", "warning", "")]
    many = ", ".join(f'"ecs:cloudServers:get{i}"' for i in range(300))
    big = lint_text('{"Version": "1.1", "Statement": [{"Effect": "Deny", "Action": [' + many + "]}]}")
    limits = [(f.severity, f.message.split(";")[0]) for f in of(big, "LIMIT_EXCEEDED")]
    assert ("warning", "300 actions in one statement") in limits
    assert any(sev == "error" and "characters written compactly" in msg for sev, msg in limits)


def test_unknown_action_documented_by_another_cloud_is_a_warning() -> None:
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}]}'
    report = api.lint_policies([source("p.json", text)], "otc", CATALOG)
    (finding,) = report.findings
    assert (finding.code, finding.severity) == ("UNKNOWN_ACTION", "warning")
    assert "the huaweicloud catalog documents it" in finding.message
    # on otc the same API is checked by the older name: that is the fix offered there
    renamed = api.lint_policies(
        [source("p.json", text.replace("ecs:servers:createImage", "ecs:cloudServers:deleteServers"))], "otc", CATALOG
    )
    assert [(f.code, f.severity, f.fix) for f in renamed.findings] == [
        ("UNKNOWN_ACTION", "error", "ecs:cloudServers:delete")
    ]


def test_agency_statement() -> None:
    text = (
        '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["iam:agencies:assume"], '
        '"Resource": {"uri": ["/iam/agencies/07b0d1d4b3a2"]}}]}'
    )
    assert codes(lint_text(text)) == [("SERVICE_NOT_IN_CATALOG", "info", "iam:agencies:assume")]
    wrong = text.replace('"iam:agencies:assume"', '"ecs:cloudServers:get"')
    assert [f.code for f in lint_text(wrong).findings] == ["MALFORMED_POLICY"]


def test_possible_requirements_are_info_with_their_apis() -> None:
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:cloudServers:deleteServers"]}]}'
    found = {f.details["requirement"]: f for f in of(lint_text(text), "MISSING_DEPENDENCY")}
    assert {r: (f.severity, f.details["basis"]) for r, f in found.items()} == {
        "evs:volumes:delete": ("warning", "documented"),  # the row writes a condition on it
        "evs:volumes:get": ("info", "possible"),  # one of the two rows that check evs:volumes:delete lists it
        "kms:cmk:get": ("info", "possible"),  # what evs:volumes:get needs is only possible too
    }
    assert "(for DELETE /v2/{project_id}/volumes/{volume_id})" in found["evs:volumes:get"].message
    allowed = text.replace('"]}]}', '", "evs:volumes:delete"]}]}')
    assert [(f.code, f.severity) for f in lint_text(allowed).findings] == [("MISSING_DEPENDENCY", "info")] * 2


def test_the_fixtures_exercise_every_code() -> None:
    names = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".json", ".tf"))
    seen = {f.code for n in names for f in lint_files(n, attach="enterprise-project").findings}
    # MISSING_FOR_TERRAFORM is reported by terraform --against only (tests/app/test_terraform_use_case.py)
    assert seen == set(CODES) - {"MISSING_FOR_TERRAFORM"}


def test_unknown_action_renamed_in_the_documentation_offers_the_recorded_new_name(tmp_path: Path) -> None:
    """A catalog's renames.json (written by `diff --record-renames`) names what an old action became."""
    import shutil

    from explorer.diff.renames import Rename, renames_text

    root = tmp_path / "catalog"
    shutil.copytree(CATALOG, root)
    old_row = api.Provenance("huaweicloud-zh/ecs/old.md", 1, 3)
    new_row = api.Provenance("huaweicloud-zh/ecs/new.md", 1, 4)
    api_path = "POST /v1/{project_id}/cloudservers/delete"
    recorded = Rename(
        "huaweicloud", "ecs", "ecs:cloudServers:remove", "ecs:cloudServers:deleteServers", (api_path,), old_row, new_row
    )
    (root / "renames.json").write_text(renames_text({"huaweicloud": (recorded,)}), encoding="utf-8")
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:cloudServers:remove"]}]}'
    (finding,) = of(api.lint_policies([source("p.json", text)], "huaweicloud", root), "UNKNOWN_ACTION")
    assert finding.fix == "ecs:cloudServers:deleteServers"
    assert finding.details["renamed_to"] == ["ecs:cloudServers:deleteServers"]
    assert (
        f"renamed in the documentation: {api_path} is now checked by ecs:cloudServers:deleteServers" in finding.message
    )
    assert "huaweicloud-zh/ecs/old.md row 3 -> huaweicloud-zh/ecs/new.md row 4" in finding.message
    # without the record (the fixture catalog has none) the same name is an action the ECS tables do not
    # define, with no name within two edits but their resource type: newer than the tables, a warning
    (plain,) = api.lint_policies([source("p.json", text)], "huaweicloud", CATALOG).findings
    assert (plain.code, plain.severity, plain.details["renamed_to"]) == ("ACTION_NEWER_THAN_TABLES", "warning", [])
    assert "renamed" not in plain.message


def test_a_service_whose_tables_define_its_actions_under_another_prefix_is_told_so() -> None:
    # the bundled EIP tables define vpc: actions (vpc:publicIps:create ...), none under eip:
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["EIP:*:*"]}]}'
    report = api.lint_policies([source("eip.json", text)], "huaweicloud")
    assert [f.message for f in of(report, "SERVICE_NOT_IN_CATALOG")] == [
        "the huaweicloud EIP tables define no eip: actions (they define vpc: actions), so EIP:*:* matches nothing "
        "the documentation checks: its actions and their dependencies are not checked",
    ]  # a service with no table keeps "the catalog does not cover" (test_names above)
