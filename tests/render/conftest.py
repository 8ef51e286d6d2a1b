from __future__ import annotations

import shutil

import pytest


@pytest.fixture(autouse=True, scope="session")
def _need_dot() -> None:
    if shutil.which("dot") is None:
        pytest.fail("Graphviz `dot` is not installed (apt-get install graphviz); the renderer tests need it")
