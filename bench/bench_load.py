"""Benchmark: loading the bundled catalog with explorer.api.load, against a bare C-loader parse of the same files.

The baseline is ``yaml.load(bytes, Loader=yaml.CSafeLoader)`` of every file (reading included).
``explorer.api.load`` answers from the compiled catalog in the user's cache (reading and hashing
every file included, so a changed file is never served stale); ``fresh`` is the same load with the
cache bypassed: parsing, the checks, the model and the provenance join. Runs alternate
between the two so that load from the other engineers on the shared machine hits both alike; the
figures are medians of the runs, and the ratio is the median of the per-round ratios.

    python bench/bench_load.py [--runs N] [--catalog PATH] [--json]
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml
from timing import timed_row

from explorer import api
from explorer.catalog.store import load_catalogs_fresh, parse_yaml_text

TARGET_RATIO = 1.0  # issue 13: faster than the bare parse


def catalog_files(root: Path) -> list[Path]:
    return sorted(p for p in root.glob("*/*.yaml") if not p.parent.name.startswith("."))


def timed(fn: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="rounds of (baseline, load); the median is reported")
    parser.add_argument("--catalog", type=Path, default=None, help="catalog root (default: the bundled catalog)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    root = args.catalog or api.default_catalog_path()
    files = catalog_files(root)
    if not files:
        print(f"bench_load: no catalog files under {root}; run ./run catalog first", file=sys.stderr)
        return 2

    def bare() -> None:
        for path in files:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)

    def parse() -> None:
        for path in files:
            parse_yaml_text(path.read_bytes(), str(path))

    def load() -> None:
        api.load([root])

    def fresh() -> None:
        load_catalogs_fresh([root])

    load()  # warm imports, the file cache and regex caches for both sides
    bare()
    baseline: list[float] = []
    parsing: list[float] = []
    subject: list[float] = []
    uncached: list[float] = []
    for _ in range(max(1, args.runs)):
        baseline.append(timed(bare))
        parsing.append(timed(parse))
        subject.append(timed(load))
        uncached.append(timed(fresh))
    ratios = [s / b for s, b in zip(subject, baseline, strict=True)]

    clouds = api.load([root])
    operations = sum(len(cat.operations()) for cat in clouds.values())
    figures = {
        "benchmark": "catalog load",
        "catalog": str(root),
        "files": len(files),
        "bytes": sum(p.stat().st_size for p in files),
        "operations": operations,
        "runs": len(ratios),
        "baseline_median_s": round(statistics.median(baseline), 4),
        "parse_median_s": round(statistics.median(parsing), 4),
        "load_median_s": round(statistics.median(subject), 4),
        "fresh_median_s": round(statistics.median(uncached), 4),
        "ratio_median": round(statistics.median(ratios), 3),
        "ratio_min": round(min(ratios), 3),
        "ratio_max": round(max(ratios), 3),
        "target_ratio": TARGET_RATIO,
    }
    if args.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"catalog load: {figures['files']} files, {figures['bytes']:,} bytes, {operations} operations, "
            f"{figures['runs']} runs\n"
            f"  bare yaml.load (CSafeLoader): {figures['baseline_median_s']:.4f} s (median)\n"
            f"  explorer.api.load (compiled): {figures['load_median_s']:.4f} s (median)\n"
            f"  load without the cache:      {figures['fresh_median_s']:.4f} s (median)\n"
            f"    of which YAML parsing:     {figures['parse_median_s']:.4f} s (median; the rest: checks, model)\n"
            f"  ratio load/bare: {figures['ratio_median']:.3f} (min {figures['ratio_min']:.3f}, "
            f"max {figures['ratio_max']:.3f}; target < 1)"
        )
        bare_median = statistics.median(baseline)
        timed_row("loading the bundled catalog (compiled)", statistics.median(subject), bare_median, "bare yaml.load")
        timed_row("loading the bundled catalog (no cache)", statistics.median(uncached), bare_median, "bare yaml.load")
    return 0


if __name__ == "__main__":
    sys.exit(main())
