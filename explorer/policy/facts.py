"""What the linter asks of the catalog, answered by the graph engine (one place, so rules stay small)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property

from explorer.actions import matches, service_of
from explorer.diff.renames import Rename, renamed_actions
from explorer.errors import CatalogError
from explorer.graph import Explorer, PairScope
from explorer.graph.age import service_dates
from explorer.graph.build import normalise_api
from explorer.graph.resolve import close_matches
from explorer.policy.services import CloudServices, services_of


@dataclass
class CatalogFacts:
    """The catalog of the cloud being linted, the other clouds' catalogs (for renames) and the service list."""

    explorer: Explorer
    others: Mapping[str, Explorer] = field(default_factory=dict)
    # old action -> its recorded renames (renames.json, written by `diff --record-renames`); None: the
    # bundled catalog's record
    history: Mapping[str, tuple[Rename, ...]] | None = None

    @property
    def cloud(self) -> str:
        return self.explorer.cloud

    @cached_property
    def services(self) -> CloudServices:
        return services_of(self.cloud)

    @cached_property
    def covered(self) -> frozenset[str]:
        """Services some row of the catalog checks an action of."""
        return frozenset(service_of(a) for a in self.explorer.data.nodes.defined)

    @cached_property
    def known_services(self) -> frozenset[str]:
        """Every real service code: the shipped list and whatever the catalog names."""
        g = self.explorer.data
        named = {service_of(a) for a in g.nodes.defined | g.nodes.unresolved | g.nodes.patterns} - {"*"}
        return frozenset(self.services.codes) | frozenset(named)

    @cached_property
    def _names(self) -> dict[str, str]:
        g = self.explorer.data
        return {a.casefold(): a for a in sorted(g.nodes.defined | g.nodes.unresolved)}

    def spelling(self, action: str) -> str | None:
        """The catalog's spelling of an action (resource and operation match case-insensitively)."""
        return self._names.get(action.casefold())

    @cached_property
    def _by_service(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for a in sorted(self.explorer.data.nodes.defined | self.explorer.data.nodes.unresolved):
            out.setdefault(service_of(a), []).append(a)
        return {s: tuple(v) for s, v in out.items()}

    def expand(self, pattern: str) -> tuple[str, ...]:
        """The catalog actions a pattern matches (defined or referenced), sorted."""
        service = service_of(pattern)
        pool = self._by_service.get(service, ()) if service != "*" else tuple(self._names.values())
        return tuple(a for a in pool if matches(pattern, a))

    def closest(self, action: str) -> tuple[str, ...]:
        # one fuzzy search per distinct name: a policy of 85,000 unknown actions repeats many
        found = self._closest.get(action)
        if found is None:
            found = self._closest[action] = close_matches(action, self._by_service.get(service_of(action), ()), n=3)
        return found

    @cached_property
    def _closest(self) -> dict[str, tuple[str, ...]]:
        return {}

    @cached_property
    def _others_folded(self) -> dict[str, dict[str, str]]:
        """Per other cloud: each defined action by its casefolded name (the first in sorted order), so a
        lookup is one dict access instead of a sort and a scan of that catalog for every unknown action."""
        out: dict[str, dict[str, str]] = {}
        for cloud, other in self.others.items():
            folded: dict[str, str] = {}
            for a in sorted(other.data.nodes.defined):
                folded.setdefault(a.casefold(), a)
            out[cloud] = folded
        return out

    def service_names(self, service: str) -> tuple[str, ...]:
        """The actions a row of ``service`` checks or lists, sorted."""
        return self._by_service.get(service, ())

    @cached_property
    def _dates(self) -> dict[str, str | None]:
        return service_dates(self.explorer.data)

    def documentation_date(self, service: str) -> str | None:
        """The date of the service's tables (explorer.graph.age), None when undated or not covered."""
        return self._dates.get(service)

    @cached_property
    def _table_prefixes(self) -> dict[str, tuple[str, ...]]:
        rows = self.explorer.data.rows
        out: dict[str, set[str]] = {}
        for node, service in rows.op_service.items():
            out.setdefault(service, set()).update(service_of(a.action) for a in rows.operations[node].actions)
        return {s: tuple(sorted(p - {"*"})) for s, p in out.items()}

    def table_prefixes(self, service: str) -> tuple[str, ...] | None:
        """The action prefixes the tables of the catalog service ``service`` define (EIP's tables define
        ``vpc:`` actions), or None when the catalog has no table of that service."""
        return self._table_prefixes.get(service)

    def closest_services(self, service: str) -> tuple[str, ...]:
        return close_matches(service, self.known_services, n=3)

    @cached_property
    def extra_actions(self) -> frozenset[str]:
        """Actions the shipped data knows although no table defines them (casefolded)."""
        return frozenset(a.casefold() for a in self.services.actions)

    def documented_elsewhere(self, action: str) -> tuple[str, ...]:
        """The other clouds whose catalog defines ``action``."""
        folded = action.casefold()
        return tuple(
            cloud for cloud, names in sorted(self._others_folded.items()) if cloud != self.cloud and folded in names
        )

    def pairs(self, action: str) -> tuple[PairScope, ...]:
        return self.explorer.data.rows.pairs.get(action, ())

    def is_defined(self, action: str) -> bool:
        return action in self.explorer.data.nodes.defined

    @cached_property
    def _history(self) -> Mapping[str, tuple[Rename, ...]]:
        if self.history is not None:
            return self.history
        try:
            return renamed_actions(self.cloud)
        except CatalogError:  # a damaged record costs the hint, never the lint
            return {}

    def renamed_in_history(self, action: str) -> tuple[Rename, ...]:
        """The recorded renames of ``action`` (an earlier version of the documentation checked it for APIs
        that a later one checks with another name) whose new name this catalog has, best first."""
        defined = self.explorer.data.nodes.defined
        found = [r for r in self._history.get(action, ()) if r.new in defined]
        support = {n: sum(r.new == n for r in found) for n in {r.new for r in found}}
        # most records agreeing first (one old name split over several APIs), then the closest spelling
        return tuple(
            sorted(found, key=lambda r: (-support[r.new], -SequenceMatcher(None, action, r.new).ratio(), r.new, r))
        )

    def renamed(self, action: str) -> tuple[tuple[str, str, str], ...]:
        """(new name, API, other cloud) where another cloud's catalog documents ``action`` for an API that this
        catalog documents with another action of the same resource type whose operation extends the old one
        (``delete`` -> ``deleteServers``): how the tables show a rename. An action the other cloud documents for
        APIs this one splits among unrelated names (``get`` -> ``showServer``, ``showServerTags``) is no rename.
        Best supported first (most rows agreeing, then the closest spelling)."""
        g = self.explorer.data
        support: dict[str, int] = {}
        first: dict[str, tuple[str, str]] = {}
        for cloud, other in sorted(self.others.items()):
            if cloud == self.cloud:
                continue
            name = self._others_folded[cloud].get(action.casefold())
            if name is None:
                continue
            for pair in other.data.rows.pairs.get(name, ()):
                for api in pair.apis:
                    for node in g.lookup.by_api.get(normalise_api(api) or "", ()):
                        for ref in g.rows.operations[node].actions:
                            new = ref.action
                            if _renamed_to(action, new):
                                support[new] = support.get(new, 0) + 1
                                first.setdefault(new, (api, cloud))
        ranked = sorted(support, key=lambda n: (-support[n], -SequenceMatcher(None, action, n).ratio(), n))
        return tuple((n, *first[n]) for n in ranked)


def _renamed_to(old: str, new: str) -> bool:
    """Same service and resource type, and one operation name extends the other."""
    o_service, o_resource, o_op = old.casefold().split(":", 2)
    n_service, n_resource, n_op = new.casefold().split(":", 2)
    if (o_service, o_resource) != (n_service, n_resource) or o_op == n_op:
        return False
    return n_op.startswith(o_op) or o_op.startswith(n_op)
