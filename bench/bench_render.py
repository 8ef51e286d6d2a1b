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
import time
from typing import Any

from timing import fmt_seconds, median_seconds, row

from explorer import api
from explorer.render.dot import to_dot
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
    dot = to_dot(view)
    floor = median_seconds(lambda: bare_dot(dot), repeat)
    # what the cheap layout settings save: the same graph laid out with dot's defaults
    full = to_dot(view, large=len(view.nodes))
    full_layout = median_seconds(lambda: bare_dot(full), repeat) if full != dot else floor
    export = median_seconds(lambda: api.render_view(view, "svg"), repeat)
    dot_text = median_seconds(lambda: to_dot(view), repeat)
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


DOWNLOAD = ("huaweicloud", "vpc:ports:get")  # its dependents graph: 422 nodes in the bundled catalog
DOWNLOAD_TARGET_S = 2.0


def download_rows(repeat: int, full: bool) -> None:
    """The issue-13 rows: PNG and SVG downloads of a 400-node dependents graph, as the UI and export make them."""
    cloud, action = DOWNLOAD
    try:
        view = api.diagram_view(action, direction="dependents", cloud=cloud, catalog=api.BUNDLED_CATALOG)
    except (api.QueryError, api.CatalogError):
        return
    target = f"{fmt_seconds(DOWNLOAD_TARGET_S)} (target)"
    for fmt in ("png", "svg"):
        data = api.render_view(view, fmt)
        seconds = median_seconds(lambda fmt=fmt: api.render_view(view, fmt), repeat)
        shown = api.drawn_view(view, fmt)
        how = f"drawn as {len(shown.nodes)} services" if shown is not view else "every node, cheap layout"
        size = f"{len(data) / 1e6:.2f} MB"
        name = f"{fmt.upper()} download of a {len(view.nodes)}-node dependents graph ({how})"
        row(name, f"{fmt_seconds(seconds)}, {size}", target, seconds / DOWNLOAD_TARGET_S)
    if full:
        start = time.perf_counter()
        png = api.render_view(view, "png", collapse=False)
        seconds = time.perf_counter() - start
        name = "PNG of the same graph with --no-collapse (every node; the old default)"
        row(name, f"{fmt_seconds(seconds)}, {len(png) / 1e6:.1f} MB", target, seconds / DOWNLOAD_TARGET_S)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="one run per measurement")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    rows = [measure(name, view, repeat) for name, view in cases()]
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
    download_rows(repeat, full=not args.quick)


if __name__ == "__main__":
    main()
