"""Configurations and plans: blocks with their lines, modules, count and for_each, and plans' actions."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from terraform_support import CONFIGS, PLANS

from explorer.errors import ExplorerError
from explorer.terraform.config import Configuration, read_paths
from explorer.terraform.files import TerraformError
from explorer.terraform.plan import read_plan


def test_a_folder_with_a_local_and_a_remote_module() -> None:
    config = read_paths([CONFIGS / "basic"])
    basic = str(CONFIGS / "basic")
    assert [(Path(u.file).relative_to(basic).as_posix(), u.line, u.address, u.count) for u in config.uses] == [
        ("main.tf", 9, "huaweicloud_compute_instance.web", "count = var.web_count"),
        ("main.tf", 15, "data.huaweicloud_vpc.default", ""),
        ("main.tf", 29, "random_id.suffix", ""),
        ("modules/net/main.tf", 5, "module.net.huaweicloud_vpc.this", "for_each = toset(var.names)"),
    ]
    assert [(m.name, m.followed, m.line) for m in config.modules] == [("net", True, 19), ("remote", False, 24)]
    assert "remote module" in config.modules[1].reason
    assert len(config.files) == 3  # main.tf, variables.tf, the module's main.tf (file() is never read)


def test_a_single_file() -> None:
    config = read_paths([CONFIGS / "alias" / "main.tf"])
    assert [u.address for u in config.uses] == ["huaweicloud_compute_instance_v2.one"]


def test_bad_hcl_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tf"
    bad.write_text('resource "a" "b" {\n  x = \n}\n')
    with pytest.raises(TerraformError, match=r"bad.tf: line \d+: not valid HCL"):
        read_paths([bad])


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "main.tf")
    with pytest.raises(ExplorerError, match="not a regular file"):
        read_paths([tmp_path])


def test_a_module_calling_itself_is_a_cycle_not_a_hang(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text('module "me" {\n  source = "./"\n}\nresource "huaweicloud_vpc" "v" {}\n')
    with pytest.raises(TerraformError, match=r"module.me calls a module folder that is already on its call path"):
        read_paths([tmp_path])


def test_a_missing_path() -> None:
    with pytest.raises(TerraformError, match="no such file or folder"):
        read_paths([CONFIGS / "nowhere"])


def test_plans_tell_reading_from_creating() -> None:
    created = Configuration()
    read_plan(PLANS / "create.json", created)
    unchanged = Configuration()
    read_plan(PLANS / "read.json", unchanged)
    assert [(u.address, u.actions, u.line) for u in created.uses] == [
        ("huaweicloud_vpc.main", ("create",), 6),
        ("data.huaweicloud_vpc.default", ("read",), 28),
    ]
    assert [u.actions for u in unchanged.uses] == [("no-op",), ("read",)]


def test_not_a_plan(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text(json.dumps({"Version": "1.1"}))
    with pytest.raises(TerraformError, match="not a Terraform plan"):
        read_plan(other, Configuration())
    other.write_text("{")
    with pytest.raises(TerraformError, match=r"x\.json: not JSON"):
        read_plan(other, Configuration())


def test_hostile_nesting_is_an_answer_or_a_clear_error(tmp_path: Path) -> None:
    deep = tmp_path / "deep.tf"
    deep.write_text("x = " + "[" * 20000 + "]" * 20000 + '\nresource "huaweicloud_vpc" "v" {}\n')
    assert [u.address for u in read_paths([deep]).uses] == ["huaweicloud_vpc.v"]
    plan = tmp_path / "deep.json"
    plan.write_text('{"format_version": "1", "resource_changes": ' + "[" * 100000 + "]" * 100000 + "}")
    with pytest.raises(TerraformError, match=r"deep\.json: not JSON"):
        read_plan(plan, Configuration())
