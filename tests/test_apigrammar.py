"""The API grammar: canonical APIs, every repair named, prose around APIs given back, checks for validate."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer import apigrammar as g


@pytest.mark.parametrize(
    ("text", "apis", "repairs", "rest"),
    [
        ("GET /v2/{project_id}/servers", ["GET /v2/{project_id}/servers"], [()], []),
        ("GET /", ["GET /"], [()], []),
        (
            "GET /v2/{project_id}/elb/ certificates/{certificate_id}",
            ["GET /v2/{project_id}/elb/certificates/{certificate_id}"],
            [(g.SPACE_IN_PATH,)],
            [],
        ),
        ("POST / v1/{project_id}/ports", ["POST /v1/{project_id}/ports"], [(g.SPACE_IN_PATH,)], []),
        # a stray space before a segment: one API ("/{whitelist_id}" alone is none)
        (
            "GET /v2/{project_id}/elb/whitelists /{whitelist_id}",
            ["GET /v2/{project_id}/elb/whitelists/{whitelist_id}"],
            [(g.SPACE_IN_PATH,)],
            [],
        ),
        ("GET /v2/{p}/elb /certificates", ["GET /v2/{p}/elb/certificates"], [(g.SPACE_IN_PATH,)], []),
        # two APIs side by side stay two: the second opens a path of its own
        ("GET /v1/a/b /v1/c/d", ["GET /v1/a/b", "/v1/c/d"], [(), (g.NO_METHOD,)], []),
        ("GET /v1 /{id}", ["GET /v1", "/{id}"], [(), (g.NO_METHOD,)], []),
        ("GET /kms/{ key_id }/tags", ["GET /kms/{key_id}/tags"], [(g.SPACE_IN_PLACEHOLDER,)], []),
        ("DELETE /nat/{dnat_rule_id }", ["DELETE /nat/{dnat_rule_id}"], [(g.SPACE_IN_PLACEHOLDER,)], []),
        ("PUT/v1/{projectId}/waf/policy", ["PUT /v1/{projectId}/waf/policy"], [(g.GLUED_METHOD,)], []),
        ("POST POST /v2/signs", ["POST /v2/signs"], [(g.REPEATED_METHOD,)], []),
        ("Get /v1.0/hosts", ["GET /v1.0/hosts"], [(g.METHOD_CASE,)], []),
        ("GET: /v1/x", ["GET /v1/x"], [(g.METHOD_PUNCTUATION,)], []),
        ("PUT https://{Endpoint}/v3/tags", ["PUT /v3/tags"], [(g.SCHEME_HOST,)], []),
        ("GET https://iam.example.com/v3/users", ["GET /v3/users"], [(g.SCHEME_HOST,)], []),
        (
            "GET v3.0/OS-POLICY/domains/{domain_id}",
            ["GET /v3.0/OS-POLICY/domains/{domain_id}"],
            [(g.NO_LEADING_SLASH,)],
            [],
        ),
        ("POST /v1/\n{project_id}/start", ["POST /v1/{project_id}/start"], [(g.LINE_BREAK_IN_PATH,)], []),
        ("GET\n/v2/images", ["GET /v2/images"], [()], []),
        ("POST /v1/project_id}/servers", ["POST /v1/{project_id}/servers"], [(g.UNBALANCED_BRACE,)], []),
        (
            "DELETE /v1/{project_id/jobs/{job_id}",
            ["DELETE /v1/{project_id}/jobs/{job_id}"],
            [(g.UNBALANCED_BRACE,)],
            [],
        ),
        ("PUT /v1.0/{{project_id}}/auth", ["PUT /v1.0/{project_id}/auth"], [(g.DOUBLED_BRACES,)], []),
        ("/api/*", ["/api/*"], [(g.NO_METHOD,)], []),
        (
            "POST /v2/cloudimages/action外部文件制作镜像前请确保已开通OBS。",
            ["POST /v2/cloudimages/action"],
            [(g.GLUED_PROSE,)],
            ["外部文件制作镜像前请确保已开通OBS。"],
        ),
        ("POST /v1.0/jobs/submit-job,SQL语句调用", ["POST /v1.0/jobs/submit-job"], [(g.GLUED_PROSE,)], ["SQL语句调用"]),
        (
            "POST /v1.0/jobs/submit-job, SQL statement invoking",
            ["POST /v1.0/jobs/submit-job"],
            [()],
            ["SQL statement invoking"],
        ),
        (
            "PUT /v1/services/{id} (request body with status)",
            ["PUT /v1/services/{id}"],
            [()],
            ["(request body with status)"],
        ),
        (
            "GET /v3.0/quota?type={user, group}",
            ["GET /v3.0/quota?type={user,group}"],
            [(g.SPACE_IN_PLACEHOLDER,)],
            [],
        ),
        ("GET /v1/metric?a={a}&dim.0=key,value", ["GET /v1/metric?a={a}&dim.0=key,value"], [()], []),
        ("GET /v2/images GET /v2.1/images", ["GET /v2/images", "GET /v2.1/images"], [(), ()], []),
        ("GET/POST /v1/x", ["GET /v1/x", "POST /v1/x"], [(), ()], []),
        ("GET /v2/images.", ["GET /v2/images"], [()], []),
        # prose, never an API
        ("PUT上传POST上传复制对象", [], [], ["PUT上传POST上传复制对象"]),
        ("Uploading an Object - PUT", [], [], ["Uploading an Object - PUT"]),
        ("Delete / modify the thing", [], [], ["Delete / modify the thing"]),
        ("POST requests are signed", [], [], ["POST requests are signed"]),
        ("Read/Write access", [], [], ["Read/Write access"]),
        ("N/A", [], [], ["N/A"]),
        (
            "ecs:availabilityZones:list/v2/{project_id}/os-networks",
            [],
            [],
            ["ecs:availabilityZones:list/v2/{project_id}/os-networks"],
        ),
    ],
)
def test_scan(text: str, apis: list[str], repairs: list[tuple[str, ...]], rest: list[str]) -> None:
    found = g.scan(text)
    assert [f.api.text for f in found] == apis
    assert [f.repairs for f in found] == repairs
    assert g.rest(text, found) == rest


def test_problems_name_what_validate_refuses() -> None:
    assert g.problems("GET /v2/{project_id}/servers") == []
    assert g.problems("/api/*") == []  # the documentation gives no method; the grammar allows that
    assert g.problems("get /v2/x") == [g.METHOD_CASE]
    assert g.problems("GET /v2/x GET /v2/y") == ["2 APIs in one string; expected one"]
    assert g.problems("GET /v2/x  ") == ["not in canonical form; expected 'GET /v2/x'"]
    assert g.problems("servers") == ["not an API: expected METHOD /path (e.g. GET /v2/{project_id}/servers)"]


def test_lookup_key_blanks_placeholders_and_repairs() -> None:
    assert g.lookup_key("get /v2/{tenant}/servers/") == "GET /v2/{}/servers"
    assert g.lookup_key("GET /v2/{project_id}/elb/ certificates/{ id }") == "GET /v2/{}/elb/certificates/{}"
    assert g.lookup_key("/api/*") == "/api/*"
    assert g.lookup_key("no api here") is None


# A final "." is read as the end of a sentence around the API (prose glued to it), so a canonical
# segment ends in a letter, digit, "_" or "-" (dots inside, as in "v1.1", are part of the path).
_segment = st.from_regex(r"(\{[a-z_]{1,8}\}|[a-z0-9_-]([a-z0-9._-]{0,6}[a-z0-9_-])?)", fullmatch=True)


@given(st.sampled_from(g.METHODS), st.lists(_segment, min_size=1, max_size=6))
def test_a_canonical_api_reads_back_as_itself(method: str, segments: list[str]) -> None:
    text = f"{method} /" + "/".join(segments)
    (found,) = g.scan(text)
    assert (found.api.text, found.repairs) == (text, ())
    assert g.problems(text) == []


@given(st.text(max_size=200))
def test_any_text_scans_without_error_and_apis_are_canonical(text: str) -> None:
    for found in g.scan(text):
        assert g.problems(found.api.text) == []
