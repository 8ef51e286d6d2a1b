"""An action of a covered service that the catalog does not define: a misspelling, a rename, another cloud's
action, or an action newer than the service's tables (explorer.novelty says which)."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.actions import service_of
from explorer.contradictions import verb
from explorer.novelty import near_names, newer_than_tables
from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding, Where
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    for n in ctx.first_named("covered"):
        name = n.entry.name
        if "*" not in name and facts.spelling(name) is None and name.casefold() not in facts.extra_actions:
            yield _unknown_action(ctx, name, n.where, n.entry.text)


def _unknown_action(ctx: LintContext, name: str, where: Where, text: str) -> Finding:
    facts = ctx.facts
    renamed = facts.renamed(name)
    # the names within two edits (or cut short) first: they decide that it is a typo (explorer.novelty)
    typos = near_names(name, facts.service_names(service_of(name)))
    near = tuple(dict.fromkeys((*typos, *facts.closest(name))))[:3]
    message = f"the {facts.cloud} catalog has no action {name}"
    fix = ""
    new_names = [r[0] for r in renamed]
    elsewhere = facts.documented_elsewhere(name)
    variant = ""
    history = facts.renamed_in_history(name)
    if history:
        first = history[0]
        new_names = list(dict.fromkeys(r.new for r in history))
        message += (
            f"; renamed in the documentation: {', '.join(first.apis) or 'its API'} is now checked by {first.new} "
            f"({first.old_row.file} row {first.old_row.row} -> {first.new_row.file} row {first.new_row.row})"
        )
        if len(new_names) > 1:
            message += f"; other APIs it covered are now checked by {', '.join(new_names[1:])}"
        fix = first.new
    elif renamed:
        new, api, cloud = renamed[0]
        message += f"; renamed: {api} is checked by {new} here ({cloud} still documents {name})"
        fix = new
    elif elsewhere:
        variant = "other_cloud"
        message += f"; the {', '.join(elsewhere)} catalog documents it (this catalog may lack its table)"
        if near:
            message += f"; closest here: {', '.join(near)}"
    else:
        newer = _newer(ctx, name, where, text, near)
        if newer is not None:
            return newer
        if near:
            message += f"; closest: {', '.join(near)}"
    dated = facts.documentation_date(service_of(name))
    if dated:
        message += f" (its {service_of(name)} tables are of {dated})"
    return Finding(
        "UNKNOWN_ACTION",
        variant,
        message,
        where,
        text,
        fix=fix,
        details={"suggestions": list(near), "renamed_to": new_names, "documentation_date": dated},
    )


def _newer(ctx: LintContext, name: str, where: Where, text: str, near: tuple[str, ...]) -> Finding | None:
    """ACTION_NEWER_THAN_TABLES when the action has no near name in its service and fits its vocabulary."""
    facts = ctx.facts
    service = service_of(name)
    known = newer_than_tables(name, facts.service_names(service))
    if known is None:
        return None
    dated = facts.documentation_date(service)
    tables = f"the {service} tables of {dated}" if dated else f"the {service} tables (undated)"
    _service, resource, operation = name.split(":", 2)
    fits = {"resource": f"resource type {resource}", "verb": f"verb {verb(operation)}"}
    said = " and ".join(fits[k] for k in ("resource", "verb") if k in known)
    return Finding(
        "ACTION_NEWER_THAN_TABLES",
        "",
        f"{name} is not in {tables}, which know its {said} but no name within two edits of it: probably newer "
        "than the documentation; check the service's current documentation",
        where,
        text,
        details={"suggestions": list(near), "renamed_to": [], "documentation_date": dated, "known": known},
    )


RULE = Rule(
    "unknown_action",
    30,
    (
        Code(
            "UNKNOWN_ACTION",
            "error",
            "Unknown action",
            "The catalog covers the service but has no such action (closest names, renames); a warning when another "
            "cloud's catalog documents it.",
            {"other_cloud": "warning"},
        ),
        Code(
            "ACTION_NEWER_THAN_TABLES",
            "warning",
            "Action newer than the tables",
            "An action of a covered service that its tables do not define, with no name of the service within two "
            "edits (that would be `UNKNOWN_ACTION`), well formed, whose resource type or verb the service's tables "
            "know: probably newer than the documentation, whose date is named.",
        ),
    ),
    check,
)
