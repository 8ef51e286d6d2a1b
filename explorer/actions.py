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
def _pattern_regex(pattern: str) -> re.Pattern[str]:
    service, resource, operation = pattern.split(":", 2)
    svc = ".*" if service == "*" else re.escape(service)

    def part(text: str) -> str:
        return ".*".join(re.escape(piece) for piece in text.split("*"))

    return re.compile(rf"^{svc}:(?i:{part(resource)}):(?i:{part(operation)})$")


def matches(pattern: str, action: str) -> bool:
    """True if ``action`` is matched by ``pattern`` (a pattern or a literal action)."""
    if "*" not in pattern:
        p_service, _, p_rest = pattern.partition(":")
        a_service, _, a_rest = action.partition(":")
        return p_service == a_service and p_rest.lower() == a_rest.lower()
    return _pattern_regex(pattern).match(action) is not None


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
