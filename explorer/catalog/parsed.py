"""The parsed form of a catalog written beside its YAML: a first load without parsing YAML.

Parsing the YAML is most of what loading a catalog costs when the compiled cache
(:mod:`explorer.catalog.compiled`) is empty, as in every CI container. Every writer of a catalog
(:func:`explorer.catalog.store.write_catalogs`: ``import``, ``./run catalog``) also writes, in the same
generation, ``parsed-catalog.json``: for each service file, the SHA-256 of the bytes written and the
document they were rendered from. JSON parses in a twentieth of the YAML's time.

It replaces only the YAML parse, never a check and never the files themselves:

- A document is used only for a file whose bytes, read through the guarded open, have exactly the
  recorded SHA-256; an edited, added or renamed file is parsed from its YAML as before.
- The document then goes through everything a parsed one does (the codec's decoding and checks,
  the place of the file, the cross-file checks), so a hand-made ``parsed-catalog.json`` can load
  nothing the YAML next to it could not have said.
- The file is read through the guarded open with a size limit; a damaged, foreign or unreadable one
  (or one of another ``FORMAT``) is ignored and the YAML parsed.
- ``validate`` never uses it: it checks the files as they are, and reports a recorded document that
  differs from what the YAML of the same bytes gives (a reviewer reads the YAML; that is what loads).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from explorer import fileio
from explorer.errors import Problem

NAME = "parsed-catalog.json"
FORMAT = 1  # of the file below
KIND = "permission-explorer parsed catalog"
# the documents' JSON is about as large as the YAML they come from; far above any real catalog
MAX_BYTES = 512 * 1024 * 1024

# A path of a catalog file -> (the SHA-256 of its bytes, in hex, and its document).
Parsed = dict[Path, tuple[str, Any]]


def render(files: Mapping[str, bytes], docs: Mapping[str, Any]) -> bytes:
    """The deterministic text of ``parsed-catalog.json`` for the service files ``files`` (relative path -> bytes).

    ``docs`` holds the document each file was rendered from. One line per file, in path order, so that
    a change to the catalog is a readable diff.
    """
    lines = [
        json.dumps(
            [rel, hashlib.sha256(files[rel]).hexdigest(), docs[rel]],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for rel in sorted(docs)
    ]
    head = json.dumps({"kind": KIND, "format": FORMAT}, separators=(",", ":"))
    return ("[" + head + ",\n" + ",\n".join(lines) + "\n]\n").encode("utf-8")


def read(base: Path, wanted: Collection[Path] | None = None) -> Parsed:
    """The documents recorded in the folder ``base`` (a catalog root or its generation) by file path.

    Empty when the file is absent, damaged or foreign. The paths are ``base/<cloud>/<service>.yaml``, as
    :func:`explorer.catalog.files.catalog_files` lists them. With ``wanted``, only the lines of those
    files are decoded (a command that asks for one cloud need not decode the other's documents).
    """
    try:
        blob = fileio.read_bytes(base / NAME, MAX_BYTES, nofollow=True)
    except (OSError, fileio.FileIOError):
        return {}
    lines = blob.split(b"\n")
    head = json.dumps({"kind": KIND, "format": FORMAT}, separators=(",", ":")).encode()
    if len(lines) < 3 or lines[0] != b"[" + head + b"," or lines[-2:] != [b"]", b""]:
        return {}
    prefixes = None if wanted is None else {_prefix(base, path) for path in wanted}
    parsed: Parsed = {}
    last = len(lines) - 4  # the index of the last entry: the head, then the entries, then "]" and ""
    for i, line in enumerate(lines[1:-2]):
        if i != last:
            if not line.endswith(b","):
                return {}
            line = line[:-1]
        if prefixes is not None and line[: line.find(b'",') + 2] not in prefixes:
            continue
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            return {}
        if not (isinstance(entry, list) and len(entry) == 3):
            return {}
        rel, digest, doc = entry
        if not (isinstance(rel, str) and isinstance(digest, str) and len(digest) == 64):
            return {}
        parts = rel.split("/")
        if len(parts) != 2 or any(not p or p.startswith(".") or p == ".." for p in parts):
            return {}  # only <cloud>/<service>.yaml, never a path out of the root
        parsed[base / parts[0] / parts[1]] = (digest, doc)
    return parsed


def _prefix(base: Path, path: Path) -> bytes:
    """How the line of ``path`` begins (its name as JSON), if ``render`` wrote one."""
    rel = f"{path.parent.name}/{path.name}" if path.parent.parent == base else ""
    return b"[" + json.dumps(rel, ensure_ascii=False).encode("utf-8") + b","


def document(parsed: Parsed, path: Path, raw: bytes) -> tuple[bool, Any]:
    """``(True, document)`` when ``parsed`` records ``path`` with exactly the bytes ``raw``; else ``(False, None)``."""
    known = parsed.get(path)
    if known is None or hashlib.sha256(raw).hexdigest() != known[0]:
        return False, None
    return True, known[1]


def disagreements(base: Path, documents: Mapping[str, Any], rendered: bytes | None = None) -> list[Problem]:
    """A problem for each file that ``base``'s parsed form records with its exact bytes but another document.

    ``documents`` maps a file (as a string) to the document its YAML gives. A load would answer such a
    file from the recorded document, so ``validate`` reports it: the YAML a reviewer reads is what loads.
    An entry for other bytes (a file edited since) is not a problem: a load parses that file's YAML.
    ``rendered``: the bytes a writer rendered (``render``) from these same documents; when the file holds
    exactly those, every entry is one of them and nothing can disagree.
    """
    if rendered is not None:
        try:
            if fileio.read_bytes(base / NAME, MAX_BYTES, nofollow=True) == rendered:
                return []
        except (OSError, fileio.FileIOError):
            return []  # no readable parsed form: nothing a load would answer from it
    problems: list[Problem] = []
    for path, (digest, doc) in read(base).items():
        file = str(path)
        if file not in documents or doc == documents[file]:
            continue
        try:
            raw = fileio.read_bytes(path, MAX_BYTES)
        except fileio.FileIOError:
            continue  # the scan reports an unreadable file
        if hashlib.sha256(raw).hexdigest() == digest:
            message = f"records another document for this file than its YAML; write the catalog again or delete {NAME}"
            problems.append(Problem(str(base / NAME), f"{path.parent.name}/{path.name}", message))
    return problems
