"""explorer.api re-exports the engine lazily; every public name still resolves to the engine's object."""

from __future__ import annotations

import importlib

import pytest

from explorer import api


def test_every_public_name_resolves_to_the_engine_object() -> None:
    assert set(api._LAZY) <= set(api.__all__) and len(set(api.__all__)) == len(api.__all__)
    for name in api.__all__:
        value = getattr(api, name)
        if name in api._LAZY:
            module, attribute = api._LAZY[name]
            assert value is getattr(importlib.import_module(module), attribute), name


def test_from_import_and_dir_see_the_lazy_names() -> None:
    from explorer.api import Explorer, closure_view, render_view

    assert Explorer.__module__ == "explorer.graph.explorer"
    assert closure_view.__module__ == "explorer.graph.views"
    assert render_view.__name__ == "render"
    assert {"Explorer", "to_mermaid", "import_corpus"} <= set(dir(api))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        api.no_such_thing  # noqa: B018


def test_the_type_checking_imports_match_the_lazy_table() -> None:
    """mypy and import-linter read the TYPE_CHECKING imports; __getattr__ reads _LAZY: they must agree."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(api.__file__).read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    seen = {
        alias.asname or alias.name: (node.module, alias.name)
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert seen == api._LAZY
