"""Terraform expressions of literal action lists: what the linter reads from them, exactly."""

from __future__ import annotations

import pytest

from explorer.policy.tf_expressions import literal_union


def test_concat_of_conditional_lists_gives_the_union_and_skips_the_conditions_strings() -> None:
    expr = (
        '${concat(contains(var.permissions, "read") ? ["obs:bucket:ListBucket", "obs:object:GetObject"] : [], '
        'contains(["a:b:c"], var.x) ? ["obs:object:PutObject", "obs:bucket:ListBucket"] : [], [])}'
    )
    assert literal_union(expr) == (
        ["obs:bucket:ListBucket", "obs:object:GetObject", "obs:object:PutObject"],
        True,
        [],
    )


def test_a_list_added_from_a_variable_is_named_as_not_checked() -> None:
    assert literal_union('${concat(["ecs:servers:get"], var.extra)}') == (["ecs:servers:get"], False, ["var.extra"])


@pytest.mark.parametrize(
    "expr",
    [
        "${var.actions}",
        '${formatlist("obs:object:%s", var.ops)}',
        '${concat(["ecs:servers:get"], ["${var.x}"])}',
        "${concat([], [])}",
        '["ecs:servers:get"]',
    ],
)
def test_what_is_not_made_of_literal_lists_is_left_unevaluated(expr: str) -> None:
    assert literal_union(expr) is None
