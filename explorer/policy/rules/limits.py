"""The cloud's size and count limits of a policy (the reader checks them while reading, in explorer.policy.sources
and structure)."""

from __future__ import annotations

from explorer.policy.codes import Code
from explorer.policy.rule import Rule

RULE = Rule(
    "limits",
    110,
    (
        Code(
            "LIMIT_EXCEEDED",
            "error",
            "Limit exceeded",
            "A limit is exceeded: 6,144 characters per policy, or a file too large to read; the older count limits "
            "(8 statements, 100 actions per statement, 10 conditions, 10 resources of 128 characters) are warnings.",
            {"count": "warning"},
        ),
    ),
)
