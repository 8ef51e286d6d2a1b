"""Earlier versions of the ECS tables (../shared/corpus-history): they import whole, and ids carry over.

Skipped (with the reason) where the history folder is not beside the repository.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from import_paths import CORPUS

from explorer.importers import build_corpus
from explorer.importers.dedupe import content_key
from explorer.importers.manifest import read_manifest
from explorer.importers.tree import build_tree
from explorer.model import Operation

HISTORY = CORPUS.parent / "corpus-history"
SNAPSHOTS = ("huaweicloud-ecs-2022-10", "huaweicloud-ecs-2023-06", "otc-ecs-2024-12", "otc-ecs-2025-04")
pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not HISTORY.is_dir(), reason="the corpus history (../shared/corpus-history) is not present"),
]


def _ops(root: Path, prefix: str) -> dict[str, Operation]:
    catalogs, _ = build_corpus(root)
    return {op.id: op for cat in catalogs.values() for op in cat.operations() if op.provenance.file.startswith(prefix)}


@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_every_snapshot_imports_every_row(snapshot: str) -> None:
    _, report = build_corpus(HISTORY / snapshot)
    assert report.rows_seen > 0
    assert report.rows_imported == report.rows_seen
    assert report.unknown_headers() == []


def test_the_damage_of_the_2023_snapshot_is_reported() -> None:
    _, report = build_corpus(HISTORY / "huaweicloud-ecs-2023-06")
    damaged = sorted((p.row, p.reason) for p in report.problems() if p.kind == "damaged_action")
    assert [reason for _, reason in damaged] == [
        "notes[0]: a URL is glued to the action 'ecs:availabilityZones:list' "
        "('ecs:availabilityZones:list/v2/{project_id}/os-networks'); the cell lost a separator",
        "actions[0]: 'ecs:cloudServers:lis' looks truncated: no other row names it, and 'ecs:cloudServers:list' "
        "(2 rows) continues it",
    ]


def test_ids_carry_over_between_versions_of_the_documentation() -> None:
    # OTC: two rows removed, dependencies added to six; every remaining operation keeps its id
    before = _ops(HISTORY / "otc-ecs-2024-12", "otc-en/ecs/")
    after = _ops(HISTORY / "otc-ecs-2025-04", "otc-en/ecs/")
    assert (len(before), len(after), len(set(before) & set(after))) == (92, 90, 90)
    # Huawei: of 117 operations, 2 were removed, 2 split into four rows and one fixed (lis -> list);
    # the other 112 keep their ids, a renamed placeholder ({attachment_id} -> {volume_id}) included
    before = _ops(HISTORY / "huaweicloud-ecs-2023-06", "huaweicloud-zh/ecs/")
    after = _ops(CORPUS, "huaweicloud-zh/ecs/")
    assert (len(before), len(after), len(set(before) & set(after))) == (117, 125, 112)


@pytest.mark.parametrize("snapshot", SNAPSHOTS)
def test_every_snapshot_without_its_manifest_gives_the_same_tables_and_rows(snapshot: str, tmp_path: Path) -> None:
    # older revisions, found by content: the same table files and the same operations as the MANIFEST says
    tree = tmp_path / snapshot
    shutil.copytree(HISTORY / snapshot, tree, ignore=shutil.ignore_patterns("MANIFEST.tsv"))
    found = build_tree(tree)
    listed = [e for e in read_manifest(HISTORY / snapshot) if e.is_table]
    assert [e.corpus_path for e in found.discovery.entries if e.is_table] == sorted(e.corpus_path for e in listed)
    catalogs, report = build_corpus(HISTORY / snapshot)
    assert (found.report.rows_seen, found.report.rows_imported) == (report.rows_seen, report.rows_imported)
    mine = sorted(repr(content_key(op)) for cat in found.catalogs.values() for op in cat.operations())
    assert mine == sorted(repr(content_key(op)) for cat in catalogs.values() for op in cat.operations())
