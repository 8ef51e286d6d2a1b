"""The real documentation corpus, file by file: nothing dropped, the seed row exact, every name kept.

Skipped (with the reason) where ../shared/corpus is not beside the repository.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from import_paths import CORPUS, SKIP_NO_CORPUS
from seed_row import SEED_DEPENDENCIES

from explorer import api
from explorer.apigrammar import problems
from explorer.diff.renames import RENAMES_NAME
from explorer.importers import ImportReport, build_corpus
from explorer.importers.cells import action_like
from explorer.importers.formats import parse_tables
from explorer.importers.manifest import ManifestEntry, read_manifest
from explorer.importers.rows import column_roles, policy_content
from explorer.model import EDITION_CLOUD, ActionRef, Catalog, Operation, Scope

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)]

SEED_DIR = CORPUS / ".." / "seed"


def _table_entries() -> list[ManifestEntry]:
    if not CORPUS.is_dir():
        return []
    return [e for e in read_manifest(CORPUS) if e.is_table]


@cache
def _imported() -> tuple[dict[str, Catalog], ImportReport]:
    return build_corpus(CORPUS)


def _rows_by_file() -> dict[str, set[tuple[int, int]]]:
    catalogs, _ = _imported()
    rows: dict[str, set[tuple[int, int]]] = {}
    for cat in catalogs.values():
        for op in cat.operations():
            rows.setdefault(op.provenance.file, set()).add((op.provenance.table, op.provenance.row))
    return rows


def test_seed_row_comes_out_exactly() -> None:
    catalogs, _ = _imported()
    ecs = catalogs["huaweicloud"].services["ecs"]
    matches = [op for op in ecs.operations if op.name.get("zh") == "创建镜像（OpenStack原生）"]
    assert len(matches) == 1
    op = matches[0]
    assert op.apis == ("POST /v2.1/{project_id}/servers/{server_id}/action",)
    assert op.actions == (ActionRef("ecs:servers:createImage"),)
    assert op.dependencies == tuple(ActionRef(a) for a in SEED_DEPENDENCIES)
    assert op.scope.iam_project is True
    assert op.scope.enterprise_project is False
    assert op.provenance.file == "huaweicloud-zh/ecs/镜像管理.md"
    assert (op.provenance.table, op.provenance.row) == (1, 1)
    assert op.provenance.edition == "huaweicloud-zh"
    assert op.provenance.repo == "huaweicloudDocs/ecs"


@pytest.mark.skipif(not any(SEED_DIR.glob("000_*.txt")), reason="no seed row file beside the corpus")
def test_seed_file_imports_to_the_same_operation() -> None:
    seed = sorted(SEED_DIR.glob("000_*.txt"))[0]
    result = api.import_document("seed.md", seed.read_bytes(), cloud="huaweicloud", edition="huaweicloud-zh")
    (op,) = result.catalog.operations
    catalogs, _ = _imported()
    corpus_op = next(
        o for o in catalogs["huaweicloud"].services["ecs"].operations if o.name.get("zh") == "创建镜像（OpenStack原生）"
    )
    assert (op.name, op.apis, op.actions, op.dependencies) == (
        corpus_op.name,
        corpus_op.apis,
        corpus_op.actions,
        corpus_op.dependencies,
    )
    assert corpus_op.scope == Scope(True, False, False, False)
    # the seed copy of the row leaves out the instance and tag columns of the current table
    assert op.scope == Scope(True, False, None, None)


@pytest.mark.parametrize("entry", _table_entries(), ids=lambda e: e.corpus_path)
def test_every_data_row_is_imported_or_reported(entry: ManifestEntry) -> None:
    _, report = _imported()
    file_report = next(f for f in report.files if f.file == entry.corpus_path)
    imported = _rows_by_file().get(entry.corpus_path, set())
    skipped = {(p.table, p.row) for p in file_report.problems if p.skipped and p.row > 0}
    assert not imported & skipped
    assert len(imported) == file_report.rows_imported
    assert len(imported) + len(skipped) == file_report.rows_seen
    # The manifest counts are exact for every file of this corpus: <tr> after the header (HTML),
    # lines after the separator (pipe), row borders (grid), first-column lines (simple).
    assert file_report.tables == entry.action_tables
    assert file_report.rows_seen == entry.approx_rows


def test_corpus_totals() -> None:
    _, report = _imported()
    entries = _table_entries()
    assert report.rows_seen == sum(e.approx_rows for e in entries)
    assert report.tables == sum(e.action_tables for e in entries)
    assert not [f.file for f in report.files if f.failed]


def test_every_action_name_in_an_action_table_is_in_the_catalog() -> None:
    catalogs, report = _imported()
    by_cloud: dict[str, set[str]] = {}
    for cloud, cat in catalogs.items():
        by_cloud[cloud] = {r.action for op in cat.operations() for r in op.actions + op.dependencies}
    skipped = {(p.file, p.table, p.row): p.reason for p in report.problems() if p.skipped}
    missing: list[str] = []
    for entry in _table_entries():
        text = (CORPUS / entry.corpus_path).read_text(encoding="utf-8")
        number = 0
        for table in parse_tables(text, entry.format):
            if not table.header or policy_content(table):
                continue
            if column_roles(table, entry.corpus_path, number + 1) is None:
                continue
            number += 1
            for row_no, row in enumerate(table.rows, start=1):
                names = {n for cell in row.cells for value in cell for n in action_like(value)}
                reason = skipped.get((entry.corpus_path, number, row_no))
                if reason is not None and not reason.startswith("the same operation as "):
                    # a row left out names its action-like text in the report instead
                    missing.extend(
                        f"{entry.corpus_path} {number}/{row_no}: {n}" for n in sorted(names) if n not in reason
                    )
                    continue
                known = by_cloud[EDITION_CLOUD[entry.source]]
                missing.extend(f"{entry.corpus_path} {number}/{row_no}: {n}" for n in sorted(names - known))
    assert missing == []


def test_every_row_of_the_corpus_is_kept() -> None:
    # Rows whose action cell says no action applies, names a pattern, says a system role covers the
    # operation, or cannot be read are all kept; the last kind with a warning.
    _, report = _imported()
    # the only rows left out are the copies of a row another page (or edition) also has, each naming it
    assert [p for p in report.problems() if p.skipped and p.kind != "duplicate"] == []
    assert (report.rows_seen, report.rows_imported, report.rows_skipped) == (6394, 5148, 1246)
    assert report.unknown_headers() == []
    unread = [(p.file, p.table, p.row) for p in report.problems() if p.kind == "unread_action"]
    assert unread == [("huaweicloud-zh/dli/权限策略和授权项.md", 1, 15)] * 2
    kubernetes = _row("otc-en/cce/api_permissions.rst", 1, 18)
    assert (kubernetes.apis, kubernetes.actions) == (("/api/*",), (ActionRef("cce:kubernetes:*"),))
    guest = _row("otc-en/tms/tms_api_actions.rst", 1, 11)
    assert (guest.apis, guest.actions) == (("GET /v1.0/tms/quotas",), ())
    assert guest.notes == (
        "included in a system role, no action of its own (action cell: Included in the Tenant Guest permissions.)",
    )


def test_every_api_of_the_corpus_parses_by_the_grammar() -> None:
    catalogs, report = _imported()
    bad = [(op.provenance, a) for cat in catalogs.values() for op in cat.operations() for a in op.apis if problems(a)]
    assert bad == []
    repairs = Counter(p.reason.split(" (", 1)[1].split(")", 1)[0] for p in report.problems() if p.kind == "api_repair")
    assert repairs["prose glued after the path"] == 33
    # the README's example resolves to the Huawei-specific API, no longer to a path with prose in it
    result = api.build_explorer(catalogs["huaweicloud"]).closure("POST /v2/cloudimages/action")
    assert "ims:serverImages:create" in result.actions()
    # a stray space before a segment is one API, repaired and reported, in both editions that carry it
    for file in ("huaweicloud-zh/elb/白名单-36.md", "otc-swiss-en/elb/whitelist.rst"):
        assert _row(file, 1, 2).apis == ("GET /v2/{project_id}/elb/whitelists/{whitelist_id}",)
    assert not [a for cat in catalogs.values() for op in cat.operations() for a in op.apis if a.startswith("/{")]
    ims = _row("huaweicloud-zh/ims/镜像管理.md", 1, 3)
    assert ims.apis == ("POST /v2/cloudimages/action",)
    assert ims.notes == ("外部文件制作镜像前请确保用户已拥有对象存储服务的Tenant Administrator权限。",)


def test_rows_without_an_action_are_kept() -> None:
    catalogs, _ = _imported()
    # 无 in a Huawei table: the EVS API-version row
    version = _row("huaweicloud-zh/evs/API版本信息查询.md", 1, 1)
    assert version.name == {"zh": "查询接口版本信息列表（OpenStack Cinder）"}
    assert version.apis == ("GET /",)
    assert (version.actions, version.dependencies) == ((), ())
    assert version.notes == ("no action required (action cell: 无)",)
    assert version.scope == Scope(True, False)
    assert version.provenance.edition == "huaweicloud-zh"
    # None, N/A, -, Not required in the English editions
    assert _row("otc-en/evs/api_actions.rst", 1, 1).notes == ("no action required (action cell: None)",)
    assert _row("otc-en/ims/image_schema.rst", 1, 1).notes == ("no action required (action cell: N/A)",)
    assert _row("otc-en/vpc/eip_v3.rst", 1, 7).notes == ("no action required (action cell: -)",)
    assert _row("otc-en/config/region_management.rst", 1, 1).notes == (
        "no action required (action cell: Not required)",
    )
    # "/" in DLI's permission sets: outside fine-grained authorization; the row has a name but no API
    pools = _row("otc-en/dli/iam_permissions.rst", 1, 2)
    assert (pools.name, pools.apis, pools.actions) == ({"en": "Querying all elastic resource pools"}, (), ())
    assert pools.notes == ("not covered by fine-grained authorization (action cell: /)",)
    # an empty action cell says less than a placeholder, and the note says so
    cert = _row("otc-en/cce/api_permissions.rst", 1, 4)
    assert cert.apis == ("GET /api/v3/projects/{project_id}/clusters/{cluster_id}/clustercert",)
    assert cert.actions == ()
    assert cert.notes[0] == "no action listed (the action cell is empty)"
    without = [op for cat in catalogs.values() for op in cat.operations() if not op.actions]
    assert len(without) == 124
    assert all(op.notes and "action cell" in op.notes[0] for op in without)
    # the graph answers for such an API: no requirements, and the row that says so
    ex = api.build_explorer(catalogs["huaweicloud"])
    result = ex.closure("GET /{api_version}")
    assert result.requirements == ()
    assert [(n.operation, n.notes) for n in result.without_actions()] == [
        (_row("huaweicloud-zh/evs/API版本信息查询.md", 1, 2).id, ("no action required (action cell: 无)",))
    ]


def _row(file: str, table: int, row: int) -> Operation:
    """The operation of a table row, or of the row it duplicates (the report names it)."""
    catalogs, report = _imported()
    for p in report.problems():
        if p.kind == "duplicate" and (p.file, p.table, p.row) == (file, table, row):
            kept = re.match(r"the same operation as (\S+) table (\d+) row (\d+) ", p.reason)
            assert kept is not None, p.reason
            file, table, row = kept.group(1), int(kept.group(2)), int(kept.group(3))
    found = [
        op
        for cat in catalogs.values()
        for op in cat.operations()
        if (op.provenance.file, op.provenance.table, op.provenance.row) == (file, table, row)
    ]
    assert len(found) == 1, (file, table, row)
    return found[0]


def test_messy_rows_of_the_corpus() -> None:
    # pipe table that lost the separators between three names
    upload = _row("huaweicloud-zh/ims/镜像管理.md", 1, 14)
    assert [a.action for a in upload.actions] == ["ims:images:get", "ims:images:update", "ims:images:upload"]
    assert upload.scope == Scope(True, False)
    # ... and between a name and the next one carrying an inline condition
    update = _row("huaweicloud-zh/ims/镜像管理.md", 1, 2)
    assert update.actions == (
        ActionRef("ims:images:update"),
        ActionRef("ims:serverImages:create", "仅企业项目迁移需要"),
    )
    # upper-case service prefix, and a name glued to the next one
    deployment = _row("huaweicloud-zh/cci/授权项分类.md", 3, 1)
    assert deployment.actions == (
        ActionRef("cci:namespaceSubResource:Create"),
        ActionRef("elb:loadbalancers:create"),
    )
    # resource-type labels in RST bullets and in Chinese text
    tags = _row("otc-en/evs/tag.rst", 1, 1)
    assert tags.actions == (
        ActionRef("evs:volumeTags:list", "EVS disk"),
        ActionRef("evs:backupTags:list", "Backup"),
        ActionRef("evs:snapshotTags:list", "Snapshot"),
    )
    zh_tags = _row("huaweicloud-zh/evs/云硬盘标签.md", 1, 1)
    assert zh_tags.actions == (ActionRef("evs:volumeTags:list", "云硬盘"), ActionRef("evs:backupTags:list", "备份"))
    # spaces inside a name
    grant = _row("otc-en/dli/configuring_data_catalog_permissions_on_the_dli_console.rst", 1, 3)
    assert grant.actions == (ActionRef("dli:catalog:grantPrivilege"),)
    # "Not supported: Enterprise projects / Supported: Projects"
    elb = _row("otc-en/dws/syntax_of_fine-grained_permission_policies.rst", 1, 28)
    assert elb.actions == (ActionRef("dws:elb:list"),)
    assert elb.scope == Scope(True, False, inferred=("enterprise_project", "iam_project"))


def test_the_committed_catalog_is_what_the_corpus_imports_to(tmp_path: Path) -> None:
    # The bundled catalog must be reproducible: anyone with the corpus gets these bytes back.
    bundled = Path(__file__).resolve().parents[2] / "catalog"
    api.import_corpus(CORPUS, tmp_path)
    fresh = {p.relative_to(tmp_path): p.read_bytes() for p in sorted(tmp_path.rglob("*")) if p.is_file()}
    committed = {p.relative_to(bundled): p.read_bytes() for p in sorted(bundled.rglob("*")) if p.is_file()}
    committed.pop(Path(RENAMES_NAME), None)  # recorded by `diff --record-renames` from the history, not imported
    assert sorted(fresh) == sorted(committed)
    stale = [str(name) for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"catalog/ is out of date; run ./run catalog and commit: {stale}"


def test_an_import_makes_no_reference_cycles_so_pausing_the_collector_for_it_is_safe(tmp_path: Path) -> None:
    """explorer.app.imports pauses the cyclic collector for an import; that is right only while an import
    leaves no garbage in cycles (a nested function that calls itself is one such cycle per call)."""
    import gc

    gc.collect()
    gc.disable()
    try:
        api.import_corpus(CORPUS, tmp_path / "catalog")
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0
