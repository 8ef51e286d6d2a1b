"""Action names and Huawei's wildcard rules."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.actions import (
    ActionNameError,
    check_action_or_pattern,
    is_action,
    is_broad,
    is_destructive,
    is_pattern,
    matches,
    service_of,
)


@pytest.mark.parametrize(
    "name",
    ["ecs:servers:createImage", "evs:snapshots:create", "vpc:publicIps:update", "dli:database:create_view"],
)
def test_literal_actions_are_actions_not_patterns(name: str) -> None:
    assert is_action(name)
    assert not is_pattern(name)


@pytest.mark.parametrize("name", ["ecs:*:get*", "obs:bucket:*", "dws:*:list*", "kms:*:*"])
def test_wildcards_are_patterns_not_actions(name: str) -> None:
    assert is_pattern(name)
    assert not is_action(name)


@pytest.mark.parametrize(
    "name",
    ["ECS:servers:get", "ecs:servers", "ecs::get", "dli: catalog: grantPrivilege", "ec*:servers:get", "", "a:b:c:d"],
)
def test_malformed_names_are_rejected_with_the_rule(name: str) -> None:
    assert not is_action(name)
    assert not is_pattern(name)
    with pytest.raises(ActionNameError, match="service:resource:operation"):
        check_action_or_pattern(name)


def test_service_part_is_literal_and_case_sensitive() -> None:
    assert matches("ecs:*:get*", "ecs:servers:get")
    assert not matches("ecs:*:get*", "evs:volumes:get")
    assert not matches("ecs:*:get*", "ECS:servers:get")


def test_resource_and_operation_are_case_insensitive() -> None:
    assert matches("ecs:*:get*", "ecs:cloudServers:GetServerConsoleLog")
    assert matches("ecs:SERVERS:createimage", "ecs:servers:createImage")
    assert not matches("ecs:servers:createImage", "ecs:servers:createImages")


def test_star_matches_any_run_including_empty_but_nothing_else() -> None:
    assert matches("obs:bucket:*", "obs:bucket:ListAllMyBuckets")
    assert matches("ecs:*:list*", "ecs:servers:list")
    assert not matches("ecs:*:list*", "ecs:servers:getList")
    assert not matches("ecs:serv.rs:get", "ecs:servers:get")  # '.' is literal, not a regex


def test_a_thousand_stars_match_in_linear_time() -> None:
    # The old translation to a regular expression backtracked: each extra star cost about 3x, so 12 stars
    # took seconds and 1,000 would never end. The glob matcher answers at once.
    stars = "*" * 1000
    long_part = "a" * 5000
    assert not matches(f"ecs:*:{stars}Z", f"ecs:{long_part}:{long_part}")
    assert matches(f"ecs:*:{stars}Z", f"ecs:{long_part}:{long_part}z")
    assert matches(f"*:{stars}a{stars}:{stars}", f"x:{long_part}:b")
    assert not matches(f"*:{stars}b{stars}:{stars}", f"x:{long_part}:b")
    assert matches("ecs:*:**********Z", "ecs:servers:getZ")


def _reference(pattern: str, action: str) -> bool:
    """The regular expression the matcher used to build (correct, but exponential on many stars)."""
    service, resource, operation = pattern.split(":", 2)
    svc = ".*" if service == "*" else re.escape(service)

    def part(text: str) -> str:
        return ".*".join(re.escape(piece) for piece in text.split("*"))

    return re.match(rf"^{svc}:(?i:{part(resource)}):(?i:{part(operation)})\Z", action) is not None


_PIECE = st.text(alphabet="abAB*", max_size=6)


@given(st.sampled_from(["ecs", "*", "evs"]), _PIECE, _PIECE, st.text(alphabet="abAB", max_size=6))
def test_the_glob_matcher_agrees_with_the_regular_expression(
    service: str, resource: str, operation: str, action_tail: str
) -> None:
    pattern = f"{service}:{resource or '*'}:{operation or '*'}"
    for action in (f"ecs:{action_tail}:{action_tail}", f"ecs:a{action_tail}:b", f"evs:{action_tail}:ab"):
        assert matches(pattern, action) == _reference(pattern, action), (pattern, action)


def test_service_of() -> None:
    assert service_of("ims:images:list") == "ims"
    assert service_of("ecs:*:get*") == "ecs"


@pytest.mark.parametrize(
    ("name", "destructive"),
    [
        ("ims:images:delete", True),
        ("ecs:cloudServers:batchDeleteTags", True),
        ("evs:volumes:detach", True),
        ("ecs:servers:unbindPublicIp", True),
        ("obs:object:DeleteObject", True),
        ("iam:users:revoke_token", True),
        ("ecs:*:*", True),
        ("ecs:servers:de*", True),
        ("ecs:servers:batch*", True),
        ("ecs:*:get*", False),
        ("ecs:servers:list", False),
        ("vpc:ports:get", False),
        ("ecs:servers:deleted", False),  # a word, not the verb
    ],
)
def test_destructive_rule(name: str, destructive: bool) -> None:
    assert is_destructive(name) is destructive


def test_broad_means_a_wildcard() -> None:
    assert is_broad("obs:bucket:*") and is_broad("*:*:*") and not is_broad("obs:bucket:GetBucketAcl")
