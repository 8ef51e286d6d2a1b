"""The policy grammar of policy-syntax.md as data: versions, keys, condition operators and limits.

Where the sources disagree on a limit the older, stricter count is kept here and reported as a warning
(``LIMIT_EXCEEDED`` variant ``count``); the character limit is Huawei's current quota.
"""

from __future__ import annotations

VERSIONS = ("1.0", "1.1", "5.0")
TOP_KEYS = {
    "1.0": ("Version", "Statement", "Depends"),
    "1.1": ("Version", "Statement", "Depends"),
    "5.0": ("Version", "Statement"),
}
STATEMENT_KEYS = {
    "1.0": ("Effect", "Action", "Resource", "Condition"),
    "1.1": ("Effect", "Action", "Resource", "Condition"),
    "5.0": ("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition"),
}
OPERATORS = frozenset(
    {
        "StringEquals",
        "StringNotEquals",
        "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "StringMatch",
        "StringNotMatch",
        "StringStartWith",
        "StringEndWith",
        "NumberEquals",
        "NumberNotEquals",
        "NumberLessThan",
        "NumberLessThanEquals",
        "NumberGreaterThan",
        "NumberGreaterThanEquals",
        "DateLessThan",
        "DateLessThanEquals",
        "DateGreaterThan",
        "DateGreaterThanEquals",
        "Bool",
        "Null",
    }
)
OPERATORS_5 = OPERATORS | {"StringLike", "StringNotLike"}
MAX_STATEMENTS = 8
MAX_ACTIONS = 100
MAX_CONDITIONS = 10
MAX_RESOURCES = 10
MAX_RESOURCE_CHARS = 128
MAX_POLICY_CHARS = 6144
