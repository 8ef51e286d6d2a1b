"""closure(): the seed row's documented dependencies, inferred ones deeper, depth and condition controls."""

from __future__ import annotations

import pytest

from explorer.errors import QueryError
from explorer.graph import ClosureResult, Explorer

SEED_API = "POST /v2.1/{project_id}/servers/{server_id}/action"


def by_depth(result: ClosureResult) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for r in result.requirements:
        out.setdefault(r.depth, set()).add(r.action)
    return out


def test_seed_row_closure_on_fixture(fx: Explorer, seed_deps: frozenset[str]) -> None:
    result = fx.closure("ecs:servers:createImage")
    # one row checks each action here, so each row's dependencies are certain; patterns are leaves
    assert by_depth(result) == {
        0: {"ecs:servers:createImage"},
        1: seed_deps,
        2: {"ims:serverImages:create"},
        3: {"ecs:*:get*", "obs:bucket:*"},
    }
    documented = result.get("ims:images:delete")
    assert documented is not None and documented.documented and documented.via == "ecs:servers:createImage"
    assert documented.basis == "documented" and documented.destructive
    assert [(p.file, p.row) for p in documented.provenance] == [("huaweicloud-zh/ecs/镜像管理.md", 1)]
    assert documented.reason.startswith("documented dependency of ecs:servers:createImage")
    certain = result.get("ims:serverImages:create")
    assert certain is not None and not certain.documented and certain.basis == "certain"
    assert certain.via == "ims:images:update"
    assert certain.conditions == ("仅企业项目迁移需要",)
    assert certain.reason.startswith("certain: every row that checks ims:images:update lists it")
    pattern = result.get("ecs:*:get*")
    assert pattern is not None and pattern.kind == "pattern" and pattern.broad and pattern.matches == 2
    assert result.get("ecs:servers:get") is None  # what the pattern matches is not a separate requirement


def test_requirements_sorted_by_depth_then_action(fx: Explorer) -> None:
    keys = [(r.depth, r.action) for r in fx.closure("ecs:servers:createImage").requirements]
    assert keys == sorted(keys)


def test_depth_limit_cuts_and_says_so(fx: Explorer, seed_deps: frozenset[str]) -> None:
    result = fx.closure("ecs:servers:createImage", max_depth=1)
    assert set(result.actions()) == seed_deps | {"ecs:servers:createImage"}
    assert result.truncated
    assert not fx.closure("ecs:servers:createImage").truncated


def test_excluding_conditional_dependencies(fx: Explorer, seed_deps: frozenset[str]) -> None:
    everything = set(fx.closure("ecs:servers:createImage").actions())
    assert set(fx.closure("ecs:servers:createImage", exclude_conditional=True).actions()) == seed_deps | {
        "ecs:servers:createImage"
    }
    named = fx.closure("ecs:servers:createImage", exclude_conditional=["企业项目迁移"])
    assert set(named.actions()) == seed_deps | {"ecs:servers:createImage"}
    assert named.excluded_conditions == ("企业项目迁移",)
    as_text = fx.closure("ecs:servers:createImage", exclude_conditional="企业项目迁移")
    assert as_text.excluded_conditions == ("企业项目迁移",)
    other = fx.closure("ecs:servers:createImage", exclude_conditional=["加密"])
    assert set(other.actions()) == everything


def test_api_target_is_the_row(fx: Explorer, seed_deps: frozenset[str]) -> None:
    result = fx.closure(SEED_API)
    assert result.targets[0].kind == "operation"
    assert result.targets[0].operations == ("fx-ecs-createimage",)
    assert by_depth(result)[1] == seed_deps | {"ecs:servers:createImage"}
    checked = result.get("ecs:servers:createImage")
    assert checked is not None and checked.edge is not None and checked.edge.kind == "checks"
    assert checked.reason.startswith("checked by operation Create image (native OpenStack API) [")
    dep = result.get("ims:images:get")
    assert dep is not None and dep.via == "op:fx-ecs-createimage"
    assert dep.reason.startswith("documented dependency of operation Create image (native OpenStack API)")


def test_placeholder_names_do_not_matter(fx: Explorer) -> None:
    assert fx.resolve("post /v2.1/{pid}/servers/{id}/action/").operations == ("fx-ecs-createimage",)


def test_case_insensitive_action(fx: Explorer) -> None:
    target = fx.resolve("ECS:Servers:CreateImage")
    assert target.seeds == ("ecs:servers:createImage",) and "case-insensitively" in target.note


def test_pattern_target_expands(fx: Explorer) -> None:
    target = fx.resolve("ims:images:*")
    assert target.kind == "pattern"
    assert target.actions == (
        "ims:images:create",
        "ims:images:delete",
        "ims:images:get",
        "ims:images:list",
        "ims:images:update",
    )


def test_unknown_action_suggests_closest(fx: Explorer) -> None:
    with pytest.raises(QueryError) as err:
        fx.closure("ecs:servers:createImag")
    assert err.value.suggestions[0] == "ecs:servers:createImage"
    assert "did you mean" in str(err.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ecs:*", "malformed pattern"),
        ("nosuch:*:get*", "matches no action"),
        ("GET /nowhere", "no operation documents"),
        ("", "empty target"),
        ("hello", "is not an action"),
        # a service written as the console does (real policies grant "FunctionGraph:function:listVersion")
        ("FunctionGraph:function:nosuch", "unknown action 'FunctionGraph:function:nosuch'"),
    ],
)
def test_bad_targets(fx: Explorer, text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        fx.resolve(text)


def test_bad_depth(fx: Explorer) -> None:
    with pytest.raises(QueryError, match="positive integer"):
        fx.closure("ecs:servers:createImage", max_depth=0)


def test_cycle_and_self_loop_terminate_and_are_reported(fx: Explorer) -> None:
    result = fx.closure("ecs:serverInterfaces:use")
    assert {r.basis for r in result.requirements if r.depth > 1} == {"certain"}
    assert result.cycles == (("vpc:networks:get", "vpc:subnets:get"),)
    assert result.self_loops == ("vpc:ports:get",)
    assert by_depth(result) == {
        0: {"ecs:serverInterfaces:use"},
        1: {"ecs:servers:get", "vpc:ports:create", "vpc:ports:get"},
        2: {"vpc:subnets:get"},
        3: {"vpc:networks:get"},
    }


def test_unresolved_action_stays_and_is_marked(fx: Explorer) -> None:
    result = fx.closure("evs:volumes:create")
    kms = result.get("kms:cmk:get")
    assert kms is not None and not kms.resolved and kms.scope_mark == "unknown"
    assert kms.conditions == ("仅创建加密云硬盘需要",)


def test_scope_kept_per_operation_action_pair(fx: Explorer) -> None:
    listing = fx.closure("ecs:servers:createImage").get("ims:images:list")
    assert listing is not None and listing.scope_mark == "mixed"
    assert {(p.apis, p.enterprise_project) for p in listing.scope} == {
        (("GET /v2/cloudimages",), True),
        (("GET /v2/images",), False),
    }


def test_to_dict_contract(fx: Explorer, seed_deps: frozenset[str]) -> None:
    data = fx.closure("ecs:servers:createImage").to_dict()
    rows = {r["action"]: r for r in data["requirements"]}
    assert {a for a, r in rows.items() if r["depth"] == 1} == seed_deps
    assert isinstance(rows["ims:images:get"]["depth"], int)
    assert rows["ims:images:get"]["provenance"][0]["row"] == 1
