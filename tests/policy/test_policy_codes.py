"""The table of codes is one place in the code, documented in docs/policy.md, and spelled as the issue says."""

from __future__ import annotations

import json

from policy_support import REPO

from explorer import api
from explorer.policy import CODES, markdown_table
from explorer.policy.services import services_of

ISSUE_CODES = [
    "MALFORMED_JSON",
    "MALFORMED_POLICY",
    "UNKNOWN_VERSION",
    "UNKNOWN_SERVICE",
    "SERVICE_NOT_IN_CATALOG",
    "UNKNOWN_ACTION",
    "ACTION_NEWER_THAN_TABLES",
    "UPPERCASE_SERVICE",
    "WHITESPACE_IN_ACTION",
    "DUPLICATE_ACTION",
    "WILDCARD_MATCHES_NOTHING",
    "MISSING_DEPENDENCY",
    "DENIED_DEPENDENCY",
    "NOT_EFFECTIVE_WHERE_ATTACHED",
    "MIXED_GLOBAL_AND_PROJECT",
    "LIMIT_EXCEEDED",
    "OVERLY_BROAD",
    "DENY_ONLY",
    "MISSING_FOR_TERRAFORM",  # issue 22: terraform --against
]


def test_codes_are_exactly_the_issue_list() -> None:
    assert list(CODES) == ISSUE_CODES


def test_docs_print_the_table_of_the_code() -> None:
    text = (REPO / "docs" / "policy.md").read_text(encoding="utf-8")
    assert markdown_table() in text


def test_schema_lists_the_same_codes() -> None:
    schema = json.loads((REPO / "explorer" / "schemas" / "policy-lint.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["finding"]["properties"]["code"]["enum"] == ISSUE_CODES


def test_service_list_covers_the_bundled_catalog_and_names_its_sources() -> None:
    for cloud in api.available_clouds():
        ex = api.get_explorer(cloud)
        known = services_of(cloud)
        covered = {a.split(":", 1)[0] for a in ex.actions()} - {"*"}
        assert covered <= set(known.codes), sorted(covered - set(known.codes))
        assert {"iam", "obs"} <= set(known.global_services)
        assert all(known.codes.values()) and all(known.global_services.values())
