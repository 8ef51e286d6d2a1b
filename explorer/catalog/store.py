"""Reading and writing catalog files: safe YAML in, deterministic YAML out, atomic writes.

Layout: ``<root>/<cloud>/<service>.yaml``; a file's ``cloud`` and ``service`` fields must agree with its
place. Files are read with PyYAML's safe loader in its C build (``CSafeLoader``), subclassed to refuse
what a catalog never contains: anchors and aliases (so an alias bomb is stopped before anything
expands), duplicate keys (PyYAML would silently keep the last), non-scalar and merge keys. Unsafe
tags and a second document are refused by the safe loader itself. Files above ``MAX_FILE_BYTES``
are refused before parsing.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from explorer.catalog.codec import decode_service, encode_service
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog, ServiceCatalog

CATALOG_SUFFIX = ".yaml"

MAX_FILE_BYTES = 20 * 1024 * 1024

_Loader: type[Any]
try:  # libyaml's C parser and emitter are an order of magnitude faster than the pure-Python ones
    _Loader = yaml.CSafeLoader
    _Dumper: type[Any] = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper


class _Refused(Exception):
    """YAML that parses but that a catalog file may not contain."""

    def __init__(self, message: str, mark: Any) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


class _CatalogLoader(_Loader):  # type: ignore[misc]
    """PyYAML's safe (C) loader, refusing what a generated catalog never contains.

    An alias makes the composer hand the constructor the same node twice: refusing the second visit
    stops an alias bomb before anything expands. Duplicate keys (which PyYAML silently resolves to the
    last) and merge keys are refused too; unknown tags and a second document are already errors.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused("YAML anchors and aliases are not allowed in a catalog file", node.start_mark)
        return super().construct_object(node, deep=deep)

    def flatten_mapping(self, node: yaml.MappingNode) -> None:
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused("YAML merge keys (<<) are not allowed in a catalog file", key_node.start_mark)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused("a list or mapping used as a mapping key", key_node.start_mark)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        if len(mapping) != len(node.value):  # a key came twice; find it for the message (rare path)
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.constructed_objects[key_node]
                if key in seen:
                    raise _Refused(f"duplicate key {key!r} in a mapping", key_node.start_mark)
                seen.add(key)
        return mapping


def _line_column(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def parse_yaml_text(text: str | bytes, file: str) -> Any:
    """Parse one YAML document safely, raising CatalogError with the file and position."""
    if len(text) > MAX_FILE_BYTES:
        raise CatalogError([Problem(file, "", f"file is larger than {MAX_FILE_BYTES} bytes")])
    if isinstance(text, bytes):
        raw = text
        nul = raw.find(b"\x00")
        if nul >= 0:
            line_start = raw.rfind(b"\n", 0, nul) + 1
            column = len(raw[line_start:nul].decode("utf-8", "replace")) + 1
            line = raw.count(b"\n", 0, nul) + 1
            where = f"line {line}, column {column}"
            raise CatalogError([Problem(file, where, "not a text file (a NUL byte); expected UTF-8 YAML")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line_start = raw.rfind(b"\n", 0, exc.start) + 1
            column = len(raw[line_start : exc.start].decode("utf-8")) + 1  # all valid before the first error
            line = raw.count(b"\n", 0, exc.start) + 1
            where = f"line {line}, column {column}"
            message = f"not valid UTF-8 (byte 0x{raw[exc.start]:02X} at offset {exc.start}); expected UTF-8 YAML"
            raise CatalogError([Problem(file, where, message)]) from None
    try:
        return yaml.load(text, Loader=_CatalogLoader)  # the safe (C) loader, subclassed above
    except _Refused as exc:
        raise CatalogError([Problem(file, _line_column(exc.mark), exc.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = _line_column(mark) if mark is not None else ""
        context = f" ({exc.context})" if exc.context else ""
        raise CatalogError([Problem(file, where, f"malformed YAML: {exc.problem}{context}")]) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"not YAML text: control character U+{code:04X} is not allowed"
        raise CatalogError([Problem(file, f"line {line}, column {column}", message)]) from None
    except yaml.YAMLError as exc:
        raise CatalogError([Problem(file, "", f"malformed YAML: {exc}")]) from None


def load_service_text(text: str | bytes, file: str) -> ServiceCatalog:
    """Decode one service file's text; raise CatalogError listing every problem."""
    svc, problems = decode_service(parse_yaml_text(text, file), file)
    if svc is None:
        raise CatalogError(problems)
    return svc


def _read_document(path: Path) -> Any:
    """The parsed document of one file; its size is checked before anything is read."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CatalogError([Problem(str(path), "", f"file is larger than {MAX_FILE_BYTES} bytes")])
        data = path.read_bytes()
    except OSError as exc:
        raise CatalogError([Problem(str(path), "", f"cannot read: {exc.strerror}")]) from None
    return parse_yaml_text(data, str(path))


def load_service_file(path: Path) -> ServiceCatalog:
    """Load one service file (its place in a catalog root is not checked; see ``load_catalogs``)."""
    svc, problems = decode_service(_read_document(path), str(path))
    if svc is None:
        raise CatalogError(problems)
    return svc


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


def place_problems(path: Path, data: Any) -> list[Problem]:
    """Disagreements between a service file's place ``<cloud>/<service>.yaml`` and its content.

    ``data`` is the loaded document; its ``cloud`` and ``service`` are compared where they are
    strings (other faults of theirs are the codec's to report).
    """
    problems: list[Problem] = []
    if path.suffix != CATALOG_SUFFIX:
        problems.append(Problem(str(path), "", f"a catalog file must be named <service>{CATALOG_SUFFIX}"))
    if not isinstance(data, dict):
        return problems
    service, cloud = data.get("service"), data.get("cloud")
    if isinstance(service, str) and service != path.stem:
        expected = f"{path.stem!r}, from the file name {path.name}"
        problems.append(Problem(str(path), "service", f"is {service!r}; expected {expected}"))
    if isinstance(cloud, str) and cloud != path.parent.name:
        expected = f"{path.parent.name!r}, from the folder the file is in"
        problems.append(Problem(str(path), "cloud", f"is {cloud!r}; expected {expected}"))
    return problems


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The service files of catalog roots or files, each once, and a problem for each root without any."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for root in paths:
        if not root.exists():
            problems.append(Problem(str(root), "", "no such file or directory"))
            continue
        found = catalog_files(root)
        if not found:
            expected = f"<cloud>/<service>{CATALOG_SUFFIX}"
            problems.append(Problem(str(root), "", f"no catalog files (expected {expected} below it)"))
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files, problems


@dataclass(slots=True)
class CatalogScan:
    """What reading a set of catalog paths found: the catalogs, the files read and every problem."""

    catalogs: dict[str, Catalog] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan_catalogs(paths: Iterable[Path], extra_check: Callable[[Any, str], list[Problem]] | None = None) -> CatalogScan:
    """Read catalog roots or files, collecting every problem instead of stopping at the first.

    ``extra_check(document, file)`` is run on every document that parses (validate's JSON Schema).
    """
    scan = CatalogScan()
    scan.files, scan.problems = collect_files(paths)
    owner: dict[tuple[str, str], Path] = {}
    op_owner: dict[str, str] = {}
    row_owner: dict[tuple[str, int, int], str] = {}
    for path in scan.files:
        try:
            data = _read_document(path)
        except CatalogError as exc:
            scan.problems.extend(exc.problems)
            continue
        svc, problems = decode_service(data, str(path))
        problems.extend(place_problems(path, data))
        if extra_check is not None:
            problems.extend(extra_check(data, str(path)))
        if problems or svc is None:
            scan.problems.extend(problems)
            continue
        key = (svc.cloud, svc.service)
        if key in owner:
            first = owner[key]
            message = f"duplicate service: {svc.service!r} of cloud {svc.cloud!r} is also defined in {first}"
            scan.problems.append(Problem(str(path), "service", message))
            continue
        clashes = _clashes(path, svc, op_owner, row_owner)
        if clashes:
            scan.problems.extend(clashes)
            continue
        owner[key] = path
        scan.catalogs.setdefault(svc.cloud, Catalog(svc.cloud)).services[svc.service] = svc
    scan.problems.sort()
    return scan


def _clashes(
    path: Path, svc: ServiceCatalog, op_owner: dict[str, str], row_owner: dict[tuple[str, int, int], str]
) -> list[Problem]:
    """Operations of this file whose id or source row another file already has (the codec checks within a file).

    The owners map an id or a row to ``<file> operations[i]``; this file's are added when it has no clash.
    """
    problems: list[Problem] = []
    mine: list[tuple[str, tuple[str, int, int], str]] = []
    for i, op in enumerate(svc.operations):
        here = f"{path} operations[{i}]"
        row = (op.provenance.file, op.provenance.table, op.provenance.row)
        if op.id in op_owner:
            message = f"duplicate operation id {op.id!r}: also {op_owner[op.id]}"
            problems.append(Problem(str(path), f"operations[{i}].id", message))
        if row in row_owner:
            message = f"duplicate operation: the same table row as {row_owner[row]}"
            problems.append(Problem(str(path), f"operations[{i}].source", message))
        mine.append((op.id, row, here))
    if not problems:
        for op_id, row, here in mine:
            op_owner[op_id] = here
            row_owner[row] = here
    return problems


def load_catalogs(paths: Iterable[Path]) -> dict[str, Catalog]:
    """Load catalog roots or files into one Catalog per cloud; raise CatalogError with every problem.

    Unchanged files are answered from their compiled form in the user's cache (see ``compiled``).
    """
    from explorer.catalog import compiled  # it imports this module

    return compiled.load_cached(list(paths), load_catalogs_fresh)


def load_catalogs_fresh(paths: Iterable[Path]) -> dict[str, Catalog]:
    """``load_catalogs`` without the compiled cache: every file parsed and checked."""
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
    """Write a UTF-8 text file so that readers see the old or the new content, never a part."""
    write_bytes_atomic(path, text.encode("utf-8"))


def process_umask() -> int:
    """The process umask, read without os.umask (which would briefly change it for every thread)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see the old or the new content, never a part.

    The file keeps the permissions of the one it replaces, or gets those of any new file (0o666 less
    the umask), not the owner-only ones of the temporary file it is written to first.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~process_umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_catalogs(catalogs: Iterable[Catalog], out: Path, extra_files: dict[str, str] | None = None) -> list[Path]:
    """Write each cloud's directory under ``out`` as a whole, all clouds or none.

    Every text is rendered first (a failure there touches nothing), then every cloud directory is
    written to a hidden staging folder beside it, then the folders are swapped in with renames. If
    anything fails, the clouds already swapped are rolled back, so the previous catalog stays in
    place and no staging folder is left. A cloud directory is replaced as a whole: services no longer
    in the catalog disappear. ``extra_files`` (name -> text, e.g. the import report) are then written
    atomically at the root.
    """
    out.mkdir(parents=True, exist_ok=True)
    rendered: dict[str, dict[str, str]] = {}
    for cat in catalogs:
        services = sorted(cat.services)
        rendered[cat.cloud] = {f"{name}{CATALOG_SUFFIX}": dump_service(cat.services[name]) for name in services}
    stages: dict[str, Path] = {}
    backups: dict[str, Path] = {}
    try:
        for cloud, files in sorted(rendered.items()):
            stages[cloud] = Path(tempfile.mkdtemp(dir=out, prefix=f".{cloud}.staging."))
            os.chmod(stages[cloud], 0o777 & ~process_umask())  # mkdtemp's folder is owner-only
            for name, text in files.items():
                (stages[cloud] / name).write_text(text, encoding="utf-8", newline="\n")
        _swap_in(out, stages, backups)
    finally:
        for stage in stages.values():
            shutil.rmtree(stage, ignore_errors=True)
    for backup in backups.values():
        shutil.rmtree(backup, ignore_errors=True)
    written = [out / cloud / name for cloud, files in sorted(rendered.items()) for name in files]
    for name, text in sorted((extra_files or {}).items()):
        write_text_atomic(out / name, text)
        written.append(out / name)
    return written


def _swap_in(out: Path, stages: dict[str, Path], backups: dict[str, Path]) -> None:
    """Rename each staged cloud folder into place, keeping the old one aside; undo all on failure.

    A cloud whose stage is consumed is removed from ``stages``; ``backups`` keeps the old folders.
    """
    swapped: list[str] = []
    try:
        for cloud in sorted(stages):
            target = out / cloud
            if target.exists():
                backup = out / f".{cloud}.old.{stages[cloud].name.rsplit('.', 1)[-1]}"
                os.replace(target, backup)
                backups[cloud] = backup
            os.replace(stages[cloud], target)
            del stages[cloud]
            swapped.append(cloud)
    except BaseException:
        for cloud in sorted(set(swapped) | set(backups), reverse=True):
            target = out / cloud
            if cloud in swapped:
                shutil.rmtree(target, ignore_errors=True)
            if cloud in backups:
                os.replace(backups.pop(cloud), target)
        raise
