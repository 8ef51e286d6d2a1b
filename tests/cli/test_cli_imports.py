"""A command loads only what it uses: checked with ``python -X importtime``, by module names, not timings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CATALOG = REPO / "tests" / "fixtures" / "catalog"

# What no query needs: the importers and their parsers, the JSON Schema validator, the policy linter
# and its HCL parser, the web UI.
NOT_FOR_QUERIES = (
    "explorer.importers",
    "explorer.policy",
    "hcl2",
    "explorer.catalog.validate",
    "jsonschema",
    "lxml",
    "bs4",
    "docutils",
    "streamlit",
)
# Queries walk the build's own adjacency; networkx is imported only when someone asks for Explorer.graph.
GRAPH_LIBRARY = ("networkx",)
RENDERING = ("explorer.render.export", "explorer.render.dot", "explorer.render.mermaid", "graphviz")


def imported(args: list[str], cache: Path) -> set[str]:
    """The modules ``permission-explorer ARGS`` imports (it must succeed)."""
    env = dict(os.environ, PERMISSION_EXPLORER_CACHE_DIR=str(cache), PERMISSION_EXPLORER_CATALOG=str(CATALOG))
    env.pop("PERMISSION_EXPLORER_NO_CACHE", None)
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "explorer", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    names = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            names.add(line.rsplit("|", 1)[1].strip())
    assert "explorer.cli" in names  # the trace was read
    return names


def _loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    imported(["closure", "ecs:servers:createImage", "--json"], folder)  # compiles the catalog
    return folder


def test_help_loads_no_engine(cache: Path) -> None:
    names = imported(["--help"], cache)
    heavy = ("explorer.graph", "explorer.catalog.store", "networkx", "yaml", "rich", *NOT_FOR_QUERIES, *RENDERING)
    assert _loaded(names, heavy) == []


def test_a_command_help_loads_no_engine(cache: Path) -> None:
    for command in ("closure", "export", "validate", "ui", "policy"):
        names = imported([command, "--help"], cache)
        assert _loaded(names, ("explorer.graph", "networkx", *NOT_FOR_QUERIES, *RENDERING)) == [], command
    # import-doc lists the importers' table formats, so it loads them, and nothing else of the engine
    names = imported(["import-doc", "--help"], cache)
    assert "explorer.importers.formats" in names
    assert _loaded(names, ("explorer.graph", "networkx", "streamlit", *RENDERING)) == []


def test_closure_as_json_loads_the_graph_only(cache: Path) -> None:
    names = imported(["closure", "ecs:servers:createImage", "--json"], cache)
    assert "explorer.graph.explorer" in names and "explorer.catalog.compiled" in names
    assert _loaded(names, (*NOT_FOR_QUERIES, *RENDERING, *GRAPH_LIBRARY, "rich")) == []


def test_closure_as_a_table_adds_rich_only(cache: Path) -> None:
    names = imported(["closure", "ecs:servers:createImage"], cache)
    assert "rich.table" in names
    assert _loaded(names, (*NOT_FOR_QUERIES, *RENDERING, *GRAPH_LIBRARY)) == []


@pytest.mark.parametrize(
    "args",
    [
        ["dependents", "ims:images:get", "--json"],
        ["why", "ims:images:get", "--from", "ecs:servers:createImage", "--json"],
        ["scope", "ecs:servers:createImage", "--json"],
        ["show", "ecs:servers:createImage", "--json"],
        ["search", "image", "--json"],
        ["check", "--json"],
    ],
)
def test_every_query_loads_neither_networkx_nor_the_importers_nor_the_renderers(cache: Path, args: list[str]) -> None:
    names = imported(args, cache)
    assert _loaded(names, (*NOT_FOR_QUERIES, *RENDERING, *GRAPH_LIBRARY, "rich")) == []


def test_export_loads_the_renderers_but_not_the_importers_or_the_ui(cache: Path, tmp_path: Path) -> None:
    names = imported(["export", "ecs:servers:createImage", "-o", str(tmp_path / "x.dot")], cache)
    assert "explorer.render.dot" in names
    assert _loaded(names, NOT_FOR_QUERIES) == []


def test_every_command_is_registered_under_the_module_that_defines_it() -> None:
    import importlib

    from explorer.cli import COMMAND_MODULES

    defined = {}
    for module in sorted(set(COMMAND_MODULES.values())):
        for command in importlib.import_module(f"explorer.cli.{module}").COMMANDS:
            defined[command.name] = module
    assert defined == COMMAND_MODULES
