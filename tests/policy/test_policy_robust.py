"""Hostile input never raises: random JSON values in every slot of a policy, and random edits of real fixture text."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from policy_support import CATALOG, FIXTURES

from explorer import api
from explorer.policy import CODES, SEVERITIES, LintReport, PolicySource

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
KEYS = st.sampled_from(["Version", "Statement", "Effect", "Action", "NotAction", "Resource", "Condition", "Sid", "x"])
ACTION = st.sampled_from(["ecs:servers:createImage", "ECS:*:*", " ims:images:get", "*", "a:b", "obs:bucket:*", "x:y:z"])
STATEMENT = st.dictionaries(KEYS, JSON | ACTION | st.lists(ACTION, max_size=4), max_size=5)
POLICY = st.fixed_dictionaries(
    {
        "Version": st.sampled_from(["1.1", "5.0", "1.0", "2", 1.1]) | JSON,
        "Statement": st.lists(STATEMENT, max_size=4) | JSON,
    }
)
TEXTS = [
    (FIXTURES / n).read_text(encoding="utf-8") for n in ("deny.json", "v5-notaction.json", "roles.tf", "otc-role.tf")
]
NAMES = ["deny.json", "v5-notaction.json", "roles.tf", "otc-role.tf"]


def _lint(name: str, data: bytes) -> LintReport:
    report = api.lint_policies([PolicySource(name, data)], "huaweicloud", CATALOG, attach="enterprise-project")
    for f in report.findings:
        assert f.code in CODES and f.severity in SEVERITIES and f.message
    json.dumps(report.to_dict())  # always serialisable
    return report


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(POLICY)
def test_any_json_in_any_slot(policy: dict[str, object]) -> None:
    _lint("p.json", json.dumps(policy).encode())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(TEXTS) - 1), st.integers(0, 10_000), st.integers(0, 20), st.text(max_size=6))
def test_random_edits_of_fixture_text(which: int, at: int, cut: int, insert: str) -> None:
    text = TEXTS[which]
    pos = at % (len(text) + 1)
    edited = text[:pos] + insert + text[pos + cut :]
    _lint(NAMES[which], edited.encode("utf-8"))
