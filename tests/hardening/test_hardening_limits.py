"""Issue 23: every number, string and nesting depth read within stated limits, in every output mode; wildcards in
linear time; options checked before they reach a library; internal errors as exit 2 with a JSON error."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_support import corpus_with_row

from explorer.actions import matches
from explorer.cli import cli
from explorer.errors import clip
from explorer.policy.sarif import artifact_uri
from explorer.ui.uploads import Upload, digest

REPO = Path(__file__).resolve().parents[2]
CATALOG = str(REPO / "tests" / "fixtures" / "policies" / "catalog")
BIG = "9" * 5000
MODES = ("text", "--json", "--sarif")
GET = "ecs:cloudServers:get"


def lint(path: Path, mode: str) -> tuple[int, str]:
    args = ["policy", "lint", str(path), "--catalog", CATALOG] + ([] if mode == "text" else [mode])
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def messages(path: Path, status: int = 1) -> list[tuple[str, str, int | None]]:
    """(code, message, line) of every finding, from the --json output (after checking every mode survives)."""
    outputs = {mode: lint(path, mode) for mode in MODES}
    for mode, (code, out) in outputs.items():
        assert code == status, (mode, out)
        assert out.strip(), mode
        out.encode("utf-8")  # every output can be written to a UTF-8 stream
    sarif = json.loads(outputs["--sarif"][1])
    assert sarif["version"] == "2.1.0"
    doc = json.loads(outputs["--json"][1])
    return [(f["code"], f["message"], f["line"]) for f in doc["findings"]]


def _otc(condition: str) -> str:
    return (
        'resource "opentelekomcloud_identity_role_v3" "r" {\n  display_name = "r"\n  statement {\n'
        f'    effect    = "Allow"\n    action    = ["{GET}"]\n    condition = <<EOF\n{condition}\nEOF\n  }}\n}}\n'
    )


def _role(policy: str) -> str:
    return f'resource "huaweicloud_identity_role" "r" {{\n  name   = "r"\n  type   = "XA"\n  policy = {policy}\n}}\n'


def test_a_5000_digit_number_in_a_condition_or_version_is_a_finding_in_every_mode(tmp_path: Path) -> None:
    cond = tmp_path / "cond.json"
    statement = f'{{"Effect":"Allow","Action":["{GET}"],"Condition":{{"NumericEquals":{{"g:X":{BIG}}}}}}}'
    cond.write_text(f'{{"Version":"1.1","Statement":[{statement}]}}')
    version = tmp_path / "version.json"
    version.write_text(f'{{"Version":{BIG},"Statement":[{{"Effect":"Allow","Action":["{GET}"]}}]}}')
    expected = "invalid JSON: a number of 5000 characters; at most 100 are read"
    assert messages(cond) == [("MALFORMED_JSON", expected, 1)]
    assert messages(version) == [("MALFORMED_JSON", expected, 1)]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (
            _role(f'<<EOT\n{{"Version": "1.1", "Statement": [], "X": {BIG}}}\nEOT'),
            "invalid HCL: a number of 5000 digits; at most 100 are read",
            5,
        ),
        (
            _role(f"jsonencode({{\n    Version = {BIG}\n  }})"),
            "invalid HCL: a number of 5000 digits; at most 100 are read",
            5,
        ),
        (
            _otc(f'{{"NumericEquals": {{"g:X": {BIG}}}}}'),
            "invalid HCL: a number of 5000 digits; at most 100 are read",
            7,
        ),
        (
            _otc("[" * 5000 + "]" * 5000),
            "invalid HCL: brackets nested deeper than 64 levels; a policy is at most a few deep",
            7,
        ),
    ],
    ids=["heredoc-number", "jsonencode-number", "otc-condition-number", "otc-condition-nesting"],
)
def test_terraform_numbers_and_nesting_beyond_the_limits(tmp_path: Path, text: str, message: str, line: int) -> None:
    path = tmp_path / "main.tf"
    path.write_text(text)
    assert messages(path) == [("MALFORMED_JSON", message, line)]


def test_json_nested_in_an_otc_condition_is_read_with_the_depth_limit(tmp_path: Path) -> None:
    path = tmp_path / "main.tf"
    path.write_text(_otc('{"StringEquals": ' * 40 + "1" + "}" * 40))
    found = messages(path)
    assert (
        "MALFORMED_JSON",
        "invalid JSON in condition: nesting deeper than 32 levels; a policy is at most a few levels deep "
        "(line 1 of the condition)",
        1,
    ) in found


def test_a_lone_surrogate_and_a_terminal_escape_are_shown_escaped(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        f'{{"Version":"1.1","Statement":[{{"Effect":"Allow","Action":["{GET}\\ud800","{GET}\\u001b[2J"]}}]}}'
    )
    found = messages(path)
    rule = (
        "expected service:resourceType:operation (three parts, letters, digits, '_', '-', '.', and '*' as a wildcard)"
    )
    assert [m for _c, m, _l in found if "not an action" in m] == [
        f"'{GET}\\ud800' is not an action: {rule}",
        f"'{GET}\\x1b[2J' is not an action: {rule}",
    ]
    _code, json_out = lint(path, "--json")
    assert f'"action": "{GET}\\ud800"' in json_out  # the same escape JSON was given
    _code, text = lint(path, "text")
    assert f"{GET}[U+D800]" in text and f"{GET}[U+001B][2J" in text
    assert "\x1b" not in text and "\ud800" not in text


def test_a_thousand_stars_lint_and_query_at_once(tmp_path: Path) -> None:
    stars = "*" * 1000
    pattern = f"ecs:*:{stars}Z"
    path = tmp_path / "p.json"
    path.write_text(json.dumps({"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": [pattern]}]}))
    assert ("WILDCARD_MATCHES_NOTHING", f"{pattern} matches no action of the huaweicloud catalog", 1) in [
        (c, m, line) for c, m, line in messages(path, status=0)
    ]
    for command in ("closure", "dependents", "scope"):
        result = CliRunner().invoke(cli, [command, pattern, "--catalog", CATALOG, "--json"])
        assert result.exit_code == 2
        assert json.loads(result.stdout)["error"]["message"] == clip(
            f"the pattern {pattern!r} matches no action of the huaweicloud catalog"
        )
    assert matches(f"ecs:*:{stars}t", "ecs:cloudServers:get")


def test_an_address_that_is_neither_ip_nor_host_is_our_usage_error() -> None:
    result = CliRunner().invoke(cli, ["ui", "--address", "1.2.3.4.5", "--catalog", CATALOG])
    assert result.exit_code == 2
    assert "Invalid value for --address: '1.2.3.4.5' is neither an IP address (1.2.3.4, ::1) nor a host name" in (
        result.stderr
    )
    result = CliRunner().invoke(cli, ["ui", "--port", "70000"])
    assert result.exit_code == 2 and "70000 is not in the range 1<=x<=65535" in result.stderr


@pytest.mark.parametrize("mode", MODES)
def test_an_internal_error_is_exit_2_with_a_json_error(monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    from explorer.app import policies

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(policies, "lint_policies", broken)
    monkeypatch.delenv("PERMISSION_EXPLORER_DEBUG", raising=False)
    path = REPO / "tests" / "fixtures" / "policies" / "complete.json"
    args = ["policy", "lint", str(path), "--catalog", CATALOG] + ([] if mode == "text" else [mode])
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    message = (
        "internal error: RuntimeError: boom (a bug: please report it with the command; "
        "PERMISSION_EXPLORER_DEBUG=1 shows the traceback)"
    )
    if mode == "text":
        assert result.stdout == "" and result.stderr == f"error: {message}\n"
    else:
        assert json.loads(result.stdout) == {"format_version": 1, "error": {"message": message}}


def test_a_catalog_diffed_with_itself_is_equal_even_with_a_bad_policy(tmp_path: Path) -> None:
    bundled = str(REPO / "catalog")
    result = CliRunner().invoke(cli, ["diff", bundled, bundled, "--no-impact"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith(f"{bundled} and {bundled}: no change (")
    bad = tmp_path / "bad.json"
    bad.write_text(f'{{"Version":{BIG},"Statement":[]}}')
    result = CliRunner().invoke(cli, ["diff", bundled, bundled, "--policy", str(bad), "--json"])
    assert result.exit_code == 0
    assert set(json.loads(result.stdout)["summary"].values()) == {0}


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("<stdin>", "%3Cstdin%3E"),
        ("my policy#1 100%.json", "my%20policy%231%20100%25.json"),
        ("políticas/ação.json", "pol%C3%ADticas/a%C3%A7%C3%A3o.json"),
        ("a:b.json", "a%3Ab.json"),
        ("dir/x\udcff.json", "dir/x%FF.json"),
    ],
)
def test_sarif_uris_are_percent_encoded(name: str, uri: str) -> None:
    assert artifact_uri(name) == uri


def test_an_upload_link_is_a_keyed_digest_not_the_content_hash() -> None:
    import hashlib

    files = [Upload("ecs.yaml", b"schema_version: 2\n")]
    key = digest(files, "yaml")
    assert key == digest(list(reversed(files)), "yaml")  # the same files give the same key on this server
    plain = hashlib.sha256()
    plain.update(b"ecs.yaml\0" + hashlib.sha256(files[0].data).digest() + b"\1yaml")
    assert key != plain.hexdigest()[:16]
    assert len(key) == 16


def _tf_file(folder: Path, target: str) -> Path:
    main = folder / "main.tf"
    main.write_text(_role(f'file("{target}")'))
    return main


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("../secret/creds.json", "it is outside the configuration's folder"),
        ("/etc/passwd", "it is outside the configuration's folder"),
        ("link.json", "it is outside the configuration's folder"),
        ("fifo", "is a FIFO, not a regular file; not read"),
        (".", "is a directory, not a regular file; not read"),
        ("latin1.json", "it is not UTF-8 text"),
    ],
)
def test_terraform_file_reads_only_regular_files_inside_the_folder(tmp_path: Path, target: str, reason: str) -> None:
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "creds.json").write_text('{"token": "TOPSECRET"}')
    config = tmp_path / "config"
    config.mkdir()
    (config / "link.json").symlink_to(tmp_path / "secret" / "creds.json")
    os.mkfifo(config / "fifo")
    (config / "latin1.json").write_bytes(b'{"x": "\xe9TOPSECRET"}')
    main = _tf_file(config, target)
    for mode in MODES:
        code, out = lint(main, mode)
        assert code == 0 and "TOPSECRET" not in out
    doc = json.loads(lint(main, "--json")[1])
    assert [f["message"] for f in doc["findings"]] == [
        f"huaweicloud_identity_role.r: file({target!r}) not read: {reason}"
    ]


def test_terraform_file_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(f'{{"Version":"1.1","Statement":[{{"Effect":"Allow","Action":["{GET}"]}}]}}')
    main = _tf_file(tmp_path, "${path.module}/p.json")
    doc = json.loads(lint(main, "--json")[1])
    assert doc["documents"] == 1
    assert [f["code"] for f in doc["findings"] if f["severity"] == "error"] == []


def _import(corpus: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", str(corpus), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def test_a_manifest_starting_with_a_bom_is_read(tmp_path: Path) -> None:
    corpus = corpus_with_row(tmp_path)
    manifest = corpus / "MANIFEST.tsv"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    code, err = _import(corpus, tmp_path / "out")
    assert code == 0, err
    assert (tmp_path / "out" / "huaweicloud" / "ecs.yaml").is_file()


def test_a_line_separator_in_a_manifest_field_is_no_field_count_error(tmp_path: Path) -> None:
    corpus = corpus_with_row(tmp_path, origin_path="docs/a\u2028b.md")
    code, err = _import(corpus, tmp_path / "out")
    assert code == 0, err


def test_a_manifest_field_the_csv_module_refuses_names_its_line(tmp_path: Path) -> None:
    corpus = corpus_with_row(tmp_path, header_signature="x" * 140_000)
    code, err = _import(corpus, tmp_path / "out")
    assert code == 2
    assert err == (
        f"error: {corpus / 'MANIFEST.tsv'}: line 2: field larger than field limit (131072); "
        "expected tab-separated text fields\n"
    )
    assert not (tmp_path / "out").exists()
