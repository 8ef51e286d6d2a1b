"""The lint rules: one module per concern, found here by the registry.

Each module of this package declares ``RULE`` (explorer.policy.codes.Rule): the codes it owns, with their
severity, title and help, and the ``check`` that finds them (none for the codes the reader finds while
reading a file). The registry imports every module, verifies that every code has exactly one owner, and
makes the table of codes (``CODES``: docs/policy.md, SARIF's rules, the policy-lint schema's enum) and the
list of checks the linter runs. Adding a rule is a module here, its tests and its row in docs/policy.md.
"""

from __future__ import annotations

import importlib
import pkgutil

from explorer.policy.codes import Code, install
from explorer.policy.rule import Check, Rule


def discover() -> tuple[Rule, ...]:
    """Every rule module's ``RULE``, in table order."""
    found: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, Rule):
            raise TypeError(f"{module.__name__} declares no RULE (explorer.policy.codes.Rule)")
        found.append(rule)
    return tuple(sorted(found, key=lambda r: (r.order, r.name)))


def code_table(rules: tuple[Rule, ...]) -> dict[str, Code]:
    """Every code by name, in table order; a code owned twice (or an order shared) is a mistake here."""
    table: dict[str, Code] = {}
    owner: dict[str, str] = {}
    orders: dict[int, str] = {}
    for rule in rules:
        if rule.order in orders:
            raise ValueError(f"rules {orders[rule.order]} and {rule.name} share the order {rule.order}")
        orders[rule.order] = rule.name
        for code in rule.codes:
            if code.code in owner:
                raise ValueError(f"{code.code} is owned by both {owner[code.code]} and {rule.name}")
            owner[code.code] = rule.name
            table[code.code] = code
    return table


OWNERS: tuple[Rule, ...] = discover()
CODES: dict[str, Code] = code_table(OWNERS)
install(CODES)
RULES: tuple[Check, ...] = tuple(r.check for r in OWNERS if r.check is not None)
