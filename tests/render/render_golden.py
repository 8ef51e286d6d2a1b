"""Golden files of the renderer tests (a helper module: conftest.py names clash between test folders)."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "render"


def check_golden(name: str, text: str) -> None:
    """Compare with the golden file; RENDER_UPDATE_GOLDEN=1 rewrites it (review the diff)."""
    path = GOLDEN / name
    if os.environ.get("RENDER_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.read_text(encoding="utf-8") == text
