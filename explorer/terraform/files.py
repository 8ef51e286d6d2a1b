"""Reading the user's Terraform files and a provider checkout: every read goes through the guarded open of
:mod:`explorer.fileio` (only a regular file, up to a size limit, never blocking on a FIFO; a provider checkout's
files confined to the checkout).
"""

from __future__ import annotations

from pathlib import Path

from explorer import fileio
from explorer.errors import ExplorerError

MAX_TF_BYTES = 4 * 1024 * 1024  # one configuration file; real ones are kilobytes
MAX_PLAN_BYTES = 64 * 1024 * 1024  # a plan of a large estate is megabytes
MAX_GO_BYTES = 2 * 1024 * 1024
# the provider data's version, which provider_scan writes and provider reads: here, so that reading the data
# does not import the scanner (its subprocess and csv)
SCHEMA_VERSION = 1


class TerraformError(ExplorerError):
    """A configuration, plan or provider file that cannot be read as asked; the message names the file."""


def read_bytes(path: Path, limit: int, within: Path | None = None) -> bytes:
    """The bytes of the regular file ``path`` (relative to ``within`` when given, and confined to it)."""
    return fileio.read_bytes(path, limit, within=within)


def read_text(path: Path, limit: int, within: Path | None = None) -> str:
    """The UTF-8 text of the regular file ``path`` (see :func:`read_bytes`)."""
    return fileio.read_text(path, limit, within=within)
