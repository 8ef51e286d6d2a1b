"""Graph engine benchmark on synthetic catalogs of 10k, 100k and 200k actions.

Measures, per size (each in a fresh subprocess so that peak memory is its own):
- build: Explorer.from_catalog (graph, indexes, cycles) in seconds, and the resident-memory growth it causes;
- closure and dependents latency, median and p99 over random targets, against bare
  ``networkx.descendants`` / ``networkx.ancestors`` on the same graph (the floor) as a ratio; a query
  walks and returns, and its records are made when first read, so the latency with the records read
  (and with ``to_dict()``) is measured too;
- growth from the smallest to the middle size, as time (and memory) ratio over size ratio (1.0 = linear).

The synthetic catalog mimics the real one: services in layers (compute needs storage, images and
network, which need little), about 3 dependencies per row, mostly get/list actions of lower-layer
services, a few same-layer edges that close cycles, a few wildcard dependencies, a second row with
different enterprise-project support for some actions, and some dependencies no row defines.

Run: ``.venv/bin/python bench/bench_graph.py`` (about 2-3 minutes) or ``--quick`` (seconds).
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

import networkx as nx
from timing import row

from explorer import api
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

VERBS = ("get", "list", "create", "update", "delete", "attach", "detach", "use")
ACTIONS_PER_SERVICE = 500
LAYERS = 4  # layer 0 services need nothing; layer k services depend on layers below k


def synthetic_catalog(n_actions: int, seed: int = 7) -> Catalog:
    rnd = random.Random(seed)
    n_services = max(8, n_actions // ACTIONS_PER_SERVICE)
    services = [f"s{i:04d}" for i in range(n_services)]
    layer = {s: (0 if i % 10 == 0 else 1 + i % (LAYERS - 1)) for i, s in enumerate(services)}
    actions: dict[str, list[str]] = {}
    for s in services:
        names = [f"{s}:r{j // len(VERBS)}:{VERBS[j % len(VERBS)]}" for j in range(ACTIONS_PER_SERVICE)]
        actions[s] = names[: max(1, n_actions // n_services)]
    reads = {s: [a for a in names if a.endswith((":get", ":list"))] for s, names in actions.items()}
    by_layer: dict[int, list[str]] = {k: [s for s in services if layer[s] == k] for k in range(LAYERS)}
    catalog = Catalog("bench")
    for s in services:
        file = f"bench/{s}.md"
        ops: list[Operation] = []
        for i, action in enumerate(actions[s]):
            deps: set[str] = set()
            if layer[s] > 0:
                for _ in range(rnd.choice((0, 1, 2, 3, 3, 4, 5, 6))):
                    roll = rnd.random()
                    if roll < 0.03:  # same layer: closes cycles between services
                        other = rnd.choice(by_layer[layer[s]])
                        deps.add(rnd.choice(actions[other]))
                    elif roll < 0.035:
                        deps.add(f"{rnd.choice(by_layer[0])}:*:get*")
                    elif roll < 0.05:
                        deps.add(f"ghost{rnd.randrange(50)}:thing:get")
                    else:
                        other = rnd.choice(by_layer[rnd.randrange(layer[s])])
                        deps.add(rnd.choice(reads[other] or actions[other]))
                deps.discard(action)
            ep = rnd.random() < 0.6
            row = len(ops) + 1
            refs = tuple(ActionRef(d) for d in sorted(deps))
            ops.append(
                Operation(
                    f"{s}-{i}",
                    {"en": f"operation {i} of {s}"},
                    (f"POST /v1/{{project_id}}/{s}/r{i}",),
                    (ActionRef(action),),
                    refs,
                    Scope(True, ep),
                    (),
                    Provenance(file, 1, row),
                )
            )
            if rnd.random() < 0.05:  # the same action documented again, e.g. by its OpenStack-native API
                ops.append(
                    Operation(
                        f"{s}-{i}-native",
                        {"en": f"operation {i} of {s} (native)"},
                        (f"POST /v2/{s}/r{i}",),
                        (ActionRef(action),),
                        (),
                        Scope(True, not ep),
                        (),
                        Provenance(file, 1, len(ops) + 1),
                    )
                )
        catalog.services[s] = ServiceCatalog("bench", s, (SourceDoc(file, "huaweicloud-zh"),), tuple(ops))
    return catalog


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _latency(fn: Any, targets: list[str]) -> tuple[float, float]:
    times = []
    for t in targets:
        start = time.perf_counter()
        fn(t)
        times.append(time.perf_counter() - start)
    times.sort()
    return statistics.median(times) * 1e6, times[int(len(times) * 0.99) - 1] * 1e6


def measure(n_actions: int, n_targets: int) -> dict[str, Any]:
    """One size, in this process: build, memory, query latencies against the networkx floor."""
    catalog = synthetic_catalog(n_actions)
    gc.collect()
    rss_before = _maxrss_mb()
    start = time.perf_counter()
    ex = api.build_explorer(catalog, "synthetic")
    builds = [time.perf_counter() - start]
    rss_after = _maxrss_mb()
    # small sizes are built again (the median counts) so that one slow moment of a shared machine does not
    # decide the growth figure; the largest builds take long enough to average such moments out
    for _ in range(min(4, 100_000 // n_actions - 1)):
        start = time.perf_counter()
        api.build_explorer(catalog, "synthetic")
        builds.append(time.perf_counter() - start)
    build_s = statistics.median(builds)
    g = ex.graph
    rnd = random.Random(11)
    targets = rnd.sample([a for a in ex.actions() if not a.startswith("ghost")], n_targets)
    # warm up caches (regex compilation, allocator) before timing
    for t in targets[:20]:
        ex.closure(t)
        nx.descendants(g, t)
    floor_med, floor_p99 = _latency(lambda t: nx.descendants(g, t), targets)
    clo_med, clo_p99 = _latency(ex.closure, targets)
    # a query walks; its records are made when first read (explorer.graph.answers.ClosureResult), so reading them is
    # measured too: what a face that shows the answer waits for
    rec_med, rec_p99 = _latency(lambda t: ex.closure(t).requirements, targets)
    json_med, json_p99 = _latency(lambda t: ex.closure(t).to_dict(), targets)
    anc_med, anc_p99 = _latency(lambda t: nx.ancestors(g, t), targets)
    dep_med, dep_p99 = _latency(ex.dependents, targets)
    deprec_med, deprec_p99 = _latency(lambda t: ex.dependents(t).dependents, targets)
    sizes = [len(ex.closure(t).requirements) for t in targets]
    return {
        "actions": len(ex.actions()),
        "operations": sum(len(s.operations) for s in catalog.services.values()),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "closure_size_median": statistics.median(sizes),
        "closure_size_max": max(sizes),
        "build_s": build_s,
        "build_rss_mb": rss_after - rss_before,
        "floor_descendants_us": (floor_med, floor_p99),
        "closure_us": (clo_med, clo_p99),
        "closure_records_us": (rec_med, rec_p99),
        "closure_json_us": (json_med, json_p99),
        "floor_ancestors_us": (anc_med, anc_p99),
        "dependents_us": (dep_med, dep_p99),
        "dependents_records_us": (deprec_med, deprec_p99),
    }


def _child(n_actions: int, n_targets: int) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--one", str(n_actions), "--targets", str(n_targets)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10k and 30k actions, 200 targets (a few seconds)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--targets", type=int, default=1000, help="random targets per size (default 1000)")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.targets)))
        return
    sizes = (10_000, 30_000) if args.quick else (10_000, 100_000, 200_000)
    n_targets = 200 if args.quick else args.targets
    results = {n: _child(n, n_targets) for n in sizes}
    print(f"graph engine benchmark ({n_targets} random targets per size; latencies median / p99 in microseconds)")
    header = (
        f"{'actions':>8} {'edges':>8} {'|closure|':>9} {'build s':>8} {'build MB':>8} "
        f"{'floor desc':>14} {'closure':>14} {'ratio':>6} {'+to_dict':>14} "
        f"{'floor anc':>14} {'dependents':>14} {'ratio':>6}"
    )
    print(header)
    for r in results.values():
        f, c, j = r["floor_descendants_us"], r["closure_us"], r["closure_json_us"]
        a, d = r["floor_ancestors_us"], r["dependents_us"]
        print(
            f"{r['actions']:>8} {r['edges']:>8} {r['closure_size_median']:>9} {r['build_s']:>8.2f} "
            f"{r['build_rss_mb']:>8.0f} {f[0]:>6.1f} / {f[1]:>5.0f} {c[0]:>6.1f} / {c[1]:>5.0f} "
            f"{c[0] / f[0]:>6.2f} {j[0]:>6.1f} / {j[1]:>5.0f} {a[0]:>6.1f} / {a[1]:>5.0f} "
            f"{d[0]:>6.1f} / {d[1]:>5.0f} {d[0] / a[0]:>6.2f}"
        )
    small, big = sizes[0], sizes[-1]
    scale = results[big]["actions"] / results[small]["actions"]
    build_growth = results[big]["build_s"] / results[small]["build_s"] / scale
    mem_growth = results[big]["build_rss_mb"] / max(results[small]["build_rss_mb"], 1.0) / scale
    closure_growth = results[big]["closure_us"][0] / results[small]["closure_us"][0]
    print(
        f"growth {small // 1000}k -> {big // 1000}k (x{scale:.1f} actions): build time per action x{build_growth:.2f}, "
        f"memory per action x{mem_growth:.2f}, closure median x{closure_growth:.2f} (1.0 = linear / flat)"
    )
    print()
    print("| where a person waits | ours | floor measured in the same run | ratio |")
    print("| --- | --- | --- | --- |")
    for n, r in results.items():
        f, c = r["floor_descendants_us"][0], r["closure_us"][0]
        a, d = r["floor_ancestors_us"][0], r["dependents_us"][0]
        size = f"{n // 1000}k synthetic actions"
        row(f"closure query, {size} (median)", f"{c:.1f} µs", f"{f:.1f} µs (bare BFS, networkx.descendants)", c / f)
        row(f"dependents query, {size} (median)", f"{d:.1f} µs", f"{a:.1f} µs (bare BFS, networkx.ancestors)", d / a)
        cr, dr = r["closure_records_us"][0], r["dependents_records_us"][0]
        row(
            f"closure query and its records read, {size} (median)", f"{cr:.1f} µs", f"{f:.1f} µs (the same BFS)", cr / f
        )
        row(
            f"dependents query and its records read, {size} (median)",
            f"{dr:.1f} µs",
            f"{a:.1f} µs (the same BFS)",
            dr / a,
        )
    builds = " → ".join(f"{r['build_s']:.2f} s" for r in results.values())
    names = " → ".join(f"{n // 1000}k" for n in sizes)
    row(
        f"graph build {names} actions (per-action time, {small // 1000}k vs {big // 1000}k)",
        f"{builds}, {results[big]['build_rss_mb']:.0f} MB at {big // 1000}k",
        "linear",
        build_growth,
    )
    row(
        f"graph build memory per action ({small // 1000}k vs {big // 1000}k)",
        f"{results[small]['build_rss_mb']:.0f} MB → {results[big]['build_rss_mb']:.0f} MB",
        "linear",
        mem_growth,
    )


if __name__ == "__main__":
    main()
