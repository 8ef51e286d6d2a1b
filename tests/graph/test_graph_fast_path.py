"""The default walk (nothing filtered out, on the certain edges the build chose) gives the filtered walk's answer.

An exclusion naming a condition no row has filters nothing, but takes the general path: both must agree
on every action, with and without possible requirements.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer import api

REPO = Path(__file__).resolve().parents[2]
CATALOGS = [
    pytest.param(REPO / "tests" / "fixtures" / "catalog", "huaweicloud", id="fixture"),
    pytest.param(REPO / "catalog", "huaweicloud", id="bundled-huaweicloud"),
    pytest.param(REPO / "catalog", "otc", id="bundled-otc"),
]
NOTHING = ["a condition text no row of any catalog has"]


@pytest.mark.parametrize(("catalog", "cloud"), CATALOGS)
def test_fast_and_general_walks_agree_on_every_action(catalog: Path, cloud: str) -> None:
    if not (catalog / cloud).is_dir():
        pytest.skip(f"no {cloud} catalog under {catalog}")
    ex = api.get_explorer(cloud, catalog)
    checked = 0
    for action in ex.actions():
        for possible in (False, True):
            fast = ex.closure(action, possible=possible).to_dict()
            general = ex.closure(action, exclude_conditional=NOTHING, possible=possible).to_dict()
            assert general.pop("excluded_conditions") == NOTHING
            fast.pop("excluded_conditions")
            assert fast == general, action
            checked += 1
    assert checked > 20
