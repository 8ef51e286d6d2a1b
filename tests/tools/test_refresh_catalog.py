"""``./run refresh``: clones of documentation repositories imported without a MANIFEST (local bare repositories)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from explorer import api
from tools import refresh_catalog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docs" / "corpus"
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _bare(base: Path, repo: str, pages: dict[str, Path]) -> None:
    work = base.parent / "work" / repo
    work.mkdir(parents=True)
    for inside, source in pages.items():
        (work / inside).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, work / inside)
    date = {"GIT_COMMITTER_DATE": "2025-12-02T09:00:00+01:00", "GIT_AUTHOR_DATE": "2025-12-02T09:00:00+01:00"}
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@e"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "pages"], check=True, env={**date, "PATH": "/usr/bin:/bin"})
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(base / f"{repo}.git")], check=True)


def test_refresh_clones_every_listed_repository_and_imports_them_by_discovery(tmp_path: Path) -> None:
    base = tmp_path / "mirror"
    _bare(base, "huaweicloudDocs/ecs", {"cn.zh-cn/API参考/镜像示例.md": FIXTURES / "huaweicloud-zh/ecs/镜像示例.md"})
    _bare(
        base,
        "opentelekomcloud-docs/elastic-cloud-server",
        {"api-ref/source/sample_actions.rst": FIXTURES / "otc-en/ecs/sample_actions.rst"},
    )
    listed = tmp_path / "repos.txt"
    listed.write_text(
        "# documentation repositories\nhuaweicloudDocs/ecs\n\nopentelekomcloud-docs/elastic-cloud-server\n"
    )
    out = tmp_path / "catalog"
    args = ["--repos", str(listed), "--out", str(out), "--base-url", f"file://{base}"]
    assert refresh_catalog.main(args) == 0
    catalogs = api.load([out])
    hw = catalogs["huaweicloud"].services["ecs"]
    otc = catalogs["otc"].services["ecs"]
    assert [(s.file, s.repo, s.path, s.date) for s in hw.sources] == [
        (
            "huaweicloudDocs/ecs/cn.zh-cn/API参考/镜像示例.md",
            "huaweicloudDocs/ecs",
            "cn.zh-cn/API参考/镜像示例.md",
            "2025-12-02",
        )
    ]
    assert [(s.edition, s.repo, s.format) for s in otc.sources] == [
        ("otc-en", "opentelekomcloud-docs/elastic-cloud-server", "rst-grid")
    ]
    assert len(otc.operations) == 6
    assert (out / "inferred-MANIFEST.tsv").is_file()


def test_the_shipped_list_names_every_repository_of_the_corpus() -> None:
    names = refresh_catalog.repositories(refresh_catalog.REPOSITORIES)
    assert names == sorted(set(names))
    assert {
        "huaweicloudDocs/ecs",
        "opentelekomcloud-docs/elastic-cloud-server",
        "opentelekomcloud-docs/doc-exports",
    } <= set(names)
