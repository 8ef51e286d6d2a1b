"""Each input format, and malformed input: a finding that names the place, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from policy_support import CATALOG, FIXTURES, codes, lint_files, lint_text, of, source

from explorer import api
from explorer.policy import MAX_FILE_BYTES as MAX_POLICY_FILE_BYTES
from explorer.policy import PolicySource


def test_invalid_json_reports_line_and_column() -> None:
    (finding,) = lint_files("invalid-json.json").findings
    assert finding.code == "MALFORMED_JSON"
    assert (finding.where.line, finding.where.column) == (4, 59)
    assert finding.message == "invalid JSON: trailing comma before ']'"


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        ('{"Version": "1.1"', 1, 18, "unexpected end of the file inside an object: '}' is missing"),
        ('{"Version": "1.1" "Statement": []}', 1, 19, "expected ',' or '}' after an object member"),
        ("{'Version': '1.1'}", 1, 2, "expected a key in double quotes"),
        ("", 1, 1, "the file is empty: a JSON policy document was expected"),
        ('{"a": 1}\n{"b": 2}', 2, 1, "unexpected text after the end of the JSON document"),
    ],
)
def test_json_syntax_errors(text: str, line: int, column: int, message: str) -> None:
    (finding,) = lint_text(text).findings
    assert (finding.code, finding.where.line, finding.where.column) == ("MALFORMED_JSON", line, column)
    assert finding.message == f"invalid JSON: {message}"


def test_deep_nesting_is_a_clear_error() -> None:
    text = '{"Version": "1.1", "Statement": ' + "[" * 5000 + "]" * 5000 + "}"
    (finding,) = lint_text(text).findings
    assert finding.code == "MALFORMED_JSON"
    assert "nesting deeper than 32 levels" in finding.message


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"Version": "1.1", "Statement": [' + b" " * (MAX_POLICY_FILE_BYTES + 1) + b"]}")
    report = api.lint_policies(api.read_paths([path]), "huaweicloud", CATALOG)
    assert [(f.code, f.severity) for f in report.findings] == [("LIMIT_EXCEEDED", "error")]
    assert "larger than 2,097,152 bytes" in report.findings[0].message


def test_binary_file() -> None:
    report = api.lint_policies([PolicySource("x.json", b"\xff\xfe\x00")], "huaweicloud", CATALOG)
    assert [f.code for f in report.findings] == ["MALFORMED_JSON"]
    assert "not UTF-8" in report.findings[0].message


def test_wrong_types() -> None:
    messages = [(f.where.statement, f.message) for f in of(lint_files("wrong-types.json"), "MALFORMED_POLICY")]
    assert messages == [
        (None, '"Version" must be a string such as "1.1", not the number 1.1'),
        (0, "Action holds a number; expected strings"),
        (
            0,
            "unknown key 'NotAction' in statement 0; expected Effect, Action, Resource, Condition; NotAction exists "
            "only in Version 5.0 identity policies",
        ),
        (0, "unknown key 'Principal' in statement 0; expected Effect, Action, Resource, Condition"),
        (1, 'Effect "Permit" is neither Allow nor Deny; statement ignored'),
        (2, "statement 2 must be an object, not a string"),
        (
            3,
            "'ecs:servers' is not an action: expected service:resourceType:operation (three parts, letters, digits, "
            "'_', '-', '.', and '*' as a wildcard)",
        ),
        (3, "unknown condition operator 'StringEqualz'"),
        (3, "the Null operator takes no IfExists suffix"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[]",
            "a policy must be a JSON object with Version and Statement "
            '(a list of statements must be the value of "Statement")',
        ),
        ('{"Version": "1.1"}', 'the policy has no "Statement" list'),
        (
            '{"Version": "1.1", "Statement": {"Effect": "Allow", "Action": ["ecs:cloudServers:get"]}}',
            '"Statement" must be a list of statements, not one object',
        ),
        ('{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": []}]}', "Action is an empty list"),
        (
            '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["*"]}]}',
            "'*' is not an action; everything is written '*:*:*'",
        ),
        (
            '{"Version": "1.1", "Statement": [{"effect": "Allow", "Action": ["ecs:cloudServers:get"]}]}',
            "the key 'effect' must be written 'Effect'",
        ),
        (
            '{"Version": "1.1", "Version": "1.1", "Statement": []}',
            "the key 'Version' appears twice in the policy; only the last one counts",
        ),
    ],
)
def test_malformed_policies(text: str, expected: str) -> None:
    messages = [f.message for f in lint_text(text).findings if f.code == "MALFORMED_POLICY"]
    assert expected in messages


def test_bare_string_resource_and_action_are_read_as_lists() -> None:
    report = lint_files("real-world.json")
    malformed = of(report, "MALFORMED_POLICY")
    assert [(f.message, f.fix) for f in malformed] == [
        ("Effect 'allow' must be written exactly 'Allow'; read as Allow", "Allow"),
        ("Action must be a list of strings, not a bare string", '["ecs:cloudServers:create"]'),
        ("Resource must be a list of strings, not a bare string", '["ecs:*:*:instance:*"]'),
    ]
    # the statement was still understood: the Allow of ecs:cloudServers:create is checked for dependencies
    assert of(report, "MISSING_DEPENDENCY")


def test_terraform_heredoc_jsonencode_and_assignment() -> None:
    report = lint_files("roles.tf")
    assert [d.name for d in report.documents] == [
        "huaweicloud_identity_role.images",
        "huaweicloud_identity_role.storage",
    ]
    assert [d.origin for d in report.documents] == ["terraform-heredoc", "terraform-jsonencode"]
    assert [d.attach for d in report.documents] == ["enterprise-project", ""]
    # the two roles are one set: nothing is missing; the heredoc role is granted on an enterprise project
    (finding,) = report.findings
    assert (finding.code, finding.action) == ("NOT_EFFECTIVE_WHERE_ATTACHED", "ecs:servers:createImage")
    assert (finding.where.line, finding.where.column, finding.where.document) == (
        12,
        22,
        "huaweicloud_identity_role.images",
    )
    text = (FIXTURES / "roles.tf").read_text(encoding="utf-8").splitlines()[11]
    assert text[21:].startswith('"ecs:servers:createImage"')


def test_terraform_otc_statement_blocks() -> None:
    report = lint_files("otc-role.tf", cloud="otc")
    (doc,) = report.documents
    assert doc.origin == "terraform-statement"
    assert [(s.effect, [a.name for a in s.actions], s.restricted) for s in doc.statements] == [
        ("Allow", ["ecs:cloudServers:get", "ecs:cloudServers:delete"], False),
        ("Deny", ["ecs:cloudServers:delete"], True),
    ]
    assert report.findings == ()


def test_terraform_syntax_errors() -> None:
    (hcl,) = lint_files("broken.tf").findings
    assert (hcl.code, hcl.where.line, hcl.where.column) == ("MALFORMED_JSON", 5, 1)
    assert hcl.message.startswith("invalid HCL: ")
    (embedded,) = lint_files("broken-json.tf").findings
    assert (embedded.code, embedded.where.line, embedded.where.column) == ("MALFORMED_JSON", 3, 34)


def test_terraform_policy_from_file_and_unevaluated(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text((FIXTURES / "missing.json").read_text(encoding="utf-8"), encoding="utf-8")
    tf = tmp_path / "main.tf"
    tf.write_text(
        'resource "huaweicloud_identity_role" "a" {\n  policy = file("${path.module}/p.json")\n}\n'
        'resource "huaweicloud_identity_role" "b" {\n  policy = var.policy\n}\n',
        encoding="utf-8",
    )
    report = api.lint_policies(api.read_paths([tf]), "huaweicloud", CATALOG)
    assert [f.code for f in of(report, "MISSING_DEPENDENCY")] == ["MISSING_DEPENDENCY"] * 3
    (unevaluated,) = of(report, "MALFORMED_POLICY")
    assert unevaluated.severity == "info"
    assert "var.policy" in unevaluated.message


def test_a_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(api.ExplorerError, match="no such file"):
        api.read_paths([tmp_path / "nope.json"])


def test_codes_of_sources_in_memory() -> None:
    report = api.lint_policies([source("a.json", "{}")], "huaweicloud", CATALOG)
    assert codes(report) == [("MALFORMED_POLICY", "error", ""), ("MALFORMED_POLICY", "error", "")]


def test_policies_inside_an_iam_api_answer() -> None:
    report = lint_files("api-roles.json")
    assert [d.name for d in report.documents] == ["roles[0] Images.policy", "roles[1] No delete.policy"]
    assert [(f.code, f.where.document, f.where.line) for f in report.findings] == [
        ("DENIED_DEPENDENCY", "roles[0] Images.policy", 9),
        ("MISSING_DEPENDENCY", "roles[0] Images.policy", 9),
        ("MISSING_DEPENDENCY", "roles[0] Images.policy", 9),
        ("DENY_ONLY", "roles[1] No delete.policy", 16),
    ]


def test_a_terraform_file_without_policies_says_so(tmp_path: Path) -> None:
    tf = tmp_path / "vars.tf"
    tf.write_text('variable "group_id" {\n  type = string\n}\n', encoding="utf-8")
    (finding,) = api.lint_policies(api.read_paths([tf]), "huaweicloud", CATALOG).findings
    assert (finding.code, finding.severity) == ("MALFORMED_POLICY", "info")
    assert finding.message.startswith("no policy in this file")


def test_terraform_expressions_are_not_checked_but_said() -> None:
    report = lint_files("expressions.tf")
    assert [(f.code, f.severity, f.where.document) for f in report.findings] == [
        ("MALFORMED_POLICY", "info", "huaweicloud_identity_role.a"),
        ("MALFORMED_POLICY", "info", "huaweicloud_identity_role.b"),
        ("MALFORMED_POLICY", "info", "huaweicloud_identity_role.c"),
    ]
    assert "'${local.policy}'" in report.findings[0].message
    # role d: an interpolation inside a heredoc's strings is fine; its resource is a global (AX) service
    assert [d.name for d in report.documents][-1] == "huaweicloud_identity_role.d"


def test_comments_in_json_are_named() -> None:
    (finding,) = lint_text('{"Version": "1.1", // custom\n "Statement": []}').findings
    assert (finding.message, finding.where.line, finding.where.column) == (
        "invalid JSON: comments are not allowed in JSON",
        1,
        20,
    )


def test_terraform_values_point_at_their_own_text() -> None:
    storage = lint_files("roles.tf").documents[1]
    entry = storage.statements[0].actions[0]
    assert (entry.name, entry.line, entry.column) == ("evs:snapshots:create", 27, 19)
    otc = lint_files("otc-role.tf", cloud="otc").documents[0]
    assert [(a.name, a.line, a.column) for s in otc.statements for a in s.actions] == [
        ("ecs:cloudServers:get", 8, 15),
        ("ecs:cloudServers:delete", 8, 39),
        ("ecs:cloudServers:delete", 13, 18),
    ]
