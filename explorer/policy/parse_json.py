"""A JSON policy file (or a JSON string found in a Terraform file) read into a PolicyDocument."""

from __future__ import annotations

from explorer.policy.document import Origin, PolicyDocument
from explorer.policy.findings import Finding, Where
from explorer.policy.jsontree import JsonSyntaxError, Node, parse
from explorer.policy.structure import Reader, compact_size


def shift(node: Node, lines: int, columns: int = 0) -> None:
    """Move a tree parsed from an embedded string down to where the string sits in its file."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        n.line += lines
        n.column += columns
        stack.extend(n.items)
        stack.extend(key_node for _k, key_node, _v in n.members)
        stack.extend(value for _k, _kn, value in n.members)
        stack.extend(key_node for _k, key_node in n.duplicates)


def read_tree(
    root: Node, file: str, cloud: str, *, document: str = "", origin: Origin = "json", attach: str = ""
) -> tuple[PolicyDocument | None, list[Finding]]:
    reader = Reader(file, document, cloud)
    doc = reader.read(root, origin, compact_size(root.value), attach)
    return doc, reader.findings


def read_json(
    text: str,
    file: str,
    cloud: str,
    *,
    document: str = "",
    origin: Origin = "json",
    line_offset: int = 0,
    column_offset: int = 0,
    attach: str = "",
) -> tuple[PolicyDocument | None, list[Finding]]:
    """Parse ``text`` as one policy document; invalid JSON is one MALFORMED_JSON finding with line and column."""
    try:
        root = parse(text)
    except JsonSyntaxError as exc:
        where = Where(file, exc.line + line_offset, exc.column + column_offset, None, "", document)
        message = f"invalid JSON: {exc.reason}"
        return None, [Finding("MALFORMED_JSON", "", message, where)]
    if line_offset or column_offset:
        shift(root, line_offset, column_offset)
    return read_tree(root, file, cloud, document=document, origin=origin, attach=attach)


def wrapped(root: Node) -> list[tuple[str, Node]]:
    """Policies inside an IAM API answer or export (``{"role": {"policy": {...}}}``, ``{"roles": [...]}``,
    ``{"policy_document": ...}``): (name, document node) each; empty for a plain policy document."""
    if root.kind != "object" or any(k.casefold() in ("version", "statement") for k, _kn, _v in root.members):
        return []
    found: list[tuple[str, Node]] = []

    def policy_of(node: Node, name: str) -> None:
        for key in ("policy", "policy_document", "document"):
            inner = node.get(key)
            if inner is not None and inner.kind == "object":
                found.append((f"{name}{key}", inner))
                return

    policy_of(root, "")
    for key in ("role", "policy"):
        inner = root.get(key)
        if inner is not None and inner.kind == "object" and inner.get("Statement") is None:
            policy_of(inner, f"{key}.")
    for key in ("roles", "policies"):
        items = root.get(key)
        if items is not None and items.kind == "array":
            for i, item in enumerate(items.items):
                if item.kind == "object":
                    label = item.get("display_name") or item.get("name")
                    policy_of(
                        item, f"{key}[{i}]" + (f" {label.value}" if label and label.kind == "string" else "") + "."
                    )
    return found
