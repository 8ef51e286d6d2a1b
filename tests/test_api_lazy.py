"""explorer.api is the list of what a library user may import: use cases and the core, loading no engine."""

from __future__ import annotations

import subprocess
import sys

from explorer import api

# What importing the API must not load: every engine package but the catalog's root (the bundled path), the
# export formats' names and the shipped JSON Schemas, and the libraries behind them.
ENGINE = (
    "explorer.catalog.store",
    "explorer.catalog.validate",
    "explorer.diff",
    "explorer.graph",
    "explorer.importers",
    "explorer.policy",
    "explorer.render.export",
    "explorer.render.dot",
    "docutils",
    "graphviz",
    "hcl2",
    "jsonschema",
    "lxml",
    "networkx",
    "rich",
    "streamlit",
    "yaml",
)


def _imported(code: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    return {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


def _loaded(names: set[str], packages: tuple[str, ...]) -> list[str]:
    return sorted(n for n in names if any(n == p or n.startswith(p + ".") for p in packages))


def test_importing_the_api_loads_no_engine() -> None:
    names = _imported("import explorer.api")
    assert "explorer.app.queries" in names  # the trace was read
    assert _loaded(names, ENGINE) == []


def test_a_use_case_loads_its_engine_when_called() -> None:
    names = _imported("from explorer import api; api.closure_view(api.get_explorer(), 'ecs:servers:createImage')")
    assert "explorer.graph.views" in names
    assert _loaded(names, ("explorer.importers", "explorer.policy", "graphviz", "jsonschema")) == []


def test_every_public_name_is_a_use_case_or_a_piece_of_the_core() -> None:
    # the core, and the shipped JSON Schemas (read with importlib.resources: no engine behind them)
    core = {
        "explorer.model",
        "explorer.errors",
        "explorer.view",
        "explorer.display",
        "explorer.jsonout",
        "explorer.schemas",
    }
    for name in (n for n in dir(api) if not n.startswith("_")):
        value = getattr(api, name)
        module = getattr(value, "__module__", None)
        if callable(value) and module is not None:
            assert module.startswith("explorer.app.") or module in core, (name, module)


def test_the_public_api_answers_a_closure_as_the_cli_does() -> None:
    ex = api.get_explorer("huaweicloud")
    # every option reaches the engine in its place: depth, conditional dependencies left out, possible ones
    result = api.closure(ex, "ecs:servers:createImage", 1, True, True)
    assert result.to_dict() == ex.closure("ecs:servers:createImage", 1, True, True).to_dict()
    assert result.max_depth == 1 and result.to_dict() != api.closure(ex, "ecs:servers:createImage").to_dict()
    assert api.closure_view.__module__ == "explorer.app.exports"
