"""Header recognition: the variants of both languages map to column roles; unknown headers do not."""

from __future__ import annotations

import pytest
from import_paths import CORPUS, SKIP_NO_CORPUS

from explorer.importers.headers import role_of
from explorer.importers.manifest import read_manifest


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("权限", "name"),
        ("权限backups/{backup_id}/restore", "name"),  # CBR: a path glued to the header word
        ("授权项 /v1/{project_id}/x", "action"),
        ("权限说明", "name"),
        ("GaussDB(DWS) 资源操作", "name"),
        ("Operation", "name"),
        ("Permission", "permission"),
        ("**Permission**", "permission"),
        ("对应的API接口", "api"),
        ("方法", "api"),
        ("APIs", "api"),
        ("授权项（Action）", "action"),
        ("授权项(Action)", "action"),
        ("Actions", "action"),
        ("Permission Set (service:resource:action)", "action"),
        ("依赖的授权项（Action）", "dependencies"),
        ("依赖其他服务的最小化授权项", "dependencies"),
        ("Dependent Permission", "dependencies"),
        ("Related Action", "dependencies"),
        ("IAM项目 (Project)", "iam_project"),
        ("IAM项目（Project）", "iam_project"),
        ("IAM Projects", "iam_project"),
        ("IAM-based Authorization", "authorization"),
        ("企业项目\n(Enterprise Project)", "enterprise_project"),
        ("Enterprise Project (Enterprise Project)", "enterprise_project"),
        ("授权项作用域", "scope"),
        ("Authorization Scope", "scope"),
        ("实例授权", "instance"),
        ("标签授权", "tag"),
        ("备注", "remarks"),
        ("Applicable Scenario", "description"),
        ("**Module**", "module"),
        # variants of pages not in the corpus: split over two lines, glossed, reworded, singular/plural
        ("Enterprise (Enterprise Project)", "enterprise_project"),
        ("Enterprise\n(Enterprise Project)", "enterprise_project"),
        ("IAM (Project)", "iam_project"),
        ("IAM\n(Project)", "iam_project"),
        ("Project", "iam_project"),
        ("Enterprise Projects", "enterprise_project"),
        ("Supported Scope", "scope"),
        ("作用范围", "scope"),
        ("Fine-grained Action", "action"),
        ("Action ID", "action"),
        ("`Action`", "action"),
        ("授权项名称", "action"),
        ("Dependent Permission/Action", "dependencies"),
        ("Dependency Item", "dependencies"),
        ("依赖授权项", "dependencies"),
        ("Request URL", "api"),
        ("URI", "api"),
        ("API URL", "api"),
        ("Operation Name", "name"),
        ("权限名称", "name"),
        ("Notes", "remarks"),
        ("Category", "module"),
        ("Resource Type", "module"),
        ("Instance-level Authorization", "instance"),
        ("Tag-based Authorization", "tag"),
        # system-defined roles and policies as columns
        ("ECS Administrator", "system_role"),
        ("FullAccess", "system_role"),
        ("ReadOnlyAccess", "system_role"),
        ("CCE ReadOnlyAccess", "system_role"),
        ("DWS Database Access Admin", "system_role"),
        ("Tenant Guest", "system_role"),
        ("OBS OperateAccess", "system_role"),
        ("ECS FullAccess (system-defined policy)", "system_role"),
        ("EPS FullAccess", "system_role"),
        ("Supported by IAM Projects", "iam_project"),
        ("Associated Actions", "dependencies"),
        ("Additional Permissions", "dependencies"),
        ("前提条件", "dependencies"),
        ("(Project)", "iam_project"),
        ("(Enterprise Project)", "enterprise_project"),
        ("No.", "index"),
        ("序号", "index"),
        ("Required Actions", "action"),
        ("所需授权项", "action"),
        ("Required Permission", "permission"),
        ("HTTP Method", "api"),
        ("请求方法", "api"),
        ("API Path", "api"),
        ("API Name", "description"),
        ("Resource", "module"),
        ("Price", None),
    ],
)
def test_header_variants(header: str, role: str | None) -> None:
    assert role_of(header) == role


@pytest.mark.parametrize("header", ["神秘列", "Price", "IAM", "Project manager"])
def test_unknown_headers(header: str) -> None:
    assert role_of(header) is None


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)
def test_every_header_of_the_corpus_action_tables_has_a_role() -> None:
    headers = {
        cell.strip()
        for entry in read_manifest(CORPUS)
        for signature in entry.headers
        for cell in signature.split(" | ")
    }
    assert len(headers) > 50
    assert sorted(h for h in headers if role_of(h) is None) == []
