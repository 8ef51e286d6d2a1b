"""Reading a positioned JSON tree as a policy document of the grammar in policy-syntax.md.

Everything that breaks the grammar is a finding (MALFORMED_POLICY, UNKNOWN_VERSION) and the reading goes on
with the closest sensible meaning (``"allow"`` is read as Allow, a bare string as a one-element list), so one
slip does not hide every other finding of the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from explorer.actions import check_action_or_pattern
from explorer.policy.document import ActionEntry, Effect, Origin, PolicyDocument, Statement
from explorer.policy.findings import Finding, Where
from explorer.policy.grammar import (
    MAX_ACTIONS,
    MAX_CONDITIONS,
    MAX_POLICY_CHARS,
    MAX_RESOURCE_CHARS,
    MAX_RESOURCES,
    MAX_STATEMENTS,
    OPERATORS,
    OPERATORS_5,
    STATEMENT_KEYS,
    TOP_KEYS,
    VERSIONS,
)
from explorer.policy.jsontree import Node

_SPACE = re.compile(r"\s+")


_ARTICLE = {"object": "an object", "array": "a list", "null": "null"}


def _a(kind: str) -> str:
    """The kind of a JSON value with its article, as a message says it."""
    return _ARTICLE.get(kind, f"a {kind}")


def _expression(node: Node) -> bool:
    """A Terraform expression left as text by jsonencode() (``${local.policy}``): its value is unknown here."""
    return node.kind == "string" and str(node.value).lstrip().startswith("${")


def normalise(text: str) -> str:
    """An action as the cloud compares it: without spaces, the service part lower-cased."""
    name = _SPACE.sub("", text)
    service, sep, rest = name.partition(":")
    return service.lower() + sep + rest


@dataclass
class Reader:
    """Reads one document; collects findings on the way."""

    file: str
    document: str
    cloud: str
    findings: list[Finding] = field(default_factory=list)
    version: str = "1.1"

    def add(
        self,
        code: str,
        message: str,
        node: Node | None,
        statement: int | None = None,
        *,
        variant: str = "",
        action: str = "",
        fix: str = "",
        pointer: str | None = None,
    ) -> None:
        where = Where(
            self.file,
            node.line if node else None,
            node.column if node else None,
            statement,
            pointer if pointer is not None else (node.pointer if node else ""),
            self.document,
        )
        self.findings.append(Finding(code, variant, message, where, action, fix))

    def unevaluated(self, node: Node, what: str, statement: int | None = None) -> bool:
        """Report a Terraform expression where ``what`` was expected (not checked); True if it was one."""
        if not _expression(node):
            return False
        message = (
            f"{what} is the Terraform expression {str(node.value)[:60]!r}: the linter cannot evaluate it, not checked"
        )
        self.add("MALFORMED_POLICY", message, node, statement, variant="unevaluated")
        return True

    def member(self, node: Node, key: str, statement: int | None) -> Node | None:
        """The value of ``key``, also when written in another case (reported with the right spelling)."""
        exact = node.get(key)
        if exact is not None:
            return exact
        for k, key_node, value in node.members:
            if k.casefold() == key.casefold():
                self.add("MALFORMED_POLICY", f"the key {k!r} must be written {key!r}", key_node, statement, fix=key)
                return value
        return None

    def unknown_keys(self, node: Node, allowed: tuple[str, ...], statement: int | None, what: str) -> None:
        folded = {a.casefold() for a in allowed}
        for k, key_node, _v in node.members:
            if k.casefold() in folded:
                continue
            hint = ""
            if k in ("NotAction", "NotResource", "Sid") and self.version != "5.0":
                hint = f"; {k} exists only in Version 5.0 identity policies"
            self.add(
                "MALFORMED_POLICY",
                f"unknown key {k!r} in {what}; expected {', '.join(allowed)}{hint}",
                key_node,
                statement,
            )
        for k, key_node in node.duplicates:
            self.add(
                "MALFORMED_POLICY",
                f"the key {k!r} appears twice in {what}; only the last one counts",
                key_node,
                statement,
                variant="duplicate_key",
            )

    # --- the document ------------------------------------------------------------------------

    def read(self, root: Node, origin: Origin, size: int, attach: str = "") -> PolicyDocument | None:
        if self.unevaluated(root, "the policy"):
            return None
        if root.kind != "object":
            hint = ' (a list of statements must be the value of "Statement")' if root.kind == "array" else ""
            self.add("MALFORMED_POLICY", f"a policy must be a JSON object with Version and Statement{hint}", root)
            return None
        version_node = self.member(root, "Version", None)
        self.version = self._version(root, version_node)
        self.unknown_keys(root, TOP_KEYS[self.version], None, "the policy")
        statements = self._statements(root)
        if size > MAX_POLICY_CHARS:
            self.add(
                "LIMIT_EXCEEDED",
                f"the policy is {size:,} characters written compactly; a policy may hold at most {MAX_POLICY_CHARS:,}",
                root,
                fix="split it into several policies",
            )
        return PolicyDocument(
            self.file, self.document, origin, self.version, tuple(statements), root.value, root.line, size, attach
        )

    def _version(self, root: Node, node: Node | None) -> str:
        if node is None:
            self.add("MALFORMED_POLICY", 'the policy has no "Version"; expected "1.1"', root, fix='"Version": "1.1"')
            return "1.1"
        value = node.value
        if not isinstance(value, str):
            self.add(
                "MALFORMED_POLICY",
                f'"Version" must be a string such as "1.1", not the {node.kind} {json.dumps(value)}',
                node,
                fix=f'"{value}"' if isinstance(value, (int, float)) else '"1.1"',
            )
            value = str(value)
        value = value.strip()
        if value == "5.0" and self.cloud == "otc":
            self.add("UNKNOWN_VERSION", 'Version "5.0" (identity policies) does not exist on otc; use "1.1"', node)
            return "5.0"
        if value not in VERSIONS:
            self.add(
                "UNKNOWN_VERSION",
                f'unknown Version {value!r}; expected "1.1" (custom policy), "1.0" (role) or "5.0" (identity policy); '
                'read as "1.1"',
                node,
                fix='"1.1"',
            )
            return "1.1"
        return value

    def _statements(self, root: Node) -> list[Statement]:
        node = self.member(root, "Statement", None)
        if node is None:
            self.add("MALFORMED_POLICY", 'the policy has no "Statement" list', root)
            return []
        items: list[Node]
        if self.unevaluated(node, '"Statement"'):
            return []
        if node.kind == "object":
            self.add(
                "MALFORMED_POLICY", '"Statement" must be a list of statements, not one object', node, fix="[ ... ]"
            )
            items = [node]
        elif node.kind == "array":
            items = node.items
        else:
            self.add("MALFORMED_POLICY", f'"Statement" must be a list of statements, not {_a(node.kind)}', node)
            return []
        if not items:
            self.add("MALFORMED_POLICY", '"Statement" is empty: the policy grants nothing', node)
        if len(items) > MAX_STATEMENTS:
            self.add(
                "LIMIT_EXCEEDED",
                f"{len(items)} statements; the SDK and older API documents allow at most {MAX_STATEMENTS} per policy",
                node,
                variant="count",
            )
        out: list[Statement] = []
        for i, item in enumerate(items):
            st = self._statement(i, item)
            if st is not None:
                out.append(st)
        return out

    def _statement(self, index: int, node: Node) -> Statement | None:
        if self.unevaluated(node, f"statement {index}", index):
            return None
        if node.kind != "object":
            self.add("MALFORMED_POLICY", f"statement {index} must be an object, not {_a(node.kind)}", node, index)
            return None
        self.unknown_keys(node, STATEMENT_KEYS[self.version], index, f"statement {index}")
        effect = self._effect(index, node)
        action = self.member(node, "Action", index)
        not_action = self.member(node, "NotAction", index) if self.version == "5.0" else None
        if action is not None and not_action is not None:
            self.add("MALFORMED_POLICY", "a statement has Action or NotAction, never both", not_action, index)
        if action is None and not_action is None:
            self.add("MALFORMED_POLICY", f"statement {index} has no Action", node, index)
        actions = self._actions(index, action, "Action") if action is not None else ()
        not_actions = self._actions(index, not_action, "NotAction") if not_action is not None else ()
        restricted = self._resource(index, node, actions) | self._condition(index, node)
        if effect is None:
            return None
        return Statement(index, effect, actions, not_actions, restricted, node.line, node.column, node.pointer)

    def _effect(self, index: int, node: Node) -> Effect | None:
        value = self.member(node, "Effect", index)
        if value is None:
            self.add("MALFORMED_POLICY", f'statement {index} has no "Effect" (Allow or Deny)', node, index)
            return None
        text = value.value if isinstance(value.value, str) else ""
        for effect in ("Allow", "Deny"):
            if text == effect:
                return effect
            if text.strip().casefold() == effect.casefold():
                self.add(
                    "MALFORMED_POLICY",
                    f"Effect {text!r} must be written exactly {effect!r}; read as {effect}",
                    value,
                    index,
                    fix=effect,
                )
                return effect
        shown = json.dumps(value.value, ensure_ascii=False)
        self.add("MALFORMED_POLICY", f"Effect {shown} is neither Allow nor Deny; statement ignored", value, index)
        return None

    def _strings(self, index: int, node: Node, key: str) -> list[Node]:
        """The string elements of a list value (a bare string is reported and read as a list of one)."""
        if self.unevaluated(node, key, index):
            return []
        if node.kind == "string":
            self.add(
                "MALFORMED_POLICY",
                f"{key} must be a list of strings, not a bare string",
                node,
                index,
                fix=json.dumps([node.value], ensure_ascii=False),
            )
            return [node]
        if node.kind != "array":
            self.add("MALFORMED_POLICY", f"{key} must be a list of strings, not {_a(node.kind)}", node, index)
            return []
        if not node.items:
            self.add("MALFORMED_POLICY", f"{key} is an empty list", node, index)
        out: list[Node] = []
        for item in node.items:
            if item.kind == "string":
                out.append(item)
            else:
                self.add("MALFORMED_POLICY", f"{key} holds {_a(item.kind)}; expected strings", item, index)
        return out

    def _actions(self, index: int, node: Node, key: Literal["Action", "NotAction"]) -> tuple[ActionEntry, ...]:
        items = self._strings(index, node, key)
        if len(items) > MAX_ACTIONS:
            self.add(
                "LIMIT_EXCEEDED",
                f"{len(items)} actions in one statement; the SDK and older API documents allow at most {MAX_ACTIONS}",
                node,
                index,
                variant="count",
            )
        out: list[ActionEntry] = []
        for item in items:
            text = str(item.value)
            if "${" in text:  # a Terraform expression inside jsonencode(): its value is not known here
                message = f"{text!r} is a Terraform expression the linter cannot evaluate: not checked"
                self.add("MALFORMED_POLICY", message, item, index, variant="unevaluated", action=text)
                continue
            name = normalise(text)
            if name == "*":
                self.add(
                    "MALFORMED_POLICY",
                    f"{text!r} is not an action; everything is written '*:*:*'",
                    item,
                    index,
                    action=text,
                    fix="*:*:*",
                )
                name = "*:*:*"
            try:
                check_action_or_pattern(name)
            except ValueError:
                self.add(
                    "MALFORMED_POLICY",
                    f"{text!r} is not an action: expected service:resourceType:operation (three parts, letters, "
                    "digits, '_', '-', '.', and '*' as a wildcard)",
                    item,
                    index,
                    action=text,
                )
                continue
            out.append(ActionEntry(text, name, key, item.line, item.column, item.pointer))
        return tuple(out)

    def _resource(self, index: int, node: Node, actions: tuple[ActionEntry, ...]) -> bool:
        restricted = False
        for key in ("Resource", "NotResource"):
            value = self.member(node, key, index) if key == "Resource" or self.version == "5.0" else None
            if value is None:
                continue
            if value.kind == "object" and key == "Resource" and self.version != "5.0":
                # Agency statements: {"uri": ["/iam/agencies/<id>"]} with the action iam:agencies:assume.
                if not all(a.name.casefold() == "iam:agencies:assume" for a in actions) or value.get("uri") is None:
                    self.add(
                        "MALFORMED_POLICY",
                        'Resource may be an object only as {"uri": [...]} in an agency statement (iam:agencies:assume)',
                        value,
                        index,
                    )
                restricted = True
                continue
            items = self._strings(index, value, key)
            if len(items) > MAX_RESOURCES:
                self.add(
                    "LIMIT_EXCEEDED",
                    f"{len(items)} resources in one statement; the SDK and older API documents allow at most "
                    f"{MAX_RESOURCES}",
                    value,
                    index,
                    variant="count",
                )
            for item in items:
                if len(str(item.value)) > MAX_RESOURCE_CHARS:
                    self.add(
                        "LIMIT_EXCEEDED",
                        f"a resource of {len(str(item.value))} characters; the SDK allows at most {MAX_RESOURCE_CHARS}",
                        item,
                        index,
                        variant="count",
                    )
            if key == "NotResource" or any(str(i.value).strip() not in ("*", "*:*:*:*:*") for i in items):
                restricted = True
        return restricted

    def _condition(self, index: int, node: Node) -> bool:
        value = self.member(node, "Condition", index)
        if value is None:
            return False
        if self.unevaluated(value, "Condition", index):
            return True
        if value.kind != "object":
            self.add(
                "MALFORMED_POLICY", f"Condition must be an object of operators, not {_a(value.kind)}", value, index
            )
            return True
        operators = OPERATORS_5 if self.version == "5.0" else OPERATORS
        count = 0
        for op, op_node, keys in value.members:
            base = op
            for prefix in ("ForAllValues:", "ForAnyValue:"):
                base = base.removeprefix(prefix)
            if_exists = base.endswith("IfExists")
            base = base.removesuffix("IfExists")
            if base not in operators:
                self.add("MALFORMED_POLICY", f"unknown condition operator {op!r}", op_node, index)
            elif base == "Null" and if_exists:
                self.add("MALFORMED_POLICY", "the Null operator takes no IfExists suffix", op_node, index, fix="Null")
            if keys.kind != "object":
                self.add("MALFORMED_POLICY", f"the operator {op!r} must map condition keys to values", keys, index)
                continue
            for key, _key_node, values in keys.members:
                count += 1
                list_only = self.version != "5.0"
                if values.kind == "array" or (values.kind in ("string", "boolean", "number") and not list_only):
                    continue
                self.add(
                    "MALFORMED_POLICY",
                    f"the values of condition key {key!r} must be a list"
                    + ("" if list_only else " or a string")
                    + f", not {_a(values.kind)}",
                    values,
                    index,
                    fix=json.dumps([values.value], ensure_ascii=False) if values.kind == "string" else "",
                )
        if count > MAX_CONDITIONS:
            self.add(
                "LIMIT_EXCEEDED",
                f"{count} conditions; the SDK and older API documents allow at most {MAX_CONDITIONS}",
                value,
                index,
                variant="count",
            )
        return True


def compact_size(value: Any) -> int:
    """Characters of a document written without spaces: what the 6,144-character limit is compared with."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
