"""Replacing a catalog root in one atomic step that survives ``kill -9`` at any instant.

On disk a catalog root is flat: ``<root>/<cloud>/<service>.yaml`` and ``<root>/import-report.json``.
Rewriting many files in place cannot be atomic, so a new catalog is published in three phases:

1. **Build.** Every file is written, fsynced, into a hidden generation folder ``<root>/.gen-<id>/``
   holding the whole new catalog in the same flat layout. It is then checked (the importer runs
   ``validate`` on it); a failure removes it and leaves the old catalog as it was.
2. **Commit.** The pointer file ``<root>/.generation`` (one line: the generation folder's name) is
   written to a temporary file and renamed into place: that rename is the one atomic step. From
   then on every reader (:func:`resolve_root`) reads the generation folder, which is complete.
3. **Unpack.** The generation's cloud folders and files are hard-linked (or copied) into the flat
   layout, cloud folders absent from the new catalog are removed, then the pointer is deleted and
   the generation folder with it. While this runs, readers still read the generation folder.

A crash before the commit leaves the old catalog (plus a generation folder readers never look at);
a crash after it leaves the new one (readers follow the pointer). Every run starts by recovering:
a pointer left behind is unpacked to the end, and every other leftover (generation folders, stages
and backups of older versions of this writer, temporary files) is removed. The committed layout of
a catalog is the flat one; the pointer and generation folders only exist while a write is running
or after one was killed, and are hidden, so loading and ``validate`` ignore them as folders.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from explorer.catalog.codec import CLOUDS, is_cloud_name
from explorer.errors import CatalogError, Problem
from explorer.fileio import dir_mode, file_mode, fsync_dir, fsync_file

POINTER = ".generation"
GENERATION_PREFIX = ".gen-"
_GENERATION_RE = re.compile(r"\.gen-[0-9]+-[0-9]+")
# What older writers and interrupted runs leave: stages and backups of cloud folders, temporary files.
_LEFTOVER_RE = re.compile(r"\.(?:gen-[0-9]+-[0-9]+|[a-z][a-z0-9-]*\.(?:staging|old)\..+|.+\.tmp|unpack-.+)")

Check = Callable[[Path], list[Problem]]


def resolve_root(root: Path) -> Path:
    """The folder that holds the current catalog of ``root``: its committed generation, or ``root``.

    A pointer naming anything but an existing generation folder of ``root`` is ignored.
    """
    pointer = root / POINTER
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return root
    if _GENERATION_RE.fullmatch(name) and (root / name).is_dir():
        return root / name
    return root


def _write_new(path: Path, data: bytes, mode: int) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        fsync_file(fh.fileno())


def _write_error(root: Path, exc: OSError, what: str) -> CatalogError:
    where = exc.filename or root
    reason = exc.strerror or str(exc)
    return CatalogError([Problem(str(where), "", f"cannot write the catalog: {reason}; {what}")])


@contextmanager
def _locked(root: Path) -> Iterator[None]:
    """Hold an exclusive lock on the root folder itself (no lock file is left behind)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                message = "another import is writing this catalog; try again when it has finished"
                raise CatalogError([Problem(str(root), "", message)]) from None
            raise
        yield
    finally:
        os.close(fd)


def _generation_clouds(gen: Path) -> list[str]:
    return sorted(p.name for p in gen.iterdir() if p.is_dir() and is_cloud_name(p.name))


def _link_tree(source: Path, target: Path) -> None:
    """``target`` as a new folder holding ``source``'s files: hard links, or copies where links fail."""
    target.mkdir(mode=dir_mode())
    for item in sorted(source.iterdir()):
        try:
            os.link(item, target / item.name)
        except OSError:
            shutil.copy2(item, target / item.name)


def _unpack(root: Path, gen: Path) -> None:
    """Make the flat layout of ``root`` equal the committed generation ``gen``; safe to repeat."""
    new_clouds = _generation_clouds(gen)
    aside = root / f".unpack-{gen.name.removeprefix(GENERATION_PREFIX)}"
    aside.mkdir(exist_ok=True)
    for cloud in new_clouds:
        staged = aside / f"{cloud}.new"
        if staged.exists():
            shutil.rmtree(staged)
        _link_tree(gen / cloud, staged)
        if (root / cloud).exists():
            old = aside / f"{cloud}.old"
            if old.exists():
                shutil.rmtree(old)
            os.replace(root / cloud, old)
        os.replace(staged, root / cloud)
    # clouds the new catalog no longer has: only folders named like a known cloud, nothing else the root holds
    for cloud in CLOUDS:
        if cloud not in new_clouds and (root / cloud).is_dir():
            os.replace(root / cloud, aside / f"{cloud}.gone")
    for item in sorted(gen.iterdir()):
        if item.is_file():
            tmp = root / f".{item.name}.unpack.tmp"
            tmp.unlink(missing_ok=True)
            try:
                os.link(item, tmp)
            except OSError:
                shutil.copy2(item, tmp)
            os.replace(tmp, root / item.name)
    fsync_dir(root)
    (root / POINTER).unlink()
    fsync_dir(root)
    shutil.rmtree(aside, ignore_errors=True)
    shutil.rmtree(gen, ignore_errors=True)


def recover(root: Path) -> None:
    """Finish a write that was interrupted after its commit, and remove what interrupted writes left.

    Called (under the root's lock) before every write; readers never need it (see ``resolve_root``).
    """
    current = resolve_root(root)
    if current != root:
        _unpack(root, current)
    (root / POINTER).unlink(missing_ok=True)  # a pointer to nothing: a generation that was removed
    for item in sorted(root.iterdir()):
        if _LEFTOVER_RE.fullmatch(item.name):
            if item.is_dir() and not item.is_symlink():
                shutil.rmtree(item, ignore_errors=True)
            else:
                item.unlink(missing_ok=True)


def publish(root: Path, files: Mapping[str, bytes], check: Check | None = None) -> None:
    """Replace the catalog at ``root`` by ``files`` (relative path -> bytes), all or nothing.

    ``files`` holds ``<cloud>/<service>.yaml`` and top-level files such as the import report;
    ``check(folder)`` returns the problems of the built generation, which is then not committed.
    Raises CatalogError (the old catalog unchanged) for a failed check or a write error.
    """
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(root, exc, "nothing was written") from None
    with _locked(root):
        try:
            recover(root)
        except OSError as exc:
            raise _write_error(root, exc, "an interrupted earlier write could not be finished") from None
        gen = root / f"{GENERATION_PREFIX}{time.time_ns()}-{os.getpid()}"
        try:
            _build(gen, files)
            problems = check(gen) if check is not None else []
            if problems:
                raise CatalogError(
                    [Problem(p.file, p.location, f"{p.message} (the new catalog was not written)") for p in problems]
                )
            tmp = root / f"{POINTER}.{gen.name}.tmp"
            _write_new(tmp, gen.name.encode("ascii") + b"\n", file_mode())
            os.replace(tmp, root / POINTER)  # the commit
        except OSError as exc:
            _discard(root, gen)
            raise _write_error(root, exc, "the previous catalog is unchanged") from None
        except BaseException:
            _discard(root, gen)
            raise
        try:
            fsync_dir(root)
            _unpack(root, gen)
        except OSError as exc:
            raise _write_error(
                root,
                exc,
                f"the new catalog is complete in {gen.name} and is read from there; the next import unpacks it",
            ) from None


def _build(gen: Path, files: Mapping[str, bytes]) -> None:
    folder_mode, new_file_mode = dir_mode(), file_mode()
    gen.mkdir(mode=folder_mode)
    folders = {gen}
    for rel, data in sorted(files.items()):
        path = gen / rel
        if not path.parent.exists():
            path.parent.mkdir(mode=folder_mode, parents=True)
            folders.add(path.parent)
        _write_new(path, data, new_file_mode)
    for folder in sorted(folders, reverse=True):
        fsync_dir(folder)


def _discard(root: Path, gen: Path) -> None:
    shutil.rmtree(gen, ignore_errors=True)
    for tmp in root.glob(f"{POINTER}.*.tmp"):
        tmp.unlink(missing_ok=True)
