"""Terraform expressions the linter can read without evaluating them: lists of literal actions combined by
``concat()`` and conditionals (``concat(cond ? ["a"] : [], ["b"])``), as real roles build their ``action``.

The union of the literal lists is what the expression may grant at most (each conditional list may or may not
be included), so linting it checks every action the role can hold. Strings that are not list items (the
arguments of ``contains(var.permissions, "read")``) are conditions, not actions, and any call other than
the list functions below makes the expression unreadable here (``formatlist()`` builds actions from data).
"""

from __future__ import annotations

import re

LIST_FUNCTIONS = frozenset({"concat", "contains", "distinct", "compact", "flatten", "tolist", "toset", "length"})
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(")
_LIST = re.compile(r"\[([^\[\]]*)\]")
_ITEM = re.compile(r'^\s*"([^"\\$]*)"\s*$')
_REFERENCE = re.compile(r"\b(?:var|local|module|data|each)\.[A-Za-z0-9_.\-\[\]\"]+")


def _without_contains(body: str) -> str:
    """``body`` with every ``contains(...)`` call blanked: its list is what a condition tests, not a grant."""
    out = []
    i = 0
    for m in re.finditer(r"\bcontains\s*\(", body):
        if m.start() < i:
            continue
        depth, j = 1, m.end()
        while j < len(body) and depth:
            depth += {"(": 1, ")": -1}.get(body[j], 0)
            j += 1
        out.append(body[i : m.start()])
        i = j
    out.append(body[i:])
    return " ".join(out)


def _operands(body: str) -> list[str]:
    """The references that ``concat()`` adds as lists (``var.extra``), not tested by a conditional."""
    blanked = _LIST.sub("[]", body)
    out = []
    for segment in re.split(r"[,()]", blanked):
        if "?" not in segment and ":" not in segment:
            out.extend(_REFERENCE.findall(segment))
    return out


def literal_union(expr: str) -> tuple[list[str], bool, list[str]] | None:
    """The actions of the literal lists of ``expr`` (``${...}`` as python-hcl2 gives it), without repeats in
    order, whether some of them are conditional, and the references it adds that are not checked; None when
    the expression is not made of literal lists."""
    text = expr.strip()
    if not (text.startswith("${") and text.endswith("}")):
        return None
    body = text[2:-1]
    if not set(_CALL.findall(body)) <= LIST_FUNCTIONS:
        return None
    body = _without_contains(body)
    actions: list[str] = []
    for inner in _LIST.findall(body):
        items = [i for i in inner.split(",") if i.strip()]
        for item in items:
            m = _ITEM.match(item)
            if m is None:
                return None
            actions.append(m.group(1))
    if not actions:
        return None
    return list(dict.fromkeys(actions)), "?" in body, _operands(body)
