"""Operation ids come from what a row says: inserting, moving or reordering rows keeps every other id."""

from __future__ import annotations

import hashlib

from explorer.api import import_document
from explorer.importers.ids import assign_ids, content_key
from explorer.model import ActionRef, Operation, Provenance, Scope

HEADER = "|权限|对应API接口|授权项|IAM项目(Project)|企业项目(Enterprise Project)|"
ROWS = [
    "|创建示例|POST /v1/{project_id}/samples|svc:samples:create|√|×|",
    "|查询示例|GET /v1/{project_id}/samples|svc:samples:list|√|√|",
    "|删除示例|DELETE /v1/{project_id}/samples/{sample_id}|svc:samples:delete|√|×|",
    "|查询版本|GET /|无|√|√|",
    "|示例说明|-|svc:samples:get|√|√|",
]


def _ids(rows: list[str], name: str = "ids.md") -> dict[str, str]:
    text = "\n".join([HEADER, "|--|--|--|--|--|", *rows, ""])
    result = import_document(name, text.encode(), cloud="huaweicloud", edition="huaweicloud-zh", service="svc")
    return {op.name["zh"]: op.id for op in result.catalog.operations}


def test_inserting_a_row_keeps_every_other_id() -> None:
    before = _ids(ROWS)
    inserted = [*ROWS[:1], "|更新示例|PUT /v1/{project_id}/samples/{sample_id}|svc:samples:update|√|×|", *ROWS[1:]]
    after = _ids(inserted)
    assert set(after) == set(before) | {"更新示例"}
    assert {k: after[k] for k in before} == before
    assert len(set(after.values())) == len(after)


def test_moving_and_reordering_rows_keeps_every_id() -> None:
    before = _ids(ROWS)
    assert _ids(list(reversed(ROWS))) == before
    assert _ids(ROWS[2:] + ROWS[:2]) == before


def test_rewording_a_name_or_renaming_a_placeholder_keeps_the_id_a_new_action_does_not() -> None:
    before = _ids(ROWS)
    renamed = [ROWS[0], ROWS[1], "|删除一个示例|DELETE /v1/{tenant}/samples/{id}|svc:samples:delete|√|×|", *ROWS[3:]]
    assert _ids(renamed)["删除一个示例"] == before["删除示例"]
    changed = [ROWS[0], ROWS[1], "|删除示例|DELETE /v1/{project_id}/samples/{sample_id}|svc:samples:remove|√|×|"]
    assert _ids(changed)["删除示例"] != before["删除示例"]


def test_the_id_is_the_hash_of_the_content_key() -> None:
    key = "huaweicloud\nhuaweicloud-zh\nsvc\napis\npost /v1/{}/samples\nactions\nsvc:samples:create"
    assert _ids(ROWS)["创建示例"] == hashlib.sha1(key.encode()).hexdigest()[:12]


def _op(file: str, row: int, name: str, api: str = "GET /v1/x", action: str = "svc:x:get") -> Operation:
    return Operation("", {"en": name}, (api,), (ActionRef(action),), (), Scope(), (), Provenance(file, 1, row))


def test_collisions_are_resolved_by_file_then_name_then_position() -> None:
    a = _op("a.md", 1, "Get x")
    b = _op("b.md", 1, "Get x")
    c = _op("b.md", 5, "Get x again")
    d = _op("b.md", 9, "Get x again")
    lone = _op("a.md", 2, "Other", api="GET /v1/y")
    ids = [op.id for op in assign_ids("otc", "svc", [a, b, c, d, lone])]
    assert len(set(ids)) == 5
    # the row no other row equals keeps its plain content id; the four equal rows all get refined ones
    assert ids[4] == hashlib.sha1(content_key("otc", "svc", lone).encode()).hexdigest()[:12]
    assert hashlib.sha1(content_key("otc", "svc", a).encode()).hexdigest()[:12] not in ids[:4]
    # a differs from the others by its file, b from c and d by its name, c from d only by its place
    base = content_key("otc", "svc", a)
    assert ids[0] == hashlib.sha1(f"{base}\na.md\nen=Get x".encode()).hexdigest()[:12]
    assert ids[2] == hashlib.sha1(f"{base}\nb.md\nen=Get x again\n#1".encode()).hexdigest()[:12]
    assert ids[3] == hashlib.sha1(f"{base}\nb.md\nen=Get x again\n#2".encode()).hexdigest()[:12]
    # the same rows in another order get the same ids
    again = [op.id for op in assign_ids("otc", "svc", [d, lone, c, b, a])]
    assert again == [ids[3], ids[4], ids[2], ids[1], ids[0]]
