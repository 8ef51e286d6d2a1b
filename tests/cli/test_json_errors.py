"""Under --json every error is one JSON document on stdout (error.schema.json), never text on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from explorer import api
from explorer.cli import cli

FIXTURE = str(Path(__file__).resolve().parents[1] / "fixtures" / "catalog")
VALIDATOR = Draft202012Validator(api.output_schema("error"))


def run_json(*args: str) -> tuple[int, dict[str, object], str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    data: dict[str, object] = json.loads(result.stdout)
    return result.exit_code, data, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("closure", "ecs:servers:createImag"), "unknown action 'ecs:servers:createImag'"),
        (("closure", "ecs:*"), "malformed pattern"),
        (("scope", "GET /nowhere"), "no operation documents the API"),
        (("why", "evs:snapshots:create", "--from", "ecs:servers:createImage", "--cloud", "otcc"), "otcc"),
        (("dependents", "GET /v2/images"), "is an operation"),
        (("show", "nosuch:thing:get"), "unknown action"),
        (("search", "镜像", "--limit", "0"), "Invalid value for '--limit'"),
        (("closure",), "Missing argument 'TARGETS...'"),
        (("check", "--no-such-option"), "--no-such-option"),  # click words it differently across versions
    ],
)
def test_errors_are_a_json_document_with_status_2(args: tuple[str, ...], message: str) -> None:
    code, data, err = run_json(*args, "--json", "--catalog", FIXTURE)
    assert code == 2
    assert err == ""
    VALIDATOR.validate(data)
    assert list(data) == ["format_version", "error"] and data["format_version"] == 1
    error = data["error"]
    assert isinstance(error, dict) and message in error["message"]


def test_suggestions_are_listed() -> None:
    _, data, _ = run_json("closure", "ecs:servers:createImag", "--json", "--catalog", FIXTURE)
    suggestions = ["ecs:servers:createImage", "ecs:cloudServers:create", "ecs:servers:get"]
    suggestions += ["ims:serverImages:create", "ecs:cloudServers:get"]
    assert data["error"] == {
        "message": "unknown action 'ecs:servers:createImag' in the huaweicloud catalog; the ecs tables do not "
        "define it: probably a misspelling of ecs:servers:createImage; did you mean: " + ", ".join(suggestions),
        "suggestions": suggestions,
    }


def test_a_broken_catalog_lists_its_problems(tmp_path: Path) -> None:
    (tmp_path / "huaweicloud").mkdir()
    (tmp_path / "huaweicloud" / "ecs.yaml").write_text("schema_version: 1\ncloud: huaweicloud\n", encoding="utf-8")
    code, data, _ = run_json("check", "--json", "--catalog", str(tmp_path))
    assert code == 2
    VALIDATOR.validate(data)
    error = data["error"]
    assert isinstance(error, dict)
    problems = error["problems"]
    assert isinstance(problems, list) and problems
    assert all(p["file"].endswith("ecs.yaml") for p in problems)
    assert any("service" in p["message"] or "service" in p["location"] for p in problems)


def test_without_json_errors_stay_text_on_stderr() -> None:
    result = CliRunner().invoke(cli, ["closure", "ecs:servers:createImag", "--catalog", FIXTURE])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("error: unknown action")


def test_json_after_double_dash_is_an_argument() -> None:
    result = CliRunner().invoke(cli, ["search", "--catalog", FIXTURE, "--", "--json"])
    assert result.exit_code == 1 and "Search '--json'" in result.stdout
