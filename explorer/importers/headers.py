"""Header recognition: every column header variant of the corpus, in Chinese and English, to a role."""

from __future__ import annotations

import re
from typing import Literal

from explorer.importers.text import narrow

Role = Literal[
    "name",
    "permission",  # "Permission": the operation's name, or its action when the cells hold actions
    "api",
    "action",
    "dependencies",
    "iam_project",
    "enterprise_project",
    "scope",
    "instance",
    "tag",
    "remarks",
    "description",
    "module",
    "authorization",
]

# First match wins, so the more specific patterns come first (e.g. "IAM-based Authorization"
# before "IAM Project", "Permission (service:resource:action)" before "Permission").
_RULES: tuple[tuple[str, Role], ...] = (
    (r"实例授权", "instance"),
    (r"标签授权", "tag"),
    (r"^(authorization on the .* console|api-based authorization|iam-based authorization)$", "authorization"),
    (r"^依赖|^dependen|^dependency|^related actions?$", "dependencies"),
    (r"^企业项目|^enterprise projects?\b", "enterprise_project"),
    (r"^iam ?(项目|projects?\b|\(project\))", "iam_project"),
    (r"授权项作用域|授权范围|^authorization scope$|^scope$", "scope"),
    (r"^授权项(\(action\))?$|^actions?$|^action name$|^fine-grained actions?$", "action"),
    (r"^permission( set)? \(service:resource:action\)", "action"),
    (r"^permissions?$|^permission name$|^system-defined permission$", "permission"),
    (r"^权限$|^权限描述$|^权限说明$|资源操作$|^operations?$|^permission/operation$", "name"),
    (r"^对应的?api(接口)?$|^方法$|^apis?$|^api接口$", "api"),
    (
        r"^api功能$|^api function$|^function$|^description$|^scenario$|^applicable scenario$|^说明$|^描述$",
        "description",
    ),
    (r"^备注$|^remarks?$", "remarks"),
    (r"^module$|^模块$", "module"),
)
_COMPILED = tuple((re.compile(p), role) for p, role in _RULES)


def header_key(text: str) -> str:
    """A header as compared: lower-case, ASCII punctuation, no emphasis, no space before brackets."""
    key = narrow(text.replace("*", "")).lower()
    return re.sub(r"\s*([()])\s*", r"\1", key).replace(")(", ") (").strip()


def role_of(text: str) -> Role | None:
    """The role of one header cell, or None when the header is not one the importer knows."""
    key = header_key(text)
    spaced = re.sub(r"(\S)\(", r"\1 (", key)  # "iam项目(project)" and "iam项目 (project)" alike
    for pattern, role in _COMPILED:
        if pattern.search(key) or pattern.search(spaced):
            return role
    return None
