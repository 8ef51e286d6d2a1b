"""A configuration with the shapes of real ones (tests/fixtures/real/README.md), on the bundled catalog and the
shipped provider data: every block found where it is, local modules followed, and the actions they bring."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from explorer import api
from explorer.terraform.config import read_paths
from explorer.terraform.files import TerraformError

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
BYOC = REAL / "terraform" / "byoc"


@pytest.fixture(scope="module")
def found() -> api.TerraformAnswer:
    return api.terraform_answer([BYOC], api.get_explorer())


def test_every_block_is_found_with_its_file_line_and_count() -> None:
    config = read_paths([BYOC])
    assert [(Path(u.file).relative_to(BYOC).as_posix(), u.line, u.address, u.count) for u in config.uses] == [
        ("buckets.tf.json", 4, "huaweicloud_obs_bucket.data", "count = 1"),
        ("main.tf", 10, "huaweicloud_vpc.this", "count = var.create_new_vpc ? 1 : 0"),
        ("main.tf", 16, "huaweicloud_vpc_subnet.this", "for_each = local.subnets"),
        ("main.tf", 24, "huaweicloud_networking_secgroup_v2.console", ""),
        ("main.tf", 28, "huaweicloud_compute_instance.console", ""),
        ("main.tf", 46, "huaweicloud_cce_cluster.k8s", ""),
        ("main.tf", 64, "random_id.suffix", ""),
        ("modules/net/main.tf", 1, "module.net.huaweicloud_vpc_v1.this", ""),
    ]
    assert [(m.name, m.followed) for m in config.modules] == [("net", True), ("ecs", False)]


def test_the_cce_cluster_and_the_deprecated_names_bring_their_create_actions(found: api.TerraformAnswer) -> None:
    assert found.closure is not None
    actions = found.closure.actions()
    expected = {
        "cce:cluster:create": ("huaweicloud_cce_cluster",),
        "vpc:vpcs:create": ("huaweicloud_vpc", "huaweicloud_vpc_v1"),
        "vpc:subnets:create": ("huaweicloud_vpc_subnet",),
        "ecs:cloudServers:createServers": ("huaweicloud_compute_instance",),
        "vpc:securityGroups:create": ("huaweicloud_compute_instance", "huaweicloud_networking_secgroup_v2"),
    }
    for action, types in expected.items():
        assert action in actions
        assert found.brought_by[action][0] == types, action


def test_a_json_file_with_a_huge_number_or_deep_nesting_is_read_or_refused_clearly(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    (big / "a.tf.json").write_text('{"resource": {"huaweicloud_vpc": {"v": {"count": ' + "9" * 5000 + "}}}}")
    [use] = read_paths([big]).uses
    assert (use.address, use.count) == ("huaweicloud_vpc.v", "count = " + '"' + "9" * 5000 + '"')
    deep = tmp_path / "deep"
    deep.mkdir()
    (deep / "a.tf.json").write_text("[" * (sys.getrecursionlimit() + 10))
    with pytest.raises(TerraformError, match=r"a\.tf\.json: nested too deeply to read"):
        read_paths([deep])
    (deep / "a.tf.json").write_text('{"resource": ')
    with pytest.raises(TerraformError, match=r"a\.tf\.json: line 1: not valid Terraform JSON"):
        read_paths([deep])


def test_a_check_blocks_data_source_is_read_and_a_missing_local_module_is_listed(tmp_path: Path) -> None:
    # an example folder copied out of its repository calls ``../../``; Terraform 1.5 scopes data in checks
    (tmp_path / "main.tf").write_text(
        'module "root" {\n  source = "../../modules/absent"\n}\n\n'
        'check "health" {\n  data "huaweicloud_vpcs" "all" {}\n\n'
        "  assert {\n    condition     = length(data.huaweicloud_vpcs.all.vpcs) > 0\n"
        '    error_message = "no VPC"\n  }\n}\n\n'
        'resource "huaweicloud_vpc" "main" {\n  name = "main"\n}\n'
    )
    config = read_paths([tmp_path])
    assert [(u.line, u.address) for u in config.uses] == [
        (6, "data.huaweicloud_vpcs.all"),
        (14, "huaweicloud_vpc.main"),
    ]
    [call] = config.modules
    assert (call.name, call.followed, call.reason) == (
        "root",
        False,
        "a local module whose folder does not exist here: its blocks are not read",
    )
