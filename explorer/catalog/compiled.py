"""The compiled catalog: loaded catalogs kept in the user's cache, keyed by the content of their files.

Parsing YAML is most of what a command costs; the compiled form is the already checked and decoded
catalog as plain tuples in :mod:`marshal` format, which loads an order of magnitude faster. It is
never served stale and never trusted blindly:

- The key is a SHA-256 over every file's path and bytes, over the source of the modules that decide
  what a file decodes to (codec, yamlio, files, scan, model, actions and this one) and over the marshal format
  version. Any change to a file or to that code gives another key; an entry under another key is
  ignored (and overwritten with the fresh answer). Only catalogs that load without a problem are
  compiled, so every error is still reported from the files themselves.
- :mod:`marshal` is not meant for data someone else wrote, so an entry is read only from the user's
  cache folder (``platformdirs``, or ``$PERMISSION_EXPLORER_CACHE_DIR``), only if it is a regular
  file (not a symlink) owned by the user and writable by nobody else, and only if its SHA-256
  digest matches the one in its header (a torn or altered file is ignored).
- An entry is written to a temporary file and renamed into place; the cache is an optimisation, so
  a cache folder that cannot be created or written is silently left alone.

``PERMISSION_EXPLORER_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import hashlib
import marshal
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from explorer import fileio
from explorer.catalog.files import MAX_FILE_BYTES, collect_files
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

FORMAT = 3  # of the tuples below; part of the key (2: Scope.inferred, 3: every field of SourceDoc)
MAGIC = b"PXCAT\x00\x01\x00"
_DIGEST = 32
# an entry is a fraction of the size of the YAML it was compiled from; far above any real catalog's
MAX_ENTRY_BYTES = 512 * 1024 * 1024
MAX_ENTRIES = 64  # compiled catalogs kept (one per catalog location); the least recently used go first
# The modules whose code decides what a catalog file loads as: a change to any of them is a new key.
_CODE = ("codec.py", "yamlio.py", "files.py", "scan.py", "parsed.py", "compiled.py")
_MODEL_CODE = ("model.py", "actions.py")

_PROVENANCE = tuple(f.name for f in dataclasses.fields(Provenance))
_SOURCE = tuple(f.name for f in dataclasses.fields(SourceDoc))
# every field of Scope, so a field added to the model is compiled too (the cross-check test catches a miss)
_SCOPE = tuple(f.name for f in dataclasses.fields(Scope))

Loader = Callable[[list[Path]], dict[str, Catalog]]


def cache_dir() -> Path:
    """Where compiled catalogs are kept: ``$PERMISSION_EXPLORER_CACHE_DIR`` or the user's cache folder."""
    env = os.environ.get("PERMISSION_EXPLORER_CACHE_DIR")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("permission-explorer", appauthor=False)) / "catalogs"


def enabled() -> bool:
    return os.environ.get("PERMISSION_EXPLORER_NO_CACHE", "") in ("", "0")


def load_cached(paths: list[Path], fresh: Loader) -> dict[str, Catalog]:
    """``fresh(paths)``, answered from the compiled form when the files and the code are unchanged."""
    if not enabled():
        return fresh(paths)
    files, problems = collect_files(paths)
    contents = _read_all(files) if not problems else None
    if contents is None:  # missing, empty or unreadable: the fresh load reports it
        return fresh(paths)
    key = content_key(files, contents)
    entry = entry_path(files)
    cached = read_entry(entry, key)
    if cached is not None:
        return cached
    catalogs = fresh(paths)
    # Store the answer only if the files did not change while they were parsed, so the key describes them.
    again = _read_all(files)
    if again is not None and content_key(files, again) == key:
        write_entry(entry, key, catalogs)
    return catalogs


def _read_all(files: list[Path]) -> list[bytes] | None:
    try:
        return [fileio.read_bytes(path, MAX_FILE_BYTES) for path in files]
    except fileio.FileIOError:
        return None


@functools.cache  # the code does not change while a process runs
def _code_digest() -> bytes:
    here = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in [*(here / n for n in _CODE), *(here.parent / n for n in _MODEL_CODE)]:
        h.update(path.read_bytes())
    return h.digest()


def content_key(files: list[Path], contents: list[bytes]) -> bytes:
    """The SHA-256 that names one exact catalog: its files' paths and bytes, the decoding code, the format."""
    h = hashlib.sha256(b"permission-explorer compiled catalog %d %d\0" % (FORMAT, marshal.version))
    h.update(_code_digest())
    for path, data in zip(files, contents, strict=True):
        name = str(path.resolve()).encode("utf-8", "surrogateescape")
        h.update(b"%d:%s\0%d:" % (len(name), name, len(data)))
        h.update(data)
    return h.digest()


def entry_path(files: list[Path]) -> Path:
    """The cache file of a set of catalog files: one per location, overwritten when the content changes."""
    names = "\0".join(str(p.resolve()) for p in files).encode("utf-8", "surrogateescape")
    return cache_dir() / f"catalog-{hashlib.sha256(names).hexdigest()[:24]}.bin"


def _safe_to_read(st: os.stat_result) -> bool:
    """A regular file that only this user could have written (never, where ownership cannot be checked)."""
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:
        return False
    mode = st.st_mode
    return stat.S_ISREG(mode) and st.st_uid == geteuid() and not mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_entry(path: Path, key: bytes) -> dict[str, Catalog] | None:
    """The catalogs compiled under ``key`` in ``path``, or None when absent, unsafe, damaged or for another key."""
    try:  # the guarded open: a FIFO or device planted in a shared cache folder is never waited on or read
        with fileio.open_regular(path, MAX_ENTRY_BYTES, nofollow=True) as fh:
            if not _safe_to_read(os.fstat(fh.fileno())):
                return None
            blob = fh.read(MAX_ENTRY_BYTES + 1)
    except (OSError, fileio.FileIOError):
        return None
    if len(blob) > MAX_ENTRY_BYTES:
        return None
    header = len(MAGIC) + _DIGEST
    if len(blob) < header or not blob.startswith(MAGIC):
        return None
    payload = memoryview(blob)[header:]
    if hashlib.sha256(payload).digest() != blob[len(MAGIC) : header]:
        return None
    try:
        data = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == FORMAT and data[1] == key):
        return None
    try:
        return decode(data[2])
    except (TypeError, ValueError, IndexError):
        return None


def write_entry(path: Path, key: bytes, catalogs: dict[str, Catalog]) -> None:
    """Compile ``catalogs`` into ``path`` atomically (owner-only); any failure leaves the cache as it was."""
    payload = marshal.dumps((FORMAT, key, encode(catalogs)))
    blob = MAGIC + hashlib.sha256(payload).digest() + payload
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")  # mode 0o600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)
    except OSError:
        pass


def _prune(folder: Path) -> None:
    entries = []
    for p in folder.glob("catalog-*.bin"):
        try:
            entries.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue
    for _mtime, p in sorted(entries, reverse=True)[MAX_ENTRIES:]:
        p.unlink(missing_ok=True)


# --- the compiled form: plain tuples of str, int, bool and None --------------------------------


def _refs(refs: tuple[ActionRef, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((r.action, r.condition) for r in refs)


def encode(catalogs: dict[str, Catalog]) -> tuple[Any, ...]:
    """The catalogs as nested tuples that :mod:`marshal` writes."""
    out = []
    for cloud, catalog in catalogs.items():
        services = []
        for name, svc in catalog.services.items():
            sources = tuple(tuple(getattr(s, f) for f in _SOURCE) for s in svc.sources)
            ops = tuple(
                (
                    op.id,
                    tuple(op.name.items()),
                    op.apis,
                    _refs(op.actions),
                    _refs(op.dependencies),
                    tuple(getattr(op.scope, f) for f in _SCOPE),
                    op.notes,
                    tuple(getattr(op.provenance, f) for f in _PROVENANCE),
                )
                for op in svc.operations
            )
            services.append((name, svc.cloud, svc.service, svc.schema_version, sources, ops))
        out.append((cloud, tuple(services)))
    return tuple(out)


def decode(data: tuple[Any, ...]) -> dict[str, Catalog]:
    """The catalogs of :func:`encode`'s tuples."""
    enabled = gc.isenabled()
    gc.disable()  # tens of thousands of small objects, none of them garbage
    try:
        catalogs: dict[str, Catalog] = {}
        # ActionRef and Scope are immutable and repeat a lot: one object per distinct value
        refs: dict[tuple[str, str | None], ActionRef] = {}
        scopes: dict[tuple[Any, ...], Scope] = {}

        def ref(item: tuple[str, str | None]) -> ActionRef:
            found = refs.get(item)
            if found is None:
                found = refs[item] = ActionRef(*item)
            return found

        def scope_of(flags: tuple[Any, ...]) -> Scope:
            found = scopes.get(flags)
            if found is None:
                found = scopes[flags] = Scope(*flags)
            return found

        for cloud, services in data:
            catalog = catalogs[cloud] = Catalog(cloud)
            for name, svc_cloud, service, version, sources, ops in services:
                operations = tuple(
                    Operation(
                        op_id,
                        dict(names),
                        apis,
                        tuple(ref(r) for r in actions),
                        tuple(ref(r) for r in deps),
                        scope_of(scope),
                        notes,
                        Provenance(*prov),
                    )
                    for op_id, names, apis, actions, deps, scope, notes, prov in ops
                )
                docs = tuple(SourceDoc(*s) for s in sources)
                catalog.services[name] = ServiceCatalog(svc_cloud, service, docs, operations, version)
        return catalogs
    finally:
        if enabled:
            gc.enable()
