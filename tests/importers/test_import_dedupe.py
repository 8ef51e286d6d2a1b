"""Several versions of one table: one operation per distinct row, the copies reported with the row kept."""

from __future__ import annotations

import re

import pytest
from import_paths import CORPUS, SKIP_NO_CORPUS

from explorer.importers import build_corpus
from explorer.importers.dedupe import DUPLICATE, content_key, deduplicate
from explorer.importers.report import FileReport
from explorer.model import ActionRef, Operation, Provenance, Scope


def _op(
    file: str, edition: str, date: str | None, status: str = "current", api_text: str = "GET /v1/{id}/x"
) -> Operation:
    return Operation(
        id="",
        name={"en": f"row of {file}"},
        apis=(api_text,),
        actions=(ActionRef("svc:x:get"),),
        dependencies=(ActionRef("svc:y:list"),),
        scope=Scope(True, False),
        notes=(),
        provenance=Provenance(file, 1, 1, edition, date=date, status=status),
    )


def _reports(*ops: Operation) -> dict[str, FileReport]:
    return {
        op.provenance.file: FileReport(op.provenance.file, op.provenance.edition, "svc", "rst-grid", 1, 1, 1)
        for op in ops
    }


def test_a_current_page_is_kept_before_a_newer_deleted_one_and_the_copy_is_reported() -> None:
    deleted = _op("otc-en/svc/old.rst", "otc-en", "2026-01-01", "deleted")
    current = _op("otc-en/svc/new.rst", "otc-en", "2024-05-01")
    reports = _reports(deleted, current)
    assert deduplicate([deleted, current], reports) == [current]
    (problem,) = reports["otc-en/svc/old.rst"].problems
    assert (problem.table, problem.row, problem.skipped, problem.kind) == (1, 1, True, DUPLICATE)
    assert problem.reason == (
        "the same operation as otc-en/svc/new.rst table 1 row 1 (same APIs, actions, dependencies, scope and "
        "notes); kept once, from a current page"
    )
    assert reports["otc-en/svc/old.rst"].rows_imported == 0
    assert reports["otc-en/svc/new.rst"].problems == []


def test_the_newest_documentation_then_the_main_edition_is_kept() -> None:
    swiss = _op("otc-swiss-en/svc/a.rst", "otc-swiss-en", "2025-10-01")
    main = _op("otc-en/svc/a.rst", "otc-en", "2025-06-01")
    assert deduplicate([main, swiss], _reports(main, swiss)) == [swiss]
    same_day = _op("otc-en/svc/a.rst", "otc-en", "2025-10-01")
    assert deduplicate([swiss, same_day], _reports(same_day, swiss)) == [same_day]
    undated = _op("otc-en/svc/b.rst", "otc-en", None)
    assert deduplicate([undated, swiss], _reports(undated, swiss)) == [swiss]


def test_rows_that_differ_in_what_they_say_are_all_kept() -> None:
    a = _op("otc-en/svc/a.rst", "otc-en", "2025-06-01")
    # a renamed placeholder is the same API; another path is not
    b = _op("otc-en/svc/b.rst", "otc-en", "2025-06-01", api_text="GET /v1/{other}/x")
    c = _op("otc-en/svc/c.rst", "otc-en", "2025-06-01", api_text="GET /v2/{id}/x")
    assert content_key(a) == content_key(b) != content_key(c)
    assert deduplicate([a, b, c], _reports(a, b, c)) == [a, c]


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)
def test_the_corpus_copies_are_kept_once() -> None:
    catalogs, report = build_corpus(CORPUS)
    rows = {
        (op.provenance.file, op.provenance.table, op.provenance.row)
        for cat in catalogs.values()
        for op in cat.operations()
    }
    duplicates = [p for p in report.problems() if p.kind == DUPLICATE]
    # every copy names a row that is in the catalog
    for p in duplicates:
        kept = re.match(r"the same operation as (\S+) table (\d+) row (\d+) ", p.reason)
        assert kept is not None and (kept.group(1), int(kept.group(2)), int(kept.group(3))) in rows
    by_file = {f.file: f for f in report.files}
    # the byte-identical OTC ELB folders: one of each pair is kept whole
    for f in by_file:
        if f.startswith("otc-en/elb/load-balancer/"):
            twin = f.replace("/load-balancer/", "/elastic-load-balancing/")
            assert by_file[f].rows_imported + by_file[twin].rows_imported == by_file[f].rows_seen
    # the three RDS pages print one 81-row table: it is in the catalog once
    rds = [f for f in by_file if f.startswith("huaweicloud-zh/rds/策略语法-细粒度策略")]
    assert len(rds) == 3
    assert sorted(by_file[f].rows_imported for f in rds) == [0, 0, 81]
    # nothing the documentation says is lost: the catalog keeps every distinct row
    assert len(duplicates) == report.rows_seen - report.rows_imported
