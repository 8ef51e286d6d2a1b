"""Signs that a catalog's APIs or action names were damaged on the way from the documentation.

``validate`` runs these on top of the format checks of :mod:`explorer.catalog.codec` (an API outside
the grammar is a problem; the signs of damaged action names are warnings, since the documentation
itself may carry them), and the importer reports the action signs per row:

- every API must parse by the API grammar (:mod:`explorer.apigrammar`) and be in canonical form, so a
  path with prose glued to it, a space inside it or a method glued to it is named;
- an action name that only one row of the cloud uses, while a name that continues it by a few
  characters in the middle of a word is used elsewhere (``ecs:cloudServers:lis`` next to
  ``ecs:cloudServers:list``; not ``vpn:vpnConnections:get`` next to ``getLog``), looks truncated;
- a note holding an action name with a URL glued to it (``ecs:availabilityZones:list/v2/...``)
  is a cell whose separator was lost: the action may be read, the rest of the cell was not.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from explorer import apigrammar
from explorer.errors import Problem
from explorer.model import ServiceCatalog

# A truncated name misses at most this many characters of the name it was cut from.
TRUNCATION_MAX = 3
_GLUED_URL = re.compile(r"(?<![\w:*-])([a-z][a-z0-9_-]*:[A-Za-z0-9_.*-]+:[A-Za-z0-9_.*-]+)/[\w{}.-]")


def api_problems(data: Any, file: str) -> list[Problem]:
    """Every API string of one loaded service document that is not one API in canonical form."""
    problems: list[Problem] = []
    operations = data.get("operations") if isinstance(data, dict) else None
    if not isinstance(operations, list):
        return problems
    for i, op in enumerate(operations):
        apis = op.get("apis") if isinstance(op, dict) else None
        if not isinstance(apis, list):
            continue
        for j, text in enumerate(apis):
            if not isinstance(text, str):
                continue
            for why in apigrammar.problems(text):
                problems.append(Problem(file, f"operations[{i}].apis[{j}]", f"API {text!r}: {why}"))
    return problems


@dataclass(frozen=True, slots=True)
class Damage:
    """One sign of damage: the service catalog, the operation's index in it, the field and what is wrong."""

    service: ServiceCatalog
    index: int
    location: str  # e.g. "actions[0]", "notes[2]"
    message: str


def action_damage(services: Iterable[ServiceCatalog]) -> list[Damage]:
    """Truncated-looking action names and URLs glued to actions, over all services of one cloud."""
    listed = list(services)
    rows: dict[str, int] = defaultdict(int)  # name -> rows using it (as an action or a dependency)
    for svc in listed:
        for op in svc.operations:
            for name in {r.action for r in op.actions + op.dependencies}:
                rows[name] += 1
    by_stem: dict[str, list[tuple[str, str]]] = defaultdict(list)  # service:resource -> (operation, name), sorted
    for name in rows:
        if "*" not in name:
            stem, operation = name.rsplit(":", 1)
            by_stem[stem.lower()].append((operation, name))
    for names in by_stem.values():
        names.sort()
    found: list[Damage] = []
    for svc in listed:
        for i, op in enumerate(svc.operations):
            for field, refs in (("actions", op.actions), ("dependencies", op.dependencies)):
                for j, ref in enumerate(refs):
                    longer = _continuations(ref.action, rows, by_stem)
                    if longer:
                        shown = ", ".join(f"{m!r} ({rows[m]} rows)" for m in longer)
                        message = f"{ref.action!r} looks truncated: no other row names it, and {shown} continues it"
                        found.append(Damage(svc, i, f"{field}[{j}]", message))
            for j, note in enumerate(op.notes):
                for m in _GLUED_URL.finditer(note):
                    message = f"a URL is glued to the action {m.group(1)!r} ({note[:80]!r}); the cell lost a separator"
                    found.append(Damage(svc, i, f"notes[{j}]", message))
    return found


def _continuations(name: str, rows: dict[str, int], by_stem: dict[str, list[tuple[str, str]]]) -> list[str]:
    if rows.get(name, 0) != 1 or "*" in name:
        return []
    stem, operation = name.rsplit(":", 1)
    names = by_stem.get(stem.lower(), [])
    found: list[str] = []
    # the operations that start with this one are one run of the sorted list (scanning every name of the
    # resource type for each name made a table of 40,000 rows quadratic)
    for k in range(bisect_left(names, (operation, "")), len(names)):
        other_operation, other = names[k]
        if not other_operation.startswith(operation):
            break
        if (
            other != name
            and 0 < len(other) - len(name) <= TRUNCATION_MAX
            # "getLog" continues "get" with a new word, as camelCase names do; "list" continues "lis" mid-word
            and not other[len(name)].isupper()
        ):
            found.append(other)
    return sorted(found)
