"""The wire format of every graph answer: one module per command, each with its JSON serializer beside the
JSON Schema it satisfies (``explorer.schemas.build`` writes the schemas from these declarations)."""

from __future__ import annotations

from explorer.graph.wire import age, check, closure, common, dependents, scope, search, show, suspicion, why
from explorer.jsonshape import Schema

# The building blocks the graph's outputs share (``$defs``), by name.
DEFS: dict[str, Schema] = {
    **common.DEFS,
    "requirement": closure.REQUIREMENT,
    "action_scope": scope.ACTION_SCOPE,
    "scope_counts": check.SCOPE_COUNTS,
    "suspicious_row": suspicion.SUSPICIOUS_ROW,
    "documentation": age.DOCUMENTATION,
}


def schemas() -> dict[str, Schema]:
    """The schema of every graph command's ``--json`` output, by command."""
    return {
        "closure": closure.schema(DEFS),
        "why": why.schema(DEFS),
        "scope": scope.schema(DEFS),
        "search": search.schema(DEFS),
        "show": show.schema(DEFS),
        "dependents": dependents.schema(DEFS),
        "check": check.schema(DEFS),
    }
