"""Header recognition: a column header, in Chinese or English, to the role of its column.

Headers are classified by the words they contain, not matched against a list of exact strings, so
the variants of pages not seen yet are read too: a header split over two lines or glossed in
brackets (``Enterprise (Enterprise Project)``, ``IAM项目\\n(Project)``), emphasis, plural and
singular, word order (``Action Name``, ``Fine-grained Action``, ``Dependent Permission/Action``).
Columns that list system-defined roles or policies (``ECS Administrator``, ``FullAccess``,
``ReadOnlyAccess``, ``Tenant Guest``) are recognised as such. A header none of the rules reads is
unknown (None); the pipeline ignores that column, and reports it with the values it held.
"""

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
    "system_role",  # a system-defined role or policy: its cells say whether the role includes the row
    "index",  # a row number (No., 序号): nothing to keep
]

_ROLE_WORDS = (
    r"full ?access|read ?only ?access|read-only ?access|readonly|operate ?access|common ?operations|"
    r"administrator|admin|viewer|operator|tenant guest|guest|developer|auditor|管理员|只读|访客"
)
# Each rule is a pattern searched in the header key (lower-case, ASCII punctuation, spaced brackets).
# First match wins, so the more specific rules come first.
_RULES: tuple[tuple[str, Role], ...] = (
    (r"实例授权|实例级|\b(resource[- ])?instance(-level)?\b.*\bauthori[sz]", "instance"),
    (r"标签授权|\btag(-based| based)?\b.*\bauthori[sz]", "tag"),
    (r"^(authorization on the .* console|(api|iam|console|policy)[- ]based authori[sz]ation)$", "authorization"),
    (rf"^(?:[\w()/.-]+ ){{0,3}}({_ROLE_WORDS})( \(.*\))?$", "system_role"),
    (
        r"依赖|\bdependen|\b(related|associated) (actions?|permissions?)\b|\bprerequisite (actions?|permissions?)\b"
        r"|^prerequisites?$|^前提条件$|^前置条件$|^(additional|extra|other) (actions?|permissions?)$",
        "dependencies",
    ),
    (r"企业项目|\benterprise\b|\beps\b", "enterprise_project"),
    (
        r"^(supported by |支持)?(iam )?(项目|projects?)( \(projects?\))?$|iam ?项目|^iam ?\(projects?\)$"
        r"|\biam projects?\b|^\((iam )?projects?\)$",  # "(Project)": the second line of a split header
        "iam_project",
    ),
    (r"授权项?作用域|授权范围|作用范围|\bscope\b", "scope"),
    (r"^(no\.?|#|序号|编号|index|seq(uence)?( no\.?)?)$", "index"),
    (r"\(service:resource:action\)|\bfine[- ]grained (actions?|permissions?)\b", "action"),
    (
        r"^(iam )?(授权项|授权动作|actions?)( \(actions?\))?$|^(iam )?actions? (names?|ids?|list)$|^授权项名称$"
        r"|^(policy )?actions?$|^授权项 \(action\)$",
        "action",
    ),
    (r"^(所需|需要的?|必需的?)授权项$|^(required|necessary) actions?$|^actions? required$", "action"),
    (r"^permissions?$|^permission names?$|^system-defined permissions?$|^权限项$", "permission"),
    (r"^(required|necessary) permissions?$|^permissions? required$|^所需权限$", "permission"),
    (r"\bapi (functions?|descriptions?)\b|^api功能$|功能描述|功能说明|^api (names?)$|^api名称$", "description"),
    (r"^(authori[sz]ation|(api|iam|console)[- ]based)\b", "authorization"),
    (
        r"^对应的?api(接口)?$|^(请求)?方法$|^apis?$|^api接口$|^(api|request) (urls?|uris?|paths?|methods?)$|^urls?$"
        r"|^uris?$|^(http )?methods?$|^(http )?methods? (and|&|/) ?(urls?|uris?|paths?)$|^接口$|^调用的?api$"
        r"|^(请求)?(路径|url|uri)$",
        "api",
    ),
    (r"^权限$|^权限(描述|说明|名称)$|资源操作$|^操作(名称)?$|^operations?( names?)?$|^permission/operation$", "name"),
    (r"^(operation|permission)s?/(permission|operation)s?$|^(console )?functions? names?$", "name"),
    (
        r"^functions?$|^descriptions?$|^scenarios?$|^(applicable|usage) scenarios?$|^说明$|^描述$|^功能$|^场景$"
        r"|^(application|使用|适用)场景$|^purpose$|^details?$",
        "description",
    ),
    (r"^备注$|^remarks?$|^notes?$|^comments?$|^注意事项$|^说明与限制$", "remarks"),
    (
        r"^modules?$|^模块$|^categor(y|ies)$|^分类$|^类别$|^resource types?$|^资源类型$"
        r"|^(服务|service) ?(模块|modules?)$|^资源$|^resources?$|^条件键$|^condition keys?$",
        "module",
    ),
)
_COMPILED = tuple((re.compile(p), role) for p, role in _RULES)


def header_key(text: str) -> str:
    """A header as compared: lower-case, ASCII punctuation, no emphasis, one space, spaced brackets."""
    key = narrow(text.replace("*", "").replace("`", "")).lower()
    key = re.sub(r"\s*\(\s*", " (", key)
    key = re.sub(r"\s*\)", ")", key)
    return re.sub(r"\s+", " ", key).strip()


# Stray API-path text glued after a header word (``权限backups/{backup_id}/restore``, CBR): a run of
# path characters holding a '/' or a brace, at the end of the header.
_GLUED_PATH = re.compile(r"\s*[a-z0-9_.{}?=&/-]*[/{][a-z0-9_.{}?=&/-]*$")


def _rule_role(key: str) -> Role | None:
    for pattern, role in _COMPILED:
        if pattern.search(key):
            return role
    return None


def role_of(text: str) -> Role | None:
    """The role of one header cell, or None when no rule reads it.

    A header no rule reads is read once more without an API path glued to its end, since a page
    may carry a path fragment in its header cell by a copy error.
    """
    key = header_key(text)
    if not key:
        return None
    role = _rule_role(key)
    if role is None:
        stripped = _GLUED_PATH.sub("", key)
        if stripped and stripped != key:
            role = _rule_role(stripped)
    return role
