"""Finding the action tables of a documentation tree that has no MANIFEST.tsv.

A tree is a clone of a documentation repository, a folder of clones, a tree laid out like the corpus
(``<edition>/<service>/...``) or any folder of pages. Every page whose name ends as a registered
format declares (see :mod:`explorer.importers.formats`) is sniffed; a page where a sniffer finds a
table is parsed, and it is a *table* page when one of its tables is an action table (the importer's
own test, :func:`explorer.importers.rows.column_roles`). A page of the same folder that names a table
page (a toctree entry, a link) is its *intro* (section) page. Edition, service and provenance come
from the tree: folder names in the corpus layout; git metadata (``git -C``: the remote's
``owner/name``, HEAD's commit and date, the path in the repository) where the page lies in a work
tree; the options otherwise; and, for the service only, the service most actions of the page
belong to. The result is a list of MANIFEST entries a person can review and pin.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from explorer.catalog.codec import COMMIT_RE, date_problem, is_service_name
from explorer.errors import DocumentImportError
from explorer.importers.cells import action_like
from explorer.importers.formats import EXTENSIONS, FAMILY, NO_TABLE_FORMAT, PARSERS, REGISTRY, decode, family_of
from explorer.importers.manifest import ManifestEntry, read_corpus_file
from explorer.importers.rawtable import RawTable, TableSyntaxError
from explorer.importers.rows import column_roles
from explorer.model import EDITION_CLOUD, SOURCE_CURRENT

# GitHub owners of the documentation repositories, and the edition each publishes.
OWNER_EDITION = {
    "huaweicloudDocs": "huaweicloud-zh",
    "opentelekomcloud-docs": "otc-en",
    "opentelekomcloud-docs-swiss": "otc-swiss-en",
}
# The raw HTML export: one repository, a folder per service under docs/.
HTML_EXPORT_REPO = "opentelekomcloud-docs/doc-exports"
HTML_EXPORT_EDITION = "otc-html"
# Open Telekom Cloud repositories are named after the service in words (the corpus README's mapping).
# fmt: off
OTC_REPO_SERVICE = {
    "elastic-cloud-server": "ecs", "image-management-service": "ims", "cloud-eye": "ces", "config": "config",
    "resource-management-service": "rms", "resource-formation-service": "rfs", "scalable-file-service": "sfs",
    "vpc-endpoint": "vpcep", "direct-connect": "dc", "enterprise-project-service": "eps",
    "enterprise-router": "er", "dedicated-host": "deh", "document-database-service": "dds",
    "log-tank-service": "lts", "ubiquitous-cloud-native-service": "ucs", "virtual-private-cloud": "vpc",
    "elastic-ip": "eip", "data-replication-service": "drs", "gaussdb-opengauss": "gaussdb",
    "cloud-backup-recovery": "cbr", "cloud-search-service": "css", "distributed-cache-service": "dcs",
    "key-management-service": "dew", "domain-name-service": "dns", "elastic-load-balancing": "elb",
    "load-balancer": "elb", "function-graph": "functiongraph", "distributed-message-service": "kafka",
    "distributed-message-service-rocketmq": "rocketmq", "modelarts": "modelarts", "nat-gateway": "nat",
    "relational-database-service": "rds", "simple-message-notification": "smn",
    "web-application-firewall-dedicated": "waf",
}
# fmt: on
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "_build", "build", "site-packages"})
_GIT_TIMEOUT = 60


@dataclass(frozen=True, slots=True)
class GitOrigin:
    """The work tree a page lies in: its top folder, ``owner/name``, HEAD's commit and committer date."""

    top: Path
    repo: str
    commit: str
    date: str | None


@dataclass(slots=True)
class Discovery:
    """What a tree holds: the MANIFEST entries inferred for it, and the pages that could not be placed."""

    entries: list[ManifestEntry] = field(default_factory=list)
    # (path, why): pages with a table format's ending that were not read or not placed
    left: list[tuple[str, str]] = field(default_factory=list)
    tables: dict[str, list[RawTable]] = field(default_factory=dict)
    # every table of each table page, as the import reads it (parse_tables with the entry's format)
    parsed: dict[str, list[RawTable]] = field(default_factory=dict)


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=_GIT_TIMEOUT, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def repo_name(url: str) -> str:
    """``owner/name`` of a remote URL (``https://github.com/o/n.git``, ``git@github.com:o/n``); "" if none."""
    m = re.search(r"[:/]([^/:\s]+)/([^/\s]+?)(?:\.git)?/?$", url.strip())
    return f"{m.group(1)}/{m.group(2)}" if m else ""


def git_origin(folder: Path) -> GitOrigin | None:
    """The git work tree ``folder`` lies in, read with ``git -C``, or None outside one (or without git)."""
    top = _git(folder, "rev-parse", "--show-toplevel")
    if not top:
        return None
    commit = _git(folder, "rev-parse", "HEAD") or ""
    date = _git(folder, "log", "-1", "--format=%cs", "HEAD")
    url = _git(folder, "remote", "get-url", "origin") or ""
    return GitOrigin(
        Path(top),
        repo_name(url),
        commit if COMMIT_RE.fullmatch(commit) else "",
        date if date and date_problem(date) is None else None,
    )


def _pages(root: Path) -> list[str]:
    """Every file below ``root`` whose name ends as a registered format declares, relative, in code-point order."""
    found: list[str] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in _SKIPPED_DIRS)
        base = Path(folder).relative_to(root)
        for name in files:
            if not name.startswith(".") and name.lower().endswith(tuple(EXTENSIONS)):
                found.append((base / name).as_posix())
    return sorted(found)


def _action_tables(text: str, name: str, family: str) -> tuple[str | None, list[RawTable], list[RawTable]]:
    """The format of the page's first action table, every action table of the page, in page order, and for a
    page with one, every table of the page as ``parse_tables`` reads it for that format (the import then
    need not parse the page again)."""
    firsts: list[tuple[int, str]] = []
    tables: list[RawTable] = []
    parsed: dict[str, list[RawTable]] = {}
    for fmt in REGISTRY.values():
        if fmt.family != family or fmt.sniff(text) is None:
            continue
        parsed[fmt.name] = fmt.parse(text)
        found = [t for t in parsed[fmt.name] if t.header and column_roles(t, name, 1) is not None]
        if found:
            firsts.append((min(t.line for t in found), fmt.name))
            tables.extend(found)
    if not firsts:
        return None, [], []
    first = min(firsts)[1]
    # parse_tables(text, first): every format of the family, in FAMILY's order, sorted by line (stable)
    every = [t for member in FAMILY[first] for t in (parsed[member] if member in parsed else PARSERS[member](text))]
    return first, sorted(tables, key=lambda t: t.line), sorted(every, key=lambda t: t.line)


def _signature(tables: list[RawTable]) -> str:
    headers: list[str] = []
    for table in tables:
        header = " | ".join(" ".join(cell.split()) for cell in table.header)
        if header not in headers:
            headers.append(header)
    return " || ".join(headers)


def _service_by_content(tables: list[RawTable]) -> str | None:
    counts: Counter[str] = Counter()
    for table in tables:
        for row in table.rows:
            for cell in row.cells:
                for value in cell:
                    counts.update(n.split(":", 1)[0].lower() for n in action_like(value))
    ranked = sorted((n for n in counts.items() if is_service_name(n[0])), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0] if ranked else None


@dataclass(frozen=True, slots=True)
class _Place:
    edition: str | None
    service: str | None
    repo: str = ""
    commit: str = ""
    path: str = ""
    date: str | None = None


def _place(
    root: Path, relative: str, origins: dict[Path, GitOrigin | None], edition: str | None, service: str | None
) -> _Place:
    parts = PurePosixPath(relative).parts
    if len(parts) >= 3 and parts[0] in EDITION_CLOUD and is_service_name(parts[1]):
        return _Place(parts[0], parts[1])  # the corpus layout: <edition>/<service>/...
    folder = (root / relative).parent
    if folder not in origins:
        origins[folder] = git_origin(folder)
    origin = origins[folder]
    if origin is None:
        return _Place(edition, service)
    inside = (root / relative).resolve().relative_to(origin.top.resolve()).as_posix()
    owner, _, name = origin.repo.partition("/")
    git_edition, git_service = OWNER_EDITION.get(owner), None
    if origin.repo == HTML_EXPORT_REPO:
        git_edition = HTML_EXPORT_EDITION
        sub = PurePosixPath(inside).parts
        git_service = sub[1] if len(sub) > 2 and sub[0] == "docs" and is_service_name(sub[1]) else None
    elif owner == "huaweicloudDocs" and is_service_name(name):
        git_service = name
    elif owner.startswith("opentelekomcloud-docs"):
        git_service = OTC_REPO_SERVICE.get(name)
    return _Place(git_edition or edition, git_service or service, origin.repo, origin.commit, inside, origin.date)


def _linked(text: str, stems: list[str]) -> bool:
    return any(stem in text for stem in stems)


def discover(root: Path, *, edition: str | None = None, service: str | None = None) -> Discovery:
    """The table pages of ``root`` and their intro pages, as MANIFEST entries (see the module's doc).

    ``edition`` and ``service`` are used where the tree does not tell them. Raises
    DocumentImportError when ``root`` is not a folder or when an option is not a known edition or
    a service name.
    """
    if not root.is_dir():
        raise DocumentImportError(f"{root}: not a folder; expected a documentation tree or a corpus with MANIFEST.tsv")
    if edition is not None and edition not in EDITION_CLOUD:
        raise DocumentImportError(f"unknown edition {edition!r}; expected one of: {', '.join(sorted(EDITION_CLOUD))}")
    if service is not None and not is_service_name(service):
        raise DocumentImportError(f"service {service[:80]!r}: expected a short lower-case service name")
    result = Discovery()
    origins: dict[Path, GitOrigin | None] = {}
    others: dict[str, list[tuple[str, str]]] = {}  # folder -> (page, text) of pages without action tables
    table_stems: dict[str, list[str]] = {}
    for relative in _pages(root):
        family = family_of(relative)
        try:
            text = decode(read_corpus_file(root, relative), relative)
            fmt, tables, every = _action_tables(text, relative, family or "") if family else (None, [], [])
        except (DocumentImportError, TableSyntaxError) as exc:
            result.left.append((relative, str(exc).removeprefix(f"{relative}: ")))
            continue
        folder = PurePosixPath(relative).parent.as_posix()
        if fmt is None:
            others.setdefault(folder, []).append((relative, text))
            continue
        place = _place(root, relative, origins, edition, service)
        if place.service is None:
            place = _Place(place.edition, _service_by_content(tables), place.repo, place.commit, place.path, place.date)
        if place.edition is None or place.service is None:
            missing = "edition" if place.edition is None else "service"
            result.left.append(
                (relative, f"an action table, but the tree does not tell its {missing}; give --{missing}")
            )
            continue
        result.tables[relative] = tables
        result.parsed[relative] = every
        table_stems.setdefault(folder, []).append(PurePosixPath(relative).stem)
        result.entries.append(_entry(relative, place.edition, place.service, place, fmt, tables))
    for folder, pages in others.items():
        stems = table_stems.get(folder)
        if not stems:
            continue
        for relative, text in pages:
            if _linked(text, stems):
                first = next(e for e in result.entries if PurePosixPath(e.corpus_path).parent.as_posix() == folder)
                place = _place(root, relative, origins, first.source, first.service)
                result.entries.append(_entry(relative, first.source, first.service, place, None, []))
    result.entries.sort(key=lambda e: e.corpus_path)
    return result


def _entry(
    relative: str, edition: str, service: str, place: _Place, fmt: str | None, tables: list[RawTable]
) -> ManifestEntry:
    return ManifestEntry(
        edition,
        service,
        relative,
        place.repo,
        place.commit,
        place.path,
        fmt or NO_TABLE_FORMAT,
        len(tables),
        sum(len(t.rows) for t in tables),
        _signature(tables),
        "table" if fmt else "intro",
        place.date,
        SOURCE_CURRENT,
    )
