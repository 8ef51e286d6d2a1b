"""The catalog's domain model: plain, immutable, typed records.

This module is the innermost layer. It imports nothing from the rest of the package, so the
importers, the graph, the renderers, the CLI and the UI can all share it.

Tri-state flags are ``bool | None``: ``None`` means the documentation does not say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The version of the catalog format. It changes whenever a file written by this code could be refused or
# misread by code that reads the previous version; readers accept every version in READABLE_SCHEMA_VERSIONS
# (an older file means what it meant then, and is written back in the current version).
# 1: the first format. 2: an action may be a wildcard pattern (the documentation's own, e.g.
# cce:kubernetes:*), scope.inferred names the flags read from prose, ids are derived from content.
# 3: a source may carry its documentation's date and status (current, or a page deleted later).
SCHEMA_VERSION = 3
READABLE_SCHEMA_VERSIONS = (1, 2, 3)

# The status of a documentation file: it exists at its repository's head, or was removed from it later.
SOURCE_CURRENT = "current"
SOURCE_DELETED = "deleted"
SOURCE_STATUSES = (SOURCE_CURRENT, SOURCE_DELETED)

# Editions of the documentation, keyed by the corpus source folder, and the cloud each feeds.
EDITION_CLOUD: dict[str, str] = {
    "huaweicloud-zh": "huaweicloud",
    "otc-en": "otc",
    "otc-swiss-en": "otc",
    "otc-html": "otc",
}
EDITION_LANGUAGE: dict[str, str] = {
    "huaweicloud-zh": "zh",
    "otc-en": "en",
    "otc-swiss-en": "en",
    "otc-html": "en",
}


@dataclass(frozen=True, slots=True, order=True)
class ActionRef:
    """An action named in a table cell, with the condition the cell attached to it, if any.

    ``action`` is normalised (service prefix lower-cased) and may be a wildcard pattern such as
    ``ecs:*:get*`` (a dependency) or ``cce:kubernetes:*`` (an action cell) when the documentation wrote one.
    """

    action: str
    condition: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a policy granting the operation's action takes effect, as the row documents it."""

    iam_project: bool | None = None
    enterprise_project: bool | None = None
    instance: bool | None = None
    tag: bool | None = None
    # the flags (by field name, sorted) that the importer read from prose ("Projects are supported.")
    # rather than from a documented mark such as √ or ×
    inferred: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class Provenance:
    """Where a row came from: the corpus file, the table (1-based) and the data row (1-based).

    ``edition``, ``repo``, ``commit``, ``path``, ``date`` and ``status`` are joined in from the catalog's
    source list (itself taken from the corpus MANIFEST.tsv) when a catalog is loaded. ``date`` is the
    documentation's date (ISO ``YYYY-MM-DD``, the commit the file was read from) or None where unknown;
    ``status`` is ``current`` or ``deleted`` (the page was later removed from its repository: the row is
    older documentation, not the current definition).
    """

    file: str
    table: int
    row: int
    edition: str = ""
    repo: str = ""
    commit: str = ""
    path: str = ""
    date: str | None = None
    status: str = SOURCE_CURRENT


@dataclass(frozen=True, slots=True)
class Operation:
    """One row of an action table: an API operation, the actions it checks and what it needs."""

    id: str
    name: dict[str, str]
    apis: tuple[str, ...]
    actions: tuple[ActionRef, ...]
    dependencies: tuple[ActionRef, ...]
    scope: Scope
    notes: tuple[str, ...]
    provenance: Provenance

    def display_name(self, prefer: str = "en") -> str:
        """The name in the preferred language, else any name, else the first API, else the id."""
        if prefer in self.name:
            return self.name[prefer]
        for lang in sorted(self.name):
            return self.name[lang]
        return self.apis[0] if self.apis else self.id


@dataclass(frozen=True, slots=True, order=True)
class SourceDoc:
    """A documentation file the catalog was built from (one MANIFEST.tsv row).

    ``date`` is the date of the commit the file was read from (ISO ``YYYY-MM-DD``, None where unknown);
    ``status`` is ``current`` (the file exists at its repository's head) or ``deleted`` (a page removed
    later: older documentation of actions that may still exist).
    """

    file: str
    edition: str
    repo: str = ""
    commit: str = ""
    path: str = ""
    format: str = ""
    date: str | None = None
    status: str = SOURCE_CURRENT


@dataclass(frozen=True, slots=True)
class ServiceCatalog:
    """All operations of one service in one cloud, with the documents they came from."""

    cloud: str
    service: str
    sources: tuple[SourceDoc, ...]
    operations: tuple[Operation, ...]
    schema_version: int = SCHEMA_VERSION

    @property
    def documentation_date(self) -> str | None:
        """How new the service's documentation is: the newest date of its current sources.

        A service documented only by deleted pages gets the newest date of those; None when no
        source carries a date (an upload, a catalog written before dates were recorded).
        """
        current = [s.date for s in self.sources if s.date and s.status == SOURCE_CURRENT]
        dated = current or [s.date for s in self.sources if s.date]
        return max(dated) if dated else None

    @property
    def only_deleted_sources(self) -> bool:
        """True when every source of the service is a deleted page (older documentation only)."""
        return bool(self.sources) and all(s.status == SOURCE_DELETED for s in self.sources)


@dataclass(slots=True)
class Catalog:
    """One cloud's catalog: its services by short name."""

    cloud: str
    services: dict[str, ServiceCatalog] = field(default_factory=dict)

    def operations(self) -> list[Operation]:
        """Every operation of every service, in service order then catalog order."""
        return [op for name in sorted(self.services) for op in self.services[name].operations]
