"""Terraform configurations read with python-hcl2: the resource and data blocks, where they are, and modules.

A folder is read as Terraform reads a module (its ``*.tf`` and ``*.tf.json`` files, not its subfolders); a
module call with a local source (``./``, ``../``) is followed into that folder, a registry, Git or HTTP source
is listed as not followed. Nothing is evaluated: ``count``, ``for_each`` and variables are kept as written (a
type needs the same permissions for one instance as for ten), and no ``file()`` or ``templatefile()`` is ever
read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.terraform.files import MAX_TF_BYTES, TerraformError, read_text
from explorer.terraform.provider import Kind

MAX_MODULE_DEPTH = 16
MAX_FILES = 5000
_LOCAL = ("./", "../", ".\\", "..\\")


@dataclass(frozen=True, slots=True, order=True)
class Use:
    """One ``resource`` or ``data`` block: its type, where it is, and how many instances it may make."""

    file: str
    line: int
    kind: Kind
    type: str
    name: str
    module: str = ""  # "" for the root module, else the call path (module.net.module.subnet)
    count: str = ""  # the count or for_each expression as written ("count = var.n")
    actions: tuple[str, ...] = ()  # from a plan: create, update, delete, read, no-op

    @property
    def address(self) -> str:
        own = f"{'data.' if self.kind == 'data' else ''}{self.type}.{self.name}"
        return f"{self.module}.{own}" if self.module else own


@dataclass(frozen=True, slots=True, order=True)
class ModuleCall:
    file: str
    line: int
    name: str
    source: str
    followed: bool
    reason: str = ""  # why it was not followed

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "name": self.name,
            "source": self.source,
            "followed": self.followed,
            "reason": self.reason,
        }


@dataclass(slots=True)
class Configuration:
    """What was read from the paths given: blocks, module calls, files, and whether it came from a plan."""

    uses: list[Use] = field(default_factory=list)
    modules: list[ModuleCall] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)


def _label(node: Any) -> str:
    """The text of a block label (a quoted string or a bare identifier) from the parse tree."""
    parts: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if hasattr(n, "children"):
            stack.extend(reversed(n.children))
        elif getattr(n, "type", "") not in ("DBLQUOTE",):
            parts.append(str(n))
    return "".join(parts)


def _blocks(text: str, name: str) -> list[tuple[str, tuple[str, ...], int, dict[str, str]]]:
    """(block type, labels, line, attributes) of each top-level block, in document order; an attribute is its
    expression's source text (from the parse tree's positions: nothing is evaluated)."""
    import hcl2

    try:
        tree = hcl2.parses_to_tree(text)
    except RecursionError:
        raise TerraformError(f"{name}: nested too deeply to read") from None
    except Exception as exc:  # the parser's errors have no common base: any of them is bad input here
        line = getattr(exc, "line", None)
        where = f"line {line}: " if isinstance(line, int) and line > 0 else ""
        first = str(exc).strip().split("\n", 1)[0][:200]
        raise TerraformError(f"{name}: {where}not valid HCL ({type(exc).__name__}: {first})") from None
    out: list[tuple[str, tuple[str, ...], int, dict[str, str]]] = []
    children = list(tree.children[0].children if tree.children else ())
    at = 0
    while at < len(children):
        child = children[at]
        at += 1
        if getattr(child, "data", "") != "block":
            continue
        kind = _label(child.children[0])
        if kind == "check":
            # a check block's scoped data sources are read while planning, like any other
            nested = [i for b in child.children if getattr(b, "data", "") == "body" for i in b.children]
            children[at:at] = [
                i for i in nested if getattr(i, "data", "") == "block" and _label(i.children[0]) == "data"
            ]
            continue
        labels = tuple(_label(c) for c in child.children[1:] if getattr(c, "data", "") in ("string", "identifier"))
        attrs: dict[str, str] = {}
        for body in child.children:
            if getattr(body, "data", "") != "body":
                continue
            for item in body.children:
                if getattr(item, "data", "") == "attribute" and not item.children[-1].meta.empty:
                    meta = item.children[-1].meta
                    attrs[_label(item.children[0])] = text[meta.start_pos : meta.end_pos].strip()
        out.append((kind, labels, child.meta.line if not child.meta.empty else 0, attrs))
    return out


def _json_blocks(text: str, name: str) -> list[tuple[str, tuple[str, ...], int, dict[str, str]]]:
    """The blocks of a file in Terraform's JSON syntax (``*.tf.json``), as :func:`_blocks` gives them: a
    string attribute quoted, any other value as its JSON text; the line is where the block's name is."""
    import json

    try:
        # a number too long for int() (its 4,300-digit limit) stays the text it is
        doc = json.loads(text, parse_int=lambda s: int(s) if len(s) <= 4000 else s)
    except RecursionError:
        raise TerraformError(f"{name}: nested too deeply to read") from None
    except ValueError as exc:
        where = f"line {exc.lineno}: " if isinstance(exc, json.JSONDecodeError) else ""
        raise TerraformError(f"{name}: {where}not valid Terraform JSON ({str(exc)[:200]})") from None
    if not isinstance(doc, dict):
        raise TerraformError(f"{name}: not valid Terraform JSON (the top level must be an object)")
    out: list[tuple[str, tuple[str, ...], int, dict[str, str]]] = []
    offset = 0

    def line_of(*keys: str) -> int:
        nonlocal offset
        at = offset
        for key in keys:
            found = text.find(json.dumps(key), at)
            if found < 0:
                return 0
            at = found
        offset = at
        return text.count("\n", 0, at) + 1

    def attrs_of(body: Any) -> dict[str, str]:
        if not isinstance(body, dict):
            return {}
        return {k: json.dumps(v) for k, v in body.items()}

    for kind in ("resource", "data", "module"):
        value = doc.get(kind)
        # a block type may be an object or a list of objects (both are Terraform's JSON syntax)
        for group in value if isinstance(value, list) else [value] if isinstance(value, dict) else []:
            if not isinstance(group, dict):
                continue
            offset = 0
            for first, inner in group.items():
                if kind == "module":
                    out.append((kind, (first,), line_of(kind, first), attrs_of(inner)))
                    continue
                for body in inner if isinstance(inner, list) else [inner]:
                    for label, attrs in body.items() if isinstance(body, dict) else ():
                        out.append((kind, (first, label), line_of(kind, first, label), attrs_of(attrs)))
    return out


def _string(expression: str) -> str:
    """A quoted string literal's value (``"./modules/net"``); any other expression as written."""
    if len(expression) >= 2 and expression[0] == expression[-1] == '"' and '"' not in expression[1:-1]:
        return expression[1:-1]
    return expression


def read_file(path: Path, shown: str, module: str, config: Configuration, calls: list[tuple[Path, str, str]]) -> None:
    """Add the blocks of one ``.tf`` file; local module calls are appended to ``calls`` (folder, name, path)."""
    read_source(read_text(path, MAX_TF_BYTES), shown, module, config, calls, path.parent)


def read_source(
    text: str,
    shown: str,
    module: str,
    config: Configuration,
    calls: list[tuple[Path, str, str]],
    folder: Path | None = None,
) -> None:
    """Add the blocks of one file's text; ``folder`` None: a file with no folder (an upload), whose local
    module calls cannot be followed."""
    config.files.append(shown)
    blocks = _json_blocks(text, shown) if shown.endswith(".tf.json") else _blocks(text, shown)
    for kind, labels, line, attrs in blocks:
        if kind in ("resource", "data") and len(labels) == 2:
            count = ""
            for meta in ("count", "for_each"):
                if meta in attrs:
                    count = f"{meta} = {attrs[meta]}"
            config.uses.append(
                Use(shown, line, "data" if kind == "data" else "resource", labels[0], labels[1], module, count)
            )
        elif kind == "module" and len(labels) == 1:
            source = _string(attrs.get("source", ""))
            if source.startswith(_LOCAL) and folder is None:
                why = "a local module of an upload: its folder was not uploaded"
                config.modules.append(ModuleCall(shown, line, labels[0], source, False, why))
            elif source.startswith(_LOCAL) and folder is not None and not (folder / source).is_dir():
                # a folder copied out of its repository (an example calling ``../../``): the rest is still read
                why = "a local module whose folder does not exist here: its blocks are not read"
                config.modules.append(ModuleCall(shown, line, labels[0], source, False, why))
            elif source.startswith(_LOCAL) and folder is not None:
                config.modules.append(ModuleCall(shown, line, labels[0], source, True))
                prefix = f"{module}.module.{labels[0]}" if module else f"module.{labels[0]}"
                calls.append((folder / source, labels[0], prefix))
            else:
                why = "no source" if not source else "a remote module (registry, Git or URL): its blocks are not read"
                config.modules.append(ModuleCall(shown, line, labels[0], source, False, why))


def read_paths(paths: list[Path], config: Configuration | None = None) -> Configuration:
    """Read folders and ``.tf`` files (plans are read by :mod:`explorer.terraform.plan`)."""
    config = config or Configuration()
    # (folder, module prefix, the folders of the calls above it): a folder on its own call path is a cycle
    pending: list[tuple[Path, str, tuple[Path, ...]]] = []
    for p in paths:
        if p.is_dir():
            pending.append((p, "", ()))
        elif p.is_file() or p.suffix == ".tf":
            calls: list[tuple[Path, str, str]] = []
            read_file(p, str(p), "", config, calls)
            pending.extend((folder, prefix, (_real(p.parent),)) for folder, _n, prefix in calls)
        else:
            raise TerraformError(f"{p}: no such file or folder")
    visited: set[tuple[Path, str]] = set()
    while pending:
        folder, prefix, above = pending.pop(0)
        real = _real(folder)
        if (real, prefix) in visited:
            continue
        visited.add((real, prefix))
        if real in above:
            raise TerraformError(f"{folder}: {prefix} calls a module folder that is already on its call path (a cycle)")
        if len(above) > MAX_MODULE_DEPTH:
            raise TerraformError(f"{folder}: modules nested more than {MAX_MODULE_DEPTH} deep ({prefix})")
        if not folder.is_dir():
            raise TerraformError(f"{folder}: the module folder does not exist (called as {prefix or 'the root'})")
        for tf in sorted([*folder.glob("*.tf"), *folder.glob("*.tf.json")]):
            if len(config.files) >= MAX_FILES:
                raise TerraformError(f"{folder}: more than {MAX_FILES} .tf files; not read further")
            calls = []
            read_file(tf, str(tf), prefix, config, calls)
            pending.extend((sub, sub_prefix, (*above, real)) for sub, _n, sub_prefix in calls)
    return config


def _real(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError as exc:
        raise TerraformError(f"{folder}: cannot read: {exc.strerror}") from None
