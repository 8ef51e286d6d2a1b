"""The UI face: garbage and oversized links, hostile uploads and spoofed names give messages, never tracebacks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hardening_support import SEED
from streamlit.testing.v1 import AppTest

from explorer.ui import uploads

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "explorer" / "ui" / "app.py"
FIXTURE_CATALOG = REPO / "tests" / "fixtures" / "ui_catalog"


@pytest.fixture(autouse=True)
def _fixture_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PERMISSION_EXPLORER_CATALOG", str(FIXTURE_CATALOG))
    yield


@pytest.mark.parametrize(
    "action", ["ecs:servers:createImage" * 2700, "x" * 60_000, "\u202e" * 500, "%00", "*:*:*", "op:" + "a" * 5000]
)
def test_a_garbage_or_oversized_link_gives_a_message(action: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["action"] = action
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    # a wildcard that matches everything is understood, not an error: the page says how (a caption)
    shown = [str(e.value) for kind in ("warning", "error", "info", "caption") for e in at.get(kind)]
    assert shown, "the page said nothing about the link"
    assert all("\u202e" not in text for text in shown)


def test_an_uploaded_catalog_with_a_huge_integer_is_a_message() -> None:
    data = SEED.replace(b"table: 1\n", b"table: " + b"9" * 5000 + b"\n", 1)
    with pytest.raises(uploads.CatalogError, match=r"ecs\.yaml: line .*: integer of 5000 digits"):
        uploads.catalog_from_yaml([uploads.Upload("ecs.yaml", data)])


def test_an_uploaded_span_bomb_is_a_message() -> None:
    bomb = b"<table><tr><th>Action</th></tr>" + b'<tr><td rowspan="1000" colspan="1000">a</td></tr>' * 400 + b"</table>"
    with pytest.raises(uploads.CatalogError, match="more than 64 columns"):
        uploads.catalog_from_documents([uploads.Upload("bomb.md", bomb)], cloud="huaweicloud", edition="huaweicloud-zh")
