"""Terraform files: the policies of ``huaweicloud_identity_role`` (heredoc, JSON string or ``jsonencode``),
``huaweicloud_identityv5_policy`` and ``opentelekomcloud_identity_role_v3`` (``statement`` blocks), read with
python-hcl2, and where ``huaweicloud_identity_group_role_assignment`` grants each role.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import hcl2

from explorer import fileio
from explorer.policy.document import PolicyDocument
from explorer.policy.findings import Finding, Where
from explorer.policy.jsontree import MAX_NUMBER_CHARS, JsonSyntaxError, Node, from_plain, plain
from explorer.policy.parse_json import read_json, read_tree
from explorer.policy.tf_expressions import literal_union

_OPTIONS = hcl2.SerializationOptions(
    with_comments=False, explicit_blocks=False, preserve_heredocs=True, strip_string_quotes=True
)
# attribute holding the policy JSON, per resource type
POLICY_ATTRIBUTES = {"huaweicloud_identity_role": "policy", "huaweicloud_identityv5_policy": "policy_document"}
OTC_ROLE = "opentelekomcloud_identity_role_v3"
ASSIGNMENT = "huaweicloud_identity_group_role_assignment"
_REF = re.compile(r"\$\{\s*(huaweicloud_identity_role)\.([A-Za-z0-9_-]+)\.id\s*\}")
_FILE_CALL = re.compile(r'^\$\{\s*file\(\s*"([^"]+)"\s*\)\s*\}$')
_HEREDOC = re.compile(r"^<<(-?)\s*(\w+)\n(.*)\n[ \t]*\2\s*$", re.S)


def heredoc_body(value: str) -> tuple[str, int] | None:
    """The text of a heredoc as Terraform reads it, and the indentation ``<<-`` removed from each line."""
    m = _HEREDOC.match(value)
    if m is None:
        return None
    body = m.group(3)
    if not m.group(1):
        return body, 0
    lines = body.split("\n")
    indent = min((len(ln) - len(ln.lstrip(" \t")) for ln in lines if ln.strip()), default=0)
    return "\n".join(ln[indent:] for ln in lines), indent


def _error_position(exc: Exception) -> tuple[int | None, int | None]:
    line = getattr(exc, "line", None)
    column = getattr(exc, "column", None)
    return (
        line if isinstance(line, int) and line > 0 else None,
        column if isinstance(column, int) and column > 0 else None,
    )


@lru_cache(maxsize=4)
def _line_starts(text: str) -> tuple[int, ...]:
    """Where each line of ``text`` starts: computed once per file (it was once per resource, which made a
    file of 10,000 roles quadratic; a str caches its hash, so the lookup is cheap)."""
    return (0, *(m.end() for m in re.finditer("\n", text)))


def locate(root: Node, text: str, line: int, end_line: int | None = None) -> None:
    """Give the string values of a tree built from HCL (no positions) the place where each is written: searched
    in document order from the resource's line on (and before ``end_line``, the next resource's), so an action
    points at its own line and column and a string written otherwise costs no search through the whole file."""
    starts = _line_starts(text)
    cursor = starts[line - 1] if 0 < line <= len(starts) else 0
    end = starts[end_line - 1] if end_line is not None and 0 < end_line <= len(starts) else len(text)
    stack = [root]
    while stack:
        node = stack.pop()
        if node.kind == "string":
            found = text.find(json.dumps(node.value, ensure_ascii=False), cursor, end)
            if found >= 0:
                row = bisect_right(starts, found)
                node.line, node.column = row, found - starts[row - 1] + 1
                cursor = found + 1
            continue
        children = node.items or [value for _k, _kn, value in node.members]
        stack.extend(reversed(children))


def _resource_lines(text: str) -> dict[tuple[str, str], int]:
    """Where each ``resource "type" "name"`` header is (1-based line)."""
    found: dict[tuple[str, str], int] = {}
    starts = _line_starts(text)
    for m in re.finditer(r'^\s*resource\s+"([^"]+)"\s+"([^"]+)"', text, re.M):
        found.setdefault((m.group(1), m.group(2)), bisect_right(starts, m.start()))
    return found


def _heredoc_line(text: str, start_line: int, attribute: str) -> int | None:
    """The line where a heredoc of ``attribute`` begins its body, after the resource header."""
    starts = _line_starts(text)
    if not 0 < start_line <= len(starts):
        return None
    pattern = re.compile(rf"^[ \t]*{re.escape(attribute)}[ \t]*=[ \t]*<<-?[ \t]*\w+", re.M)
    m = pattern.search(text, starts[start_line - 1])
    return None if m is None else bisect_right(starts, m.start())


def _resources(data: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    out: list[tuple[str, str, dict[str, Any]]] = []
    blocks = data.get("resource", [])
    for block in blocks if isinstance(blocks, list) else [blocks]:
        if not isinstance(block, dict):
            continue
        for rtype, named in block.items():
            if not isinstance(named, dict):
                continue
            for name, body in named.items():
                if isinstance(body, dict):
                    out.append((str(rtype), str(name), body))
    return out


def _attachments(resources: list[tuple[str, str, dict[str, Any]]]) -> dict[str, str]:
    """Role address -> where its group role assignments grant it (when all of them agree)."""
    seen: dict[str, set[str]] = {}
    for rtype, _name, body in resources:
        if rtype != ASSIGNMENT:
            continue
        m = _REF.search(str(body.get("role_id", "")))
        if m is None:
            continue
        if body.get("enterprise_project_id") not in (None, ""):
            where = "enterprise-project"
        elif body.get("project_id") not in (None, ""):
            where = "iam-project"
        else:
            continue
        seen.setdefault(f"{m.group(1)}.{m.group(2)}", set()).add(where)
    return {role: next(iter(w)) for role, w in seen.items() if len(w) == 1}


def _unquote(value: Any) -> Any:
    """hcl2 keeps the quotes of object keys written as strings; policies want the bare key."""
    if isinstance(value, dict):
        return {str(k).strip('"'): _unquote(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_unquote(v) for v in value]
    return value


def _jsonencode(expr: str) -> Any:
    """The value of ``${jsonencode(<HCL object>)}``, by parsing the argument as an HCL expression."""
    inner = expr.strip()[2:-1].strip()
    inner = inner[len("jsonencode(") : -1]
    parsed = hcl2.loads(f"value = {inner}\n", serialization_options=_OPTIONS)
    return _unquote(parsed["value"])


# A top-level block starts at the start of a line with its keyword (how every Terraform file is written).
_TOP_BLOCK = re.compile(r"^(?=(?:resource|data|variable|locals|provider|terraform|module|output|moved|import)\b)", re.M)


def _parse_hcl(text: str) -> dict[str, Any]:
    """The file as python-hcl2 reads it, parsed one top-level block at a time.

    The parser's time grows faster than the text (a file of 2,000 roles took 7x the time of 500), so each
    block is parsed on its own and the blocks' lists are joined. A split inside a heredoc or a comment
    leaves a block the parser refuses; then, and whenever a part is not a list of blocks, the whole text is
    parsed as one, so the result and every error are those of the whole file."""
    cuts = [m.start() for m in _TOP_BLOCK.finditer(text)]
    if len(cuts) < 2:
        return dict(hcl2.loads(text, serialization_options=_OPTIONS))
    merged: dict[str, list[Any]] = {}
    try:
        for start, end in zip([0, *cuts[1:]], [*cuts[1:], len(text)], strict=True):
            for key, value in hcl2.loads(text[start:end], serialization_options=_OPTIONS).items():
                if not isinstance(value, list):
                    raise ValueError(key)
                merged.setdefault(key, []).extend(value)
    except Exception:  # any refusal of a part: read the whole file, errors and all
        return dict(hcl2.loads(text, serialization_options=_OPTIONS))
    return dict(merged)


# The HCL parser turns every number into an int (Python refuses more than 4,300 digits) and recurses
# once per bracket; both are checked first, so the finding names our limit and the place.
_LONG_NUMBER = re.compile(rf"(?<![\w.])\d{{{MAX_NUMBER_CHARS + 1},}}")
_BRACKETS = re.compile(r"[\[\](){}]")
MAX_HCL_NESTING = 64


def _beyond_limits(text: str) -> tuple[str, int] | None:
    """What makes ``text`` unreadable within our limits (a number too long, brackets nested too deep), and
    where; None when it is within them. Brackets in strings count too: a policy never comes near the limit."""
    m = _LONG_NUMBER.search(text)
    if m is not None:
        return f"a number of {len(m.group())} digits; at most {MAX_NUMBER_CHARS} are read", m.start()
    depth = 0
    for b in _BRACKETS.finditer(text):
        depth += 1 if b.group() in "[({" else -1
        if depth > MAX_HCL_NESTING:
            return f"brackets nested deeper than {MAX_HCL_NESTING} levels; a policy is at most a few deep", b.start()
    return None


def read_terraform(text: str, file: str, cloud: str, base: Path | None) -> tuple[list[PolicyDocument], list[Finding]]:
    """Every policy of a Terraform file, with the findings of reading them."""
    limit = _beyond_limits(text)
    if limit is not None:
        message, offset = limit
        row = bisect_right(_line_starts(text), offset)
        where = Where(file, row, offset - _line_starts(text)[row - 1] + 1)
        return [], [Finding("MALFORMED_JSON", "", f"invalid HCL: {message}", where)]
    try:
        data = _parse_hcl(text)
    except Exception as exc:  # the parser raises lark's many error types; all mean "not HCL"
        line, column = _error_position(exc)
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return [], [Finding("MALFORMED_JSON", "", f"invalid HCL: {first}", Where(file, line, column))]
    resources = _resources(data)
    lines = _resource_lines(text)
    headers = sorted(set(lines.values()))

    def next_header(line: int) -> int | None:
        i = bisect_right(headers, line)
        return headers[i] if i < len(headers) else None

    attach = _attachments(resources)
    docs: list[PolicyDocument] = []
    findings: list[Finding] = []
    for rtype, name, body in resources:
        address = f"{rtype}.{name}"
        line = lines.get((rtype, name), 1)
        if rtype == OTC_ROLE:
            doc, found = _otc_role(body, file, cloud, address, (line, next_header(line)), text)
        elif rtype in POLICY_ATTRIBUTES:
            span = (line, next_header(line))
            doc, found = _policy_attribute(text, body, POLICY_ATTRIBUTES[rtype], file, cloud, address, span, base)
            if doc is not None and address in attach:
                doc = _with_attach(doc, attach[address])
        else:
            continue
        findings.extend(found)
        if doc is not None:
            docs.append(doc)
    if not docs and not findings:
        kinds = ", ".join([*POLICY_ATTRIBUTES, OTC_ROLE])
        message = f"no policy in this file: it has no {kinds} resource"
        findings.append(Finding("MALFORMED_POLICY", "unevaluated", message, Where(file)))
    return docs, findings


def _with_attach(doc: PolicyDocument, where: str) -> PolicyDocument:
    return PolicyDocument(
        doc.file, doc.name, doc.origin, doc.version, doc.statements, doc.plain, doc.line, doc.size, where
    )


def _policy_attribute(
    text: str,
    body: dict[str, Any],
    attribute: str,
    file: str,
    cloud: str,
    address: str,
    span: tuple[int, int | None],
    base: Path | None,
) -> tuple[PolicyDocument | None, list[Finding]]:
    line = span[0]
    value = body.get(attribute)
    if not isinstance(value, str):
        where = Where(file, line, None, None, "", address)
        return None, [Finding("MALFORMED_POLICY", "", f"{address} has no {attribute} string", where)]
    expr = value.strip()
    if expr.startswith("${jsonencode(") and expr.endswith(")}"):
        try:
            plain = _jsonencode(expr)
            root = from_plain(plain, line, 1)
            locate(root, text, line, span[1])
        except (JsonSyntaxError, Exception) as exc:  # an HCL expression the parser cannot read as a value
            where = Where(file, line, None, None, "", address)
            return None, [Finding("MALFORMED_JSON", "", f"{address}: cannot read jsonencode(...): {exc}", where)]
        return read_tree(root, file, cloud, document=address, origin="terraform-jsonencode")
    m = _FILE_CALL.match(expr)
    if m is not None:
        return _policy_file(m.group(1), file, cloud, address, line, base)
    if expr.startswith("${"):
        message = f"{address}.{attribute} is the expression {expr[:60]!r}: the linter cannot evaluate it, not checked"
        return None, [Finding("MALFORMED_POLICY", "unevaluated", message, Where(file, line, None, None, "", address))]
    embedded = heredoc_body(value)
    if embedded is None:
        return read_json(value, file, cloud, document=address, origin="terraform-heredoc", line_offset=line - 1)
    heredoc = _heredoc_line(text, line, attribute)
    return read_json(
        embedded[0],
        file,
        cloud,
        document=address,
        origin="terraform-heredoc",
        line_offset=heredoc if heredoc is not None else line,
        column_offset=embedded[1],
    )


# file() reads a policy document: at most the size of a policy file the linter reads at all
MAX_FILE_CALL_BYTES = 2 * 1024 * 1024


def _policy_file(
    path: str, file: str, cloud: str, address: str, line: int, base: Path | None
) -> tuple[PolicyDocument | None, list[Finding]]:
    """The policy of ``file("...")``: read only when it is a regular file inside the configuration's folder
    (symbolic links resolved), through the guarded open (never a device, a FIFO, a folder or a file over
    the size limit). Anything else is a finding naming the path and the reason, never the file's content."""
    where = Where(file, line, None, None, "", address)
    relative = path.replace("${path.module}", ".").replace("${path.root}", ".")
    if base is None or "${" in relative:
        return None, [Finding("MALFORMED_POLICY", "unevaluated", f"{address}: file({path!r}) not read", where)]
    try:
        data = fileio.read_bytes(relative, MAX_FILE_CALL_BYTES, within=base)
    except fileio.OutsideFolder:
        reason = "it is outside the configuration's folder"
        return None, [
            Finding("MALFORMED_POLICY", "unevaluated", f"{address}: file({path!r}) not read: {reason}", where)
        ]
    except fileio.FileIOError as exc:
        message = f"{address}: file({path!r}) not read: {exc.reason}"
        return None, [Finding("MALFORMED_POLICY", "unevaluated", message, where)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        message = f"{address}: file({path!r}) not read: it is not UTF-8 text"
        return None, [Finding("MALFORMED_POLICY", "unevaluated", message, where)]
    return read_json(text, f"{file} -> {relative}", cloud, document=address, origin="terraform-file")


def _otc_role(
    body: dict[str, Any], file: str, cloud: str, address: str, span: tuple[int, int | None], text: str
) -> tuple[PolicyDocument | None, list[Finding]]:
    """The provider writes Version 1.1 itself; each ``statement`` block becomes one statement."""
    line = span[0]
    blocks = body.get("statement", [])
    blocks = [blocks] if isinstance(blocks, dict) else list(blocks) if isinstance(blocks, list) else []
    # a ``dynamic "statement"`` block's content is a statement the role may grant: checked like the others
    dynamic = body.get("dynamic", [])
    for dyn in [dynamic] if isinstance(dynamic, dict) else dynamic if isinstance(dynamic, list) else []:
        for label, spec in dyn.items() if isinstance(dyn, dict) else ():
            if str(label).strip('"') == "statement" and isinstance(spec, dict):
                content = spec.get("content", [])
                blocks.extend(content if isinstance(content, list) else [content])
    findings: list[Finding] = []
    statements: list[dict[str, Any]] = []
    unions: list[tuple[int, tuple[list[str], bool, list[str]]]] = []
    for i, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        st: dict[str, Any] = {}
        for key, out in (("effect", "Effect"), ("action", "Action"), ("resource", "Resource")):
            if key in block:
                st[out] = block[key]
        if isinstance(st.get("Action"), str):
            union = literal_union(st["Action"])
            if union is not None:
                st["Action"] = union[0]
                unions.append((len(statements), union))
        condition = block.get("condition")
        if isinstance(condition, str):
            cond_body = heredoc_body(condition.strip())
            condition = cond_body[0] if cond_body is not None else condition
        if isinstance(condition, str) and condition.strip():
            try:
                st["Condition"] = plain(condition)
            except JsonSyntaxError as exc:
                where = Where(file, line, None, i, f"/Statement/{i}/Condition", address)
                message = f"invalid JSON in condition: {exc.reason} (line {exc.line} of the condition)"
                findings.append(Finding("MALFORMED_JSON", "", message, where))
        statements.append(st)
    root = from_plain({"Version": "1.1", "Statement": statements}, line, 1)
    locate(root, text, line, span[1])
    for n, union in unions:
        first = _first_item(root, n)
        where = Where(file, first.line if first else line, first.column if first else None, n, f"/Statement/{n}/Action")
        findings.append(_union_finding(union, replace(where, document=address)))
    doc, found = read_tree(root, file, cloud, document=address, origin="terraform-statement")
    return doc, findings + found


def _first_item(root: Node, statement: int) -> Node | None:
    """The first action of a statement's ``Action`` list (located: it has its line and column)."""
    statements = root.get("Statement")
    if statements is None or statement >= len(statements.items):
        return None
    action = statements.items[statement].get("Action")
    return action.items[0] if action is not None and action.items else None


def _union_finding(union: tuple[list[str], bool, list[str]], where: Where) -> Finding:
    """Info: the actions were read from an expression's literal lists (see explorer.policy.tf_expressions)."""
    actions, conditional, rest = union
    how = "literal lists, some of them conditional" if conditional else "literal lists"
    message = (
        f"Action is a Terraform expression of {how}: the union of their {len(actions)} actions is checked "
        "(the most the role can grant)"
    )
    if rest:
        message += f"; what {', '.join(rest)} adds is not checked"
    return Finding("MALFORMED_POLICY", "conditional", message, where)
