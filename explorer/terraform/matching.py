"""Provider APIs matched to the catalog's documented operations, through the project's API grammar.

Two spellings of one API match when, read by :mod:`explorer.apigrammar`, they have the same method and the
same path with placeholders blanked and letter case ignored (``{id}``, ``{server_id}`` and ``{serverId}`` are
one segment; ``/V2/orders`` is ``/v2/orders``). A query string does not prevent a match: when some rows
document the path with the same query parameters, those rows are the match, else every row of the path. The
one exception is a path of ``/`` alone (OBS's bucket sub-resources, ``PUT /?acl``), which the query names:
there the query parameters must be the same. Versions are part of the path: ``/v1/`` is not ``/v1.1/``.

Only the tables of the service the provider's label names are consulted (job-polling APIs such as
``GET /v1/{project_id}/jobs/{job_id}`` are documented by many services, each for its own jobs). An API is
then matched to operations, or reported with the reason: ``no_table`` (the catalog has no table for that
service) or ``undocumented`` (the service's tables do not document that API). Nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal

from explorer.apigrammar import lookup_key
from explorer.terraform.provider import ProviderApi

Status = Literal["matched", "no_table", "undocumented", "unreadable"]
REASONS: dict[Status, str] = {
    "matched": "documented",
    "no_table": "the catalog has no action table for that service",
    "undocumented": "the service's action tables do not document that API",
    "unreadable": "the provider's line is not an API the grammar reads",
}

# The provider's service labels that are not the catalog's service name (the corpus folder of the service's
# documentation), once case and punctuation are dropped: KMS, CSMS and KPS are documented as part of DEW;
# the provider's "LB" label is its ELB client; Config is documented as RMS (Resource Management Service).
LABEL_SERVICES: dict[str, tuple[str, ...]] = {
    "kms": ("dew",),
    "csms": ("dew",),
    "kps": ("dew",),
    "lb": ("elb",),
    "config": ("rms", "config"),
}
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def label_services(label: str) -> tuple[str, ...]:
    """The catalog services whose tables document the APIs of a provider service label."""
    folded = _NOT_ALNUM.sub("", label.casefold())
    return LABEL_SERVICES.get(folded, (folded,))


def api_key(text: str) -> tuple[str, frozenset[str]] | None:
    """``(METHOD /path, query parameter names)``, placeholders blanked and case folded; None if not an API."""
    key = lookup_key(text)
    if key is None:
        return None
    path, _, query = key.partition("?")
    method, _, rest = path.partition(" ")
    if not rest:  # the documentation named no method
        method, rest = "", method
    names = frozenset(n for n in (p.split("=", 1)[0].strip() for p in re.split(r"[&;]", query)) if n and "{" not in n)
    return f"{method} {rest.casefold().rstrip('/') or '/'}", names


@dataclass(frozen=True, slots=True)
class ApiMatch:
    """What the catalog says about one provider API."""

    api: ProviderApi
    status: Status
    services: tuple[str, ...]  # the catalog services consulted
    operations: tuple[str, ...] = ()  # the graph's operation nodes (``op:<id>``) that document it
    no_apis: bool = False  # undocumented because the service's tables name no API at all (actions only)

    @property
    def reason(self) -> str:
        if self.no_apis:
            return "the service's action tables name no API at all (actions only), so none can be matched"
        return REASONS[self.status]

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.api.to_dict(),
            "api": self.api.text,
            "status": self.status,
            "reason": self.reason,
            "services": list(self.services),
            "operations": list(self.operations),
        }


class ApiIndex:
    """The documented APIs of one cloud's catalog, by service and key (see :func:`api_key`); a service's keys
    are made the first time one of its APIs is asked about."""

    def __init__(self, operations: Iterable[tuple[str, str, Iterable[str]]]) -> None:
        """``operations``: (operation node, service, its APIs as the catalog writes them)."""
        self._by_service: dict[str, list[tuple[str, Iterable[str]]]] = {}
        for node, service, apis in operations:
            self._by_service.setdefault(service, []).append((node, apis))
        self.services = frozenset(self._by_service)
        self._rows: dict[str, dict[str, list[tuple[frozenset[str], str]]]] = {}
        self._memo: dict[tuple[str, str, str], ApiMatch] = {}

    def _service_rows(self, service: str) -> dict[str, list[tuple[frozenset[str], str]]]:
        rows = self._rows.get(service)
        if rows is None:
            rows = {}
            for node, apis in self._by_service.get(service, ()):
                for text in apis:
                    key = api_key(text)
                    if key is not None:
                        rows.setdefault(key[0], []).append((key[1], node))
            self._rows[service] = rows
        return rows

    def match(self, api: ProviderApi) -> ApiMatch:
        """What the catalog says about ``api`` (one API declared by many types is looked up once)."""
        key = (api.service, api.method, api.path)
        known = self._memo.get(key)
        if known is None:
            known = self._memo[key] = self._match(api)
        return known if known.api == api else replace(known, api=api)

    def _match(self, api: ProviderApi) -> ApiMatch:
        services = label_services(api.service)
        present = tuple(s for s in services if s in self.services)
        if not present:
            return ApiMatch(api, "no_table", services)
        key = api_key(api.text)
        if key is None:
            return ApiMatch(api, "unreadable", present)
        path, names = key
        rows = [row for s in present for row in self._service_rows(s).get(path, ())]
        same = [node for q, node in rows if q == names]
        if names and not same and path.endswith(" /"):
            rows = []  # a root path is named by its query: another query is another API
        nodes = same if names and same else [node for _q, node in rows]
        if not nodes:
            bare = not any(self._service_rows(s) for s in present)
            return ApiMatch(api, "undocumented", present, no_apis=bare)
        return ApiMatch(api, "matched", present, tuple(sorted(set(nodes))))
