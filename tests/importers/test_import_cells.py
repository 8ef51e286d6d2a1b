"""Cell normalisation: actions with conditions, glued names, scope marks and prose, API cells."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from explorer.importers.cells import (
    action_like,
    apis_and_notes,
    extract_actions,
    is_placeholder,
    scope_flag,
    scope_mark_with_remark,
    scope_prose,
)
from explorer.model import ActionRef

KNOWN = frozenset({"ims", "evs", "elb", "cci", "vpc", "ecs", "dli", "as", "das", "obs"})


def refs(*values: str, patterns: bool = True) -> list[ActionRef]:
    return extract_actions(values, KNOWN, patterns=patterns).refs


def test_glued_names_split_at_service_boundaries_and_keep_the_trailing_condition() -> None:
    assert refs("ims:images:updateims:serverImages:create（仅企业项目迁移需要）") == [
        ActionRef("ims:images:update"),
        ActionRef("ims:serverImages:create", "仅企业项目迁移需要"),
    ]
    assert refs("ims:images:getims:images:updateims:images:upload") == [
        ActionRef("ims:images:get"),
        ActionRef("ims:images:update"),
        ActionRef("ims:images:upload"),
    ]


def test_upper_case_prefix_is_lowered_and_a_glued_label_qualifies_the_next_action() -> None:
    assert refs("CCI:namespaceSubResource:Create云硬盘存储卷evs:volumes:create") == [
        ActionRef("cci:namespaceSubResource:Create"),
        ActionRef("evs:volumes:create", "云硬盘存储卷"),
    ]


def test_labels_before_actions_become_conditions() -> None:
    assert refs("EVS disk: evs:volumeTags:delete evs:volumeTags:getById", "Backup: evs:backupTags:delete") == [
        ActionRef("evs:volumeTags:delete", "EVS disk"),
        ActionRef("evs:volumeTags:getById", "EVS disk"),
        ActionRef("evs:backupTags:delete", "Backup"),
    ]
    assert refs("云硬盘：evs:volumeTags:list 备份：evs:backupTags:list") == [
        ActionRef("evs:volumeTags:list", "云硬盘"),
        ActionRef("evs:backupTags:list", "备份"),
    ]


def test_a_value_ending_in_a_colon_is_the_condition_of_the_values_after_it() -> None:
    assert refs("To pick a network, configure the following actions:", "vpc:vpcs:list", "vpc:subnets:list") == [
        ActionRef("vpc:vpcs:list", "To pick a network, configure the following actions"),
        ActionRef("vpc:subnets:list", "To pick a network, configure the following actions"),
    ]


def test_spaces_inside_a_name_are_repaired_but_labels_are_not_glued_into_names() -> None:
    assert refs("dli: catalog: grantPrivilege") == [ActionRef("dli:catalog:grantPrivilege")]
    assert refs("Disk: evs:volumeTags:list") == [ActionRef("evs:volumeTags:list", "Disk")]


def test_prose_and_roles_are_notes_never_actions() -> None:
    found = extract_actions(("KMS Administrator", "Included in a system role."), KNOWN, patterns=True)
    assert found.refs == []
    assert found.notes == ["KMS Administrator", "Included in a system role."]


def test_incomplete_names_are_warnings() -> None:
    found = extract_actions(("database:create_view",), KNOWN, patterns=False)
    assert found.refs == []
    assert found.warnings == ["incomplete action name 'database:create_view' (expected service:resource:operation)"]


def test_wildcards_are_kept_as_patterns_but_never_a_service_wildcard() -> None:
    assert refs('"dws:*:get*",', "obs:bucket:*") == [ActionRef("dws:*:get*"), ActionRef("obs:bucket:*")]
    # an action cell may hold a pattern too (CCE: cce:kubernetes:* for /api/*): the row is the evidence
    assert extract_actions(("cce:kubernetes:*",), KNOWN, patterns=True).refs == [ActionRef("cce:kubernetes:*")]
    found = extract_actions(("cce:kubernetes:*",), KNOWN, patterns=False)
    assert found.refs == []
    assert found.warnings == ["wildcard 'cce:kubernetes:*' where a single action or a service's pattern is expected"]
    anywhere = extract_actions(("*:*:get",), KNOWN, patterns=True)
    assert anywhere.refs == []
    assert anywhere.warnings == ["wildcard '*:*:get' where a single action or a service's pattern is expected"]


def test_an_unknown_service_is_never_split_into_a_label_and_a_known_one() -> None:
    # "das" ends in the known service "as"; it is known itself, so it stays whole
    assert refs("das:connections:list") == [ActionRef("das:connections:list")]


@pytest.mark.parametrize("value", ["", "-", "--", "无", "无。", "None", "N/A", "/", "Not required"])
def test_placeholders(value: str) -> None:
    assert is_placeholder((value,))
    assert refs(value) == []


@pytest.mark.parametrize(
    ("marks", "flag"),
    [
        (("√",), True),
        (("Y",), True),
        (("Supported",), True),
        (("×",), False),
        (("x",), False),
        (("X",), False),
        (("Not supported",), False),
        (("-",), None),
        (("Y", "Y"), True),
    ],
)
def test_scope_marks(marks: tuple[str, ...], flag: bool | None) -> None:
    assert scope_flag(marks) == (flag, None)


def test_unknown_scope_mark_is_reported() -> None:
    flag, problem = scope_flag(("maybe",))
    assert flag is None
    assert problem == "unrecognised scope mark 'maybe' (expected √/Y/Supported, ×/x/Not supported or -)"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (("Supported:", "IAM projects", "Enterprise projects"), (True, True, None)),
        (("Projects are supported.",), (True, False, None)),
        (("支持：项目(Project) 企业项目(Enterprise Project)",), (True, True, None)),
        (("支持：项目(Project)",), (True, False, None)),
        (("Enterprise projects are not supported.",), (None, False, None)),
        (("Not supported: - Enterprise projects", "Supported: - Projects"), (True, False, None)),
        (("Supported: - Projects - Enterprise projects",), (True, True, None)),
        # the subject before its verb: each sentence or clause keeps its own polarity
        (("Projects are supported. Enterprise projects are not supported.",), (True, False, None)),
        (("IAM project: supported; enterprise project: not supported",), (True, False, None)),
        (("IAM projects are supported but enterprise projects are not",), (True, False, None)),
        (("Only IAM projects are supported.",), (True, False, None)),
        (("支持：", "项目(Project)", "不支持：", "企业项目(Enterprise Project)"), (True, False, None)),
        (("IAM projects and enterprise projects are supported.",), (True, True, None)),
        (("-",), (None, None, None)),
    ],
)
def test_scope_prose(values: tuple[str, ...], expected: tuple[bool | None, bool | None, str | None]) -> None:
    assert scope_prose(values) == expected


def test_api_cells() -> None:
    apis, notes, repairs = apis_and_notes(
        ("GET /v2/{project_id}/servers", "GET", "/v2.1/{project_id}/servers", "需要先开通服务", "x")
    )
    assert apis == ["GET /v2/{project_id}/servers", "GET /v2.1/{project_id}/servers"]
    assert notes == ["需要先开通服务"]
    assert repairs == []


def test_api_cell_repairs_quote_the_cell() -> None:
    apis, notes, repairs = apis_and_notes(("POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS。",))
    assert apis == ["POST /v2/cloudimages/action"]
    assert notes == ["外部文件制作镜像前请确保已开通OBS。"]
    assert repairs == [
        "API 'POST /v2/cloudimages/action' read with a repair (prose glued after the path) from the cell text "
        "'POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS。'"
    ]


_part = st.from_regex(r"[a-z][a-zA-Z]{1,8}", fullmatch=True)


@given(st.lists(st.tuples(st.sampled_from(sorted(KNOWN - {"as"})), _part, _part), min_size=1, max_size=4))
def test_names_glued_together_come_apart_again(names: list[tuple[str, str, str]]) -> None:
    # The property the pipe-table repair relies on: operation parts never end in a known service.
    texts = [":".join(n) for n in names]
    glued = "".join(texts)
    assume(not any(op.lower().endswith(tuple(KNOWN)) for _, _, op in names[:-1]))
    assert [r.action for r in refs(glued)] == list(dict.fromkeys(texts))


def test_action_like_finds_names_in_text() -> None:
    assert action_like("需要 ECS:servers:list 和 dli: catalog: get 以及 obs:bucket:*") == [
        "ecs:servers:list",
        "dli:catalog:get",
        "obs:bucket:*",
    ]


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        (("√（仅部分区域支持）",), (True, "仅部分区域支持")),
        (("Y: only for dedicated clusters",), (True, "only for dedicated clusters")),
        (("Not supported (planned)",), (False, "planned")),
        (("maybe so",), None),
    ],
)
def test_a_scope_mark_with_a_remark_keeps_the_mark(marks: tuple[str, ...], expected: tuple[bool, str] | None) -> None:
    assert scope_mark_with_remark(marks) == expected
