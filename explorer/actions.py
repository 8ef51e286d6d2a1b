"""Action names and wildcard patterns, following Huawei Cloud's policy language.

An action is ``service:resource:operation``. The service part is lower-case and literal; the resource
and operation parts are matched case-insensitively, and in policies (and in some dependency cells)
they may contain ``*``, which matches any run of characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SERVICE = r"[a-z][a-z0-9_-]*"
_PART = r"[A-Za-z0-9_.*-]+"
_PART_LITERAL = r"[A-Za-z0-9_.-]+"

ACTION_RE = re.compile(rf"^{_SERVICE}:{_PART_LITERAL}:{_PART_LITERAL}$")
PATTERN_RE = re.compile(rf"^(?:{_SERVICE}|\*):{_PART}:{_PART}$")


class ActionNameError(ValueError):
    """A string that is neither an action name nor an allowed wildcard pattern."""


def is_action(name: str) -> bool:
    """True for a literal action name such as ``ecs:servers:createImage``."""
    return ACTION_RE.fullmatch(name) is not None


def is_pattern(name: str) -> bool:
    """True for a wildcard pattern such as ``ecs:*:get*`` (a literal action is not a pattern)."""
    return "*" in name and PATTERN_RE.fullmatch(name) is not None


def check_action_or_pattern(name: str) -> str:
    """Return ``name`` if it is an action or an allowed pattern, else raise ActionNameError."""
    if is_action(name) or is_pattern(name):
        return name
    raise ActionNameError(
        f"{name!r} is not an action: expected service:resource:operation with a lower-case "
        "service, letters, digits, '_', '-' or '.' in each part, and '*' only in the resource "
        "and operation parts"
    )


def service_of(name: str) -> str:
    """The service part of an action or pattern."""
    return name.split(":", 1)[0]


@lru_cache(maxsize=4096)
def _compiled(pattern: str) -> tuple[str | None, tuple[str, ...]]:
    """The pattern's literal service (None for ``*``) and the case-folded pieces between its stars."""
    service, _, rest = pattern.partition(":")
    pieces = tuple((":" + rest.lower()).split("*"))
    return (None, ("", *pieces)) if service == "*" else (service, pieces)


def glob_match(pieces: tuple[str, ...], text: str) -> bool:
    """True if ``text`` is the pieces joined by runs of any characters (``"*".join(pieces)`` as a glob).

    Linear in the text for each piece: the first piece is a prefix, the last a suffix, and each middle
    piece is taken at its leftmost place after the one before (leftmost is always safe for a glob, so
    nothing is ever retried: a regular expression's backtracking made ``a*****Z`` exponential)."""
    if len(pieces) == 1:
        return text == pieces[0]
    first, last = pieces[0], pieces[-1]
    if len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for piece in pieces[1:-1]:
        if not piece:
            continue
        found = text.find(piece, position, end)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def matches(pattern: str, action: str) -> bool:
    """True if ``action`` is matched by ``pattern`` (a pattern or a literal action)."""
    if "*" not in pattern:
        p_service, _, p_rest = pattern.partition(":")
        a_service, _, a_rest = action.partition(":")
        return p_service == a_service and p_rest.lower() == a_rest.lower()
    service, pieces = _compiled(pattern)
    if service is None:
        return glob_match(pieces, action.lower())
    a_service, colon, a_rest = action.partition(":")
    return a_service == service and bool(colon) and glob_match(pieces, ":" + a_rest.lower())


# Verbs whose grant can destroy or detach what exists. An operation part is split into camelCase /
# snake_case words; a word from this set anywhere makes the action destructive ("batchDeleteTags",
# "detachVolume", "unbindPublicIp"). A wildcard operation part is destructive when it can stand for such
# a verb: ``*``, ``*Tags``, ``de*``, ``batch*`` are; ``get*`` and ``list*`` are not.
DESTRUCTIVE_WORDS = frozenset(
    {
        "delete",
        "remove",
        "detach",
        "disassociate",
        "unbind",
        "revoke",
        "destroy",
        "terminate",
        "purge",
        "drop",
        "uninstall",
        "unregister",
        "deregister",
    }
)
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def is_broad(name: str) -> bool:
    """True for a wildcard: granting it grants every action it matches, now and in the future."""
    return "*" in name


def is_destructive(name: str) -> bool:
    """True when the operation part names a destructive verb, or is a wildcard that can (DESTRUCTIVE_WORDS)."""
    operation = name.rsplit(":", 1)[-1]
    if "*" in operation:
        prefix = operation.split("*", 1)[0].lower()
        return prefix in ("", "batch") or any(w.startswith(prefix) for w in DESTRUCTIVE_WORDS)
    return any(w.lower() in DESTRUCTIVE_WORDS for w in _WORD.findall(operation))
