"""Benchmark: where a person waits on the command line, against the interpreter floor of the same run.

Every figure is the median wall time of ``--runs`` fresh processes, run in interleaved rounds so that
load from the other users of the machine hits all alike:

- floor: ``python -c "import yaml, networkx"`` (what any Python tool on these libraries pays);
- ``permission-explorer closure ecs:servers:createImage`` with the compiled catalog in the cache
  (every run after the first), with an empty cache (the first run: parses the YAML and compiles it)
  and with the cache turned off (what every run cost before the compiled catalog);
- ``permission-explorer --help``;
- ``python -c "import explorer.api"`` against ``python -c pass``;
- the parts of a closure run, measured inside one process: importing what ``closure`` uses, loading
  the catalog and building the graph, and the query itself.

    .venv/bin/python bench/bench_cli.py [--runs 7] [--catalog PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import fmt_seconds, median_seconds, row, timed_row

from explorer import api

TARGET = "ecs:servers:createImage"
PARTS = """
import json, time
start = time.perf_counter()
import explorer.cli, explorer.cli.query_cmds, explorer.graph.loader, explorer.catalog.compiled
from explorer import api
imported = time.perf_counter()
ex = api.get_explorer("huaweicloud")
loaded = time.perf_counter()
print(json.dumps({"import": imported - start, "load": loaded - imported}))
"""


def command() -> list[str]:
    script = Path(sys.executable).with_name("permission-explorer")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "explorer"]


def run(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--catalog", type=Path, default=None, help="catalog root (default: the bundled catalog)")
    args = parser.parse_args(argv)
    catalog = args.catalog or api.default_catalog_path()
    cli = command()
    with tempfile.TemporaryDirectory() as tmp:
        warm_cache = Path(tmp) / "warm"
        base = dict(os.environ, PERMISSION_EXPLORER_CATALOG=str(catalog))
        base.pop("PERMISSION_EXPLORER_NO_CACHE", None)
        warm = dict(base, PERMISSION_EXPLORER_CACHE_DIR=str(warm_cache))
        off = dict(base, PERMISSION_EXPLORER_NO_CACHE="1")
        closure = [*cli, "closure", TARGET]
        run(closure, warm)  # compiles the catalog into the warm cache
        cases: dict[str, list[float]] = {k: [] for k in ("floor", "warm", "cold", "off", "help", "api", "python")}
        parts: list[dict[str, float]] = []
        for i in range(max(1, args.runs)):
            cases["floor"].append(run([sys.executable, "-c", "import yaml, networkx"], base))
            cases["warm"].append(run(closure, warm))
            cold = dict(base, PERMISSION_EXPLORER_CACHE_DIR=str(Path(tmp) / f"cold{i}"))
            cases["cold"].append(run(closure, cold))
            cases["off"].append(run(closure, off))
            cases["help"].append(run([*cli, "--help"], base))
            cases["api"].append(run([sys.executable, "-c", "import explorer.api"], base))
            cases["python"].append(run([sys.executable, "-c", "pass"], base))
            out = subprocess.run([sys.executable, "-c", PARTS], env=warm, check=True, capture_output=True, text=True)
            parts.append(json.loads(out.stdout))
    ex = api.get_explorer("huaweicloud", catalog)
    query = median_seconds(lambda: ex.closure(TARGET), 200)
    med = {k: statistics.median(v) for k, v in cases.items()}
    floor = med["floor"]
    py = "import yaml, networkx"
    imports = statistics.median(p["import"] for p in parts)
    load = statistics.median(p["load"] for p in parts)
    print(f"CLI benchmark: {catalog}, {args.runs} interleaved runs per figure, medians")
    print("| where a person waits | ours | floor measured in the same run | ratio |")
    print("| --- | --- | --- | --- |")
    timed_row(
        f"`permission-explorer closure {TARGET}` (compiled catalog cached)", med["warm"], floor, "import yaml, networkx"
    )
    timed_row("the same, first run (empty cache: parse YAML, compile)", med["cold"], floor, py)
    timed_row("the same, cache off (PERMISSION_EXPLORER_NO_CACHE=1)", med["off"], floor, py)
    timed_row("of which: importing what `closure` uses (in-process)", imports, None)
    timed_row("`python -c 'import explorer.api'` (engine re-exported lazily)", med["api"], med["python"], "bare python")
    row(
        "of which: loading the catalog and building the graph",
        fmt_seconds(load),
        f"the query itself: {fmt_seconds(query)}",
    )
    timed_row("`permission-explorer --help`", med["help"], floor, py)
    return 0


if __name__ == "__main__":
    sys.exit(main())
