"""Benchmark: diagram export, as a ratio to bare ``dot -Tsvg`` on the same DOT text in the same run.

Cases: the closure of ecs:servers:createImage in each cloud of the bundled catalog (when present),
and synthetic closures of 100, 300 and 1,000 nodes (above 150 nodes the exporter switches dot to
its cheap layout settings, and the floor runs the very same DOT, so the ratio stays fair).

For each case: ``export`` is ``api.render_view(view, "svg")`` (DOT text, then the dot subprocess
with its time limit); ``floor`` is ``dot -Tsvg`` run directly on the DOT text the exporter made;
``dot text`` and ``mermaid`` are the pure-Python renderers alone. Medians over ``--repeat`` runs.

    .venv/bin/python bench/bench_render.py [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
from typing import Any

from timing import contribute, median_seconds

from explorer import api
from explorer.render.synthetic import synthetic_view


def cases() -> list[tuple[str, api.View]]:
    out: list[tuple[str, api.View]] = []
    if (api.BUNDLED_CATALOG).is_dir():
        for cloud in api.available_clouds(api.BUNDLED_CATALOG):
            try:
                view = api.closure_view(api.get_explorer(cloud, api.BUNDLED_CATALOG), "ecs:servers:createImage")
            except api.QueryError:
                continue
            out.append((f"createImage closure ({cloud})", view))
    out.extend((f"synthetic {n}", synthetic_view(n)) for n in (100, 300, 1000))
    return out


def bare_dot(dot: str) -> None:
    subprocess.run(["dot", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, check=True)


def measure(name: str, view: api.View, repeat: int) -> dict[str, Any]:
    dot = api.to_dot(view)
    floor = median_seconds(lambda: bare_dot(dot), repeat)
    # what the cheap layout settings save: the same graph laid out with dot's defaults
    full = api.to_dot(view, large=len(view.nodes))
    full_layout = median_seconds(lambda: bare_dot(full), repeat) if full != dot else floor
    export = median_seconds(lambda: api.render_view(view, "svg"), repeat)
    dot_text = median_seconds(lambda: api.to_dot(view), repeat)
    mermaid = median_seconds(lambda: api.render_view(view, "mermaid"), repeat)
    return {
        "case": name,
        "nodes": len(view.nodes),
        "edges": len(view.edges),
        "floor_s": round(floor, 4),
        "export_s": round(export, 4),
        "ratio": round(export / floor, 3),
        "default_layout_s": round(full_layout, 4),
        "dot_text_ms": round(dot_text * 1000, 2),
        "mermaid_ms": round(mermaid * 1000, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    rows = [measure(name, view, repeat) for name, view in cases()]
    contribute(
        "bench_render.py",
        [
            (
                f"export SVG: {r['case']} ({r['nodes']} nodes; DOT text {r['dot_text_ms']:.1f} ms)",
                f"{r['export_s'] * 1000:.0f} ms",
                f"bare dot -Tsvg on the same DOT: {r['floor_s'] * 1000:.0f} ms",
                f"{r['ratio']:.2f}x",
            )
            for r in rows
        ],
    )
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'case':34} {'nodes':>5} {'edges':>5} {'dot -Tsvg':>10} {'export':>9} {'ratio':>6} "
        f"{'dot text':>9} {'mermaid':>9} {'default layout':>15}"
    )
    for r in rows:
        print(
            f"{r['case']:34} {r['nodes']:5} {r['edges']:5} {r['floor_s']:9.3f}s {r['export_s']:8.3f}s "
            f"{r['ratio']:6.2f} {r['dot_text_ms']:7.1f}ms {r['mermaid_ms']:7.1f}ms {r['default_layout_s']:14.3f}s"
        )


if __name__ == "__main__":
    main()
