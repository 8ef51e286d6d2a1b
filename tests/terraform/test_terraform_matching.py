"""Provider APIs matched to documented operations: spelling differences match, versions and services do not."""

from __future__ import annotations

import pytest

from explorer.terraform.matching import ApiIndex, api_key, label_services
from explorer.terraform.provider import ProviderApi

INDEX = ApiIndex(
    [
        ("op:create", "ecs", ["POST /v1.1/{project_id}/cloudservers"]),
        ("op:show", "ecs", ["GET /v1/{project_id}/cloudservers/{server_id}"]),
        ("op:list", "ecs", ["GET /v1/{project_id}/cloudservers/detail?name={name}&limit={limit}"]),
        ("op:job", "ecs", ["GET /v1/{project_id}/jobs/{job_id}"]),
        ("op:vpcjob", "vpc", ["GET /v1/{project_id}/jobs/{job_id}"]),
        ("op:acl", "obs", ["PUT /?acl"]),
        ("op:bucket", "obs", ["PUT /"]),
        ("op:key", "dew", ["POST /v1.0/{project_id}/kms/create-key"]),
    ]
)


def api(service: str, text: str) -> ProviderApi:
    method, path = text.split(" ", 1)
    return ProviderApi(service, method, path, "f.go", 1)


@pytest.mark.parametrize(
    ("service", "text", "nodes"),
    [
        ("ECS", "POST /v1.1/{project_id}/cloudservers", ("op:create",)),
        ("ECS", "GET /v1/{project_id}/cloudservers/{id}", ("op:show",)),  # placeholder names
        ("ECS", "GET /V1/{project_id}/CloudServers/{serverId}/", ("op:show",)),  # case, trailing slash
        ("ECS", "GET /v1/{project_id}/cloudservers/detail?limit=100", ("op:list",)),  # a query string
        ("ECS", "GET /v1/{project_id}/cloudservers/detail", ("op:list",)),
        ("ECS", "GET /v1/{project_id}/jobs/{job_id}", ("op:job",)),  # only the label's service
        ("VPC", "GET /v1/{project_id}/jobs/{job_id}", ("op:vpcjob",)),
        ("OBS", "PUT ?acl", ("op:acl",)),  # a root path is named by its query
        ("KMS", "POST /v1.0/{project_id}/kms/create-key", ("op:key",)),  # KMS is documented under DEW
    ],
)
def test_matched(service: str, text: str, nodes: tuple[str, ...]) -> None:
    found = INDEX.match(api(service, text))
    assert (found.status, found.operations) == ("matched", nodes)


@pytest.mark.parametrize(
    ("service", "text", "status"),
    [
        ("ECS", "POST /v1/{project_id}/cloudservers", "undocumented"),  # /v1/ is not /v1.1/
        ("ECS", "GET /v1.1/{project_id}/cloudservers/{id}", "undocumented"),
        ("OBS", "PUT ?cors", "undocumented"),  # another sub-resource, never the bucket's PUT /
        ("BSS", "POST /v2/orders/customer-orders/pay", "no_table"),
        ("EPS", "POST /v1.0/enterprise-projects/{enterprise_project_id}/resources-migrate", "no_table"),
    ],
)
def test_not_matched_with_the_reason(service: str, text: str, status: str) -> None:
    found = INDEX.match(api(service, text))
    assert (found.status, found.operations) == (status, ())
    assert found.reason


def test_keys_and_labels() -> None:
    assert api_key("get /V2/{p}/Servers/?b=1&a={x}") == ("GET /v2/{}/servers", frozenset({"a", "b"}))
    assert label_services("IDENTITYCENTER") == label_services("IdentityCenter") == ("identitycenter",)
    assert label_services("Anti-DDoS") == ("antiddos",)


def test_tables_that_name_no_api_are_said_so() -> None:
    index = ApiIndex([("op:a", "waf", []), ("op:b", "ecs", ["GET /v1/x"])])
    bare = index.match(api("WAF", "GET /v1/{project_id}/waf/policy"))
    assert bare.status == "undocumented" and "name no API at all" in bare.reason
    other = index.match(api("ECS", "GET /v1/y"))
    assert other.status == "undocumented" and other.reason == "the service's action tables do not document that API"
