"""Importing a documentation tree without a MANIFEST: tables found by content, provenance from the tree."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from import_paths import CORPUS, SKIP_NO_CORPUS

from explorer import api
from explorer.app import discovery
from explorer.cli import cli
from explorer.errors import DocumentImportError
from explorer.importers import build_corpus
from explorer.importers.dedupe import content_key
from explorer.importers.discover import discover, repo_name
from explorer.importers.formats import decode, parse_tables
from explorer.importers.manifest import MANIFEST_NAME, read_manifest
from explorer.importers.tree import INFERRED_MANIFEST_NAME, build_tree
from explorer.model import Catalog, Operation, SourceDoc

SECTION_PAGE = "huaweicloud-zh/ecs/权限及授权项说明.md"


def _tree_of(mini_corpus: Path, tmp_path: Path) -> Path:
    """The mini corpus without its MANIFEST, plus a section page that links to a table page."""
    tree = tmp_path / "tree"
    shutil.copytree(mini_corpus, tree)
    (tree / MANIFEST_NAME).unlink()
    (tree / SECTION_PAGE).write_text("# 权限及授权项\n\n- [镜像示例](镜像示例.md)\n", encoding="utf-8")
    return tree


def test_the_manifest_name_is_the_importers(mini_corpus: Path) -> None:
    assert discovery.MANIFEST_NAME == MANIFEST_NAME
    assert discovery.has_manifest(mini_corpus)


def test_a_tree_in_the_corpus_layout_gives_the_manifest_back(mini_corpus: Path, tmp_path: Path) -> None:
    found = discover(_tree_of(mini_corpus, tmp_path))
    listed = read_manifest(mini_corpus)
    assert found.left == []
    # every table page, with the manifest's edition, service, format and counts
    tables = [e for e in found.entries if e.is_table]
    assert [(e.corpus_path, e.source, e.service, e.format, e.action_tables, e.approx_rows) for e in tables] == sorted(
        (e.corpus_path, e.source, e.service, e.format, e.action_tables, e.approx_rows) for e in listed if e.is_table
    )
    # a section page is found by its link to a table page of its folder; the fixture's 权限说明.md names none
    assert [(e.corpus_path, e.role, e.format) for e in found.entries if not e.is_table] == [
        (SECTION_PAGE, "intro", "other")
    ]
    # the tree has no git metadata: provenance and dates are unknown, every page is current
    assert {(e.origin_repo, e.origin_commit, e.origin_date, e.status) for e in found.entries} == {
        ("", "", None, "current")
    }


def test_import_writes_the_inferred_manifest_which_pins_the_same_catalog(mini_corpus: Path, tmp_path: Path) -> None:
    tree = _tree_of(mini_corpus, tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", str(tree), "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "found 4 pages with action tables and 1 section pages" in " ".join(result.output.split())
    inferred = out / INFERRED_MANIFEST_NAME
    assert sorted(p.name for p in out.iterdir()) == [
        "huaweicloud",
        "import-report.json",
        INFERRED_MANIFEST_NAME,
        "otc",
        "parsed-catalog.json",
    ]
    # pinned: copied into the tree as its MANIFEST, it drives the next import to the same catalog
    shutil.copy(inferred, tree / MANIFEST_NAME)
    pinned = tmp_path / "pinned"
    api.import_corpus(tree, pinned)
    for name in ("huaweicloud/ecs.yaml", "otc/ecs.yaml", "import-report.json"):
        assert (pinned / name).read_bytes() == (out / name).read_bytes()
    assert api.validate([out]).problems == ()


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_git_clone_gives_repository_commit_path_and_date(mini_corpus: Path, tmp_path: Path) -> None:
    clone = tmp_path / "ecs"
    (clone / "docs").mkdir(parents=True)
    shutil.copy(mini_corpus / "huaweicloud-zh" / "ecs" / "镜像示例.md", clone / "docs" / "镜像示例.md")
    (clone / "README.md").write_text("# ECS\n\nNo table here.\n", encoding="utf-8")
    _git(clone, "init", "-q")
    _git(clone, "remote", "add", "origin", "https://github.com/huaweicloudDocs/ecs.git")
    _git(clone, "add", ".")
    env_date = "2024-03-15T10:00:00+08:00"
    subprocess.run(
        ["git", "-C", str(clone), "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "pages"],
        check=True,
        capture_output=True,
        env={"GIT_COMMITTER_DATE": env_date, "GIT_AUTHOR_DATE": env_date, "PATH": "/usr/bin:/bin"},
    )
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    (entry,) = discover(tmp_path).entries  # a folder holding the clone
    assert (entry.source, entry.service, entry.corpus_path) == ("huaweicloud-zh", "ecs", "ecs/docs/镜像示例.md")
    assert (entry.origin_repo, entry.origin_commit, entry.origin_path) == (
        "huaweicloudDocs/ecs",
        head,
        "docs/镜像示例.md",
    )
    assert (entry.origin_date, entry.status) == ("2024-03-15", "current")
    ecs = build_tree(tmp_path).catalogs["huaweicloud"].services["ecs"]
    assert ecs.documentation_date == "2024-03-15"
    assert ecs.sources[0].repo == "huaweicloudDocs/ecs"


def test_a_plain_folder_takes_the_edition_from_the_option_and_the_service_from_the_actions(
    mini_corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(mini_corpus / "huaweicloud-zh" / "ecs" / "镜像示例.md", folder / "page.md")
    (folder / "notes.md").write_text("Nothing to see.\n", encoding="utf-8")
    without = discover(folder)
    assert without.entries == []
    assert without.left == [("page.md", "an action table, but the tree does not tell its edition; give --edition")]
    (entry,) = discover(folder, edition="huaweicloud-zh").entries
    # ecs: 3 of the page's 8 action names (evs 2, vpc 2, ims 1)
    assert (entry.source, entry.service, entry.format, entry.action_tables) == ("huaweicloud-zh", "ecs", "md-html", 1)
    assert discover(folder, edition="huaweicloud-zh", service="compute").entries[0].service == "compute"
    with pytest.raises(DocumentImportError, match="unknown edition 'otc'"):
        discover(folder, edition="otc")
    with pytest.raises(DocumentImportError, match="not a folder"):
        discover(folder / "page.md")


def test_repository_names_from_remote_urls() -> None:
    assert repo_name("https://github.com/opentelekomcloud-docs/elastic-cloud-server.git") == (
        "opentelekomcloud-docs/elastic-cloud-server"
    )
    assert repo_name("git@github.com:huaweicloudDocs/ecs.git") == "huaweicloudDocs/ecs"
    assert repo_name("/srv/mirrors/huaweicloudDocs/vpc/") == "huaweicloudDocs/vpc"
    assert repo_name("") == ""


# --- the whole corpus, its MANIFEST hidden -----------------------------------------------------------


@cache
def _corpus_both(tmp: str) -> tuple[dict[str, Catalog], dict[str, Catalog], list[str], list[str]]:
    tree = Path(tmp) / "corpus"
    shutil.copytree(CORPUS, tree, ignore=shutil.ignore_patterns(MANIFEST_NAME))
    found = build_tree(tree)
    listed, _ = build_corpus(CORPUS)
    tables = [e.corpus_path for e in found.discovery.entries if e.is_table]
    manifest_tables = [e.corpus_path for e in read_manifest(CORPUS) if e.is_table]
    return found.catalogs, listed, tables, manifest_tables


def _without_repository_facts(op: Operation) -> Operation:
    p = op.provenance
    return replace(op, provenance=replace(p, repo="", commit="", path="", date=None, status="current"))


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)
def test_the_corpus_without_its_manifest_gives_the_same_tables_and_catalog(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    found, listed, tables, manifest_tables = _corpus_both(str(tmp_path_factory.mktemp("discovery")))
    # exactly the table files the MANIFEST lists, no other (policy pages and section pages are not tables)
    assert tables == manifest_tables
    assert len(tables) == 459
    assert sorted(found) == sorted(listed)
    for cloud in listed:
        assert sorted(found[cloud].services) == sorted(listed[cloud].services)
        for name, svc in listed[cloud].services.items():
            mine = found[cloud].services[name]
            # The differences, explained: a copied tree has no MANIFEST and no git metadata, so the
            # repository, commit, path in it, date and status (deleted pages read as current) are unknown.
            # File, edition and format of every source are the same.
            assert [(s.file, s.edition, s.format) for s in mine.sources] == [
                (s.file, s.edition, s.format) for s in svc.sources
            ]
            assert all(s == SourceDoc(s.file, s.edition, format=s.format) for s in mine.sources)
            # Both catalogs hold the same distinct rows. Which copy of a repeated row is kept depends on the
            # pages' dates and status (explorer.importers.dedupe), which the tree lacks: where the same copy
            # is kept the operation is the same, id included; elsewhere another copy of it stands in.
            assert sorted(map(repr, map(content_key, mine.operations))) == sorted(
                map(repr, map(content_key, svc.operations))
            )
            theirs = {(op.provenance.file, op.provenance.table, op.provenance.row): op for op in svc.operations}
            for op in mine.operations:
                same = theirs.get((op.provenance.file, op.provenance.table, op.provenance.row))
                if same is not None:
                    assert op == _without_repository_facts(same)


def test_discovery_makes_no_reference_cycles_either(mini_corpus: Path, tmp_path: Path) -> None:
    """As an import by MANIFEST (tests/importers/test_import_corpus.py): the collector is paused for it."""
    import gc

    tree = tmp_path / "tree"
    shutil.copytree(mini_corpus, tree, ignore=shutil.ignore_patterns("MANIFEST.tsv"))
    gc.collect()
    gc.disable()
    try:
        discovery.import_documentation(tree, tmp_path / "catalog", edition="otc-en", service="ecs")
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0


def test_discovery_hands_the_import_every_table_of_a_page_as_parse_tables_reads_it(
    mini_corpus: Path, tmp_path: Path
) -> None:
    """The import takes discovery's tables instead of reading each page again: they must be parse_tables'."""
    tree = tmp_path / "tree"
    shutil.copytree(mini_corpus, tree, ignore=shutil.ignore_patterns("MANIFEST.tsv"))
    found = discover(tree)
    pages = [e for e in found.entries if e.is_table]
    assert pages and sorted(found.parsed) == sorted(e.corpus_path for e in pages)
    for entry in pages:
        text = decode((tree / entry.corpus_path).read_bytes(), entry.corpus_path)
        assert found.parsed[entry.corpus_path] == parse_tables(text, entry.format), entry.corpus_path
        assert set(map(id, found.tables[entry.corpus_path])) <= set(map(id, found.parsed[entry.corpus_path]))
