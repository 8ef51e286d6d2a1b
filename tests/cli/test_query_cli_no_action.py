"""closure, scope and check on APIs whose documentation rows list no action (tests/fixtures/no_action_catalog)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from explorer.cli import cli

CATALOG = str(Path(__file__).resolve().parents[1] / "fixtures" / "no_action_catalog")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [*args, "--catalog", CATALOG], env={"COLUMNS": "200"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def test_closure_says_the_documentation_lists_no_action() -> None:
    code, out = run("closure", "GET /")
    assert code == 0
    lines = out.splitlines()
    assert (
        lines[0]
        == "查询接口版本信息列表（示例） (GET /): operation (API GET /; the documentation lists no action for it)"
    )
    assert lines[1] == (
        "  no action listed by row 查询接口版本信息列表（示例）: no action required (action cell: 无) "
        "[huaweicloud-zh/evs/示例.md table 1 row 1]"
    )
    assert lines[2] == (
        "Closure (huaweicloud): no requirements; the documentation lists no action for "
        "查询接口版本信息列表（示例） (GET /)"
    )
    assert len(lines) == 3


def test_closure_json_of_an_api_without_actions() -> None:
    code, out = run("closure", "GET /", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["requirements"] == []
    (target,) = data["targets"]
    assert (target["kind"], target["actions"], target["operations"]) == ("operation", [], ["noaction0001"])
    assert target["without_actions"] == [
        {
            "operation": "noaction0001",
            "operation_name": "查询接口版本信息列表（示例）",
            "apis": ["GET /"],
            "notes": ["no action required (action cell: 无)"],
            "provenance": {"file": "huaweicloud-zh/evs/示例.md", "table": 1, "row": 1, "edition": "huaweicloud-zh"},
        }
    ]


def test_closure_of_a_row_with_a_dependency_only_prints_the_table() -> None:
    code, out = run("closure", "POST /v2/{project_id}/volumes/{volume_id}/action")
    assert code == 0
    assert "no action listed by row 导出云硬盘为镜像（示例）: no action required (action cell: N/A)" in out
    assert "Closure (huaweicloud): 1 required action besides the target (1 documented, 0 certain)" in out
    assert "documented dependency of operation 导出云硬盘为镜像（示例）" in out


def test_scope_has_nothing_to_grant() -> None:
    code, out = run("scope", "GET /")
    assert code == 0
    assert "Nothing to grant: the documentation lists no action for 查询接口版本信息列表（示例） (GET /)." in out
    assert "Can be granted on an enterprise project" not in out
    _, raw = run("scope", "GET /", "--json")
    data = json.loads(raw)
    assert (data["nothing_to_grant"], data["actions"], data["blockers"]) == (True, [], [])


def test_check_counts_operations_without_actions() -> None:
    code, out = run("check")
    assert code == 0
    assert "Catalog huaweicloud: 6 operations, 3 actions" in out
    row = next(line for line in out.splitlines() if "│ evs" in line)
    assert [c.strip() for c in row.strip("│ ").split("│")][:4] == ["evs", "6", "4", "2"]
    _, raw = run("check", "--json")
    (evs,) = json.loads(raw)["services"]
    assert (evs["operations"], evs["without_actions"], evs["actions"]) == (6, 4, 2)


def test_search_finds_an_operation_without_actions() -> None:
    code, out = run("search", "查询所有弹性资源池", "--json")
    assert code == 0
    assert [h["key"] for h in json.loads(out)["hits"]] == ["op:noaction0004"]
