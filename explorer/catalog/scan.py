"""Reading a set of catalog roots or files into catalogs, collecting every problem instead of stopping at the first."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explorer.catalog import parsed as parsed_form
from explorer.catalog.codec import decode_service
from explorer.catalog.files import collect_files, place_problems, read_catalog_bytes
from explorer.catalog.yamlio import parse_yaml_text
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog, ServiceCatalog

# A file just written: path -> (the bytes written, the document they were rendered from; None for the
# catalog's parsed-catalog.json, rendered from the documents of the service files beside it).
Rendered = Mapping[Path, tuple[bytes, Any]]


def _read_document(path: Path, rendered: Rendered | None = None, parsed: parsed_form.Parsed | None = None) -> Any:
    """The parsed document of one file (read through the guarded open, its size checked first).

    A file whose bytes are exactly those rendered from a document is that document: the writer's
    check reads every byte back but need not parse the YAML it just made (the codec's round trip,
    ``load(dump(doc)) == doc``, is tested on the whole bundled catalog and by property tests).
    Likewise a file whose bytes have the SHA-256 that the catalog's ``parsed-catalog.json`` records
    (see :mod:`explorer.catalog.parsed`) is the document recorded there.
    """
    raw = read_catalog_bytes(path)
    known = rendered.get(path) if rendered else None
    if known is not None and known[0] == raw:
        return known[1]
    if parsed:
        found, doc = parsed_form.document(parsed, path, raw)
        if found:
            return doc
    return parse_yaml_text(raw, str(path))


def load_service_file(path: Path) -> ServiceCatalog:
    """Load one service file (its place in a catalog root is not checked; see ``load_catalogs``)."""
    svc, problems = decode_service(_read_document(path), str(path))
    if svc is None:
        raise CatalogError(problems)
    return svc


@dataclass(slots=True)
class CatalogScan:
    """What reading a set of catalog paths found: the catalogs, the files read and every problem."""

    catalogs: dict[str, Catalog] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan_catalogs(
    paths: Iterable[Path],
    extra_check: Callable[[Any, str], list[Problem]] | None = None,
    rendered: Rendered | None = None,
    use_parsed: bool = False,
) -> CatalogScan:
    """Read catalog roots or files, collecting every problem instead of stopping at the first.

    ``extra_check(document, file)`` is run on every document that parses (validate's JSON Schema);
    ``rendered`` holds the files a writer just made (see ``_read_document``). ``use_parsed``: take a
    file's document from its root's ``parsed-catalog.json`` where that records the file's exact bytes.
    """
    paths = list(paths)
    scan = CatalogScan()
    scan.files, scan.problems = collect_files(paths)
    parsed: parsed_form.Parsed = {}
    if use_parsed:
        by_base: dict[Path, list[Path]] = {}
        for path in scan.files:
            by_base.setdefault(path.parent.parent, []).append(path)
        for base, wanted in sorted(by_base.items()):
            parsed.update(parsed_form.read(base, wanted))
    owner: dict[tuple[str, str], Path] = {}
    op_owner: dict[str, str] = {}
    row_owner: dict[tuple[str, int, int], str] = {}
    for path in scan.files:
        try:
            data = _read_document(path, rendered, parsed)
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


def load_catalogs_fresh(paths: Iterable[Path]) -> dict[str, Catalog]:
    """``load_catalogs`` without the compiled cache: every file parsed and checked."""
    scan = scan_catalogs(paths, use_parsed=True)
    if scan.problems:
        raise CatalogError(scan.problems)
    return scan.catalogs
