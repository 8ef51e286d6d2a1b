"""Is an action the catalog does not define a typo, or newer than the documentation's tables?

The tables of a service are a snapshot of its documentation at a date; a service keeps adding actions
after it. An action of a covered service that no table defines (nor a recorded rename, nor another cloud's
catalog) is judged against the names of that service's tables (every action a row checks or lists):

- a **typo** when one of those names is within two edits of it: Damerau-Levenshtein distance at most 2 over
  ``resource:operation``, case-insensitive (a letter added, dropped or changed, or two neighbours swapped),
  or starts with it (a name cut short: ``ecs:cloudServers:delet`` of ``ecs:cloudServers:deleteServers``);
- **newer than the tables** when it has no such near name, is well formed (resource type and operation are
  each a letter followed by letters, digits or ``_``), and the service's tables know its resource type (an
  action ``service:resource:...``) or its verb (the first word of its operation starts an operation of the
  service): ``vpc:securityGroupTags:create`` against VPC tables that know ``create`` but not that resource;
- otherwise unknown: nothing ties it to the service's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from explorer.contradictions import verb

MAX_TYPO_EDITS = 2
_PART = re.compile(r"[A-Za-z][A-Za-z0-9_]*")

Known = Literal["resource", "verb", "resource and verb"]


def _rest(action: str) -> str:
    return action.split(":", 1)[1].casefold() if ":" in action else action.casefold()


def near_names(action: str, pool: Iterable[str]) -> tuple[str, ...]:
    """The names of ``pool`` (the same service's) within two edits of ``action`` or cut short to it, nearest
    first (a cut counts as two edits)."""
    from rapidfuzz.distance import DamerauLevenshtein  # only when an action is unknown

    rest = _rest(action)
    scored = []
    for name in pool:
        other = _rest(name)
        if other == rest:
            continue
        d = DamerauLevenshtein.distance(rest, other, score_cutoff=MAX_TYPO_EDITS)
        if d <= MAX_TYPO_EDITS or other.startswith(rest):
            scored.append((min(d, MAX_TYPO_EDITS), name))
    return tuple(name for _d, name in sorted(scored))


def well_formed(action: str) -> bool:
    parts = action.split(":")
    return len(parts) == 3 and all(_PART.fullmatch(p) for p in parts[1:])


def known_vocabulary(action: str, pool: Iterable[str]) -> Known | None:
    """What of ``action`` the service's names know: its resource type, its verb, both, or neither (None)."""
    _service, resource, _operation = action.split(":", 2)
    resources = set()
    verbs = set()
    for name in pool:
        parts = name.split(":")
        if len(parts) == 3:
            resources.add(parts[1].casefold())
            verbs.add(verb(name))
    has_resource = resource.casefold() in resources
    has_verb = bool(verb(action)) and verb(action) in verbs
    if has_resource and has_verb:
        return "resource and verb"
    return "resource" if has_resource else "verb" if has_verb else None


def newer_than_tables(action: str, pool: Iterable[str]) -> Known | None:
    """Why ``action`` looks newer than the tables of its service (see the module note), or None."""
    names = tuple(pool)
    if not well_formed(action) or near_names(action, names):
        return None
    return known_vocabulary(action, names)
