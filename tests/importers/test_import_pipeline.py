"""The corpus pipeline on a small corpus of our own: catalogs, report, determinism, atomicity, CLI."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from explorer import api
from explorer.cli import cli
from explorer.errors import DocumentImportError
from explorer.importers import UnknownHeaderError, build_corpus, pipeline, report_to_json


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_import_groups_editions_by_cloud_and_service(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    report = api.import_corpus(mini_corpus, out)
    assert sorted(_tree(out)) == ["huaweicloud/ecs.yaml", "import-report.json", "otc/ecs.yaml", "parsed-catalog.json"]
    catalogs = api.load([out])
    hw = catalogs["huaweicloud"].services["ecs"]
    otc = catalogs["otc"].services["ecs"]
    assert [s.file for s in hw.sources] == ["huaweicloud-zh/ecs/管道示例.md", "huaweicloud-zh/ecs/镜像示例.md"]
    assert [s.file for s in otc.sources] == ["otc-en/ecs/sample_actions.rst", "otc-html/ecs/sample_topic.html"]
    assert hw.sources[1].repo == "example/ecs"
    assert hw.sources[1].path == "docs/镜像示例.md"
    assert len(hw.operations) == 7  # the 无 row is kept, with no actions
    assert len(otc.operations) == 8  # the "Included in a system role." row is kept, with a note
    image = next(op for op in hw.operations if op.name.get("zh") == "制作整机镜像（示例）")
    assert image.provenance.edition == "huaweicloud-zh"
    assert image.provenance.commit == "0" * 40
    # the id is derived from what the row says (cloud, service, APIs, actions), not from where it is
    key = "huaweicloud\nhuaweicloud-zh\necs\napis\npost /v2.1/{}/servers/{}/action\nactions\necs:servers:createImage"
    assert image.id == hashlib.sha1(key.encode()).hexdigest()[:12]
    assert (report.rows_seen, report.rows_imported, report.rows_skipped) == (16, 15, 1)


def test_every_row_is_imported_or_reported(mini_corpus: Path) -> None:
    catalogs, report = build_corpus(mini_corpus)
    imported = {
        (op.provenance.file, op.provenance.table, op.provenance.row)
        for cat in catalogs.values()
        for op in cat.operations()
    }
    skipped = {(p.file, p.table, p.row) for p in report.problems() if p.skipped}
    assert not imported & skipped
    for f in report.files:
        rows = {(t, r) for (file, t, r) in imported | skipped if file == f.file}
        assert len(rows) == f.rows_seen, f.file
    # the manifest's row counts of this little corpus are exact
    manifest = {
        line.split("\t")[2]: int(line.split("\t")[8])
        for line in (mini_corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]
    }
    assert {f.file: f.rows_seen for f in report.files} == {k: v for k, v in manifest.items() if v}


def test_reimport_is_byte_identical(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    api.import_corpus(mini_corpus, out)
    first = _tree(out)
    api.import_corpus(mini_corpus, out)
    assert _tree(out) == first


def test_report_round_trip(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    report = api.import_corpus(mini_corpus, out)
    again = api.read_import_report(out)
    assert report_to_json(again) == report_to_json(report)
    data = json.loads((out / "import-report.json").read_text(encoding="utf-8"))
    assert data["totals"] == {
        "files": 4,
        "tables": 5,
        "rows_seen": 16,
        "rows_imported": 15,
        "rows_skipped": 1,
        "warnings": 4,
        "warnings_by_kind": {"inferred_scope": 4},
    }
    assert data["unknown_headers"] == []


def test_read_import_report_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentImportError, match="no import report"):
        api.read_import_report(tmp_path)
    bad = tmp_path / "import-report.json"
    bad.write_text('{"version": 1, "files": [{"file": 3}]}', encoding="utf-8")
    with pytest.raises(DocumentImportError, match=r"files\[0\]\.file: expected str, got int"):
        api.read_import_report(bad)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(DocumentImportError, match="line 1: not valid JSON"):
        api.read_import_report(bad)


def _corpus_copy(mini_corpus: Path, tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(mini_corpus, corpus)
    return corpus


def test_unknown_headers_never_abort_and_are_all_listed_at_once(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    api.import_corpus(mini_corpus, out)
    before = _tree(out)
    corpus = _corpus_copy(mini_corpus, tmp_path)
    page = corpus / "otc-en/ecs/sample_actions.rst"
    page.write_text(page.read_text(encoding="utf-8").replace("| Dependencies    ", "| Mystery column  "), "utf-8")
    other = corpus / "huaweicloud-zh/ecs/管道示例.md"
    other.write_text(other.read_text(encoding="utf-8").replace("|权限|", "|谜|"), encoding="utf-8")
    # strict: one error listing every unknown header of the run, and nothing written
    with pytest.raises(UnknownHeaderError) as raised:
        api.import_corpus(corpus, out, strict_headers=True)
    listed = [line.strip() for line in str(raised.value).splitlines()[1:]]
    assert listed == [
        "huaweicloud-zh/ecs/管道示例.md: table 1 (line 5): unknown column header '谜'",
        "otc-en/ecs/sample_actions.rst: table 1 (line 14): unknown column header 'Mystery column'",
    ]
    assert _tree(out) == before
    # by default the columns are ignored, every other file and column is imported, and values are listed
    report = api.import_corpus(corpus, out)
    assert [str(u) for u in report.unknown_headers()] == listed
    lost = [p for p in report.problems() if p.kind == "value_lost"]
    assert lost and all(p.file in ("otc-en/ecs/sample_actions.rst", "huaweicloud-zh/ecs/管道示例.md") for p in lost)
    assert any("'Mystery column' (unknown header, ignored): value lost: '\"dws:*:get*\"" in p.reason for p in lost)
    assert report.rows_imported == 15


def test_failure_while_writing_leaves_the_catalog_as_it_was(
    mini_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "catalog"
    api.import_corpus(mini_corpus, out)
    before = _tree(out)
    corpus = _corpus_copy(mini_corpus, tmp_path)
    (corpus / "otc-html/ecs/sample_topic.html").unlink()  # changes what a new import would write

    calls = {"n": 0}
    real = pipeline.write_catalogs.__globals__["dump_document"]

    def failing_dump(doc):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(doc)

    monkeypatch.setitem(pipeline.write_catalogs.__globals__, "dump_document", failing_dump)
    with pytest.raises(OSError, match="disk full"):
        api.import_corpus(corpus, out)
    assert _tree(out) == before


def test_a_missing_page_is_reported_not_fatal(mini_corpus: Path, tmp_path: Path) -> None:
    corpus = _corpus_copy(mini_corpus, tmp_path)
    (corpus / "otc-html/ecs/sample_topic.html").unlink()
    _, report = build_corpus(corpus)
    failed = [f for f in report.files if f.failed]
    assert [(f.file, [p.reason for p in f.problems]) for f in failed] == [
        ("otc-html/ecs/sample_topic.html", ["cannot read the file: No such file or directory"])
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no manifest"),
        ("source\tservice\n", "line 1: expected the header"),
        (
            "source\tservice\tcorpus_path\torigin_repo\torigin_commit\torigin_path\tformat\taction_tables\t"
            "approx_rows\theader_signature\trole\nmars\tecs\ta.md\tr\tc\tp\tmd-html\t1\t1\th\ttable\n",
            "line 2: source: unknown edition 'mars'",
        ),
    ],
)
def test_bad_manifest(tmp_path: Path, content: str | None, message: str) -> None:
    if content is not None:
        (tmp_path / "MANIFEST.tsv").write_text(content, encoding="utf-8")
    with pytest.raises(DocumentImportError, match=message):
        api.import_corpus(tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cli_import(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "catalog"
    result = CliRunner().invoke(cli, ["import", str(mini_corpus), "--out", str(out)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Import report" in result.output
    assert "the row has 2 cells, the header has 5" in result.output
    assert "inferred_scope" in result.output
    assert (out / "import-report.json").is_file()


def test_cli_import_errors_are_messages_not_tracebacks(tmp_path: Path, mini_corpus: Path) -> None:
    result = CliRunner().invoke(cli, ["import", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no MANIFEST.tsv and no page with an action table found below it" in " ".join(result.output.split())
    assert "Traceback" not in result.output
    corpus = _corpus_copy(mini_corpus, tmp_path)
    page = corpus / "huaweicloud-zh/ecs/管道示例.md"
    page.write_text(page.read_text(encoding="utf-8").replace("|权限|", "|谜|"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", str(corpus), "--out", str(tmp_path / "out2"), "--strict"])
    assert result.exit_code == 2
    assert "unknown column header '谜'" in result.output
    assert not (tmp_path / "out2").exists()
    result = CliRunner().invoke(cli, ["import", str(corpus), "--out", str(tmp_path / "out2")], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Unknown column headers" in result.output
    # the old option is still accepted
    result = CliRunner().invoke(cli, ["import", str(corpus), "--out", str(tmp_path / "out2"), "--skip-unknown"])
    assert result.exit_code == 0


def test_a_file_whose_tables_differ_from_the_manifest_counts_is_flagged(mini_corpus: Path, tmp_path: Path) -> None:
    corpus = _corpus_copy(mini_corpus, tmp_path)
    manifest = corpus / "MANIFEST.tsv"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("\trst-grid\t2\t6\t", "\trst-grid\t2\t7\t"), encoding="utf-8"
    )
    _, report = build_corpus(corpus)
    flagged = [(p.file, p.skipped, p.reason) for p in report.problems() if p.table == 0]
    assert flagged == [
        (
            "otc-en/ecs/sample_actions.rst",
            False,
            "the manifest lists 2 action tables with about 7 rows; the importer found 2 with 6 rows",
        )
    ]


def test_cli_import_doc(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "huaweicloud" / "ims.yaml"
    args = ["import-doc", str(fixtures / "md_pipe_sample.md"), "--edition", "huaweicloud-zh", "--out", str(out)]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "the row has 2 cells, the header has 5" in result.output
    catalogs = api.load([tmp_path])
    ops = catalogs["huaweicloud"].services["ims"].operations
    assert [op.provenance.row for op in ops] == [1, 2, 3, 5]
    assert api.validate([tmp_path]).ok
    result = CliRunner().invoke(cli, ["import-doc", str(fixtures / "garbage.md"), "--edition", "otc-en"])
    assert result.exit_code == 2
    assert "garbage.md: not a text file" in result.output
    assert "Traceback" not in result.output
