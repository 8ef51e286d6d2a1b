"""Paths of the Terraform fixtures, and the marker of tests that need the provider copy in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "terraform"
CATALOG = FIXTURES / "catalog"
PROVIDER_FIXTURE = FIXTURES / "provider"
CONFIGS = FIXTURES / "configs"
PLANS = FIXTURES / "plans"
POLICIES = FIXTURES / "policies"
PROVIDER = REPO.parent / "shared" / "terraform" / "huaweicloud-provider"
needs_provider = pytest.mark.skipif(
    not (PROVIDER / "huaweicloud" / "provider.go").is_file(),
    reason="../shared/terraform/huaweicloud-provider is absent (fresh clone without it)",
)
