"""The provider data the package ships: readable on a fresh clone, and regenerated exactly from the provider copy."""

from __future__ import annotations

import pytest
from terraform_support import PROVIDER, REPO, needs_provider

from explorer.terraform.provider import shipped, shipped_bytes
from explorer.terraform.provider_data import shipped_path, to_json
from explorer.terraform.provider_scan import scan


def test_the_shipped_data_names_the_instance_and_its_create_api() -> None:
    data = shipped()
    info = data.get("resource", "huaweicloud_compute_instance")
    assert info is not None and "huaweicloud_compute_instance_v2" in info.aliases
    create = [a for a in data.apis(info.function) if a.label == "ECS POST /v1.1/{project_id}/cloudservers"]
    assert [(a.file, a.line) for a in create] == [
        ("huaweicloud/services/ecs/resource_huaweicloud_compute_instance.go", 44)
    ]
    assert len(data.commit) == 40 and data.url(create[0].file, 44).endswith(
        "resource_huaweicloud_compute_instance.go#L44"
    )
    assert shipped_bytes() == shipped_path(REPO).read_bytes()


@pytest.mark.corpus
@needs_provider
def test_regenerating_from_the_provider_copy_gives_the_shipped_json() -> None:
    assert to_json(scan(PROVIDER)) == shipped_bytes(), "out of date: run ./run provider"


def test_the_shipped_cce_cluster_carries_the_block_of_its_deprecated_wrapper() -> None:
    data = shipped()
    info = data.get("resource", "huaweicloud_cce_cluster")
    assert info is not None and info.function == "cce.ResourceCluster"
    create = [a for a in data.apis(info.function) if a.label == "CCE POST /api/v3/projects/{project_id}/clusters"]
    assert [(a.file, a.line) for a in create] == [("huaweicloud/services/cce/resource_huaweicloud_cce_cluster.go", 30)]
