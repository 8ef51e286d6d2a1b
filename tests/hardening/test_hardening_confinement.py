"""The importer writes only under --out and reads only regular files inside the corpus, up to a limit."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hardening_support import MINI, corpus_with_row, everything, tree

from explorer import api
from explorer.cli import cli
from explorer.errors import DocumentImportError
from explorer.importers.manifest import MAX_CORPUS_FILE_BYTES, read_corpus_file


def _import(corpus: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", str(corpus), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def old(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "work" / "out" / "catalog"
    api.import_corpus(MINI, out)
    return out, tree(out)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"service": "../../escape_service"}, "line 2: service: expected a short service name"),
        ({"service": "ECS Service!"}, "line 2: service: expected a short service name"),
        ({"service": ""}, "line 2: service: expected a short service name"),
        ({"service": ".hidden"}, "line 2: service: expected a short service name"),
        ({"service": "a/b"}, "line 2: service: expected a short service name"),
        ({"service": "a\x00b"}, "line 2: service: expected a short service name"),
        ({"corpus_path": "../../../x.md"}, "line 2: corpus_path: '../../../x.md': expected a relative path inside"),
        ({"corpus_path": "/etc/passwd"}, "line 2: corpus_path: '/etc/passwd': expected a relative path inside"),
        ({"corpus_path": ""}, "line 2: corpus_path: empty; expected a path relative to the corpus"),
        ({"corpus_path": "a\\..\\b.md"}, "line 2: corpus_path: 'a\\\\..\\\\b.md': expected '/' as the separator"),
        ({"format": "docx"}, "line 2: format: unknown format 'docx'; expected one of"),
        ({"format": "other"}, "line 2: format: 'other' has no table parser"),
        ({"origin_commit": "HEAD"}, "line 2: origin_commit: expected a 40-digit lower-case hex commit id"),
        ({"approx_rows": "1" * 5000}, "line 2: approx_rows: expected a whole number of at most 9 digits"),
        ({"corpus_path": "huaweicloud-zh/ecs/管道示例.md"}, "line 3: corpus_path: 'huaweicloud-zh/ecs/管道示例.md' is"),
    ],
)
def test_a_bad_manifest_row_is_refused_with_its_line_and_nothing_is_written(
    fields: dict[str, str], message: str, tmp_path: Path, old: tuple[Path, dict[str, bytes]]
) -> None:
    out, before = old
    corpus = corpus_with_row(tmp_path, **fields)
    around = everything(tmp_path / "work")
    code, output = _import(corpus, out)
    assert code == 2
    assert message in " ".join(output.split()), output
    assert tree(out) == before  # the old catalog, untouched
    assert everything(tmp_path / "work") == around  # and nothing written beside it


def _report_reason(out: Path, file: str) -> str:
    report = api.read_import_report(out)
    entry = next(f for f in report.files if f.file == file)
    return entry.problems[0].reason


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("/etc/passwd", "leads outside the corpus (to /etc/passwd); not read"),
        ("/dev/zero", "leads outside the corpus (to /dev/zero); not read"),
        ("../../../../outside.md", "leads outside the corpus"),
    ],
)
def test_a_symbolic_link_out_of_the_corpus_is_not_followed(target: str, reason: str, tmp_path: Path) -> None:
    corpus = tmp_path / "c" / "corpus"
    shutil.copytree(MINI, corpus)
    (tmp_path / "outside.md").write_text("<table><tr><th>Action</th></tr><tr><td>ecs:a:b</td></tr></table>")
    page = corpus / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    page.unlink()
    page.symlink_to(target)
    out = tmp_path / "out"
    code, _ = _import(corpus, out)
    assert code == 0  # the page is reported, the others imported
    assert reason in _report_reason(out, "huaweicloud-zh/ecs/镜像示例.md")


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    page = corpus / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    page.unlink()
    os.mkfifo(page)
    done = threading.Event()
    result: list[str] = []

    def run() -> None:
        try:
            read_corpus_file(corpus, "huaweicloud-zh/ecs/镜像示例.md")
        except DocumentImportError as exc:
            result.append(str(exc))
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(10), "reading a FIFO blocked"
    assert result == ["not a regular file; expected a documentation page"]


def test_a_file_above_the_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_bytes(b"x" * (MAX_CORPUS_FILE_BYTES + 1))
    with pytest.raises(DocumentImportError, match=f"files above {MAX_CORPUS_FILE_BYTES} bytes are not read"):
        read_corpus_file(tmp_path, "big.md")
    (tmp_path / "dir.md").mkdir()
    with pytest.raises(DocumentImportError, match="not a regular file"):
        read_corpus_file(tmp_path, "dir.md")


def test_a_manifest_that_is_a_link_out_of_the_corpus_is_refused(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    (corpus / "MANIFEST.tsv").unlink()
    (corpus / "MANIFEST.tsv").symlink_to("/etc/passwd")
    code, output = _import(corpus, tmp_path / "out")
    assert code == 2
    assert "leads outside the corpus" in output
    assert not (tmp_path / "out").exists()


def test_a_cloud_missing_from_the_new_corpus_is_removed(tmp_path: Path, old: tuple[Path, dict[str, bytes]]) -> None:
    out, _ = old
    corpus = tmp_path / "corpus"
    shutil.copytree(MINI, corpus)
    lines = (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    (corpus / "MANIFEST.tsv").write_text("\n".join(ln for ln in lines if not ln.startswith("otc")) + "\n")
    code, _ = _import(corpus, out)
    assert code == 0
    assert everything(out) == ["huaweicloud", "huaweicloud/ecs.yaml", "import-report.json", "parsed-catalog.json"]
    assert api.validate([out]).ok


def test_import_doc_refuses_a_service_or_cloud_outside_the_grammar(tmp_path: Path) -> None:
    doc = MINI / "huaweicloud-zh" / "ecs" / "镜像示例.md"
    for option in (["--service", "a/b"], ["--service", "../x"], ["--cloud", "x/../y"]):
        result = CliRunner().invoke(cli, ["import-doc", str(doc), "--edition", "huaweicloud-zh", *option])
        assert result.exit_code == 2, result.output
        assert "expected a" in result.output and "Traceback" not in result.output
    with pytest.raises(DocumentImportError, match="service 'a\\\\x00b': expected a short service name"):
        api.import_document("x.md", doc.read_bytes(), cloud="huaweicloud", edition="huaweicloud-zh", service="a\0b")
