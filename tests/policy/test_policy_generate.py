"""Generate: the parts per attachment and display scope, limits, Terraform, and the lint round trip."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from policy_support import CATALOG, of, source

from explorer import api
from explorer.policy import Generated, LintReport
from explorer.policy.generate import _documents, document_size
from explorer.policy.grammar import MAX_POLICY_CHARS, MAX_STATEMENTS
from explorer.policy.structure import compact_size

SCHEMAS = Path(api.__file__).resolve().parent / "schemas"
BUNDLED_TARGETS = (
    "ecs:servers:createImage",
    "ecs:cloudServers:createServers",
    "evs:volumes:create",
    "GET /v2/cloudimages",
)


def _roundtrip(generated: Generated, catalog: Path | None) -> LintReport:
    sources = [source(f"{p.name}.json", json.dumps(p.document)) for p in generated.policies]
    return api.lint_policies(sources, generated.cloud, catalog)


def test_generate_splits_by_where_it_works() -> None:
    gen = api.generate_policies(["ecs:servers:createImage", "obs:object:GetObject"], catalog=CATALOG)
    assert [(p.name, p.attach, p.type, p.actions) for p in gen.policies] == [
        (
            "ecs-servers-createImage-and-1-more-ep-xa",
            "enterprise-project",
            "XA",
            ("ims:images:get", "ims:images:list"),
        ),
        (
            "ecs-servers-createImage-and-1-more-iam-xa",
            "iam-project",
            "XA",
            ("ecs:servers:createImage", "evs:snapshots:create", "ims:images:create"),
        ),
        ("ecs-servers-createImage-and-1-more-ep-ax", "enterprise-project", "AX", ("obs:object:GetObject",)),
    ]
    jsonschema.validate(gen.to_dict(), json.loads((SCHEMAS / "policy-generate.schema.json").read_text()))


def test_roundtrip_on_the_fixture_catalog() -> None:
    for targets in (["ecs:servers:createImage"], ["ecs:cloudServers:create", "ecs:cloudServers:listServerInterfaces"]):
        gen = api.generate_policies(targets, catalog=CATALOG)
        report = _roundtrip(gen, CATALOG)
        assert not report.fails("error"), [f.message for f in report.findings]
        assert not of(report, "MISSING_DEPENDENCY")
        # each part also works where it is meant to be granted
        for p in gen.policies:
            part = api.lint_policies(
                [source("p.json", json.dumps(p.document))], "huaweicloud", CATALOG, attach=p.attach
            )
            assert not of(part, "NOT_EFFECTIVE_WHERE_ATTACHED") or p.attach == "iam-project"


@pytest.mark.parametrize("target", BUNDLED_TARGETS)
def test_roundtrip_on_the_bundled_catalog(target: str) -> None:
    gen = api.generate_policies([target])
    assert gen.policies
    report = _roundtrip(gen, None)
    assert not report.fails("error"), [f.message for f in report.findings if f.severity == "error"]
    assert not of(report, "MISSING_DEPENDENCY")


def test_compaction_uses_wildcards_only_inside_the_answer() -> None:
    gen = api.generate_policies(["ecs:servers:createImage", "ims:images:list"], catalog=CATALOG, compact=True)
    actions = [a for p in gen.policies for a in p.actions]
    # ims:images:* would also match nothing else of the catalog outside the answer: get, list, create are all in it
    assert "ims:images:*" in actions
    assert not any(a.startswith("evs:") and "*" in a for a in actions)  # evs:snapshots:* would add nothing, one action
    assert not of(_roundtrip(gen, CATALOG), "MISSING_DEPENDENCY")


def test_split_when_a_limit_would_be_exceeded() -> None:
    gen = api.generate_policies(["*:*:*"])
    assert any(p.name.endswith("-iam-xa-2") for p in gen.policies)
    assert sorted(a for p in gen.policies for a in p.actions) == sorted(gen.actions)
    for p in gen.policies:
        assert len(json.dumps(p.document, separators=(",", ":"))) <= 6144
        assert all(len(st["Action"]) <= 100 for st in p.document["Statement"])


def test_terraform_output_lints_clean(tmp_path: Path) -> None:
    gen = api.generate_policies(["ecs:servers:createImage", "obs:object:GetObject"], catalog=CATALOG)
    tf = tmp_path / "main.tf"
    tf.write_text(api.to_terraform(gen), encoding="utf-8")
    report = api.lint_policies(api.read_paths([tf]), "huaweicloud", CATALOG)
    assert len(report.documents) == 3
    assert [d.attach for d in report.documents] == ["enterprise-project", "iam-project", "enterprise-project"]
    assert report.findings == ()
    assert api.to_terraform(gen) == api.to_terraform(
        api.generate_policies(["ecs:servers:createImage", "obs:object:GetObject"], catalog=CATALOG)
    )


def test_terraform_for_otc() -> None:
    gen = api.generate_policies(["ecs:cloudServers:get"], "otc", CATALOG)
    text = api.to_terraform(gen)
    assert 'resource "opentelekomcloud_identity_role_v3" "ecs_cloudservers_get_ep_xa"' in text
    assert '  display_layer = "project"' in text
    assert '      "ecs:cloudServers:get",' in text


def test_an_api_target_is_judged_by_its_own_rows() -> None:
    # ims:images:list works on an enterprise project for GET /v2/cloudimages, not for the native GET /v2/images
    seed_catalog = CATALOG.parents[1] / "catalog"
    own = api.generate_policies(["GET /v2/cloudimages"], catalog=seed_catalog)
    assert [(p.attach, p.actions) for p in own.policies] == [("enterprise-project", ("ims:images:list",))]
    native = api.generate_policies(["GET /v2/images"], catalog=seed_catalog)
    assert [(p.attach, p.actions) for p in native.policies] == [("iam-project", ("ims:images:list",))]


def test_possible_adds_the_possible_requirements() -> None:
    default = api.generate_policies(["ecs:cloudServers:deleteServers"], catalog=CATALOG)
    assert default.actions == ("ecs:cloudServers:deleteServers", "evs:volumes:delete")
    more = api.generate_policies(["ecs:cloudServers:deleteServers"], catalog=CATALOG, possible=True)
    assert more.actions == ("ecs:cloudServers:deleteServers", "evs:volumes:delete", "evs:volumes:get", "kms:cmk:get")
    assert more.to_dict()["possible"] is True
    assert [f.code for f in _roundtrip(more, CATALOG).findings] == ["SERVICE_NOT_IN_CATALOG"]  # kms: referenced only


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[a-z]{2,5}:[a-zA-Z*]{1,12}:[a-zA-Z*\u00e9]{1,40}", fullmatch=True), max_size=700))
def test_documents_are_split_by_their_exact_compact_size(actions: list[str]) -> None:
    docs = _documents(actions)
    # every action once, in order, and every document within the limits the service enforces
    assert [a for d in docs for s in d["Statement"] for a in s["Action"]] == actions
    for d in docs:
        held = [a for s in d["Statement"] for a in s["Action"]]
        size = compact_size(d)
        assert size == document_size(len(held), sum(len(json.dumps(a, ensure_ascii=False)) for a in held))
        assert size <= MAX_POLICY_CHARS and len(d["Statement"]) <= MAX_STATEMENTS
    # a document is only closed when the next action would not fit
    for d, nxt in itertools.pairwise(docs):
        held = [a for s in d["Statement"] for a in s["Action"]] + [nxt["Statement"][0]["Action"][0]]
        grown = _documents(held)
        assert len(grown) == 2
