"""The query commands through click's CliRunner: tables, the --json contract, and error exits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from seed_row import SEED_DEPENDENCIES

from explorer.cli import cli

REPO = Path(__file__).resolve().parents[2]
FIXTURE = str(REPO / "tests" / "fixtures" / "catalog")
SEED_DEPS = set(SEED_DEPENDENCIES)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--catalog", FIXTURE])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_closure_json_contract() -> None:
    code, out, _ = run("closure", "ecs:servers:createImage", "--json")
    assert code == 0
    data = json.loads(out)
    depth = {r["action"]: r["depth"] for r in data["requirements"]}
    assert {a for a, d in depth.items() if d == 1} == SEED_DEPS
    assert depth["ims:serverImages:create"] == 2
    assert all(isinstance(d, int) for d in depth.values())


def test_closure_options() -> None:
    _, out, _ = run("closure", "ecs:servers:createImage", "--json", "--depth", "1")
    assert json.loads(out)["truncated"] is True
    _, out, _ = run("closure", "ecs:servers:createImage", "--json", "--no-conditional")
    assert max(r["depth"] for r in json.loads(out)["requirements"]) == 1
    _, out, _ = run("closure", "ecs:servers:createImage", "--json", "--exclude-condition", "企业项目")
    assert json.loads(out)["excluded_conditions"] == ["企业项目"]


def test_closure_table() -> None:
    code, out, _ = run("closure", "ecs:servers:createImage")
    assert code == 0
    assert "Closure (huaweicloud): 10 required actions besides the target (7 documented, 3 certain)" in out
    assert "│ 1     │ documented │ ims:images:delete (destructive) " in out
    assert "documented dependency of ecs:servers:createImage [huaweicloud-zh/ecs/镜像管理.md" in out
    assert "│ 2     │ certain    │ ims:serverImages:create" in out and "certain: every row that checks" in out
    assert "obs:bucket:* (broad, destructive)" in out
    assert out.rstrip().endswith("left out: --possible")


def test_scope_json_contract() -> None:
    code, out, _ = run("scope", "ecs:servers:createImage", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == "not_grantable" and data["enterprise_project_grantable"] is False
    assert "ecs:servers:createImage" in data["blockers"]
    assert all(isinstance(b, str) for b in data["blockers"])
    code, out, _ = run("scope", "GET /v2/cloudimages", "--json")
    assert json.loads(out)["enterprise_project_grantable"] is True and json.loads(out)["blockers"] == []
    code, out, _ = run("scope", "ims:images:list", "--json")
    data = json.loads(out)
    assert (data["verdict"], data["enterprise_project_grantable"]) == ("depends", None)
    assert data["plan"]["check"][0]["works_for"] == ["GET /v2/cloudimages"]


def test_scope_prints_the_verdict_and_plan_first() -> None:
    code, out, _ = run("scope", "ecs:servers:createImage")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == (
        "Cannot be granted on an enterprise project: 4 actions work there for no documented row "
        "(ecs:servers:createImage, ims:images:create, ims:images:delete and 1 more)."
    )
    assert lines[6] == "Grant plan for ecs:servers:createImage (huaweicloud):"
    assert lines[7] == "  1. Enterprise-project policy (2): ims:images:update, ims:serverImages:create"
    assert lines[8] == (
        "  2. IAM-project policy (4): ecs:servers:createImage, ims:images:create, ims:images:delete, ims:images:get"
    )
    assert lines[9] == (
        "  3. Check first (5): grant on an IAM project unless the API you call works on an enterprise project:"
    )
    assert (
        "     ims:images:list: depends on the API called: works for GET /v2/cloudimages; not for GET /v2/images" in out
    )
    assert "(operation, action) pairs of the answer" not in out
    _, with_pairs, _ = run("scope", "ecs:servers:createImage", "--pairs")
    assert "(operation, action) pairs of the answer" in with_pairs


@pytest.mark.parametrize(
    ("target", "fail_on", "code"),
    [
        ("ecs:servers:createImage", "not_grantable", 1),
        ("ecs:servers:createImage", "depends", 1),
        ("ims:images:list", "not_grantable", 0),
        ("ims:images:list", "depends", 1),
        ("GET /v2/cloudimages", "depends", 0),
    ],
)
def test_scope_fail_on_sets_the_exit_status(target: str, fail_on: str, code: int) -> None:
    assert run("scope", target, "--fail-on", fail_on)[0] == code
    assert run("scope", target, "--json", "--fail-on", fail_on)[0] == code


def test_dependents() -> None:
    code, out, _ = run("dependents", "evs:snapshots:create", "--json")
    assert code == 0
    assert "ecs:servers:createImage" in [d["node"] for d in json.loads(out)["dependents"]]


def test_why() -> None:
    code, out, _ = run("why", "obs:bucket:*", "--from", "ecs:servers:createImage")
    assert code == 0 and "ims:serverImages:create" in out and "镜像管理.md t1 r2" in out and "certain" in out
    code, out, _ = run("why", "vpc:publicIps:create", "--from", "ecs:servers:createImage")
    assert code == 1 and "is not required by" in out


def test_search_show_check() -> None:
    code, out, _ = run("search", "镜像列表", "--json")
    assert code == 0 and json.loads(out)["hits"][0]["key"] in {"op:fx-ims-listimages", "op:fx-ims-listimages-native"}
    assert run("search", "zzzzqqq")[0] == 1
    code, out, _ = run("show", "ims:images:list")
    assert code == 0 and "GET /v2/cloudimages" in out and "GET /v2/images" in out
    code, out, _ = run("check", "--json")
    assert code == 0 and json.loads(out)["self_loops"] == ["vpc:ports:get"]
    code, out, _ = run("stats")
    assert code == 0 and "kms:cmk:get" in out and "vpc:networks:get <-> vpc:subnets:get" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("closure", "ecs:servers:createImag"), "did you mean: ecs:servers:createImage"),
        (("closure", "ecs:*"), "malformed pattern"),
        (("closure", "GET /nowhere"), "no operation documents the API"),
        (("closure", "ecs:servers:createImage", "--cloud", "otcc"), "no catalog for cloud 'otcc'"),
        (("dependents", "GET /v2/images"), "is an operation"),
        (("show", "nosuch:thing:get"), "unknown action"),
    ],
)
def test_errors_exit_2_without_traceback(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err and "Traceback" not in err + out


def test_bad_catalogs(tmp_path: Path) -> None:
    empty = CliRunner().invoke(cli, ["closure", "ecs:servers:createImage", "--catalog", str(tmp_path)])
    assert empty.exit_code == 2 and "no catalog files" in empty.stderr
    bad = tmp_path / "huaweicloud" / "ecs.yaml"
    bad.parent.mkdir()
    bad.write_text("schema_version: 1\ncloud: huaweicloud\nservice: ecs\noperations: [{id: x}]\n", encoding="utf-8")
    broken = CliRunner().invoke(cli, ["closure", "ecs:servers:createImage", "--catalog", str(tmp_path)])
    assert broken.exit_code == 2 and "ecs.yaml" in broken.stderr and "Traceback" not in broken.stderr
    missing = CliRunner().invoke(cli, ["check", "--catalog", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "no such file or directory" in missing.stderr


def test_depth_must_be_positive() -> None:
    code, _, err = run("closure", "ecs:servers:createImage", "--depth", "0")
    assert code == 2 and "--depth" in err
