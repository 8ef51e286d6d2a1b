"""Understanding what the user typed: an action (any case), a pattern, an API, an operation; close matches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from explorer.actions import ActionNameError, check_action_or_pattern, is_action, matches
from explorer.errors import QueryError
from explorer.graph import wording
from explorer.graph.answers import NoAction, Target
from explorer.graph.build import CatalogGraph, normalise_api
from explorer.model import Operation, Provenance

# Fuzzy matching compares the user's text with every candidate: the text is cut to this length first
# (no action, operation name or API path is longer), so a crafted 60,000-character link costs what a
# long name does. rapidfuzz's Indel ratio is difflib's ratio computed exactly, in C.
MAX_FUZZY_TEXT = 200
FUZZY_CUTOFF = 60.0


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def close_matches(word: str, candidates: Iterable[str], n: int = 5) -> tuple[str, ...]:
    pool = sorted(set(candidates))
    lowered: dict[str, str] = {}
    for c in pool:
        lowered.setdefault(c.casefold(), c)
    from rapidfuzz import fuzz, process  # only when a suggestion is needed

    query = word.casefold()[:MAX_FUZZY_TEXT]
    found = process.extract(query, list(lowered), scorer=fuzz.ratio, limit=n, score_cutoff=FUZZY_CUTOFF)
    # best first; on equal scores the longer common prefix first (a slip is likelier at the end of a
    # name than at its start: 'ecss' -> 'ecs' before 'css'), then name order, never set order
    ranked = sorted(found, key=lambda hit: (-hit[1], -_common_prefix(query, hit[0]), hit[0]))
    return tuple(lowered[name] for name, _score, _index in ranked)


def resolve(g: CatalogGraph, target: str) -> Target:
    """Understand a target: an action (any case), a wildcard pattern, ``METHOD /path``, ``op:<id>`` or an
    operation's exact name. Unknown text raises QueryError with the closest matches."""
    ix = g.lookup
    text = target.strip()
    if text in g.nodes.defined or text in g.nodes.unresolved:
        return action_target(g, text, text)
    if not text:
        raise QueryError("empty target: expected an action (service:resource:operation) or an API (METHOD /path)")
    api = normalise_api(text)
    if api is not None:
        nodes = ix.by_api.get(api)
        if not nodes:
            raise QueryError(f"no operation documents the API {text!r}", close_matches(api, ix.by_api))
        return _operation_target(g, text, nodes, note=wording.api_note(api, len(nodes)))
    if text.startswith("op:"):
        if text not in g.rows.operations:
            raise QueryError(f"unknown operation {text!r}", close_matches(text, g.rows.operations))
        return _operation_target(g, text, (text,))
    if "*" in text:
        try:
            check_action_or_pattern(text)
        except ActionNameError as exc:
            raise QueryError(f"malformed pattern: {exc}") from None
        if text in g.nodes.patterns:
            return action_target(g, text, text)
        found = tuple(a for a in sorted(g.nodes.defined) if matches(text, a))
        if not found:
            raise QueryError(f"the pattern {text!r} matches no action of the {g.cloud} catalog")
        note = wording.pattern_note(len(found), documented=False)
        return Target(query=text, kind="pattern", seeds=found, actions=found, note=note, label=text)
    spellings = ix.by_lower.get(text.casefold())
    if spellings:
        return action_target(g, text, spellings[0], note=wording.case_note(spellings[0]))
    named = ix.by_name.get(text.casefold())
    if named:
        return _operation_target(g, text, named, note=wording.OPERATION_NAME_NOTE)
    pool = [*g.nodes.defined, *g.nodes.unresolved, *g.nodes.patterns]
    service, colon, rest = text.partition(":")
    # real policies write services as the console does ("FunctionGraph:function:list", "ELB:*:*"): an
    # unknown action whatever the case of its service, not a malformed one
    if not is_action(text) and not (colon and is_action(f"{service.casefold()}:{rest}")):
        raise QueryError(
            f"{text!r} is not an action (service:resource:operation), a pattern or an API (METHOD /path)",
            close_matches(text, pool),
        )
    note = _unknown_note(g, f"{service.casefold()}:{rest}", pool)
    raise QueryError(f"unknown action {text!r} in the {g.cloud} catalog{note}", close_matches(text, pool))


def _unknown_note(g: CatalogGraph, action: str, pool: Iterable[str]) -> str:
    """For an action of a service the catalog covers: typo or newer than its tables, and their date."""
    from explorer.graph.age import service_dates
    from explorer.novelty import near_names, newer_than_tables

    service = action.split(":", 1)[0]
    dates = service_dates(g)
    if service not in dates:
        return ""
    names = [n for n in pool if n.split(":", 1)[0].casefold() == service]
    typos = near_names(action, names)
    known = None if typos else newer_than_tables(action, names)
    return "; " + wording.unknown_action_note(service, dates[service], typos, known)


def action_target(g: CatalogGraph, query: str, name: str, note: str = "") -> Target:
    """The target of an action or documented pattern the catalog spells ``name``."""
    if name in g.nodes.patterns:
        found = g.links.succ.get(name, ())
        note = note or wording.pattern_note(len(found), documented=True)
        return Target(query=query, kind="pattern", seeds=found, actions=found, note=note, node=name, label=name)
    return Target(
        query=query,
        kind="action",
        seeds=(name,),
        actions=(name,),
        resolved=name in g.nodes.defined,
        note=note,
        node=name,
        label=name,
    )


def _operation_target(g: CatalogGraph, query: str, nodes: Sequence[str], note: str = "") -> Target:
    ops = [g.rows.operations[n] for n in nodes]
    without = tuple(sorted((_no_action(op) for op in ops if not op.actions), key=_row_order))
    return Target(
        query=query,
        kind="operation",
        seeds=tuple(nodes),
        actions=tuple(sorted({r.action for op in ops for r in op.actions})),
        operations=tuple(op.id for op in ops),
        note=wording.without_actions_note(note, len(without), len(ops)),
        without_actions=without,
        label=wording.operation_label(ops, _asked_api(query, ops[0])),
    )


def _asked_api(query: str, op: Operation) -> str:
    """The API of ``op`` the query names, or its first API ("" for none)."""
    wanted = normalise_api(query)
    return next((a for a in op.apis if normalise_api(a) == wanted), op.apis[0] if op.apis else "")


def _row_order(n: NoAction) -> tuple[Provenance, str]:
    return n.provenance, n.operation


def _no_action(op: Operation) -> NoAction:
    """The record of a row that lists no action, with the notes that quote its action cell.

    The importer writes such a note as "... (action cell: 无)" or "... (the action cell is empty)"; a
    catalog written by hand may say it otherwise, and then every note of the row is shown.
    """
    said = tuple(n for n in op.notes if "action cell" in n) or op.notes
    return NoAction(
        operation=op.id, operation_name=op.display_name(), apis=op.apis, notes=said, provenance=op.provenance
    )


def resolve_all(one: Callable[[str], Target], targets: str | Sequence[str], cloud: str) -> tuple[Target, ...]:
    """Every target resolved with ``one``; each must name some action (a pattern may match none)."""
    if isinstance(targets, str):
        single = one(targets)
        if single.seeds:
            return (single,)
    items = [targets] if isinstance(targets, str) else list(targets)
    if not items:
        raise QueryError("no target given")
    resolved = tuple(one(t) for t in items)
    for t in resolved:
        if not t.seeds:
            raise QueryError(f"the pattern {t.query!r} matches no action of the {cloud} catalog")
    return resolved
