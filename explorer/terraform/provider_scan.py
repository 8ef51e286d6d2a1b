"""Read a checkout of the Huawei Cloud Terraform provider: which HTTP APIs each resource and data source calls.

The provider declares, in a comment block directly above the function that builds a resource or data
source, every API it may call (``// @API ECS POST /v1.1/{project_id}/cloudservers``), and registers each
Terraform type name in ``huaweicloud/provider.go`` (``DataSourcesMap`` and ``ResourcesMap``; several names
may map to one function: deprecated aliases). The rules, all seen in the provider's sources:

- a block of ``@API`` lines belongs to the next top-level ``func`` of the file (a ``var`` or blank lines may
  stand between them);
- a file's blocks above functions the registry does not name (generated wrapper methods, helpers) belong to
  the registered functions the same file defines;
- a registered function with no block of its own takes every block of its file (``huaweicloud_cce_cluster``'s
  ``ResourceCluster`` is returned by the deprecated ``ResourceCCEClusterV3``, which carries the block);
- a file that defines no registered function is a shared helper: its blocks belong to every registered
  function of the files that call one of its exported functions or methods (the enterprise-project move of
  ``huaweicloud/config/eps_management.go``, called as ``cfg.MigrateEnterpriseProject(...)``).

The result is a plain, deterministic document (sorted, compact: each API text and file written once) that
:mod:`explorer.terraform.provider` reads; ``tools/provider_data.py`` writes it into the package.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.terraform.files import MAX_GO_BYTES, SCHEMA_VERSION, TerraformError, read_text

REPOSITORY = "huaweicloud/terraform-provider-huaweicloud"
REGISTRY = "huaweicloud/provider.go"
_MODULE = "github.com/huaweicloud/terraform-provider-huaweicloud/"

_API = re.compile(r"^\s*//\s*@API\b(.*)$")
_FUNC = re.compile(r"^func\s+(?:\([^)]*\)\s*)?([A-Za-z_][A-Za-z0-9_]*)\s*[\[(]")
_PACKAGE = re.compile(r"^package\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)
_IMPORT = re.compile(r'^\s*(?:([A-Za-z_][A-Za-z0-9_]*)\s+)?"' + re.escape(_MODULE) + r'([^"]+)"\s*$')
_MAP_START = re.compile(r"^\s*(DataSourcesMap|ResourcesMap)\s*:\s*map\[string\]\*schema\.Resource\{\s*$")
_ENTRY = re.compile(r'^\s*"([A-Za-z0-9_]+)"\s*:\s*(?:([A-Za-z_][A-Za-z0-9_]*)\.)?([A-Za-z_][A-Za-z0-9_]*)\(\)\s*,')
_METHODS = frozenset(("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"))
_KIND = {"DataSourcesMap": "data", "ResourcesMap": "resource"}


@dataclass(frozen=True, slots=True)
class ApiLine:
    service: str  # the provider's label, e.g. ECS
    method: str
    path: str
    file: str  # relative to the checkout
    line: int

    @property
    def text(self) -> str:
        return f"{self.service} {self.method} {self.path}"


@dataclass(slots=True)
class _File:
    path: str
    directory: str
    functions: dict[str, int] = field(default_factory=dict)  # name -> line of its func
    blocks: dict[str, list[ApiLine]] = field(default_factory=dict)  # function -> the @API lines above it
    text: str = ""


def provider_commit(root: Path) -> str:
    """The commit the checkout was taken from: MANIFEST.tsv's ``origin_commit`` (a copy), else ``.git``."""
    manifest = root / "MANIFEST.tsv"
    if manifest.is_file():
        rows = csv.DictReader(
            io.StringIO(read_text(Path(manifest.name), 16 * MAX_GO_BYTES, within=root)), delimiter="\t"
        )
        commits = {r.get("origin_commit", "") for r in rows} - {""}
        if len(commits) == 1:
            return commits.pop()
    if (root / ".git").exists():
        try:
            out = subprocess.run(
                ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, check=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            return ""
        return out.stdout.strip()
    return ""


def _registry(text: str) -> tuple[dict[str, str], list[tuple[str, str, str, str, int]]]:
    """The qualifier -> folder of provider.go's imports, and (kind, type name, qualifier, function, line)."""
    folders: dict[str, str] = {"": "huaweicloud"}
    entries: list[tuple[str, str, str, str, int]] = []
    kind = ""
    depth = 0
    for number, line in enumerate(text.split("\n"), 1):
        imported = _IMPORT.match(line)
        if imported:
            folder = imported.group(2)
            folders[imported.group(1) or folder.rsplit("/", 1)[-1]] = folder
            continue
        start = _MAP_START.match(line)
        if start:
            kind, depth = _KIND[start.group(1)], 1
            continue
        if not kind:
            continue
        depth += line.count("{") - line.count("}")
        if depth <= 0:
            kind = ""
            continue
        entry = _ENTRY.match(line)
        if entry:
            entries.append((kind, entry.group(1), entry.group(2) or "", entry.group(3), number))
    return folders, entries


def _scan_file(root: Path, path: Path, problems: list[dict[str, Any]]) -> _File:
    rel = path.relative_to(root).as_posix()
    text = read_text(path.relative_to(root), MAX_GO_BYTES, within=root)
    found = _File(rel, path.parent.relative_to(root).as_posix(), text=text)
    pending: list[ApiLine] = []
    for number, line in enumerate(text.split("\n"), 1):
        api = _API.match(line)
        if api:
            fields = api.group(1).split()
            if len(fields) == 3 and fields[1].upper() in _METHODS and fields[2][:1] in "/?":
                # OBS writes a bucket's sub-resource APIs as the query alone (``PUT ?acl``)
                pending.append(ApiLine(fields[0], fields[1].upper(), fields[2], rel, number))
            else:
                problems.append({"file": rel, "line": number, "text": line.strip()})
            continue
        func = _FUNC.match(line)
        if func:
            name = func.group(1)
            found.functions.setdefault(name, number)
            if pending:
                found.blocks.setdefault(name, []).extend(pending)
                pending = []
    for left in pending:  # a block with no function after it belongs to nothing
        problems.append({"file": rel, "line": left.line, "text": f"// @API {left.text} (no function follows)"})
    return found


def _go_files(root: Path) -> list[Path]:
    base = root / "huaweicloud"
    if not base.is_dir():
        raise TerraformError(f"{root}: not a provider checkout (no huaweicloud/ folder)")
    return sorted(
        (p for p in base.rglob("*.go") if not p.name.endswith("_test.go") and p.is_file()),
        key=lambda p: p.relative_to(root).as_posix(),
    )


def scan(root: Path) -> dict[str, Any]:
    """The provider data of the checkout at ``root`` (see the module note), as a JSON-ready document."""
    registry_file = root / REGISTRY
    if not registry_file.is_file():
        raise TerraformError(f"{root}: not a provider checkout ({REGISTRY} is missing)")
    folders, entries = _registry(read_text(Path(REGISTRY), 4 * MAX_GO_BYTES, within=root))
    problems: list[dict[str, Any]] = []
    files = [_scan_file(root, p, problems) for p in _go_files(root)]
    wanted = {(folders.get(q, ""), f) for _k, _n, q, f, _l in entries}
    defined: dict[tuple[str, str], _File] = {}
    for f in files:
        for name in f.functions:
            defined.setdefault((f.directory, name), f)
    # shared helpers: files that carry @API lines but define no registered function
    helpers: list[tuple[_File, re.Pattern[str]]] = []
    for f in files:
        if f.blocks and not any((f.directory, n) in wanted for n in f.functions):
            exported = sorted(n for n in f.functions if n[:1].isupper())
            if exported:
                helpers.append((f, re.compile(r"\.(?:" + "|".join(map(re.escape, exported)) + r")\(")))
    apis_of: dict[tuple[str, str], list[ApiLine]] = {}
    for key in sorted(wanted):
        home = defined.get(key)
        if home is None:
            continue
        own = list(home.blocks.get(key[1], ()))
        # a registered function with no block of its own (``ResourceCluster``, which the deprecated
        # ``ResourceCCEClusterV3`` carrying the block returns) shares every block of its file
        bare = not own
        for name, block in home.blocks.items():
            if (home.directory, name) not in wanted or bare:
                own.extend(block)
        for helper, calls in helpers:
            if helper is not home and calls.search(home.text):
                own.extend(a for block in helper.blocks.values() for a in block)
        apis_of[key] = own
    return _document(root, folders, entries, defined, apis_of, problems)


def _document(
    root: Path,
    folders: dict[str, str],
    entries: list[tuple[str, str, str, str, int]],
    defined: dict[tuple[str, str], _File],
    apis_of: dict[tuple[str, str], list[ApiLine]],
    problems: list[dict[str, Any]],
) -> dict[str, Any]:
    def function_id(qualifier: str, name: str) -> str:
        return f"{qualifier}.{name}" if qualifier else name

    keys = {function_id(q, f): (folders.get(q, ""), f) for _k, _n, q, f, _l in entries}
    api_texts = sorted({a.text for lines in apis_of.values() for a in lines})
    file_names = sorted(
        {REGISTRY}
        | {defined[k].path for k in keys.values() if k in defined}
        | {a.file for lines in apis_of.values() for a in lines}
    )
    api_index = {t: i for i, t in enumerate(api_texts)}
    file_index = {f: i for i, f in enumerate(file_names)}
    # Each function and type is one string ("FILE LINE API.LINE[.FILE] ...", "FUNCTION LINE"): the
    # JSON reader parses a string far faster than nested lists, and only the types asked about are split.
    functions: dict[str, str] = {}
    for fid in sorted(keys):
        key = keys[fid]
        home = defined.get(key)
        if home is None:
            continue
        refs: list[str] = []
        seen: set[str] = set()
        for a in sorted(apis_of.get(key, ()), key=lambda a: (a.file != home.path, a.file, a.line)):
            if a.text in seen:
                continue
            seen.add(a.text)
            ref = f"{api_index[a.text]}.{a.line}"
            refs.append(ref if a.file == home.path else f"{ref}.{file_index[a.file]}")
        functions[fid] = " ".join([str(file_index[home.path]), str(home.functions[key[1]]), *refs])
    types: dict[str, dict[str, str]] = {"data": {}, "resource": {}}
    for kind, name, qualifier, func, line in entries:
        types[kind][name] = f"{function_id(qualifier, func)} {line}"
    return {
        "schema_version": SCHEMA_VERSION,
        "provider": {"repository": REPOSITORY, "commit": provider_commit(root), "registry": REGISTRY},
        "files": file_names,
        "apis": api_texts,
        "functions": functions,
        "types": {k: dict(sorted(v.items())) for k, v in types.items()},
        "problems": sorted(problems, key=lambda p: (p["file"], p["line"])),
    }
