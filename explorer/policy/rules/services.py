"""The service of an action: not a service of the cloud (a misspelling), or one the catalog does not cover."""

from __future__ import annotations

from collections.abc import Iterator

from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.findings import Finding
from explorer.policy.rule import Rule


def check(ctx: LintContext) -> Iterator[Finding]:
    facts = ctx.facts
    reported: set[tuple[str, str, str]] = set()
    for n in ctx.first_named("unknown", "not_covered"):
        service, name, text = n.service, n.entry.name, n.entry.text
        if n.state == "unknown":
            near = facts.closest_services(service)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            yield Finding(
                "UNKNOWN_SERVICE",
                "",
                f"no {facts.cloud} service is called {service!r}{hint}",
                n.where,
                text,
                fix=name.replace(service, near[0], 1) if near else "",
                details={"suggestions": list(near)},
            )
            continue
        once = (n.doc.file, n.doc.name, service)  # once per document and service
        if once not in reported:
            reported.add(once)
            prefixes = facts.table_prefixes(service)
            if prefixes is not None:  # the service's tables exist and name its actions under another service
                used = ", ".join(f"{p}:" for p in prefixes) or "no"
                message = (
                    f"the {facts.cloud} {service.upper()} tables define no {service}: actions (they define {used} "
                    f"actions), so {text} matches nothing the documentation checks: its actions and their "
                    "dependencies are not checked"
                )
            else:
                message = (
                    f"{service} is a {facts.cloud} service the catalog does not cover: its actions and their "
                    "dependencies are not checked"
                )
            yield Finding("SERVICE_NOT_IN_CATALOG", "", message, n.where, text)


RULE = Rule(
    "services",
    20,
    (
        Code(
            "UNKNOWN_SERVICE",
            "error",
            "Unknown service",
            "No service of the cloud has this code: a misspelling (the near match is named).",
        ),
        Code(
            "SERVICE_NOT_IN_CATALOG",
            "info",
            "Service not in the catalog",
            "A real service of the cloud that the catalog does not cover: its action names and dependencies are not "
            "checked; when the catalog has the service's tables but they define its actions under another prefix "
            "(EIP's define `vpc:` actions), the message says which.",
        ),
    ),
    check,
)
