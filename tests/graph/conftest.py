"""Shared fixtures of the graph tests: the hand-written fixture catalog and, when present, the bundled one."""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_row import SEED_DEPENDENCIES

from explorer import api
from explorer.graph import Explorer

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CATALOG = REPO / "tests" / "fixtures" / "catalog"
BUNDLED_HUAWEICLOUD = REPO / "catalog" / "huaweicloud"


@pytest.fixture(scope="session")
def seed_deps() -> frozenset[str]:
    """The dependencies the seed row (ecs:servers:createImage, huaweicloud-zh ecs/镜像管理.md) documents."""
    return frozenset(SEED_DEPENDENCIES)


@pytest.fixture(scope="session")
def fx() -> Explorer:
    return api.get_explorer("huaweicloud", FIXTURE_CATALOG)


@pytest.fixture(scope="session")
def bundled() -> Explorer:
    if not BUNDLED_HUAWEICLOUD.is_dir():
        pytest.skip("catalog/huaweicloud is absent (the importer has not generated the bundled catalog)")
    return api.get_explorer("huaweicloud", REPO / "catalog")
