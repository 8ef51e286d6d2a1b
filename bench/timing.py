"""Timing shared by the benchmark scripts (run as ``python bench/NAME.py``, so this folder is on sys.path)."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def contribute(benchmark: str, rows: list[tuple[str, str, str, str]]) -> None:
    """Hand this script's figures to ``./run bench`` (``python -m tools.benchmarks``), which writes them into
    docs/benchmarks.md: one row per measurement, (what, ours, floor measured in the same run, ratio).

    Without ``$PERMISSION_EXPLORER_BENCH_ROWS`` (a script run by hand) nothing is written.
    """
    target = os.environ.get("PERMISSION_EXPLORER_BENCH_ROWS")
    if not target:
        return
    with open(target, "a", encoding="utf-8") as out:
        for what, ours, floor, ratio in rows:
            record = {"benchmark": benchmark, "what": what, "ours": ours, "floor": floor, "ratio": ratio}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
