"""Policy files as the linter receives them (paths or uploaded bytes), and which reader each one needs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePath

from explorer import fileio
from explorer.errors import ExplorerError
from explorer.policy.document import PolicyDocument
from explorer.policy.findings import Finding, Where
from explorer.policy.jsontree import JsonSyntaxError, parse
from explorer.policy.parse_json import read_json, read_tree, wrapped
from explorer.policy.parse_terraform import read_terraform

# A policy is at most 6,144 characters; a Terraform file of many roles is still far below this.
MAX_FILE_BYTES = 2 * 1024 * 1024
TERRAFORM_SUFFIXES = (".tf",)


@dataclass(frozen=True, slots=True)
class PolicySource:
    """One input file: the name findings report, its bytes, its folder (for Terraform's ``file()``) and, for a
    file too large to read, its size (its bytes are then left out)."""

    name: str
    data: bytes
    base: Path | None = None
    size: int = 0

    @property
    def too_large(self) -> bool:
        return max(self.size, len(self.data)) > MAX_FILE_BYTES


def _expand(paths: list[Path]) -> list[Path]:
    """Folders stand for the policy files under them (``.json`` and ``.tf``, sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".json", ".tf"))
            if not found:
                raise ExplorerError(f"{path}: the folder holds no .json or .tf file")
            out.extend(found)
        else:
            out.append(path)
    return out


def read_paths(paths: list[Path]) -> list[PolicySource]:
    """The files named on the command line ("-" is standard input, a folder its .json and .tf files); a missing
    one is a usage error."""
    import sys

    out: list[PolicySource] = []
    for path in _expand(paths):
        if str(path) == "-":
            # never more than one byte past the limit: enough to know the input is too large
            out.append(PolicySource("<stdin>", sys.stdin.buffer.read(MAX_FILE_BYTES + 1)))
            continue
        if not path.exists():
            raise ExplorerError(f"{path}: no such file (expected a policy JSON or a Terraform .tf file)")
        try:
            out.append(PolicySource(str(path), fileio.read_bytes(path, MAX_FILE_BYTES), path.parent))
        except fileio.FileTooLarge as exc:
            out.append(PolicySource(str(path), b"", path.parent, exc.size))  # reported as too large, not read
    return out


def is_terraform(name: str, text: str) -> bool:
    if PurePath(name).suffix.lower() in TERRAFORM_SUFFIXES:
        return True
    if PurePath(name).suffix.lower() == ".json":
        return False
    return not text.lstrip("\ufeff \t\r\n").startswith(("{", "["))


def documents_of(source: PolicySource, cloud: str) -> tuple[list[PolicyDocument], list[Finding]]:
    """The policy documents of one file, and the findings of reading it (never an exception for bad content)."""
    if source.too_large:
        message = f"the file is larger than {MAX_FILE_BYTES:,} bytes; a policy is at most 6,144 characters: not read"
        return [], [Finding("LIMIT_EXCEEDED", "", message, Where(source.name))]
    try:
        text = source.data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"the file is not UTF-8 text (byte {exc.start}): a JSON or Terraform policy was expected"
        return [], [Finding("MALFORMED_JSON", "", message, Where(source.name))]
    if is_terraform(source.name, text):
        return read_terraform(text, source.name, cloud, source.base)
    try:
        root = parse(text)
    except JsonSyntaxError:
        doc, findings = read_json(text, source.name, cloud)  # the same parse, reported as MALFORMED_JSON
        return ([doc] if doc is not None else []), findings
    inner = wrapped(root)
    if not inner:
        doc, findings = read_tree(root, source.name, cloud)
        return ([doc] if doc is not None else []), findings
    docs: list[PolicyDocument] = []
    findings = []
    for name, node in inner:
        doc, found = read_tree(node, source.name, cloud, document=name)
        findings.extend(found)
        if doc is not None:
            docs.append(doc)
    return docs, findings
