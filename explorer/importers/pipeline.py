"""The import pipeline: corpus (MANIFEST.tsv) or one uploaded document -> catalogs + import report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from explorer import fileio
from explorer.catalog.codec import CLOUD_GRAMMAR, SERVICE_GRAMMAR, is_cloud_name, is_service_name
from explorer.catalog.damage import action_damage
from explorer.catalog.store import write_catalogs
from explorer.catalog.validate import validate
from explorer.catalog.yamlio import dump_service
from explorer.errors import DocumentImportError
from explorer.importers.cells import action_like
from explorer.importers.dedupe import deduplicate
from explorer.importers.formats import decode, detect_format, parse_tables
from explorer.importers.ids import assign_ids
from explorer.importers.manifest import ManifestEntry, read_corpus_file, read_manifest
from explorer.importers.rawtable import RawTable, TableSyntaxError
from explorer.importers.report import REPORT_NAME, FileReport, ImportReport, report_to_json
from explorer.importers.rows import (
    RowProblem,
    UnknownHeader,
    UnknownHeaderError,
    column_roles,
    interpret_table,
    policy_content,
)
from explorer.model import EDITION_CLOUD, EDITION_LANGUAGE, Catalog, Operation, Provenance, ServiceCatalog, SourceDoc

# Eight times the largest page of the corpus; an upload this size imports in about two seconds.
MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
# Service prefixes that glued names may end in (see cells._split_glued); the names in the
# documents being imported are added to these.
# fmt: off
BASE_SERVICES = frozenset({
    "aom", "apig", "as", "bms", "cce", "cci", "ces", "config", "dc", "dds", "deh", "dli", "drs", "dws", "ecs",
    "eip", "elb", "eps", "er", "evs", "gaussdb", "ges", "hilens", "hss", "iam", "ims", "kms", "lts",
    "modelarts", "mrs", "nat", "obs", "ocr", "rds", "rfs", "rms", "scm", "sfs", "tms", "ucs", "vpc", "vpcep",
    "vpn"
})
# fmt: on

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class DocumentImport:
    """One uploaded document, imported: its operations as a service catalog, and the report."""

    catalog: ServiceCatalog
    report: ImportReport


@dataclass(slots=True)
class _Parsed:
    file: str
    edition: str
    service: str
    format: str
    tables: list[RawTable]
    error: str | None = None


def _services_in(tables: Iterable[RawTable]) -> set[str]:
    found: set[str] = set()
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for value in cell:
                    if ":" in value:
                        found.update(name.split(":", 1)[0] for name in action_like(value))
    found.discard("*")
    return found


def _with_source(operations: list[Operation], source: SourceDoc) -> list[Operation]:
    """Operations whose provenance carries the document's edition and origin, as a loaded catalog's do."""
    # built directly rather than with dataclasses.replace: a whole corpus has some 6,000 rows
    return [
        Operation(
            op.id,
            op.name,
            op.apis,
            op.actions,
            op.dependencies,
            op.scope,
            op.notes,
            Provenance(
                op.provenance.file,
                op.provenance.table,
                op.provenance.row,
                source.edition,
                source.repo,
                source.commit,
                source.path,
                source.date,
                source.status,
            ),
        )
        for op in operations
    ]


def _import_parsed(parsed: _Parsed, known: frozenset[str]) -> tuple[list[Operation], FileReport]:
    report = FileReport(parsed.file, parsed.edition, parsed.service, parsed.format)
    if parsed.error is not None:
        report.problems.append(RowProblem(parsed.file, 0, 0, parsed.error))
        return [], report
    operations: list[Operation] = []
    language = EDITION_LANGUAGE[parsed.edition]
    for table in parsed.tables:
        if not table.header and table.damage:
            report.problems.extend(RowProblem(parsed.file, 0, 0, d) for d in table.damage)
            continue
        number = report.tables + 1
        if policy_content(table):
            report.problems.append(
                RowProblem(
                    parsed.file,
                    0,
                    0,
                    f"the table at line {table.line} ({table.caption}) lists what a system-defined policy grants, "
                    "not operations; not imported",
                    False,
                )
            )
            continue
        classified = column_roles(table, parsed.file, number)
        if classified is None:
            continue
        roles, problems = classified
        report.unknown_headers.extend(
            UnknownHeader(parsed.file, number, table.line, h)
            for h, r in zip(table.header, roles, strict=True)
            if r is None
        )
        report.tables = number
        report.problems.extend(problems)
        result = interpret_table(table, parsed.file, number, roles, language=language, known_services=known)
        report.rows_seen += result.rows_seen
        report.rows_imported += len(result.operations)
        report.problems.extend(result.problems)
        operations.extend(result.operations)
    return operations, report


def _parse_file(corpus: Path, entry: ManifestEntry, preparsed: Mapping[str, list[RawTable]]) -> _Parsed:
    parsed = _Parsed(entry.corpus_path, entry.source, entry.service, entry.format, [])
    known = preparsed.get(entry.corpus_path)
    if known is not None:  # read and parsed with this format by discovery already
        parsed.tables = list(known)
        return parsed
    try:
        data = read_corpus_file(corpus, entry.corpus_path)  # confined to the corpus, size-limited
        parsed.tables = parse_tables(decode(data, entry.corpus_path), entry.format)
    except (DocumentImportError, TableSyntaxError) as exc:
        parsed.error = str(exc)
    return parsed


def _check_headers(report: ImportReport) -> None:
    """With ``strict_headers``: one error naming every unknown column header of the run, with its place."""
    unknown = sorted(u for f in report.files for u in f.unknown_headers)
    if unknown:
        listed = "\n".join(f"  {u}" for u in unknown)
        raise UnknownHeaderError(
            f"{len(unknown)} column header(s) no rule reads; nothing was written "
            f"(without --strict these columns are ignored and their values listed per row):\n{listed}"
        )


def build_corpus(
    corpus: Path, *, strict_headers: bool = False, progress: Progress | None = None
) -> tuple[dict[str, Catalog], ImportReport]:
    """Import every table file the corpus manifest lists, in memory: one Catalog per cloud, and the report.

    Raises DocumentImportError for an unreadable manifest. A column with an unknown header is
    ignored and reported, with the values it held per row; with ``strict_headers`` the run instead
    raises UnknownHeaderError, after reading every file, naming every such header with its place.
    Everything else is reported.
    """
    return build_entries(corpus, read_manifest(corpus), strict_headers=strict_headers, progress=progress)


def build_entries(
    corpus: Path,
    manifest: Iterable[ManifestEntry],
    *,
    strict_headers: bool = False,
    progress: Progress | None = None,
    preparsed: Mapping[str, list[RawTable]] | None = None,
) -> tuple[dict[str, Catalog], ImportReport]:
    """Import the table files of ``manifest`` (read from MANIFEST.tsv, or inferred by discovery) below ``corpus``.

    ``preparsed``: the tables of pages already read, by corpus path (discovery's, read with the format of
    their entry), so that they are not read and parsed twice.
    """
    entries = [e for e in manifest if e.is_table]
    parsed: list[_Parsed] = []
    for done, entry in enumerate(entries, start=1):
        parsed.append(_parse_file(corpus, entry, preparsed or {}))
        if progress is not None:
            progress(done, len(entries) * 2, entry.corpus_path)
    known = frozenset(BASE_SERVICES | {e.service for e in entries} | _services_in(t for p in parsed for t in p.tables))
    report = ImportReport()
    by_service: dict[tuple[str, str], list[Operation]] = {}
    sources: dict[tuple[str, str], list[SourceDoc]] = {}
    for done, (entry, item) in enumerate(zip(entries, parsed, strict=True), start=len(entries) + 1):
        operations, file_report = _import_parsed(item, known)
        if not file_report.failed and (file_report.tables, file_report.rows_seen) != (
            entry.action_tables,
            entry.approx_rows,
        ):
            # the manifest counted the file's action tables and rows independently: a difference
            # means a table or rows the importer did not recognise as such
            file_report.problems.append(
                RowProblem(
                    entry.corpus_path,
                    0,
                    0,
                    f"the manifest lists {entry.action_tables} action tables with about {entry.approx_rows} rows; "
                    f"the importer found {file_report.tables} with {file_report.rows_seen} rows",
                    False,
                )
            )
        report.files.append(file_report)
        key = (EDITION_CLOUD[entry.source], entry.service)
        source = SourceDoc(
            entry.corpus_path,
            entry.source,
            entry.origin_repo,
            entry.origin_commit,
            entry.origin_path,
            entry.format,
            entry.origin_date,
            entry.status,
        )
        by_service.setdefault(key, []).extend(_with_source(operations, source))
        sources.setdefault(key, []).append(source)
        if progress is not None:
            progress(done, len(entries) * 2, entry.corpus_path)
    report.files.sort(key=lambda f: f.file)
    if strict_headers:
        _check_headers(report)
    catalogs: dict[str, Catalog] = {}
    by_file = {f.file: f for f in report.files}
    for (cloud, service), operations in sorted(by_service.items()):
        ordered = sorted(operations, key=lambda op: (op.provenance.file, op.provenance.table, op.provenance.row))
        ordered = deduplicate(ordered, by_file)
        catalogs.setdefault(cloud, Catalog(cloud)).services[service] = ServiceCatalog(
            cloud, service, tuple(sorted(sources[(cloud, service)])), tuple(assign_ids(cloud, service, ordered))
        )
    for cloud in sorted(catalogs):
        _report_damage(catalogs[cloud].services.values(), by_file)
    return catalogs, report


def _report_damage(services: Iterable[ServiceCatalog], by_file: dict[str, FileReport]) -> None:
    """Signs of damaged action names (see explorer.catalog.damage), as warnings on the rows that carry them."""
    for d in action_damage(sorted(services, key=lambda s: s.service)):
        prov = d.service.operations[d.index].provenance
        target = by_file.get(prov.file)
        if target is not None:
            target.problems.append(
                RowProblem(prov.file, prov.table, prov.row, f"{d.location}: {d.message}", False, "damaged_action")
            )


def import_corpus(
    corpus: Path, out: Path, *, strict_headers: bool = False, progress: Progress | None = None
) -> ImportReport:
    """Import the corpus and write ``out/<cloud>/<service>.yaml`` and ``out/import-report.json``.

    Nothing is written unless the whole corpus was imported; each cloud directory is then replaced
    as a whole (see :func:`explorer.catalog.store.write_catalogs`).
    """
    catalogs, report = build_corpus(corpus, strict_headers=strict_headers, progress=progress)
    write_import(catalogs, report, out)
    return report


def write_import(
    catalogs: dict[str, Catalog], report: ImportReport, out: Path, extra: dict[str, str] | None = None
) -> None:
    """Write an import's catalogs, its report and ``extra`` files to ``out``, all or nothing."""
    write_catalogs(
        [catalogs[c] for c in sorted(catalogs)],
        out,
        extra_files={REPORT_NAME: report_to_json(report), **(extra or {})},
        # never swap in a catalog validate rejects; it reads back every byte written, but parses only
        # files whose bytes differ from those rendered (so never, unless the write went wrong)
        check_rendered=lambda built, rendered: list(validate([built], rendered=rendered).problems),
    )


# An upload's name becomes its provenance file: the base name only, without control characters.
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]+")


def import_document(
    name: str,
    data: bytes,
    *,
    cloud: str,
    edition: str,
    service: str | None = None,
    fmt: str | None = None,
    strict_headers: bool = False,
) -> DocumentImport:
    """Import one uploaded document (e.g. from the web UI) into a ServiceCatalog and its report.

    The format is detected from the file name and content unless given; the service is the one
    most of the document's actions belong to unless given. Raises DocumentImportError, with the
    file name and what was expected, for a document that cannot be imported at all.
    """
    label = _UNSAFE.sub("", Path(name.replace("\\", "/")).name).strip(" .") or "upload"
    if edition not in EDITION_LANGUAGE:
        raise DocumentImportError(
            f"{label}: unknown edition {edition!r}; expected one of: {', '.join(EDITION_LANGUAGE)}"
        )
    if not is_cloud_name(cloud):
        raise DocumentImportError(
            f"{label}: cloud {cloud[:80]!r}: expected {CLOUD_GRAMMAR}, such as huaweicloud or otc"
        )
    if service is not None and not is_service_name(service):
        raise DocumentImportError(f"{label}: service {service[:80]!r}: expected {SERVICE_GRAMMAR}")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise DocumentImportError(
            f"{label}: the file has {len(data)} bytes; documents larger than {MAX_DOCUMENT_BYTES} bytes are refused"
        )
    text = decode(data, label)
    fmt = fmt or detect_format(label, text)
    try:
        tables = parse_tables(text, fmt)
    except TableSyntaxError as exc:
        raise DocumentImportError(f"{label}: {exc}") from None
    parsed = _Parsed(label, edition, service or "", fmt, tables)
    known = frozenset(BASE_SERVICES | _services_in(tables))
    operations, file_report = _import_parsed(parsed, known)
    if strict_headers:
        _check_headers(ImportReport([file_report]))
    if file_report.tables == 0:
        damage = "; ".join(d for t in tables for d in t.damage)
        raise DocumentImportError(
            f"{label}: no action table found; expected a {fmt} table with an action column (授权项, Action, Actions)"
            + (f" ({damage})" if damage else "")
        )
    if service is None:
        counts = Counter(ref.action.split(":", 1)[0] for op in operations for ref in op.actions)
        if not counts:
            raise DocumentImportError(
                f"{label}: no row of its action tables names an action, so the service it documents cannot be "
                "told from them; nothing to import"
            )
        service = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if not is_service_name(service):
            raise DocumentImportError(
                f"{label}: most of its actions belong to {service[:80]!r}, which is not {SERVICE_GRAMMAR}; "
                "name the service (--service)"
            )
        file_report.service = service
    source = SourceDoc(label, edition, format=fmt)
    catalog = ServiceCatalog(
        cloud, service, (source,), tuple(assign_ids(cloud, service, _with_source(operations, source)))
    )
    _report_damage([catalog], {file_report.file: file_report})
    return DocumentImport(catalog, ImportReport([file_report]))


def save_document(result: DocumentImport, path: Path) -> None:
    """Write an imported document's service catalog as YAML, atomically."""
    fileio.write_text_atomic(path, dump_service(result.catalog))
