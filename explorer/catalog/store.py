"""Reading and writing catalog files: safe YAML in, deterministic YAML out, atomic writes.

Layout: ``<root>/<cloud>/<service>.yaml``. Files are loaded with PyYAML's C safe loader. Anchors and
aliases are refused (a generated catalog never uses them, and an alias bomb would otherwise expand
when the catalog is walked), and files above ``MAX_FILE_BYTES`` are refused before parsing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from explorer.catalog.codec import decode_service, encode_service
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog, ServiceCatalog

MAX_FILE_BYTES = 20 * 1024 * 1024

try:  # the C loader is an order of magnitude faster; fall back only where libyaml is missing
    _Loader: type[Any] = yaml.CSafeLoader
    _Dumper: type[Any] = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


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
        if b"\x00" in text:
            raise CatalogError([Problem(file, "", "not a text file (contains NUL bytes); expected UTF-8 YAML")])
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError([Problem(file, f"byte {exc.start}", "not valid UTF-8; expected UTF-8 YAML")]) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise CatalogError([Problem(file, where, f"malformed YAML: {exc.problem}")]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(file, "", f"malformed YAML: {exc}")]) from None
    if _shared_container(data):
        raise CatalogError([Problem(file, "", "YAML anchors and aliases are not allowed in catalog files")])
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
    """The service files below a catalog root, or the single file given, in a stable order."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.glob("*/*.yaml") if p.is_file())


def load_catalogs(paths: Iterable[Path]) -> dict[str, Catalog]:
    """Load catalog roots or files into one Catalog per cloud; every problem is collected."""
    clouds: dict[str, Catalog] = {}
    problems: list[Problem] = []
    files: list[Path] = []
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), "", "no such file or directory"))
            continue
        found = catalog_files(root)
        if not found:
            problems.append(Problem(str(root), "", "no catalog files (expected <cloud>/<service>.yaml)"))
        files.extend(found)
    for path in files:
        try:
            svc = load_service_file(path)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        cat = clouds.setdefault(svc.cloud, Catalog(svc.cloud))
        if svc.service in cat.services:
            problems.append(
                Problem(str(path), "service", f"service {svc.service!r} of cloud {svc.cloud!r} is defined twice")
            )
            continue
        cat.services[svc.service] = svc
    if problems:
        raise CatalogError(problems)
    return clouds


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
