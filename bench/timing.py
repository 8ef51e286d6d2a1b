"""Timing shared by the benchmark scripts (run as ``python bench/NAME.py``, so this folder is on sys.path)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def median_wall_and_cpu(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The medians of the wall time and of the process's CPU time (user and system) of ``repeat`` calls of ``fn``:
    on a machine shared with other jobs, CPU time is the steadier figure (it leaves out waiting for disks)."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def fmt_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 0.001:
        return f"{seconds * 1e6:.1f} µs"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def row(name: str, ours: str, floor: str = "-", ratio: float | None = None) -> None:
    """One row of the issue-13 table, in the one form every benchmark prints (collected into the docs):

    ``| name | ours | floor | ratio |`` - a Markdown table row, so the lines can be gathered as they are.
    """
    cells = (name, ours, floor, "-" if ratio is None else f"{ratio:.2f}x")
    print("| " + " | ".join(c.replace("|", "/") for c in cells) + " |", flush=True)
    _contribute(cells)


def _contribute(cells: tuple[str, str, str, str]) -> None:
    """Hand the row to ``./run bench`` (``python -m tools.benchmarks``), which writes every row of the run into
    docs/benchmarks.md; without ``$PERMISSION_EXPLORER_BENCH_ROWS`` (a script run by hand) nothing is written."""
    target = os.environ.get("PERMISSION_EXPLORER_BENCH_ROWS")
    if not target:
        return
    name, ours, floor, ratio = cells
    record = {"benchmark": Path(sys.argv[0]).name, "what": name, "ours": ours, "floor": floor, "ratio": ratio}
    with open(target, "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def timed_row(name: str, ours: float, floor: float | None, floor_name: str = "") -> None:
    """A row whose figures are seconds; the ratio is ours / floor."""
    floor_text = fmt_seconds(floor) + (f" ({floor_name})" if floor_name and floor is not None else "")
    row(name, fmt_seconds(ours), floor_text, ours / floor if floor else None)
