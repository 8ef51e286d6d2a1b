"""An action of a covered service that the catalog does not define: a misspelling, a rename, or another
cloud's action."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code, Rule
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding, Where


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    for n in ctx.first_named("covered"):
        name = n.entry.name
        if "*" not in name and facts.spelling(name) is None and name.casefold() not in facts.extra_actions:
            yield _unknown_action(ctx, name, n.where, n.entry.text)


def _unknown_action(ctx: LintContext, name: str, where: Where, text: str) -> Finding:
    facts = ctx.facts
    renamed = facts.renamed(name)
    near = facts.closest(name)
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
    elif near:
        message += f"; closest: {', '.join(near)}"
    return Finding(
        "UNKNOWN_ACTION",
        variant,
        message,
        where,
        text,
        fix=fix,
        details={"suggestions": list(near), "renamed_to": new_names},
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
    ),
    check,
)
