"""validate compares a catalog root with the import report beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from catalog_support import GOOD

from explorer.catalog.validate import REPORT_FILE, validate_paths
from explorer.errors import Problem
from explorer.importers import FileReport, ImportReport, report_to_json
from explorer.importers.report import REPORT_NAME

# Rows of the good fixtures per documentation file, by (edition, service).
ROWS = {
    "huaweicloud-zh/ecs/生命周期管理-27.md": ("huaweicloud-zh", "ecs", 3),
    "huaweicloud-zh/ecs/镜像管理.md": ("huaweicloud-zh", "ecs", 1),
    "otc-en/dws/syntax_of_fine-grained_permission_policies.rst": ("otc-en", "dws", 2),
    "otc-en/ecs/image_management.rst": ("otc-en", "ecs", 1),
    "otc-en/ecs/lifecycle_management.rst": ("otc-en", "ecs", 2),
}


def _root(tmp_path: Path, rows: dict[str, tuple[str, str, int]]) -> Path:
    root = tmp_path / "cat"
    shutil.copytree(GOOD, root)
    files = [
        FileReport(file, edition, service, "rst-grid", tables=1, rows_seen=n, rows_imported=n)
        for file, (edition, service, n) in rows.items()
    ]
    (root / REPORT_FILE).write_text(report_to_json(ImportReport(files)), encoding="utf-8")
    return root


def test_the_report_name_is_the_importers() -> None:
    assert REPORT_FILE == REPORT_NAME


def test_a_matching_report_is_fine(tmp_path: Path) -> None:
    assert validate_paths([_root(tmp_path, ROWS)]) == []


def test_a_stale_count_and_an_unlisted_file_are_reported(tmp_path: Path) -> None:
    rows = dict(ROWS)
    rows["otc-en/ecs/lifecycle_management.rst"] = ("otc-en", "ecs", 11)
    del rows["otc-en/dws/syntax_of_fine-grained_permission_policies.rst"]
    root = _root(tmp_path, rows)
    report = str(root / REPORT_FILE)
    assert validate_paths([root]) == [
        Problem(
            report,
            "files",
            "otc-en/dws/syntax_of_fine-grained_permission_policies.rst: 2 operations in the catalog come from it, "
            "but the report does not list it",
        ),
        Problem(
            report,
            "files[3]",
            "otc-en/ecs/lifecycle_management.rst: the report says 11 rows were imported, "
            "the catalog has 2 operations from it",
        ),
    ]


def test_a_service_file_missing_from_the_catalog_is_reported(tmp_path: Path) -> None:
    root = _root(tmp_path, ROWS)
    (root / "otc" / "dws.yaml").unlink()
    assert [(p.location, p.message.split(":")[0]) for p in validate_paths([root])] == [
        ("files[2]", "otc-en/dws/syntax_of_fine-grained_permission_policies.rst")
    ]


def test_an_invalid_service_file_is_reported_once_not_again_by_the_report(tmp_path: Path) -> None:
    root = _root(tmp_path, ROWS)
    path = root / "otc" / "dws.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("row: 2", "row: -2"), encoding="utf-8")
    assert validate_paths([root]) == [
        Problem(str(path), "operations[1].source.row", "expected a positive integer, got number -2")
    ]


def test_an_unreadable_report_is_a_problem(tmp_path: Path) -> None:
    root = _root(tmp_path, ROWS)
    (root / REPORT_FILE).write_text('{"files": 3}', encoding="utf-8")
    assert validate_paths([root]) == [
        Problem(str(root / REPORT_FILE), "files", "expected the report's list of documentation files")
    ]
    (root / REPORT_FILE).write_text("{", encoding="utf-8")
    (problem,) = validate_paths([root])
    assert (problem.location, problem.message.split(":")[0]) == ("", "cannot read the import report")
