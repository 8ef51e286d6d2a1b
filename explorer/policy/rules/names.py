"""Action names: spaces, upper-case services, unknown services and actions, duplicates, empty wildcards."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.actions import service_of
from explorer.policy.context import LintContext, entry_where
from explorer.policy.findings import Finding, Where


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    reported_services: set[tuple[str, str, str]] = set()
    for doc in ctx.documents:
        for st in doc.statements:
            seen: dict[tuple[str, str], str] = {}
            for entry in (*st.actions, *st.not_actions):
                where = entry_where(doc, st, entry)
                text, name = entry.text, entry.name
                if "".join(text.split()) != text:
                    yield Finding(
                        "WHITESPACE_IN_ACTION",
                        "",
                        f"{text!r} holds spaces; the cloud compares the string as written, so it matches nothing",
                        where,
                        text,
                        fix="".join(text.split()),
                    )
                written_service = "".join(text.split()).split(":", 1)[0]
                if written_service != written_service.lower():
                    yield Finding(
                        "UPPERCASE_SERVICE",
                        "",
                        f"the service part of {text.strip()!r} must be lower-case: {service_of(name)!r}",
                        where,
                        text,
                        fix=name,
                    )
                key = (entry.key, name.casefold())
                if key in seen:
                    yield Finding(
                        "DUPLICATE_ACTION",
                        "",
                        f"{name} is already listed in this statement as {seen[key]!r}",
                        where,
                        text,
                        fix="remove the repeat",
                    )
                    continue
                seen[key] = text
                service = service_of(name)
                if service == "*":
                    continue
                if service not in facts.known_services:
                    near = facts.closest_services(service)
                    hint = f"; did you mean {', '.join(near)}?" if near else ""
                    yield Finding(
                        "UNKNOWN_SERVICE",
                        "",
                        f"no {facts.cloud} service is called {service!r}{hint}",
                        where,
                        text,
                        fix=name.replace(service, near[0], 1) if near else "",
                        details={"suggestions": list(near)},
                    )
                    continue
                if service not in facts.covered:
                    once = (doc.file, doc.name, service)
                    if once not in reported_services:
                        reported_services.add(once)
                        yield Finding(
                            "SERVICE_NOT_IN_CATALOG",
                            "",
                            f"{service} is a {facts.cloud} service the catalog does not cover: its actions and their "
                            "dependencies are not checked",
                            where,
                            text,
                        )
                    continue
                if "*" in name:
                    if not facts.expand(name):
                        yield Finding(
                            "WILDCARD_MATCHES_NOTHING",
                            "",
                            f"{name} matches no action of the {facts.cloud} catalog",
                            where,
                            text,
                        )
                    continue
                if facts.spelling(name) is None and name.casefold() not in facts.extra_actions:
                    yield _unknown_action(ctx, name, where, text)


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
