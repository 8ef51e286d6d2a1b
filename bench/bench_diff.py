"""Benchmark: diffing the two whole clouds of the bundled catalog (huaweicloud -> otc, every service), against
loading both catalogs with explorer.api.load (the floor, measured in the same run): from the YAML files
(``PERMISSION_EXPLORER_NO_CACHE=1``) and from the compiled cache as commands load them.

Two figures: the diff alone (matching, changes, actions; ``impact=False``) and the diff with impact (a
graph per side and the default closure of every action checked on both sides). Both take the catalogs
already loaded, so each ratio is the diff's own cost in units of one load. Rounds alternate between
load and diff so that load from other work on the machine hits both alike; the ratio is the median of
the per-round ratios.

    python bench/bench_diff.py [--runs N] [--catalog PATH] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from timing import timed_row

from explorer import api


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--catalog", type=Path, default=api.BUNDLED_CATALOG)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="one run")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    catalogs = api.load([args.catalog])
    clouds = ("huaweicloud", "otc")
    loads, yaml_loads, plain, full = [], [], [], []
    result = None
    for _ in range(runs):
        os.environ["PERMISSION_EXPLORER_NO_CACHE"] = "1"
        yaml_loads.append(timed(lambda: api.load([args.catalog])))
        del os.environ["PERMISSION_EXPLORER_NO_CACHE"]
        loads.append(timed(lambda: api.load([args.catalog])))
        plain.append(timed(lambda: api.diff(catalogs, catalogs, clouds=clouds, impact=False)))
        start = time.perf_counter()
        result, _renames = api.diff(catalogs, catalogs, clouds=clouds)
        full.append(time.perf_counter() - start)
    assert result is not None
    figures = {
        "operations": {"huaweicloud": result.old.operations, "otc": result.new.operations},
        "changes": len(result.changes),
        "impact": len(result.impact),
        "load_both_yaml_s": round(statistics.median(yaml_loads), 4),
        "load_both_s": round(statistics.median(loads), 4),
        "diff_s": round(statistics.median(plain), 4),
        "diff_with_impact_s": round(statistics.median(full), 4),
        "diff_ratio": round(statistics.median(p / lo for p, lo in zip(plain, loads, strict=True)), 2),
        "diff_with_impact_ratio": round(statistics.median(f / lo for f, lo in zip(full, loads, strict=True)), 2),
        "diff_ratio_yaml": round(statistics.median(p / lo for p, lo in zip(plain, yaml_loads, strict=True)), 2),
        "diff_with_impact_ratio_yaml": round(
            statistics.median(f / lo for f, lo in zip(full, yaml_loads, strict=True)), 2
        ),
        "runs": runs,
    }
    if args.json:
        print(json.dumps(figures, indent=1))
        return
    print(f"diff of huaweicloud ({result.old.operations} operations) -> otc ({result.new.operations}), every service:")
    print(f"  load both catalogs from YAML (floor)    {figures['load_both_yaml_s']:.3f} s")
    print(f"  load both catalogs, compiled cache      {figures['load_both_s']:.3f} s")
    for name, key in (("diff", "diff"), ("diff with impact", "diff_with_impact")):
        print(
            f"  {name:<38}  {figures[key + '_s']:.3f} s  = {figures[key + '_ratio_yaml']} x YAML load, "
            f"{figures[key + '_ratio']} x cached load"
        )
    print(f"  {figures['changes']} changes, {figures['impact']} actions and API rows whose default answer differs")
    for name, key in (("diff huaweicloud -> otc", "diff"), ("the same, with impact", "diff_with_impact")):
        timed_row(name, figures[key + "_s"], figures["load_both_yaml_s"], "loading both catalogs from YAML")


if __name__ == "__main__":
    main()
