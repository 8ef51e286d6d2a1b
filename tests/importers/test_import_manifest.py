"""MANIFEST.tsv with and without the origin_date and status columns; dates and status reach the catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer import api
from explorer.errors import DocumentImportError
from explorer.importers import build_corpus
from explorer.importers.manifest import COLUMNS, DATED_COLUMNS, MANIFEST_NAME, read_manifest

# the date and status given to each file of the mini corpus
DATED = {
    "huaweicloud-zh/ecs/镜像示例.md": ("2024-03-15", "current"),
    "huaweicloud-zh/ecs/管道示例.md": ("2019-12-11", "deleted"),
    "huaweicloud-zh/ecs/权限说明.md": ("2024-03-15", "current"),
    "otc-en/ecs/sample_actions.rst": ("2025-12-02", "current"),
    "otc-html/ecs/sample_topic.html": ("2022-06-30", "current"),
}


def _dated_corpus(mini_corpus: Path, tmp_path: Path, change: dict[str, tuple[str, str]] | None = None) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(mini_corpus, corpus)
    lines = (mini_corpus / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    out = ["\t".join(DATED_COLUMNS)]
    for line in lines[1:]:
        path = line.split("\t")[2]
        date, status = (change or {}).get(path, DATED[path])
        out.append(f"{line}\t{date}\t{status}")
    (corpus / MANIFEST_NAME).write_text("\n".join(out) + "\n", encoding="utf-8")
    return corpus


def test_an_eleven_column_manifest_reads_as_current_files_of_unknown_date(mini_corpus: Path) -> None:
    assert (mini_corpus / MANIFEST_NAME).read_text(encoding="utf-8").split("\n", 1)[0] == "\t".join(COLUMNS)
    entries = read_manifest(mini_corpus)
    assert {(e.origin_date, e.status) for e in entries} == {(None, "current")}


def test_a_thirteen_column_manifest_carries_date_and_status_into_the_catalog(mini_corpus: Path, tmp_path: Path) -> None:
    corpus = _dated_corpus(mini_corpus, tmp_path)
    entries = read_manifest(corpus)
    assert {e.corpus_path: (e.origin_date, e.status) for e in entries} == DATED
    out = tmp_path / "catalog"
    api.import_corpus(corpus, out)
    text = (out / "huaweicloud" / "ecs.yaml").read_text(encoding="utf-8")
    assert "  date: '2019-12-11'\n  status: deleted\n" in text
    assert "status: current" not in text  # current is the default, left out
    loaded = api.load([out])
    hw = loaded["huaweicloud"].services["ecs"]
    assert [(s.file, s.date, s.status) for s in hw.sources] == [
        ("huaweicloud-zh/ecs/管道示例.md", "2019-12-11", "deleted"),
        ("huaweicloud-zh/ecs/镜像示例.md", "2024-03-15", "current"),
    ]
    by_file = {op.provenance.file: (op.provenance.date, op.provenance.status) for op in hw.operations}
    assert by_file == {
        "huaweicloud-zh/ecs/管道示例.md": ("2019-12-11", "deleted"),
        "huaweicloud-zh/ecs/镜像示例.md": ("2024-03-15", "current"),
    }
    assert hw.documentation_date == "2024-03-15"
    assert loaded["otc"].services["ecs"].documentation_date == "2025-12-02"


def test_a_service_only_on_deleted_pages_is_dated_by_them(mini_corpus: Path, tmp_path: Path) -> None:
    change = {"huaweicloud-zh/ecs/镜像示例.md": ("2018-12-07", "deleted")}
    corpus = _dated_corpus(mini_corpus, tmp_path, change)
    catalogs, _ = build_corpus(corpus)
    hw = catalogs["huaweicloud"].services["ecs"]
    assert hw.only_deleted_sources is True
    assert hw.documentation_date == "2019-12-11"


@pytest.mark.parametrize(
    ("date", "status", "message"),
    [
        ("2024-3-15", "current", "origin_date: expected a date written YYYY-MM-DD, got '2024-3-15'"),
        ("2024-02-30", "current", "origin_date: '2024-02-30' is not a calendar date; expected YYYY-MM-DD"),
        ("2024-03-15", "gone", "status: unknown status 'gone'; expected one of: current, deleted"),
    ],
)
def test_a_bad_date_or_status_names_the_line_and_field(
    mini_corpus: Path, tmp_path: Path, date: str, status: str, message: str
) -> None:
    corpus = _dated_corpus(mini_corpus, tmp_path, {"otc-en/ecs/sample_actions.rst": (date, status)})
    with pytest.raises(DocumentImportError) as info:
        read_manifest(corpus)
    assert str(info.value) == f"{corpus / MANIFEST_NAME}: line 5: {message}"


def test_a_header_of_another_shape_names_both_accepted_headers(mini_corpus: Path, tmp_path: Path) -> None:
    corpus = _dated_corpus(mini_corpus, tmp_path)
    manifest = corpus / MANIFEST_NAME
    lines = manifest.read_text(encoding="utf-8").split("\n")
    manifest.write_text("\n".join([lines[0] + "\textra", *lines[1:]]), encoding="utf-8")
    with pytest.raises(DocumentImportError, match=r"line 1: expected the header source \| service .* status \(or"):
        read_manifest(corpus)
    # a row with the old number of fields under the new header is refused with both counts
    manifest.write_text("\n".join([lines[0], lines[1].rsplit("\t", 2)[0], *lines[2:]]), encoding="utf-8")
    with pytest.raises(DocumentImportError, match="line 2: expected 13 tab-separated fields, got 11"):
        read_manifest(corpus)
