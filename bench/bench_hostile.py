"""Benchmark: parse time and peak memory of hostile documents grow linearly with their size.

Each pathological family of issue 15 (spans, wide headers, unmatched tags, nested tables, huge
RST grids, markup runs that make regexes backtrack, long search text, ...) is generated at growing
sizes and imported the way an upload or ``import-doc`` is (``api.import_document``; a refusal with
a message is a valid outcome, a traceback is not). Each measurement runs in a fresh process so its
peak RSS is its own. The floor is a benign table of the same size, measured in the same run: the
report gives, per family, the time at each size as a ratio to the floor, and the growth exponent
(log2 of the time ratio per doubling of the input: 1.0 is linear, 2.0 quadratic).

    .venv/bin/python bench/bench_hostile.py [--sizes 32768,65536,131072,262144] [--family NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from timing import row

ROOT = Path(__file__).resolve().parents[1]

Family = Callable[[int], tuple[str, str]]  # size in bytes -> (file name, text)

_HEAD = "<table><thead><tr><th>Action</th><th>API</th></tr></thead><tbody>"
_PIPE_HEAD = "| Action | API |\n| --- | --- |\n"
_SIMPLE_ROW = "<tr><td>ecs:servers:get</td><td>GET /v1/servers</td></tr>\n"


def _fill(unit: str, size: int, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def floor(size: int) -> tuple[str, str]:
    return "floor.md", _fill(_SIMPLE_ROW, size, _HEAD, "</tbody></table>\n")


def spans(size: int) -> tuple[str, str]:
    return "spans.md", _fill('<tr><td rowspan="1000" colspan="1000">a</td></tr>', size, _HEAD, "</tbody></table>")


def wide_header(size: int) -> tuple[str, str]:
    head = "<table><thead><tr><th>Action</th>"
    return "header.md", _fill('<th colspan="1000">x</th>', size, head, "</tr></thead><tr><td>a</td></tr></table>")


def pipe_tags(size: int) -> tuple[str, str]:
    return "pipe.md", _fill("<a", size, _PIPE_HEAD + "| ", " | GET /x |\n")


def pipe_strong(size: int) -> tuple[str, str]:
    return "strong.md", _fill("**_", size, _PIPE_HEAD + "| ", " | GET /x |\n")


def pipe_columns(size: int) -> tuple[str, str]:
    n = max(2, size // 8)
    return "columns.md", "| Action" + " | b" * n + " |\n" + "|---" * (n + 1) + "|\n" + "| a" * (n + 1) + " |\n"


def unmatched_tables(size: int) -> tuple[str, str]:
    return "tables.md", _fill("<table>", size, "", "</table>")


def unmatched_closes(size: int) -> tuple[str, str]:
    return "closes.md", _HEAD + _fill("</table>", size) + "<table><tr><td>a</td></tr></table>"


def nested_tables(size: int) -> tuple[str, str]:
    depth = max(1, size // 30)
    return "nested.md", "<table><tr><th>Action</th></tr>" + "<tr><td><table>" * depth + "</table></td></tr>" * depth


def rst_columns(size: int) -> tuple[str, str]:
    n = max(2, size // 6)
    return "cols.rst", "+" + "-+" * n + "\n|" + "a|" * n + "\n+" + "=+" * n + "\n|" + "b|" * n + "\n+" + "-+" * n + "\n"


def rst_rows(size: int) -> tuple[str, str]:
    row = "| ecs:a:b | GET /x |\n+---------+--------+\n"
    head = "+---------+--------+\n| Action  | API    |\n+=========+========+\n"
    return "rows.rst", _fill(row, size, head)


def _one_cell_grid(cell: str) -> str:
    """An RST grid table of one data row whose Action cell is ``cell`` (as wide as it is)."""
    width = len(cell)
    border = "+" + "-" * (width + 2) + "+-----+\n"
    return f"{border}| {'Action'.ljust(width)} | API |\n{border.replace('-', '=')}| {cell} | x   |\n{border}"


def rst_roles(size: int) -> tuple[str, str]:
    width = max(8, size // 2)
    return "roles.rst", _one_cell_grid((":a:`<" * (width // 5 + 1))[:width])


def blank_lines(size: int) -> tuple[str, str]:
    return "blank.txt", "\n" * size + "x"


def spaces_cell(size: int) -> tuple[str, str]:
    return "spaces.rst", _one_cell_grid(":a:`" + " " * size + "x")


def deep_divs(size: int) -> tuple[str, str]:
    depth = max(1, size // 11)
    return "divs.md", _HEAD + "<tr><td>" + "<div>" * depth + "ecs:a:b" + "</div>" * depth + "</td></tr></table>"


def many_tables(size: int) -> tuple[str, str]:
    return "many.md", _fill("<table><tr><td>a</td></tr></table>\n", size)


FAMILIES: dict[str, Family] = {
    "floor": floor,
    "spans": spans,
    "wide-header": wide_header,
    "pipe-tags": pipe_tags,
    "pipe-strong": pipe_strong,
    "pipe-columns": pipe_columns,
    "unmatched-tables": unmatched_tables,
    "unmatched-closes": unmatched_closes,
    "nested-tables": nested_tables,
    "rst-columns": rst_columns,
    "rst-rows": rst_rows,
    "rst-roles": rst_roles,
    "blank-lines": blank_lines,
    "spaces-cell": spaces_cell,
    "deep-divs": deep_divs,
    "many-tables": many_tables,
}
SEARCH_FAMILIES = ("search-text",)


def _measure_one(family: str, size: int) -> dict[str, float | str]:
    from explorer import api

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if family == "search-text":
        ex = api.get_explorer("huaweicloud")
        text = ("ecs:servers:createImage" * (size // 23 + 1))[:size]
        start = time.perf_counter()
        outcome = "ok"
        try:
            ex.search(text)
            ex.resolve(text)
        except api.ExplorerError as exc:
            outcome = f"refused: {str(exc)[:80]}"
        seconds = time.perf_counter() - start
    else:
        name, text = FAMILIES[family](size)
        data = text.encode("utf-8")
        start = time.perf_counter()
        try:
            result = api.import_document(name, data, cloud="huaweicloud", edition="huaweicloud-zh", service="ecs")
            outcome = f"ok: {result.report.rows_imported} rows"
        except api.ExplorerError as exc:
            outcome = f"refused: {str(exc)[:80]}"
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "peak_mb": peak / 1024, "growth_mb": (peak - base) / 1024, "outcome": outcome}


def _measure(family: str, size: int) -> dict[str, float | str]:
    proc = subprocess.run(
        [sys.executable, __file__, "--one", family, str(size)], capture_output=True, text=True, check=False, timeout=900
    )
    if proc.returncode != 0:
        return {
            "seconds": math.nan,
            "peak_mb": math.nan,
            "growth_mb": math.nan,
            "outcome": "crash: " + proc.stderr[-300:],
        }
    result: dict[str, float | str] = json.loads(proc.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="32768,65536,131072,262144", help="input sizes in bytes, comma-separated")
    parser.add_argument("--family", action="append", help="only these families (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    parser.add_argument("--one", nargs=2, metavar=("FAMILY", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(_measure_one(args.one[0], int(args.one[1]))))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.family or [*FAMILIES, *SEARCH_FAMILIES]
    floors = {size: float(_measure("floor", size)["seconds"]) for size in sizes}
    results: dict[str, list[dict[str, float | str]]] = {}
    crashed = False
    for name in names:
        rows = []
        for size in sizes:
            m = _measure(name, size)
            m["size"] = size
            m["ratio_to_floor"] = float(m["seconds"]) / max(floors[size], 1e-6)
            rows.append(m)
            crashed |= str(m["outcome"]).startswith("crash")
        results[name] = rows
    if args.json:
        print(json.dumps({"floor_seconds": floors, "families": results}, indent=1))
        return 1 if crashed else 0
    print("floor (benign table): " + ", ".join(f"{s // 1024} KB {floors[s] * 1000:.0f} ms" for s in sizes))
    print(f"{'family':18} {'size':>7} {'seconds':>8} {'x floor':>8} {'peak MB':>8} {'growth':>7}  outcome")
    for name, rows in results.items():
        for i, m in enumerate(rows):
            growth = ""
            if i:
                prev, now = float(rows[i - 1]["seconds"]), float(m["seconds"])
                factor = int(m["size"]) / int(rows[i - 1]["size"])  # type: ignore[call-overload]
                if prev > 0.002 and now > 0:
                    growth = f"{math.log(now / prev) / math.log(factor):.2f}"
            print(
                f"{name:18} {int(m['size']) // 1024:>5}KB {float(m['seconds']):8.3f} {float(m['ratio_to_floor']):8.1f} "  # type: ignore[call-overload]
                f"{float(m['peak_mb']):8.0f} {growth:>7}  {str(m['outcome'])[:70]}"
            )
    for name, rows in results.items():  # one collected row per family: its largest input
        big, prev = rows[-1], rows[-2] if len(rows) > 1 else None
        growth = ""
        if prev is not None and float(prev["seconds"]) > 0.002 and float(big["seconds"]) > 0:
            factor = int(big["size"]) / int(prev["size"])  # type: ignore[call-overload]
            growth = f", growth {math.log(float(big['seconds']) / float(prev['seconds'])) / math.log(factor):.2f}"
        row(
            f"hostile input `{name}`, {int(big['size']) // 1024} KB ({str(big['outcome'])[:40]})",  # type: ignore[call-overload]
            f"{float(big['seconds']) * 1000:.0f} ms, {float(big['peak_mb']):.0f} MB peak{growth}",
            f"{floors[int(big['size'])] * 1000:.0f} ms (a benign table of the same size)",  # type: ignore[call-overload]
            float(big["ratio_to_floor"]),
        )
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
