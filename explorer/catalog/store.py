"""Reading and writing catalog files: safe YAML in, deterministic YAML out, atomic writes.

Layout: ``<root>/<cloud>/<service>.yaml``; a file's ``cloud`` and ``service`` fields must agree with its
place. Files are loaded with PyYAML's C safe loader. Aliases of lists and mappings are refused (a
generated catalog never uses them, and an alias bomb would otherwise expand when the catalog is
walked; aliased scalars cost nothing and are let through), duplicate keys are refused (PyYAML would
silently keep the last), and files above ``MAX_FILE_BYTES`` are refused before parsing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from explorer.catalog.codec import decode_service, encode_service
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog, ServiceCatalog

CATALOG_SUFFIX = ".yaml"

MAX_FILE_BYTES = 20 * 1024 * 1024

try:  # the C loader is an order of magnitude faster; fall back only where libyaml is missing
    _Loader: type[Any] = yaml.CSafeLoader
    _Dumper: type[Any] = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


class _CatalogLoader(_Loader):  # type: ignore[misc]
    """The C safe loader, refusing duplicate keys in a mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        f"duplicate key {key_node.value!r}",
                        key_node.start_mark,
                    )
                seen.add(key)
        result: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return result


def _line_column(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _shared_container(data: Any) -> bool:
    """True if any list or mapping occurs twice in the tree, which only an alias can cause."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, (list, dict)):
            if id(node) in seen:
                return True
            seen.add(id(node))
            stack.extend(node.values() if isinstance(node, dict) else node)
    return False


def parse_yaml_text(text: str | bytes, file: str) -> Any:
    """Parse one YAML document safely, raising CatalogError with the file and position."""
    if len(text) > MAX_FILE_BYTES:
        raise CatalogError([Problem(file, "", f"file is larger than {MAX_FILE_BYTES} bytes")])
    if isinstance(text, bytes):
        raw = text
        if b"\x00" in raw:
            raise CatalogError([Problem(file, "", "not a text file (contains NUL bytes); expected UTF-8 YAML")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            where = f"line {line}, byte {exc.start}"
            raise CatalogError([Problem(file, where, "not valid UTF-8; expected UTF-8 YAML")]) from None
    try:
        data = yaml.load(text, Loader=_CatalogLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        context = f" ({exc.context})" if exc.context else ""
        raise CatalogError([Problem(file, where, f"malformed YAML: {exc.problem}{context}")]) from None
    except yaml.reader.ReaderError as exc:
        where = _line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"not YAML text: control character U+{code:04X} is not allowed"
        raise CatalogError([Problem(file, where, message)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(file, "", f"malformed YAML: {exc}")]) from None
    except RecursionError:
        raise CatalogError([Problem(file, "", "malformed YAML: nested too deeply")]) from None
    if _shared_container(data):
        raise CatalogError([Problem(file, "", "YAML aliases of lists or mappings are not allowed in catalog files")])
    return data


def load_service_text(text: str | bytes, file: str) -> ServiceCatalog:
    """Decode one service file's text; raise CatalogError listing every problem."""
    svc, problems = decode_service(parse_yaml_text(text, file), file)
    if svc is None:
        raise CatalogError(problems)
    return svc


def load_service_file(path: Path) -> ServiceCatalog:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError([Problem(str(path), "", f"cannot read: {exc.strerror}")]) from None
    return load_service_text(data, str(path))


def catalog_files(root: Path) -> list[Path]:
    """The service files below a catalog root, or the single file given, in a stable order.

    Hidden folders are skipped: they are the staging and backup folders of an interrupted write.
    """
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.glob(f"*/*{CATALOG_SUFFIX}")
        if p.is_file() and not p.parent.name.startswith(".") and not p.name.startswith(".")
    )


def place_problems(path: Path, svc: ServiceCatalog) -> list[Problem]:
    """Disagreements between a service file's place ``<cloud>/<service>.yaml`` and its content."""
    problems: list[Problem] = []
    if path.suffix != CATALOG_SUFFIX:
        problems.append(Problem(str(path), "", f"a catalog file must be named <service>{CATALOG_SUFFIX}"))
    if svc.service != path.stem:
        expected = f"{path.stem!r}, from the file name {path.name}"
        problems.append(Problem(str(path), "service", f"is {svc.service!r}; expected {expected}"))
    if svc.cloud != path.parent.name:
        expected = f"{path.parent.name!r}, from the folder the file is in"
        problems.append(Problem(str(path), "cloud", f"is {svc.cloud!r}; expected {expected}"))
    return problems


@dataclass(slots=True)
class CatalogScan:
    """What reading a set of catalog paths found: the catalogs, the files read and every problem."""

    catalogs: dict[str, Catalog] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan_catalogs(paths: Iterable[Path]) -> CatalogScan:
    """Read catalog roots or files, collecting every problem instead of stopping at the first."""
    scan = CatalogScan()
    seen: set[Path] = set()
    owner: dict[tuple[str, str], Path] = {}
    for root in paths:
        if not root.exists():
            scan.problems.append(Problem(str(root), "", "no such file or directory"))
            continue
        found = catalog_files(root)
        if not found:
            expected = f"<cloud>/<service>{CATALOG_SUFFIX}"
            scan.problems.append(Problem(str(root), "", f"no catalog files (expected {expected} below it)"))
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                scan.files.append(path)
    for path in scan.files:
        try:
            svc = load_service_file(path)
        except CatalogError as exc:
            scan.problems.extend(exc.problems)
            continue
        misplaced = place_problems(path, svc)
        if misplaced:
            scan.problems.extend(misplaced)
            continue
        key = (svc.cloud, svc.service)
        if key in owner:
            first = owner[key]
            message = f"duplicate service: {svc.service!r} of cloud {svc.cloud!r} is also defined in {first}"
            scan.problems.append(Problem(str(path), "service", message))
            continue
        owner[key] = path
        scan.catalogs.setdefault(svc.cloud, Catalog(svc.cloud)).services[svc.service] = svc
    scan.problems.sort()
    return scan


def load_catalogs(paths: Iterable[Path]) -> dict[str, Catalog]:
    """Load catalog roots or files into one Catalog per cloud; raise CatalogError with every problem."""
    scan = scan_catalogs(paths)
    if scan.problems:
        raise CatalogError(scan.problems)
    return scan.catalogs


def dump_service(svc: ServiceCatalog) -> str:
    """The deterministic YAML text of one service file."""
    text: str = yaml.dump(
        encode_service(svc),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
    )
    return text


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file so that readers see the old or the new content, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_catalogs(catalogs: Iterable[Catalog], out: Path, extra_files: dict[str, str] | None = None) -> list[Path]:
    """Write each cloud's directory under ``out`` as a whole.

    Every text is rendered first, then each cloud directory is built in a staging folder beside
    it and swapped in with renames, so an interrupted write leaves the previous catalog in place.
    ``extra_files`` (name -> text) are written atomically at the root, e.g. the import report.
    """
    out.mkdir(parents=True, exist_ok=True)
    rendered: dict[str, dict[str, str]] = {}
    for cat in catalogs:
        rendered[cat.cloud] = {f"{name}.yaml": dump_service(cat.services[name]) for name in sorted(cat.services)}
    written: list[Path] = []
    for cloud, files in sorted(rendered.items()):
        stage = Path(tempfile.mkdtemp(dir=out, prefix=f".{cloud}.staging."))
        try:
            for name, text in files.items():
                (stage / name).write_text(text, encoding="utf-8", newline="\n")
            target = out / cloud
            old = out / f".{cloud}.old"
            if old.exists():
                shutil.rmtree(old)
            if target.exists():
                os.replace(target, old)
            os.replace(stage, target)
            shutil.rmtree(old, ignore_errors=True)
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        written.extend(out / cloud / name for name in files)
    for name, text in sorted((extra_files or {}).items()):
        write_text_atomic(out / name, text)
        written.append(out / name)
    return written
