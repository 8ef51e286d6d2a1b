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

from explorer.catalog.codec import CATALOG_SUFFIX, CLOUDS, is_cloud_name
from explorer.errors import CatalogError, Problem
from explorer.fileio import (
    FileIOError,
    check_folder_target,
    check_write_target,
    dir_mode,
    file_mode,
    fsync_dir,
    fsync_file,
    read_text,
)

POINTER = ".generation"
GENERATION_PREFIX = ".gen-"
_GENERATION_RE = re.compile(r"\.gen-[0-9]+-[0-9]+")
# What interrupted runs of this writer and of older ones leave, and nothing else: a hidden file of the
# user's (``.keep.tmp``) is theirs. Generation and unpack folders, the pointer and a top-level file before
# their rename, older writers' stages and backups of cloud folders and their temporary import report.
_LEFTOVER_RE = re.compile(
    r"\.(?:gen-[0-9]+-[0-9]+|unpack-[0-9]+-[0-9]+|generation\.\.gen-[0-9]+-[0-9]+\.tmp|[^/]+\.unpack\.tmp"
    rf"|(?:{'|'.join(CLOUDS)})\.(?:staging|old)\..+|import-report\.json\.[a-z0-9_]{{8}}\.tmp)"
)

_MAX_POINTER_BYTES = 256  # one line: a generation folder's name

Check = Callable[[Path], list[Problem]]


def resolve_root(root: Path) -> Path:
    """The folder that holds the current catalog of ``root``: its committed generation, or ``root``.

    A pointer naming anything but an existing generation folder of ``root`` is ignored.
    """
    pointer = root / POINTER
    try:  # the guarded open: a FIFO or a link planted as the pointer is no pointer
        name = read_text(pointer, _MAX_POINTER_BYTES, nofollow=True).strip()
    except FileIOError:
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


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link_tree(source: Path, target: Path) -> None:
    """``target`` as a new folder holding ``source``'s files: hard links, or copies where links fail."""
    target.mkdir(mode=dir_mode())
    for item in sorted(source.iterdir()):
        _link_or_copy(item, target / item.name)


def _owned(item: Path) -> bool:
    """A catalog file of a cloud folder: what a write replaces or removes. Anything else there (a note, a
    hidden file, a folder) is the user's and survives every write."""
    name = item.name
    return name.endswith(CATALOG_SUFFIX) and not name.startswith(".") and not (item.is_dir() and not item.is_symlink())


def _carry(old: Path, staged: Path) -> None:
    """Link into the new cloud folder ``staged`` what the old one holds besides catalog files."""
    for item in sorted(old.iterdir()):
        if _owned(item):
            continue
        if item.is_symlink():
            os.symlink(os.readlink(item), staged / item.name)
        elif item.is_dir():
            shutil.copytree(item, staged / item.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(item, staged / item.name)


def _remove_gone(root: Path, cloud: str, aside: Path) -> None:
    """Remove the catalog files of a cloud the new catalog no longer has, and its folder if nothing else is in it."""
    folder = root / cloud
    if not folder.is_symlink() and any(not _owned(item) for item in folder.iterdir()):
        for item in sorted(folder.iterdir()):
            if _owned(item):
                item.unlink()
        return
    os.replace(folder, aside / f"{cloud}.gone")  # a link to a folder: the link goes, never what it leads to


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
        old = aside / f"{cloud}.old"
        # the old folder: in place, or set aside by a run killed between the two renames below
        previous = root / cloud if (root / cloud).exists() else old
        if previous.is_dir():
            _carry(previous, staged)
        if (root / cloud).exists():
            if old.exists():
                shutil.rmtree(old)
            os.replace(root / cloud, old)
        os.replace(staged, root / cloud)
    # clouds the new catalog no longer has: only folders named like a known cloud, nothing else the root holds
    for cloud in CLOUDS:
        if cloud not in new_clouds and (root / cloud).is_dir():
            _remove_gone(root, cloud, aside)
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
        check_folder_target(root)
        root.mkdir(parents=True, exist_ok=True)
    except FileIOError as exc:
        raise CatalogError([Problem(exc.path, "", exc.reason)]) from None
    except OSError as exc:
        raise _write_error(root, exc, "nothing was written") from None
    _refuse_read_only(root)
    with _locked(root):
        try:
            recover(root)
        except OSError as exc:
            raise _write_error(root, exc, "an interrupted earlier write could not be finished") from None
        _refuse_non_files(root, files)
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


def _refuse_read_only(root: Path) -> None:
    """A folder this process may not write into is said to be read-only, before anything is tried."""
    if os.access(root, os.W_OK | os.X_OK):
        return
    try:
        read_only_fs = bool(os.statvfs(root).f_flag & os.ST_RDONLY)
    except OSError:
        read_only_fs = False
    reason = os.strerror(errno.EROFS if read_only_fs else errno.EACCES)
    message = f"cannot write the catalog: the folder is read-only ({reason}); nothing was written"
    raise CatalogError([Problem(str(root), "", message)])


def _refuse_non_files(root: Path, files: Mapping[str, bytes]) -> None:
    """Refuse a write whose cloud folder or top-level file is something else (a link, a device, a FIFO):
    unpacking would replace it, or write where it leads."""
    problems: list[Problem] = []
    folders = {rel.split("/", 1)[0] for rel in files if "/" in rel}
    for name in sorted(folders | {rel for rel in files if "/" not in rel}):
        try:
            if name in folders:
                check_folder_target(root / name)
            else:
                check_write_target(root / name)
        except FileIOError as exc:
            problems.append(Problem(exc.path, "", exc.reason))
    if problems:
        raise CatalogError(problems)


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
