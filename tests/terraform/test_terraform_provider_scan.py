"""The provider scanner on a checkout of our own that follows the provider's conventions."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from terraform_support import PROVIDER_FIXTURE

from explorer.terraform.files import TerraformError
from explorer.terraform.provider import ProviderData, parse_data
from explorer.terraform.provider_data import to_json
from explorer.terraform.provider_scan import scan


@pytest.fixture(scope="module")
def data() -> ProviderData:
    return ProviderData(scan(PROVIDER_FIXTURE), "fixture")


def test_registry_names_every_type_with_its_function_and_line(data: ProviderData) -> None:
    assert data.names("resource") == (
        "huaweicloud_compute_instance",
        "huaweicloud_compute_instance_v2",
        "huaweicloud_obs_bucket",
        "huaweicloud_vpc",
    )
    assert data.names("data") == ("huaweicloud_instances", "huaweicloud_vpc", "huaweicloud_vpc_v1")
    info = data.get("resource", "huaweicloud_compute_instance_v2")
    assert info is not None
    assert (info.function, info.registry_line, info.aliases) == (
        "ecs.ResourceInstance",
        24,
        ("huaweicloud_compute_instance",),
    )
    assert data.commit == "0123456789abcdef0123456789abcdef01234567"


def test_a_functions_block_then_the_helpers_it_calls(data: ProviderData) -> None:
    apis = data.apis("ecs.ResourceInstance")
    assert [(a.label, a.file, a.line) for a in apis] == [
        ("ECS POST /v1.1/{project_id}/cloudservers", "huaweicloud/services/ecs/resource_instance.go", 3),
        ("ECS GET /v1/{project_id}/cloudservers/{id}", "huaweicloud/services/ecs/resource_instance.go", 4),
        ("ECS POST /v1/{project_id}/cloudservers/delete", "huaweicloud/services/ecs/resource_instance.go", 5),
        ("ECS GET /v1/{project_id}/jobs/{job_id}", "huaweicloud/services/ecs/resource_instance.go", 6),
        (
            "ECS POST /v1/{project_id}/cloudservers/{server_id}/changevpc",
            "huaweicloud/services/ecs/resource_instance.go",
            7,
        ),
        ("VPC DELETE /v1/{project_id}/ports/{portId}", "huaweicloud/services/ecs/resource_instance.go", 8),
        ("BSS POST /v2/orders/customer-orders/pay", "huaweicloud/services/ecs/resource_instance.go", 9),
        # the enterprise-project move: the file calls cfg.MoveToEnterpriseProject, defined by a helper file
        (
            "EPS POST /v1.0/enterprise-projects/{enterprise_project_id}/resources-migrate",
            "huaweicloud/config/eps_management.go",
            3,
        ),
    ]


def test_wrapper_methods_of_a_registered_file_belong_to_its_type(data: ProviderData) -> None:
    assert [a.label for a in data.apis("ecs.DataSourceInstances")] == [
        "ECS GET /V1/{project_id}/cloudservers/detail?limit=100"
    ]


def test_a_type_whose_function_declares_no_api(data: ProviderData) -> None:
    info = data.get("resource", "huaweicloud_obs_bucket")
    assert info is not None and data.apis(info.function) == () and data.where(info.function) is None


def test_the_encoding_is_deterministic_and_round_trips() -> None:
    doc = scan(PROVIDER_FIXTURE)
    assert to_json(doc) == to_json(scan(PROVIDER_FIXTURE))
    assert json.loads(to_json(doc)) == doc
    again = parse_data(to_json(doc), "x")
    assert again.apis("vpc.ResourceVpc") == ProviderData(doc, "y").apis("vpc.ResourceVpc")
    # data gzipped (as ./run provider wrote it before) is read all the same
    zipped = parse_data(gzip.compress(to_json(doc), mtime=0), "x.json.gz")
    assert zipped.apis("vpc.ResourceVpc") == again.apis("vpc.ResourceVpc")


def test_malformed_api_lines_are_listed_not_guessed(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PROVIDER_FIXTURE, root)
    vpc = root / "huaweicloud" / "services" / "vpc" / "vpc.go"
    vpc.write_text(vpc.read_text().replace("// @API VPC GET /v1/{project_id}/vpcs\n", "// @API VPC GET\n"))
    doc = scan(root)
    assert doc["problems"] == [{"file": "huaweicloud/services/vpc/vpc.go", "line": 4, "text": "// @API VPC GET"}]
    assert "VPC GET /v1/{project_id}/vpcs" not in doc["apis"]


def test_not_a_checkout(tmp_path: Path) -> None:
    with pytest.raises(TerraformError, match="not a provider checkout"):
        scan(tmp_path)


def test_bad_provider_data_is_a_clear_error() -> None:
    with pytest.raises(TerraformError, match=r"x\.json: not provider data"):
        parse_data(b"[1, 2", "x.json")
    with pytest.raises(TerraformError, match=r"x\.json\.gz: not provider data"):
        parse_data(b"\x1f\x8b not gzip", "x.json.gz")
    with pytest.raises(TerraformError, match="schema_version 99"):
        parse_data(b'{"schema_version": 99}', "x.json")
    with pytest.raises(TerraformError, match="not provider data of this version"):
        parse_data(b'{"schema_version": 1}', "x.json")


def test_a_registered_function_without_a_block_takes_its_files_blocks(tmp_path: Path) -> None:
    # the provider's CCE cluster: the block sits above the deprecated wrapper, which returns the function
    # that the current type name is registered with (found on a real configuration: it mapped to no CCE API)
    import shutil

    root = tmp_path / "p"
    shutil.copytree(PROVIDER_FIXTURE, root)
    registry = root / "huaweicloud" / "provider.go"
    registry.write_text(
        registry.read_text()
        .replace(
            '/huaweicloud/services/vpc"\n',
            '/huaweicloud/services/vpc"\n\t"github.com/huaweicloud/terraform-provider-huaweicloud/huaweicloud/services/cce"\n',
        )
        .replace(
            '"huaweicloud_obs_bucket":       ResourceBucket(),\n',
            '"huaweicloud_obs_bucket":       ResourceBucket(),\n'
            '\t\t\t"huaweicloud_cce_cluster": cce.ResourceCluster(),\n',
        )
        .replace(
            '"huaweicloud_compute_instance_v2": ecs.ResourceInstance(),\n',
            '"huaweicloud_compute_instance_v2": ecs.ResourceInstance(),\n'
            '\t\t\t"huaweicloud_cce_cluster_v3": cce.ResourceCCEClusterV3(),\n',
        )
    )
    cce = root / "huaweicloud" / "services" / "cce"
    cce.mkdir()
    (cce / "cluster.go").write_text(
        "package cce\n\n"
        "// @API CCE POST /api/v3/projects/{project_id}/clusters\n"
        "// @API CCE DELETE /api/v3/projects/{project_id}/clusters/{id}\n\n"
        "// Deprecated: use ResourceCluster.\n"
        "func ResourceCCEClusterV3() *schema.Resource {\n\treturn ResourceCluster()\n}\n\n"
        "func ResourceCluster() *schema.Resource {\n\treturn &schema.Resource{}\n}\n"
    )
    data = ProviderData(scan(root), "fixture")
    expected = [
        ("CCE POST /api/v3/projects/{project_id}/clusters", 3),
        ("CCE DELETE /api/v3/projects/{project_id}/clusters/{id}", 4),
    ]
    for name in ("huaweicloud_cce_cluster", "huaweicloud_cce_cluster_v3"):
        info = data.get("resource", name)
        assert info is not None
        assert [(a.label, a.line) for a in data.apis(info.function)] == expected, name
