"""Where a catalog's files are: discovery below a root, their place, and reading them through the guarded open.

Layout: ``<root>/<cloud>/<service>.yaml``; a file's ``cloud`` and ``service`` fields must agree with its
place. A root whose write was interrupted after its commit is read from its committed generation
(:func:`explorer.catalog.generations.resolve_root`). Every file is read with
:func:`explorer.fileio.read_bytes`: regular files only, at most ``MAX_FILE_BYTES``, never blocking.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from explorer import fileio
from explorer.catalog.codec import CATALOG_SUFFIX
from explorer.catalog.generations import resolve_root
from explorer.errors import CatalogError, Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
# the import report beside a catalog: about 300 KB for the whole corpus
MAX_REPORT_BYTES = 64 * 1024 * 1024


def read_catalog_bytes(path: Path) -> bytes:
    """The bytes of one catalog file; CatalogError naming it when it is not a regular file within the limit."""
    try:
        return fileio.read_bytes(path, MAX_FILE_BYTES)
    except fileio.FileTooLarge:
        raise CatalogError([Problem(str(path), "", f"file is larger than {MAX_FILE_BYTES} bytes")]) from None
    except fileio.FileIOError as exc:
        raise CatalogError([Problem(str(path), "", exc.reason)]) from None


def catalog_files(root: Path) -> list[Path]:
    """The service files below a catalog root, or the single file given, in a stable order.

    A root whose write was interrupted after its commit is read from its committed generation
    (see :func:`explorer.catalog.generations.resolve_root`). Hidden folders are skipped: they are
    the generation folders of a write. A folder that cannot be listed is a CatalogError.
    """
    try:
        if root.is_file():
            return [root]
        root = resolve_root(root)
        return sorted(
            p
            for p in root.glob(f"*/*{CATALOG_SUFFIX}")
            if p.is_file() and not p.parent.name.startswith(".") and not p.name.startswith(".")
        )
    except OSError as exc:
        raise CatalogError([Problem(str(exc.filename or root), "", f"cannot read: {exc.strerror}")]) from None


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
        try:
            exists = root.exists()
        except OSError as exc:  # e.g. a folder on the way that may not be searched
            problems.append(Problem(str(root), "", f"cannot read: {exc.strerror}"))
            continue
        if not exists:
            problems.append(Problem(str(root), "", "no such file or directory"))
            continue
        try:
            found = catalog_files(root)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        if not found:
            expected = f"<cloud>/<service>{CATALOG_SUFFIX}"
            problems.append(Problem(str(root), "", f"no catalog files (expected {expected} below it)"))
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files, problems
