"""Loading a catalog and dumping it again gives the same bytes; loaded content is what the rows say."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from catalog_support import BUNDLED, CORPUS, GOOD, GOOD_FILES, bundled_files, needs_bundled, needs_corpus
from seed_row import SEED_DEPENDENCIES

from explorer import api
from explorer.catalog.store import dump_service, load_service_file
from explorer.catalog.validate import validate_paths
from explorer.model import ActionRef, Provenance, Scope


def test_the_good_fixtures_exist() -> None:
    assert [str(p.relative_to(GOOD)) for p in GOOD_FILES] == ["huaweicloud/ecs.yaml", "otc/dws.yaml", "otc/ecs.yaml"]


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_load_then_dump_gives_identical_bytes(path: Path) -> None:
    assert dump_service(load_service_file(path)).encode("utf-8") == path.read_bytes()


def test_the_seed_row_loads_with_its_scope_and_provenance() -> None:
    svc = load_service_file(GOOD / "huaweicloud" / "ecs.yaml")
    (seed,) = [op for op in svc.operations if op.actions == (ActionRef("ecs:servers:createImage"),)]
    assert seed.name == {"zh": "创建镜像（OpenStack原生）"}
    assert seed.apis == ("POST /v2.1/{project_id}/servers/{server_id}/action",)
    assert [r.action for r in seed.dependencies] == list(SEED_DEPENDENCIES)
    assert all(r.condition is None for r in seed.dependencies)
    assert seed.scope == Scope(iam_project=True, enterprise_project=False, instance=False, tag=False)
    # The source list's repository facts are joined into every operation's provenance.
    assert seed.provenance == Provenance(
        file="huaweicloud-zh/ecs/镜像管理.md",
        table=1,
        row=1,
        edition="huaweicloud-zh",
        repo="huaweicloudDocs/ecs",
        commit="bd661adb110759e723670de9a42c649b43cf94ac",
        path="cn.zh-cn/API参考/镜像管理.md",
    )


def test_conditions_wildcards_and_undocumented_flags_survive_loading() -> None:
    otc = api.load([GOOD])["otc"]
    create = next(op for op in otc.services["ecs"].operations if op.name == {"en": "Creating ECSs (pay-per-use)"})
    assert create.dependencies == (
        ActionRef("vpc:publicIps:create", "Assigning a New EIP"),
        ActionRef("vpc:publicIps:update", "Using an Existing EIP"),
    )
    assert create.scope == Scope(None, None, None, None)
    cluster = otc.services["dws"].operations[0]
    assert cluster.actions == (ActionRef("dws:cluster:create"),)
    assert [r.action for r in cluster.dependencies if "*" in r.action] == [
        "dws:*:get*",
        "dws:*:list*",
        "ecs:*:get*",
        "ecs:*:list*",
        "ecs:*:create*",
        "vpc:*:get*",
        "vpc:*:list*",
        "vpc:*:create*",
        "evs:*:get*",
        "evs:*:list*",
        "evs:*:create*",
    ]
    assert cluster.apis == ()


def test_a_root_loads_into_one_catalog_per_cloud() -> None:
    clouds = api.load([GOOD])
    assert {cloud: sorted(cat.services) for cloud, cat in clouds.items()} == {
        "huaweicloud": ["ecs"],
        "otc": ["dws", "ecs"],
    }
    assert [len(clouds[c].operations()) for c in ("huaweicloud", "otc")] == [4, 5]


@needs_corpus
def test_fixture_sources_agree_with_the_corpus_manifest() -> None:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8", newline="") as fh:
        manifest = {row["corpus_path"]: row for row in csv.DictReader(fh, delimiter="\t")}
    for path in GOOD_FILES:
        for src in load_service_file(path).sources:
            row = manifest[src.file]
            assert (src.edition, src.repo, src.commit, src.path, src.format) == (
                row["source"],
                row["origin_repo"],
                row["origin_commit"],
                row["origin_path"],
                row["format"],
            ), src.file


@needs_corpus
def test_fixture_actions_and_apis_occur_in_their_source_document() -> None:
    for path in GOOD_FILES:
        for op in load_service_file(path).operations:
            text = (CORPUS / op.provenance.file).read_text(encoding="utf-8")
            for ref in op.actions + op.dependencies:
                assert ref.action in text, (op.id, ref.action)
            for api_path in op.apis:
                assert api_path in text, (op.id, api_path)


@needs_bundled
@pytest.mark.parametrize("path", bundled_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_bundled_catalog_round_trips(path: Path) -> None:
    assert dump_service(load_service_file(path)).encode("utf-8") == path.read_bytes()


@needs_bundled
def test_the_bundled_catalog_validates() -> None:
    assert validate_paths([BUNDLED]) == []
