"""Paste an error: read the action(s) an access-denied message names, and say what is needed.

Huawei Cloud and Open Telekom Cloud APIs and consoles refuse a call with messages such as
``Policy doesn't allow ecs:servers:createImage to be performed.`` (IAM and most services, error codes
like ``IAM.0003``, ``Ecs.0319``, ``APIGW.0302``), ``Policy doesn't allow '{0}' to be performed.``
(Organizations), ``user access denied...,correct permission code is billing:order:view`` (CBC) or a
JSON body holding one of them. The actions are the ``service:resource:operation`` tokens of the text
(in lists separated by commas, spaces or semicolons, quoted or bracketed); the error code is read
when the body gives one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from explorer.errors import QueryError

if TYPE_CHECKING:
    from explorer.graph import Explorer

# service:resource:operation, the operation may end in a wildcard; services are lower case
_ACTION = re.compile(r"(?<![A-Za-z0-9_:/-])([a-z][a-z0-9-]*:[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+)(?![A-Za-z0-9_:/-])")
# IAM.0003, Ecs.0319, APIGW.0302, CBC.0151, Organizations.1007, PAP5.0001
_CODE = re.compile(r"\b([A-Za-z][A-Za-z0-9]*\.\d{3,4})\b")
_DENIED = re.compile(
    r"doesn't allow|does not allow|not authorized|not allowed|access denied|permission code|forbidden|"
    r"no permission|insufficient permission|没有操作权限|无权限|权限不足",
    re.IGNORECASE,
)
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class Explained:
    """What an error text says is missing, and what the catalog says is needed with it."""

    cloud: str
    text: str
    code: str  # the error code the body gives, or ""
    denied: bool  # the text reads as an access-denied message
    actions: tuple[str, ...]  # the actions the text names, in order, once each
    known: tuple[str, ...]  # those the catalog defines (its spelling)
    unknown: tuple[tuple[str, tuple[str, ...]], ...]  # (action, close matches) the catalog does not define
    requirements: tuple[str, ...]  # what the known actions need besides themselves (the default answer)

    @property
    def snippet(self) -> dict[str, Any]:
        """The missing part as a policy: an Allow of the actions the message names."""
        actions = list(self.known) + [a for a, _ in self.unknown]
        return {"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]}

    @property
    def complete(self) -> dict[str, Any]:
        """What the whole operation needs: the named actions and their requirements."""
        actions = sorted({*self.known, *self.requirements})
        return {"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]}

    def to_dict(self) -> dict[str, Any]:
        return {
            "cloud": self.cloud,
            "code": self.code,
            "denied": self.denied,
            "actions": list(self.actions),
            "known": list(self.known),
            "unknown": [{"action": a, "suggestions": list(s)} for a, s in self.unknown],
            "requirements": list(self.requirements),
            "snippet": self.snippet,
            "complete": self.complete,
        }


def _texts(text: str) -> list[str]:
    """The text, and the strings of a JSON body pasted whole (its message fields hold the actions)."""
    found = [text]
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, a number over 4,300 digits, nesting past the stack
        return found
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            found.append(item)
    return found


def extract(text: str) -> tuple[str, tuple[str, ...]]:
    """The error code (or "") and the actions an error text names, in order of appearance, once each."""
    text = text[:MAX_TEXT]
    actions: list[str] = []
    code = ""
    for part in _texts(text):
        for found in _ACTION.findall(part):
            if found not in actions:
                actions.append(found)
        if not code:
            hit = _CODE.search(part)
            code = hit.group(1) if hit else ""
    return code, tuple(actions)


def looks_like_error(text: str) -> bool:
    """True for text that reads as an access-denied message naming at least one action."""
    return bool(_DENIED.search(text[:MAX_TEXT])) and bool(extract(text)[1])


def explain(ex: Explorer, text: str) -> Explained:
    """Read an error text against ``ex``'s catalog (QueryError when it names no action)."""
    code, actions = extract(text)
    if not actions:
        raise QueryError(
            "the text names no action (service:resource:operation), e.g. "
            '"Policy doesn\'t allow ecs:servers:createImage to be performed."'
        )
    known: list[str] = []
    unknown: list[tuple[str, tuple[str, ...]]] = []
    for action in actions:
        try:
            target = ex.resolve(action)
        except QueryError as exc:
            unknown.append((action, tuple(exc.suggestions)))
            continue
        spelled = target.actions[0] if target.kind == "action" and target.actions else action
        if spelled not in known:
            known.append(spelled)
    requirements: tuple[str, ...] = ()
    if known:
        result = ex.closure(known)
        requirements = tuple(sorted(set(result.actions()) - set(known)))
    return Explained(
        ex.cloud,
        text[:MAX_TEXT],
        code,
        bool(_DENIED.search(text[:MAX_TEXT])),
        actions,
        tuple(known),
        tuple(unknown),
        requirements,
    )


def lines(answer: Explained) -> list[str]:
    """The answer as the CLI prints it and the UI shows it."""
    from explorer.jsonout import dumps

    n = len(answer.actions)
    code = f" (error code {answer.code})" if answer.code else ""
    out = [f"The message names {n} {'action' if n == 1 else 'actions'}{code}: {', '.join(answer.actions)}."]
    for action, close in answer.unknown:
        hint = f"; did you mean {', '.join(close[:3])}?" if close else ""
        out.append(f"Not in the {answer.cloud} catalog: {action}{hint}")
    out.append("Missing: allow it, for example with this policy:")
    out.extend(dumps(answer.snippet).rstrip("\n").splitlines())
    if answer.requirements:
        k = len(answer.requirements)
        shown = ", ".join(answer.requirements[:8]) + (f" and {k - 8} more" if k > 8 else "")
        out.append(f"The whole operation also needs {k} {'action' if k == 1 else 'actions'}: {shown}")
        out.append(f"(permission-explorer closure {' '.join(answer.known)} --cloud {answer.cloud} shows why)")
    elif answer.known:
        out.append("The catalog documents nothing else it needs.")
    return out
