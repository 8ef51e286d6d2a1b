"""Every ``--json`` output on the fixture catalog, byte for byte, and validated against its shipped schema.

The expected outputs are the files in ``tests/cli/goldens/``. After a deliberate change of an output,
regenerate them with ``./run goldens`` (``PERMISSION_EXPLORER_GOLDENS=write pytest tests/cli/test_json_goldens.py``),
review the diff, and update ``docs/json.md`` and the schema (``python -m explorer.schemas.build``) with it.
A key removed or changing meaning also needs ``FORMAT_VERSION`` raised in ``explorer/jsonout.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

import click
import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from explorer import api
from explorer.cli import cli

REPO = Path(__file__).resolve().parents[2]
GOLDENS = Path(__file__).resolve().parent / "goldens"
FIXTURE = "tests/fixtures/catalog"  # relative, run from the repository: outputs that name it stay the same anywhere
NO_ACTION = "tests/fixtures/no_action_catalog"
LEAST = "tests/fixtures/least_privilege"  # certain, possible, broad and destructive requirements
POLICIES = "tests/fixtures/policies"  # policy documents, and the two-cloud catalog they are linted against
TERRAFORM = "tests/fixtures/terraform"  # configurations, plans, a policy, and the provider checkout they are read with
TF_DATA = ("--catalog", f"{TERRAFORM}/catalog", "--provider-data", f"{TERRAFORM}/provider")
WRITE = os.environ.get("PERMISSION_EXPLORER_GOLDENS") == "write"


class Case(NamedTuple):
    args: tuple[str, ...]
    status: int = 0
    schema: str = ""  # default: the command's name, "error" for exit status 2


CASES: dict[str, Case] = {
    "closure": Case(("closure", "ecs:servers:createImage", "--json")),
    "closure-depth-1": Case(("closure", "ecs:servers:createImage", "--depth", "1", "--json")),
    "closure-no-conditional": Case(("closure", "ecs:servers:createImage", "--no-conditional", "--json")),
    "closure-api": Case(("closure", "GET /v2/cloudimages", "--json")),
    "closure-no-action": Case(("closure", "GET /", "--json", "--catalog", NO_ACTION)),
    "closure-least-privilege": Case(("closure", "ecs:servers:createImage", "--json", "--catalog", LEAST)),
    "closure-possible": Case(("closure", "ecs:servers:createImage", "--possible", "--json", "--catalog", LEAST)),
    "why-possible": Case(
        ("why", "vpc:ports:get", "--from", "ecs:servers:createImage", "--possible", "--json", "--catalog", LEAST)
    ),
    "scope-depends": Case(("scope", "evs:snapshots:create", "--json")),
    "scope-fail-on": Case(("scope", "ecs:servers:createImage", "--fail-on", "not_grantable", "--json"), status=1),
    "why": Case(("why", "ims:serverImages:create", "--from", "ecs:servers:createImage", "--json")),
    "why-not-required": Case(("why", "vpc:publicIps:create", "--from", "ecs:servers:createImage", "--json"), status=1),
    "scope": Case(("scope", "ecs:servers:createImage", "--json")),
    "explain": Case(("explain", "Policy doesn't allow ecs:servers:createImage to be performed.", "--json")),
    "scope-grantable": Case(("scope", "GET /v2/cloudimages", "--json")),
    "scope-no-action": Case(("scope", "GET /", "--json", "--catalog", NO_ACTION)),
    "dependents": Case(("dependents", "evs:snapshots:create", "--json")),
    "dependents-depth-1": Case(("dependents", "vpc:ports:get", "--depth", "1", "--json")),
    "search": Case(("search", "镜像", "--limit", "5", "--json")),
    "search-api": Case(("search", "/v2/cloudimages", "--json")),
    "search-no-hit": Case(("search", "zzzzqqq", "--json"), status=1),
    "search-no-action": Case(("search", "查询所有弹性资源池", "--json", "--catalog", NO_ACTION)),
    "show": Case(("show", "ims:images:list", "--json")),
    "show-pattern": Case(("show", "ecs:*:get*", "--json")),
    "check": Case(("check", "--json")),
    "check-no-action": Case(("check", "--json", "--catalog", NO_ACTION)),
    "stats": Case(("stats", "--json"), schema="check"),
    "validate": Case(("validate", FIXTURE, "--json")),
    "validate-problems": Case(("validate", "tests/fixtures/catalogs/bad/dangling_source.yaml", "--json"), status=1),
    "export": Case(("export", "ecs:servers:createImage", "--format", "json", "-o", "-")),
    "export-dependents": Case(
        ("export", "vpc:ports:get", "--direction", "dependents", "--depth", "1", "--format", "json", "-o", "-")
    ),
    "diff": Case(("diff", "tests/fixtures/diff/old", "tests/fixtures/diff/new", "--json"), status=1),
    "policy-lint": Case(("policy", "lint", f"{POLICIES}/complete.json", "--json", "--catalog", f"{POLICIES}/catalog")),
    "policy-lint-findings": Case(
        ("policy", "lint", f"{POLICIES}/missing.json", "--json", "--catalog", f"{POLICIES}/catalog"), status=1
    ),
    "policy-generate": Case(
        ("policy", "generate", "ecs:servers:createImage", "--format", "json", "--catalog", f"{POLICIES}/catalog")
    ),
    "terraform": Case(("terraform", f"{TERRAFORM}/configs/basic", *TF_DATA, "--json")),
    "terraform-plan": Case(("terraform", f"{TERRAFORM}/plans/create.json", *TF_DATA, "--json")),
    "terraform-against": Case(
        (
            "terraform",
            f"{TERRAFORM}/configs/target",
            "--against",
            f"{TERRAFORM}/policies/partial.json",
            *TF_DATA,
            "--json",
        ),
        status=1,
        schema="policy-lint",
    ),
    "error-terraform": Case(("terraform", f"{TERRAFORM}/nowhere", *TF_DATA, "--json"), status=2),
    "error-unknown-action": Case(("closure", "ecs:servers:createImag", "--json"), status=2),
    "error-unknown-cloud": Case(("scope", "ecs:servers:createImage", "--cloud", "otcc", "--json"), status=2),
    "error-catalog": Case(("check", "--json", "--catalog", "tests/fixtures/catalogs/bad/duplicate_id.yaml"), status=2),
}
# Commands whose output is not a --json document
WITHOUT_JSON = {"import", "import-doc", "ui"}


def run_case(case: Case) -> tuple[int, str]:
    """The exit status and stdout, the checkout's absolute path written as <repo> (the loader names files so)."""
    args = list(case.args)
    if "--catalog" not in args and args[0] not in ("validate", "diff"):  # diff names its two sides
        args += ["--catalog", FIXTURE]
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout.replace(str(REPO), "<repo>")


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("PERMISSION_EXPLORER_CATALOG", raising=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_is_the_golden_file_and_valid(name: str) -> None:
    case = CASES[name]
    code, out = run_case(case)
    assert code == case.status, out
    golden = GOLDENS / f"{name}.json"
    if WRITE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert golden.is_file(), f"{golden} is missing: run ./run goldens"
    assert out == golden.read_text(encoding="utf-8"), f"{name}: output differs from {golden}; see the module doc"
    data = json.loads(out)
    assert next(iter(data)) == "format_version" and data["format_version"] == api.FORMAT_VERSION
    schema = case.schema or ("error" if case.status == 2 else command_name(case.args))
    Draft202012Validator(api.output_schema(schema)).validate(data)


def test_every_golden_file_belongs_to_a_case() -> None:
    assert sorted(p.stem for p in GOLDENS.glob("*.json")) == sorted(CASES)


def command_name(args: tuple[str, ...]) -> str:
    """``closure`` for a top-level command, ``policy-lint`` for a command of a group (as schemas are named)."""
    command: click.Command | None = cli
    parts = []
    for arg in args:
        if not isinstance(command, click.Group):
            break
        command = command.get_command(click.Context(command), arg)
        parts.append(arg)
    return "-".join(parts)


def json_commands(group: click.Group, prefix: str = "") -> list[str]:
    """Every command that prints a JSON document: those with --json, and export (--format json)."""
    found: list[str] = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # commands are registered lazily, by name
        command = group.get_command(ctx, name)
        if command is None:
            continue
        if isinstance(command, click.Group):
            found += json_commands(command, f"{prefix}{name}-")
        elif any(p.name == "as_json" for p in command.params) or name == "export":
            found.append(f"{prefix}{name}")
    return found


def test_every_json_command_has_a_schema_and_a_golden_case() -> None:
    commands = json_commands(cli)
    assert not WITHOUT_JSON & set(commands)
    covered = {command_name(c.args) for c in CASES.values() if c.status != 2}
    for name in commands:
        schema = "check" if name == "stats" else name
        assert schema in api.schema_names(), f"{name} prints JSON but has no explorer/schemas/{schema}.schema.json"
        assert name in covered, f"{name} has no golden case: add one to CASES in {__file__}, then ./run goldens"


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for name in api.schema_names():
        Draft202012Validator.check_schema(api.output_schema(name))
