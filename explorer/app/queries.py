"""The graph's questions both faces ask: closure, why, dependents, scope, search, show and check.

Each takes the query engine of one cloud (:func:`explorer.app.catalogs.get_explorer`, or the engines of
an upload) and returns the engine's record of the answer; the faces word it. The record types are
imported for type checking only, so that importing this module loads no engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from explorer.model import Operation

if TYPE_CHECKING:
    from explorer.graph import ActionInfo as ActionInfo
    from explorer.graph import ActionScope as ActionScope
    from explorer.graph import CheckReport as CheckReport
    from explorer.graph import ClosureResult as ClosureResult
    from explorer.graph import DependentsResult as DependentsResult
    from explorer.graph import Evidence as Evidence
    from explorer.graph import Exclude as Exclude
    from explorer.graph import Explorer as Explorer
    from explorer.graph import PairScope as PairScope
    from explorer.graph import ScopeReport as ScopeReport
    from explorer.graph import SearchHit as SearchHit
    from explorer.graph import ServiceStats as ServiceStats
    from explorer.graph import Target as Target
    from explorer.graph import WhyResult as WhyResult


def resolve(ex: Explorer, target: str) -> Target:
    """What ``target`` (an action, a pattern, an operation or "METHOD /path") names; QueryError if nothing."""
    return ex.resolve(target)


def closure(
    ex: Explorer,
    targets: str | Sequence[str],
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
) -> ClosureResult:
    """What a policy must allow to use the targets, least privilege first (``permission-explorer closure``)."""
    return ex.closure(targets, max_depth, exclude, possible)


def why(
    ex: Explorer,
    action: str,
    from_target: str,
    max_depth: int | None = None,
    exclude: Exclude = False,
    *,
    possible: bool = False,
    result: ClosureResult | None = None,
) -> WhyResult:
    """The shortest paths by which ``from_target``'s answer reaches ``action`` (``permission-explorer why``)."""
    return ex.why(action, from_target, max_depth, exclude, possible=possible, result=result)


def dependents(ex: Explorer, action: str, max_depth: int | None = None) -> DependentsResult:
    """Who needs ``action`` (``permission-explorer dependents``)."""
    return ex.dependents(action, max_depth)


def scope(
    ex: Explorer,
    targets: str | Sequence[str],
    max_depth: int | None = None,
    exclude: Exclude = False,
    possible: bool = False,
    result: ClosureResult | None = None,
) -> ScopeReport:
    """Where the targets' answer may be granted: verdict, blockers and plan (``permission-explorer scope``)."""
    return ex.scope(targets, max_depth, exclude, possible, result)


def search(ex: Explorer, text: str, limit: int = 20) -> tuple[SearchHit, ...]:
    """Actions, operation names and API paths matching ``text``, best first (``permission-explorer search``)."""
    return ex.search(text, limit)


def search_dict(ex: Explorer, text: str, limit: int, hits: Sequence[SearchHit]) -> dict[str, Any]:
    """The ``--json`` body of a search (``explorer/schemas/search.schema.json``)."""
    from explorer.graph.wire.search import search_json

    return search_json(ex.cloud, text, limit, hits)


def show(ex: Explorer, action: str) -> ActionInfo:
    """Everything the catalog says about ``action`` (``permission-explorer show``)."""
    return ex.show(action)


def check(ex: Explorer) -> CheckReport:
    """Catalog health of one cloud (``permission-explorer check``)."""
    return ex.check()


def services(ex: Explorer) -> tuple[str, ...]:
    """The services of the engine's catalog, sorted."""
    return ex.services()


def actions(ex: Explorer) -> tuple[str, ...]:
    """Every action the engine's catalog defines or references, sorted."""
    return ex.actions()


def operation_row(ex: Explorer, operation: str) -> Operation | None:
    """The documentation row of an operation id (``op:`` prefix optional), None if the catalog has none."""
    node = operation if operation.startswith("op:") else f"op:{operation}"
    return ex.data.rows.operations.get(node)


def documented_apis(ex: Explorer, skeleton: str) -> list[tuple[str, str]]:
    """(API as the documentation writes it, its operation's name) of every row behind a normalised API
    (``POST /v2/{}/x``, as the engine's close matches give it), in catalog order."""
    from explorer.graph.build import normalise_api

    found: list[tuple[str, str]] = []
    for node in ex.data.lookup.by_api.get(skeleton, ()):
        op = ex.data.rows.operations[node]
        found.extend((real, op.display_name()) for real in op.apis if normalise_api(real) == skeleton)
    return found


def edition_names(
    explorers: Iterable[Explorer], apis: Iterable[str], actions: Iterable[str] = ()
) -> tuple[tuple[str, str], ...]:
    """(edition, name) of every row, in any of the clouds, documenting the same operation: one of ``apis``
    and, when ``actions`` are given, checking one of them (many operations share one ``.../action`` API).

    The otc editions give English names to many operations the huaweicloud edition names in Chinese.
    """
    from explorer.graph.build import normalise_api

    wanted = {key for key in (normalise_api(a) for a in apis) if key is not None}
    checked = set(actions)
    found: set[tuple[str, str]] = set()
    for ex in explorers:
        for key in wanted:
            for node in ex.data.lookup.by_api.get(key, ()):
                op = ex.data.rows.operations[node]
                if checked and not checked & {r.action for r in op.actions}:
                    continue
                edition = op.provenance.edition or ex.cloud
                found.update((edition, name) for name in op.name.values() if name)
    return tuple(sorted(found))
