"""Safe file I/O: the one guarded open every reader uses, and atomic writes that never go through a non-file.

Reading (:func:`read_bytes`, :func:`read_text`, :func:`open_regular`): the file is opened non-blocking
(a FIFO planted where a file is expected never hangs the open), checked with ``fstat`` on the open
descriptor (only a regular file is read: a device, FIFO, socket or folder is refused without a read),
and read up to a stated size limit (a file above it, or one that grows past it while read, is refused).
``within`` confines a read to a folder: a path that leads outside it, by ``..`` or a symbolic link, is
refused. ``nofollow`` refuses a symbolic link as the last part of the path.

Writing (:func:`write_bytes_atomic`, :func:`write_text_atomic`): a temporary file in the target's
folder is written, fsynced, given the target's permissions (or those of any new file, 0o666 less the
umask) and renamed over the target, then the folder is fsynced: a reader sees the old or the new
content, never a part, and a crash leaves one of the two. Only a regular file or an absent path is
written: a device, FIFO, socket, symbolic link or folder at the target is refused (a rename would
replace the device node or the link itself, and never write where they lead).

Every refusal is a :class:`FileIOError` (an :class:`~explorer.errors.ExplorerError`: exit status 2 in
the CLI) naming the file and the reason; callers that report problems in their own terms use its
``path`` and ``reason``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from explorer.errors import ExplorerError

__all__ = [
    "FileIOError",
    "FileTooLarge",
    "NotAFolder",
    "NotRegularFile",
    "OutsideFolder",
    "check_folder_target",
    "check_write_target",
    "dir_mode",
    "file_kind",
    "file_mode",
    "fsync_dir",
    "fsync_file",
    "open_regular",
    "process_umask",
    "read_bytes",
    "read_text",
    "write_bytes_atomic",
    "write_text_atomic",
]

_CHUNK = 1 << 20
_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

PathLike = str | os.PathLike[str]


class FileIOError(ExplorerError):
    """A file that may not or cannot be read or written as asked.

    ``path`` is the file, ``reason`` what is wrong with it (the message is ``"<path>: <reason>"``);
    ``errno`` is the operating system's error number when the system refused.
    """

    def __init__(self, path: PathLike, reason: str, *, errno: int | None = None) -> None:
        self.path = os.fspath(path)
        self.reason = reason
        self.errno = errno
        super().__init__(f"{self.path}: {reason}")


class NotRegularFile(FileIOError):
    """A device, FIFO, socket, folder or (where refused) symbolic link where a regular file is expected."""

    def __init__(self, path: PathLike, kind: str, reason: str) -> None:
        self.kind = kind
        super().__init__(path, reason)


class NotAFolder(FileIOError):
    """A file, device, FIFO, socket or symbolic link where a folder to write into is expected."""

    def __init__(self, path: PathLike, kind: str, reason: str) -> None:
        self.kind = kind
        super().__init__(path, reason)


class FileTooLarge(FileIOError):
    """A file above the size limit of its reader (``size`` is a lower bound when it grew while read)."""

    def __init__(self, path: PathLike, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(path, f"{size} bytes; files above {limit} bytes are not read")


class OutsideFolder(FileIOError):
    """A path that leads outside the folder its reader is confined to (``target``: where it leads)."""

    def __init__(self, path: PathLike, folder: Path, target: Path) -> None:
        self.folder = folder
        self.target = target
        super().__init__(path, f"leads outside {folder} (to {target}); not read")


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) is, in words: "a regular file", "a FIFO", "a directory" ..."""
    kinds = (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    for test, kind in kinds:
        if test(mode):
            return kind
    return "not a regular file"


# --- reading ------------------------------------------------------------------------------------


def _os_error(path: PathLike, exc: OSError) -> FileIOError:
    if exc.errno == errno.ELOOP:
        return NotRegularFile(path, "a symbolic link", "is a symbolic link; not read")
    return FileIOError(path, f"cannot read: {exc.strerror or exc}", errno=exc.errno)


def _write_failed(path: PathLike, exc: OSError) -> FileIOError:
    return FileIOError(path, f"cannot write: {exc.strerror or exc}; nothing was changed", errno=exc.errno)


def _confined(path: PathLike, within: PathLike) -> Path:
    root = Path(within).resolve()
    target = (root / path).resolve() if not Path(path).is_absolute() else Path(path).resolve()
    if not target.is_relative_to(root):
        raise OutsideFolder(path, root, target)
    return target


def _open_fd(path: PathLike, limit: int, within: PathLike | None, nofollow: bool) -> tuple[int, int]:
    """An open descriptor of the regular file ``path`` (at most ``limit`` bytes) and its size; the caller closes it."""
    target: PathLike = path if within is None else _confined(path, within)
    flags = _READ_FLAGS | (_NOFOLLOW if nofollow or within is not None else 0)
    try:
        fd = os.open(target, flags)
    except OSError as exc:
        raise _os_error(path, exc) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = file_kind(info.st_mode)
            raise NotRegularFile(path, kind, f"is {kind}, not a regular file; not read")
        if info.st_size > limit:
            raise FileTooLarge(path, info.st_size, limit)
    except OSError as exc:
        os.close(fd)
        raise _os_error(path, exc) from None
    except BaseException:
        os.close(fd)
        raise
    return fd, info.st_size


def read_bytes(path: PathLike, limit: int, *, within: PathLike | None = None, nofollow: bool = False) -> bytes:
    """The bytes of the regular file ``path``, of at most ``limit`` bytes; FileIOError otherwise.

    ``within``: a relative ``path`` is taken from that folder, and the file must be inside it once
    every symbolic link is resolved. ``nofollow``: a symbolic link as the last part is refused.
    """
    fd, expected = _open_fd(path, limit, within, nofollow)
    try:
        chunks: list[bytes] = []
        size = 0
        want = expected + 1  # one read for a file that did not change since fstat, and one to see its end
        while size <= limit:
            chunk = os.read(fd, min(want, limit + 1 - size))
            want = _CHUNK
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        os.close(fd)
    if size > limit:  # it grew while being read
        raise FileTooLarge(path, size, limit)
    return b"".join(chunks)


def read_text(
    path: PathLike, limit: int, *, within: PathLike | None = None, nofollow: bool = False, encoding: str = "utf-8"
) -> str:
    """The text of the regular file ``path`` (see :func:`read_bytes`); undecodable bytes are a FileIOError."""
    data = read_bytes(path, limit, within=within, nofollow=nofollow)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        reason = f"not valid {encoding.upper()} (byte 0x{data[exc.start]:02X} at line {line}, offset {exc.start})"
        raise FileIOError(path, reason) from None


@contextmanager
def open_regular(
    path: PathLike, limit: int, *, within: PathLike | None = None, nofollow: bool = False
) -> Iterator[BinaryIO]:
    """The regular file ``path`` open for reading in binary, for readers that stream it.

    The size is checked when opened; a reader that must not read past ``limit`` when the file grows
    meanwhile reads at most ``limit + 1`` bytes and treats more as too large.
    """
    fd, _size = _open_fd(path, limit, within, nofollow)
    with os.fdopen(fd, "rb") as fh:
        yield fh


# --- permissions and durability -----------------------------------------------------------------


def process_umask() -> int:
    """The process umask, read without os.umask (which would briefly change it for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def file_mode() -> int:
    """The permissions of any new file: 0o666 less the umask."""
    return 0o666 & ~process_umask()


def dir_mode() -> int:
    """The permissions of any new folder: 0o777 less the umask."""
    return 0o777 & ~process_umask()


def fsync_file(fd: int) -> None:
    """Flush an open file's data to the disk."""
    os.fsync(fd)


def fsync_dir(path: PathLike) -> None:
    """Flush a folder's entries (a rename or a new file in it) to the disk."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- writing ------------------------------------------------------------------------------------


def _lstat_target(path: PathLike) -> os.stat_result | None:
    """``lstat`` of an output path (None: absent); a failure to look is a write failure."""
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _write_failed(path, exc) from None


def check_write_target(path: PathLike) -> os.stat_result | None:
    """The status of ``path`` if it is a regular file, None if absent; NotRegularFile for anything else.

    A symbolic link is refused whatever it points to: renaming over it would replace the link and
    never write its target, and following it would write where the link, not the user, decides.
    """
    info = _lstat_target(path)
    if info is None or stat.S_ISREG(info.st_mode):
        return info
    kind = file_kind(info.st_mode)
    expected = "expected a regular file or a path that does not exist yet; nothing was written"
    raise NotRegularFile(path, kind, f"is {kind}; {expected}")


def check_folder_target(path: PathLike) -> bool:
    """Whether the folder ``path`` exists (False: absent); NotAFolder when something else is there.

    A symbolic link is refused even when it leads to a folder: the write would land where the link
    decides, outside what the user named.
    """
    info = _lstat_target(path)
    if info is None or stat.S_ISDIR(info.st_mode):
        return info is not None
    kind = file_kind(info.st_mode)
    expected = "expected a folder or a path that does not exist yet; nothing was written"
    raise NotAFolder(path, kind, f"is {kind}; {expected}")


def write_bytes_atomic(path: PathLike, data: bytes, *, make_parents: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new content, never a part.

    Only a regular file or an absent path is written (see :func:`check_write_target`). The file keeps
    the permissions of the one it replaces, or gets those of any new file. ``make_parents`` creates
    missing folders on the way. A write error is a FileIOError naming the file; nothing is changed.
    """
    target = Path(path)
    info = check_write_target(target)
    mode = stat.S_IMODE(info.st_mode) if info is not None else file_mode()
    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _write_failed(exc.filename or target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            fsync_file(fh.fileno())
        os.chmod(tmp, mode)
        check_write_target(target)  # nothing but a file may have appeared there meanwhile
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise FileIOError(
            target, f"cannot write: {exc.strerror or exc}; nothing was changed", errno=exc.errno
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # the file is in place; a folder some file systems cannot fsync is no error
        fsync_dir(target.parent)


def write_text_atomic(path: PathLike, text: str, *, make_parents: bool = True) -> None:
    """:func:`write_bytes_atomic` of ``text`` in UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8"), make_parents=make_parents)
