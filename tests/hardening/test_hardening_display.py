"""Bidi and zero-width characters are shown as marks wherever a name is displayed; the data keeps them."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from click.testing import CliRunner
from hardening_support import SEED

from explorer import api
from explorer.cli import cli
from explorer.display import has_invisible, visible
from explorer.render.dot import to_dot
from explorer.render.mermaid import to_mermaid
from explorer.ui import tables

SPOOF = "gpj\u202e.exe"  # reads as "gpj" + "exe." reversed: "exe.jpg"


def test_every_format_character_and_control_is_marked_and_nothing_else() -> None:
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        category = unicodedata.category(ch)
        if category in ("Cf", "Cc", "Zl", "Zp"):
            assert has_invisible(ch), hex(code)
        elif category.startswith(("L", "N", "P", "S")) and code not in (0x115F, 0x1160, 0x3164, 0xFFA0):
            # letters, digits, punctuation and symbols pass (Egyptian format controls U+13439-1343F are
            # Cf in a newer Unicode than this Python's, so they are marked too)
            assert not has_invisible(ch) or 0x13430 <= code <= 0x1343F, hex(code)
    assert visible(SPOOF) == "gpj[U+202E].exe"
    assert visible("ecs:servers:\u200bget") == "ecs:servers:[U+200B]get"
    assert visible("创建云服务器 ecs:servers:create") == "创建云服务器 ecs:servers:create"


def _spoofed_catalog(tmp: Path) -> Path:
    root = tmp / "cat"
    (root / "otc").mkdir(parents=True)
    text = SEED.decode("utf-8").replace("name:\n    en: ", f"name:\n    en: {SPOOF} ", 1)
    assert SPOOF in text
    (root / "otc" / "ecs.yaml").write_text(text, encoding="utf-8")
    return root


def test_diagrams_cli_and_ui_tables_mark_the_spoof_and_json_keeps_the_data(tmp_path: Path) -> None:
    root = _spoofed_catalog(tmp_path)
    ex = api.get_explorer("otc", root)
    hit = ex.search("gpj")[0]
    assert SPOOF in hit.text  # the data keeps the name as written
    assert hit.kind == "operation"
    api_path = hit.label  # the operation's first API: a closure of it starts at the spoofed operation
    view = api.closure_view(ex, (api_path,))
    for rendered in (to_dot(view), to_mermaid(view)):
        assert "\u202e" not in rendered
    assert "gpj[U+202E].exe" in to_dot(view)
    assert "[U+202E]" in to_mermaid(view).replace("#91;", "[").replace("#93;", "]").replace("#43;", "+")
    result = CliRunner().invoke(cli, ["search", "gpj", "--cloud", "otc", "--catalog", str(root)])
    assert result.exit_code == 0 and "\u202e" not in result.output and "gpj[U+202E].exe" in result.output
    as_json = CliRunner().invoke(cli, ["search", "gpj", "--cloud", "otc", "--catalog", str(root), "--json"])
    assert SPOOF in as_json.output  # JSON is data: the character is kept, escaped or not
    rows = tables.closure_rows(ex.closure((api_path,)))
    assert all("\u202e" not in str(v) for row in rows for v in row.values())
