"""Reading the user's Terraform files and a provider checkout: every read goes through one guarded open.

Only a regular file is read (a FIFO or device planted where a ``.tf`` file is expected is refused without
blocking), up to a size limit, and a folder walk never leaves the folder it was given (symbolic links that
lead outside are refused). Each refusal is a :class:`TerraformError` naming the file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from explorer.errors import ExplorerError

MAX_TF_BYTES = 4 * 1024 * 1024  # one configuration file or plan; real ones are kilobytes
MAX_PLAN_BYTES = 64 * 1024 * 1024  # a plan of a large estate is megabytes
MAX_GO_BYTES = 2 * 1024 * 1024


class TerraformError(ExplorerError):
    """A configuration, plan or provider file that cannot be read as asked; the message names the file."""


def read_bytes(path: Path, limit: int, within: Path | None = None) -> bytes:
    """The bytes of the regular file ``path`` (at most ``limit`` bytes), confined to ``within`` if given."""
    if within is not None:
        try:
            inside = path.resolve().is_relative_to(within.resolve())
        except OSError as exc:
            raise TerraformError(f"{path}: cannot read: {exc.strerror}") from None
        if not inside:
            raise TerraformError(f"{path}: leads outside {within} (a symbolic link or '..'); not read")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise TerraformError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise TerraformError(f"{path}: not a regular file; expected a .tf file or a plan in JSON")
        if info.st_size > limit:
            raise TerraformError(f"{path}: {info.st_size:,} bytes, more than the {limit:,} read here")
        chunks: list[bytes] = []
        size = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise TerraformError(f"{path}: grew past {limit:,} bytes while read")
            chunks.append(chunk)
    except OSError as exc:
        raise TerraformError(f"{path}: cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_text(path: Path, limit: int, within: Path | None = None) -> str:
    """The UTF-8 text of the regular file ``path`` (see :func:`read_bytes`)."""
    data = read_bytes(path, limit, within)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TerraformError(f"{path}: line {line}: not valid UTF-8 (byte 0x{data[exc.start]:02X})") from None
