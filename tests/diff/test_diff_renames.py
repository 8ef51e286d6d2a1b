"""The rename record: written by a diff, read back for the policy linter, bad files refused with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from diff_paths import NEW, OLD

from explorer import api
from explorer.diff import load_renames
from explorer.diff.renames import RENAMES_NAME


def test_bundled_record_holds_the_2023_ecs_renames() -> None:
    renamed = api.renamed_actions("huaweicloud")
    assert {old: sorted({r.new for r in rs}) for old, rs in renamed.items()} == {
        "ecs:cloudServers:create": [
            "ecs:cloudServers:addServerGroupMember",
            "ecs:cloudServers:createServerGroup",
            "ecs:cloudServers:createServers",
        ],
        "ecs:cloudServers:delete": [
            "ecs:cloudServers:deleteServerGroup",
            "ecs:cloudServers:deleteServerGroupMember",
            "ecs:cloudServers:deleteServers",
        ],
        "ecs:cloudServers:get": [
            "ecs:cloudServers:listServerBlockDevices",
            "ecs:cloudServers:listServerInterfaces",
            "ecs:cloudServers:listServerVolumeAttachments",
            "ecs:cloudServers:showResetPasswordFlag",
            "ecs:cloudServers:showServer",
            "ecs:cloudServers:showServerBlockDevice",
            "ecs:cloudServers:showServerPassword",
            "ecs:cloudServers:showServerTags",
        ],
        "ecs:cloudServers:put": [
            "ecs:cloudServers:batchSetServerTags",
            "ecs:cloudServers:batchUpdateServersName",
            "ecs:cloudServers:updateServer",
        ],
    }
    assert sum(len(rs) for rs in renamed.values()) == 18
    (delete,) = [r for r in renamed["ecs:cloudServers:delete"] if r.new == "ecs:cloudServers:deleteServers"]
    assert delete.apis == ("POST /v1/{project_id}/cloudservers/delete",)
    old_row, new_row = delete.evidence
    assert (old_row.file, old_row.row, old_row.commit[:7]) == (
        "huaweicloud-zh/ecs/生命周期管理-27.md",
        new_row.row,
        "1dee80d",
    )
    assert new_row.commit[:7] == "f819eef"
    assert api.renamed_actions("otc") == {}


def test_the_old_names_are_gone_and_the_new_ones_are_in_the_bundled_catalog() -> None:
    actions = set(api.get_explorer("huaweicloud").actions())
    renamed = api.renamed_actions("huaweicloud")
    assert not actions & set(renamed)
    assert {r.new for rs in renamed.values() for r in rs} <= actions


def test_record_merges_and_reads_back(tmp_path: Path) -> None:
    path = tmp_path / RENAMES_NAME
    _result, renames = api.diff(OLD, NEW)
    assert api.record_renames(path, renames) == 2
    assert api.record_renames(path, renames) == 0
    loaded = load_renames(path)
    assert loaded == {"huaweicloud": tuple(sorted(renames))}
    assert (
        api.renamed_actions("huaweicloud", path)["ecs:cloudServers:create"][0].new == "ecs:cloudServers:createServers"
    )


def test_absent_file_records_nothing(tmp_path: Path) -> None:
    assert load_renames(tmp_path / "none.json") == {}


@pytest.mark.parametrize(
    ("text", "location", "message"),
    [
        ("not json", "", "not a renames file (expected JSON)"),
        ('{"format_version": 2, "renames": {}}', "format_version", "expected 1"),
        ('{"format_version": 1, "renames": []}', "renames", "expected a mapping of cloud -> list of renames"),
        ('{"format_version": 1, "renames": {"otc": [{"old": 1}]}}', "renames.otc[0]", "expected service, old and new"),
    ],
)
def test_bad_file_is_refused_with_where_and_what(tmp_path: Path, text: str, location: str, message: str) -> None:
    path = tmp_path / "renames.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(api.CatalogError) as caught:
        load_renames(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.location) == (str(path), location)
    assert problem.message.startswith(message)
