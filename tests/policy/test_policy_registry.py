"""The rule registry: every code has exactly one owning rule module, and each rule finds only its own codes."""

from __future__ import annotations

import json

import pytest
from policy_support import FIXTURES, REPO

from explorer import api
from explorer.policy import CODES, PolicySource, rules
from explorer.policy.codes import Code
from explorer.policy.context import LintContext
from explorer.policy.facts import CatalogFacts
from explorer.policy.matcher import PolicySet
from explorer.policy.rule import Rule
from explorer.policy.sources import documents_of


def test_every_code_has_exactly_one_owner() -> None:
    owned = [c.code for r in rules.OWNERS for c in r.codes]
    assert len(owned) == len(set(owned))
    assert owned == list(rules.CODES) == list(CODES)
    assert all(c.title and c.help for c in rules.CODES.values())


def test_a_code_owned_twice_or_an_order_shared_is_refused() -> None:
    code = Code("X", "error", "X", "an x")
    with pytest.raises(ValueError, match="X is owned by both a and b"):
        rules.code_table((Rule("a", 1, (code,)), Rule("b", 2, (code,))))
    with pytest.raises(ValueError, match="rules a and b share the order 1"):
        rules.code_table((Rule("a", 1, ()), Rule("b", 1, ())))


def test_the_schema_enum_is_the_registry() -> None:
    schema = json.loads((REPO / "explorer" / "schemas" / "policy-lint.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["finding"]["properties"]["code"]["enum"] == list(rules.CODES)


def test_sarif_rules_are_the_registry_with_title_and_help() -> None:
    text = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["*:*:*"]}]}'
    report = api.lint_policies([PolicySource("a.json", text.encode())], "huaweicloud", FIXTURES / "catalog")
    driver = api.to_sarif(report)["runs"][0]["tool"]["driver"]
    broad = next(r for r in driver["rules"] if r["id"] == "OVERLY_BROAD")
    assert broad["shortDescription"]["text"] == "Overly broad Allow"
    assert broad["fullDescription"]["text"] == rules.CODES["OVERLY_BROAD"].help
    assert [r["id"] for r in driver["rules"]] == list(rules.CODES)


def test_each_rule_finds_only_the_codes_it_owns() -> None:
    ex = api.get_explorer("huaweicloud", FIXTURES / "catalog")
    sources = api.read_paths(sorted(p for p in FIXTURES.iterdir() if p.suffix in (".json", ".tf")))
    seen: set[str] = set()
    for source in sources:  # each file a policy set of its own
        docs = tuple(documents_of(source, "huaweicloud")[0])
        ctx = LintContext(CatalogFacts(ex), docs, PolicySet(docs), "enterprise-project")
        for rule in rules.OWNERS:
            if rule.check is None:
                continue
            found = {f.code for f in rule.check(ctx)}
            assert found <= {c.code for c in rule.codes}, rule.name
            seen |= found
    readers = {c.code for r in rules.OWNERS if r.check is None for c in r.codes}
    assert seen | readers == set(rules.CODES)
