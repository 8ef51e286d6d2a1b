from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "render"


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file; RENDER_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("RENDER_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text


@pytest.fixture(autouse=True, scope="session")
def _need_dot() -> None:
    if shutil.which("dot") is None:
        pytest.fail("Graphviz `dot` is not installed (apt-get install graphviz); the renderer tests need it")
