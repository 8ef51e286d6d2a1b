"""pyproject.toml says what the wheel holds and needs: every package, the catalog, the dependencies the code imports."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

from explorer import __version__, api

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# distribution name -> the module the code imports
IMPORT_NAME = {"pyyaml": "yaml", "python-hcl2": "hcl2"}


def third_party_imports(paths: Iterable[Path]) -> set[str]:
    """The top-level modules outside the standard library and the package that ``paths`` import."""
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in {"explorer", "__future__"}}


def requirement_names(requirements: list[str]) -> set[str]:
    return {IMPORT_NAME.get(n, n) for n in (re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower() for r in requirements)}


def test_every_package_of_the_source_tree_is_listed() -> None:
    """The package list is explicit (find cannot map catalog/ into the package): a new package must join it."""
    listed = set(PROJECT["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "explorer").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert on_disk - listed == set(), "add these to [tool.setuptools].packages in pyproject.toml"
    assert listed - on_disk == {"explorer.catalog.bundled"}
    assert PROJECT["tool"]["setuptools"]["package-dir"] == {"explorer.catalog.bundled": "catalog"}


def test_the_core_dependencies_are_what_the_cli_and_library_import() -> None:
    outside_ui = [p for p in (ROOT / "explorer").rglob("*.py") if "ui" not in p.relative_to(ROOT).parts]
    assert third_party_imports(outside_ui) == requirement_names(PROJECT["project"]["dependencies"])


def test_streamlit_is_the_ui_extra_only() -> None:
    assert "streamlit" not in requirement_names(PROJECT["project"]["dependencies"])
    assert requirement_names(PROJECT["project"]["optional-dependencies"]["ui"]) == {"streamlit"}
    assert third_party_imports((ROOT / "explorer" / "ui").rglob("*.py")) - requirement_names(
        PROJECT["project"]["dependencies"]
    ) == {"streamlit"}


def test_every_dependency_has_a_lower_bound() -> None:
    for requirement in PROJECT["project"]["dependencies"] + PROJECT["project"]["optional-dependencies"]["ui"]:
        assert ">=" in requirement, f"{requirement}: give the oldest version that works (./run lowest checks it)"


def test_one_version_source() -> None:
    assert "version" not in PROJECT["project"] and "version" in PROJECT["project"]["dynamic"]
    assert PROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "explorer.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_the_package_is_typed_and_ships_its_data() -> None:
    assert (ROOT / "explorer" / "py.typed").is_file()
    data = PROJECT["tool"]["setuptools"]["package-data"]
    assert "py.typed" in data["explorer"] and "**/*.json" in data["explorer"]
    assert data["explorer.catalog.bundled"] == ["import-report.json", "renames.json", "parsed-catalog.json", "*/*.yaml"]


def test_a_checkout_reads_its_own_catalog_folder() -> None:
    """Installed from a wheel, the catalog is explorer/catalog/bundled/ (CI's ./run package checks that)."""
    assert api.BUNDLED_CATALOG == ROOT / "catalog"
