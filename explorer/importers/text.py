"""Text clean-up shared by the format parsers: inline markup, full-width punctuation, spacing."""

from __future__ import annotations

import html
import re
from functools import lru_cache

# Full-width punctuation the Chinese tables use around actions, conditions and headers. Names and
# notes keep the original text; only the parsing of actions, APIs, marks and headers narrows it.
_WIDE = str.maketrans(
    {
        "（": "(",
        "）": ")",
        "：": ":",
        "，": ",",
        "；": ";",
        "、": ",",
        "　": " ",
        "“": '"',
        "”": '"',
        "／": "/",
        "｛": "{",
        "｝": "}",
        "？": "?",
        "＝": "=",
        "＆": "&",
    }
)
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": "", "\ufeff": "", "\ufe0f": ""})
_SPACE = re.compile(r"\s+")

# Every pattern below is linear in its input: no run can be scanned again from each of its
# positions (the target of a role stops at the next backtick, a tag at the next '<').
_RST_ROLE = re.compile(r":[a-z]+:`([^`<]*)(?:<[^>`]*>)?`")
_RST_LITERAL = re.compile(r"``(.*?)``")
_RST_STRONG = re.compile(r"\*\*(.+?)\*\*")
_RST_EMPHASIS = re.compile(r"(?<![\w*\\:])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*:])")
_RST_ESCAPED_STAR = "\x00"
_MD_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


# The same few thousand cell texts are squashed and narrowed again and again (every header
# recognition, placeholder and action check): caching the answers saves most of their cost.
@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Every run of whitespace (no-break spaces included) to one space, trimmed."""
    return _SPACE.sub(" ", text.translate(_INVISIBLE)).strip()


@lru_cache(maxsize=1 << 16)
def narrow(text: str) -> str:
    """Full-width punctuation to its ASCII form (（）：，、 -> ( ) : , ,), whitespace squashed."""
    return _SPACE.sub(" ", text.translate(_WIDE).translate(_INVISIBLE)).strip()


def rst_inline(text: str) -> str:
    """Plain text of one line of RST inline markup: roles, literals, emphasis, escapes."""
    if "\\" in text:
        text = text.replace("\\*", _RST_ESCAPED_STAR).replace("\\", "")
    text = _RST_ROLE.sub(lambda m: m.group(1).rstrip(), text)
    # a literal is verbatim: its stars are wildcards (``dws:*:list*``), never emphasis
    text = _RST_LITERAL.sub(lambda m: m.group(1).replace("*", _RST_ESCAPED_STAR), text)
    text = _RST_STRONG.sub(lambda m: m.group(1), text)
    text = _RST_EMPHASIS.sub(lambda m: m.group(1), text)
    return text.replace(_RST_ESCAPED_STAR, "*")


def md_inline(text: str) -> list[str]:
    """Values of one Markdown pipe-table cell: ``<br>`` separates values; inline markup removed."""
    values = []
    for part in _HTML_BREAK.split(text.replace("\\|", "|")):
        part = _HTML_TAG.sub(" ", part)
        part = _MD_STRONG.sub(lambda m: m.group(2), part)
        part = _MD_CODE.sub(lambda m: m.group(1), part)
        part = html.unescape(part.replace("\\*", "*").replace("\\_", "_"))
        part = squash(part)
        if part:
            values.append(part)
    return values
