"""Property tests: any label text survives DOT and Mermaid quoting exactly, and never leaves its string."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from explorer.display import visible_stream
from explorer.render.dot import quote, to_dot
from explorer.render.mermaid import text, to_mermaid
from explorer.view import View, ViewEdge, ViewNode

labels = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def expected(raw: str) -> str:
    """What a reader should see: line ends unified; other control characters (not printable) and tabs as
    spaces; bidi, zero-width and other invisible characters as visible marks ``[U+XXXX]``."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    return visible_stream(re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", raw).replace("\t", " "))


def undo_dot(quoted: str) -> str:
    assert quoted.startswith('"') and quoted.endswith('"')
    body = quoted[1:-1]
    # an unescaped quote would end the string early
    assert re.fullmatch(r'(?:[^"\\]|\\["\\n])*', body), body
    out = re.sub(r'\\(["\\n])', lambda m: "\n" if m.group(1) == "n" else m.group(1), body)
    return out.replace("&amp;", "&")


def undo_mermaid(escaped: str) -> str:
    assert re.fullmatch(r'(?:[^"<>&#%`\\\n]|#\d+;|<br>)*', escaped), escaped
    return re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), escaped.replace("<br>", "\n"))


@given(labels)
def test_dot_quote_round_trips(raw: str) -> None:
    assert undo_dot(quote(raw)) == expected(raw)


@given(labels)
def test_mermaid_text_round_trips(raw: str) -> None:
    assert undo_mermaid(text(raw)) == visible_stream(raw.replace("\t", " ")).replace("\r\n", "\n").replace("\r", "\n")


@given(labels, labels)
def test_one_node_and_one_edge_whatever_the_labels(label: str, condition: str) -> None:
    view = View(
        title=label,
        cloud="huaweicloud",
        source=condition,
        targets=("a:b:c",),
        nodes=(ViewNode("a:b:c", "action", label, "a", 0, detail=condition), ViewNode("a:b:d", "action", "d", "a", 1)),
        edges=(ViewEdge("a:b:c", "a:b:d", "depends", conditions=(condition,)),),
        notes=(label,),
    )
    dot_skeleton = re.sub(r'"(?:[^"\\]|\\.)*"', '""', to_dot(view, legend=False))
    assert len(re.findall(r"^    n[0-9a-f]{12} \[", dot_skeleton, re.M)) == 2
    assert len(re.findall(r" -> ", dot_skeleton)) == 1
    mmd_body = to_mermaid(view, legend=False).split("\n---\n", 1)[1]
    skeleton = re.sub(r'"[^"]*"', '""', mmd_body)
    assert len(re.findall(r"^    n[0-9a-f]{12}\[", skeleton, re.M)) == 2
    assert len(re.findall(r"-\.->", skeleton)) == 1
