"""Benchmark: how the work of each command grows with its input (issue 23), at 1x and 10x the input, where the
floor is the 1x run of the same command in the same run: a ratio of 10 is linear, the aim is at most 15.

Each command runs in a fresh process from the command line, on inputs generated here (a seeded, fixed shape):

- ``policy lint --json`` of a Terraform file of N roles (half heredoc policies, half ``opentelekomcloud`` roles
  with ``statement`` blocks), and of one statement of N unknown actions;
- ``import-doc`` of a Markdown pipe table of N rows;
- ``diff --json`` of two catalogs of N operations (a binary tree of dependencies, 2 % of the rows changed),
  without and with impact (the answers of the actions above a changed row are computed on both sides);
- ``terraform --json`` of a configuration of N resource blocks of a few common types (the shipped catalog and
  provider data).

Time is the CPU time of the process (user + system), not the wall time: on a shared machine the wall time
measures the neighbours. Memory is the process's peak RSS.

    python bench/bench_growth.py [--quick] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from timing import row

REPO = Path(__file__).resolve().parents[1]
POLICY_CATALOG = REPO / "tests" / "fixtures" / "policies" / "catalog"

# the wrapper records the CLI process's own CPU time and peak memory when it leaves (main() runs the exit
# handlers before its os._exit)
_WRAPPER = """
import atexit, json, resource, sys
out = sys.argv.pop(1)
def record():
    u = resource.getrusage(resource.RUSAGE_SELF)
    with open(out, "w") as f:
        json.dump({"cpu": u.ru_utime + u.ru_stime, "rss_mb": u.ru_maxrss / 1024}, f)
atexit.register(record)
sys.argv[0] = "permission-explorer"
from explorer.cli import main
main()
"""


def terraform_roles(n: int) -> str:
    parts = []
    for i in range(n):
        if i % 2:
            parts.append(
                f'resource "opentelekomcloud_identity_role_v3" "o{i}" {{\n  display_name = "o{i}"\n  statement {{\n'
                f'    effect = "Allow"\n    action = ["ecs:cloudServers:get", "ecs:servers:bad{i}"]\n  }}\n}}\n'
            )
        else:
            policy = (
                '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": '
                f'["ecs:cloudServers:get", "ecs:servers:nope{i}"]}}]}}'
            )
            parts.append(
                f'resource "huaweicloud_identity_role" "r{i}" {{\n  name   = "r{i}"\n  type   = "XA"\n'
                f"  policy = <<EOT\n{policy}\nEOT\n}}\n"
            )
    return "".join(parts)


def unknown_actions(n: int) -> str:
    actions = [f"ecs:s:u{i}" for i in range(n)]  # short, so that 85,000 stay within the 2 MB file limit
    return json.dumps({"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": actions}]})


def markdown_table(n: int) -> str:
    # short rows, so that 40,000 stay within the importer's 2 MB document limit
    rows = ["| 权限 | 对应的API接口 | 授权项（Action） | IAM项目 (Project) |", "|---|---|---|---|"]
    rows += [f"| q{i} | GET /s{i} | ecs:s:g{i} | √ |" for i in range(n)]
    return "# t\n\n" + "\n".join(rows) + "\n"


SERVICE_ROWS = 10_000  # rows per service file: a catalog file is at most 20 MB


def _action(i: int) -> str:
    return f"s{i // SERVICE_ROWS}:res{i}:get{i}"


def catalog(root: Path, n: int, changed: float) -> Path:
    """A catalog of ``n`` operations in services of SERVICE_ROWS rows, each depending on its two children in a
    binary tree; ``changed`` of the rows point their second dependency elsewhere."""
    folder = root / "huaweicloud"
    folder.mkdir(parents=True)
    for first in range(0, n, SERVICE_ROWS):
        service = f"s{first // SERVICE_ROWS}"
        lines = ["schema_version: 2", "cloud: huaweicloud", f"service: {service}", "sources:"]
        lines += [f"- file: huaweicloud-zh/{service}/a.md", "  edition: huaweicloud-zh", "  repo: x/y"]
        lines += ["  commit: " + "0" * 40, "  path: a.md", "  format: md-pipe", "operations:"]
        for i in range(first, min(n, first + SERVICE_ROWS)):
            deps = [_action(j) for j in (2 * i + 1, 2 * i + 2) if j < n]
            if random.Random(i).random() < changed and 4 * i + 3 < n:
                deps[-1] = _action(4 * i + 3)
            lines += [f"- id: {i:012x}", "  name:", f"    zh: op {i}", "  apis:", f"  - GET /v1/{{project_id}}/r{i}"]
            lines += ["  actions:", f"  - {_action(i)}"]
            lines += ["  dependencies:", *(f"  - {d}" for d in deps)] if deps else ["  dependencies: []"]
            lines += ["  scope:", "    iam_project: true", "    enterprise_project: null", "    instance: null"]
            lines += ["    tag: null", "  notes: []", "  source:", f"    file: huaweicloud-zh/{service}/a.md"]
            lines += ["    table: 1", f"    row: {i - first + 1}"]
        (folder / f"{service}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def run(args: list[str], work: Path) -> dict[str, float]:
    record = work / "usage.json"
    proc = subprocess.run(
        [sys.executable, "-c", _WRAPPER, str(record), *args], cwd=REPO, capture_output=True, check=False
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)}: exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
    usage: dict[str, float] = json.loads(record.read_text())
    usage["output_mb"] = len(proc.stdout) / 1e6
    return usage


Case = tuple[str, int, Callable[[Path, int], list[str]]]


def _lint_tf(work: Path, n: int) -> list[str]:
    path = work / f"roles{n}.tf"
    path.write_text(terraform_roles(n), encoding="utf-8")
    return ["policy", "lint", str(path), "--catalog", str(POLICY_CATALOG), "--json"]


def _lint_unknown(work: Path, n: int) -> list[str]:
    path = work / f"unknown{n}.json"
    path.write_text(unknown_actions(n), encoding="utf-8")
    return ["policy", "lint", str(path), "--json"]


def _import_doc(work: Path, n: int) -> list[str]:
    path = work / f"table{n}.md"
    path.write_text(markdown_table(n), encoding="utf-8")
    return ["import-doc", str(path), "--edition", "huaweicloud-zh", "--service", "ecs"]


def _diff(impact: bool) -> Callable[[Path, int], list[str]]:
    def args(work: Path, n: int) -> list[str]:
        old = catalog(work / f"old{n}", n, 0.0)
        new = catalog(work / f"new{n}", n, 0.02)
        return ["diff", str(old), str(new), "--json", *(() if impact else ("--no-impact",))]

    return args


TF_TYPES = (
    "huaweicloud_compute_instance",
    "huaweicloud_vpc",
    "huaweicloud_vpc_subnet",
    "huaweicloud_evs_volume",
    "huaweicloud_networking_secgroup",
    "huaweicloud_obs_bucket",
)


def terraform_config(n: int) -> str:
    blocks = [f'resource "{TF_TYPES[i % len(TF_TYPES)]}" "r{i}" {{\n  name = "r{i}"\n}}\n' for i in range(n)]
    return "".join(blocks)


def _terraform(work: Path, n: int) -> list[str]:
    folder = work / "config"
    folder.mkdir()
    (folder / "main.tf").write_text(terraform_config(n), encoding="utf-8")
    return ["terraform", str(folder), "--json"]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--divide", type=int, default=1, help="divide every size by this (a busy machine)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default="", help="run only the cases whose name holds this text")
    options = parser.parse_args()
    scale = 10 if options.quick else options.divide
    cases: list[Case] = [
        ("`policy lint --json`, Terraform roles", 1000 // scale, _lint_tf),
        ("`policy lint --json`, unknown actions in one statement", 8500 // scale, _lint_unknown),
        ("`import-doc`, Markdown table rows", 4000 // scale, _import_doc),
        ("`diff --json --no-impact`, operations per catalog", 10000 // scale, _diff(False)),
        ("`diff --json` with impact, operations per catalog", 10000 // scale, _diff(True)),
        ("`terraform --json`, resource blocks", 1000 // scale, _terraform),
    ]
    figures = []
    with tempfile.TemporaryDirectory(prefix="bench-growth-") as tmp:
        # the catalogs' compiled caches are built once here, so no 1x run pays for them
        for warm in (["ecs:servers:list"], ["ecs:cloudServers:get", "--catalog", str(POLICY_CATALOG)]):
            run(["closure", "--json", *warm], Path(tmp))
        for name, n, make in cases:
            if options.only not in name:
                continue
            runs = []
            for size in (n, 10 * n):
                work = Path(tmp) / f"{len(figures)}-{size}"
                work.mkdir()
                runs.append(run(make(work, size), work))
            small, large = runs
            ratio = large["cpu"] / small["cpu"]
            figures.append({"what": name, "sizes": [n, 10 * n], "runs": runs, "cpu_ratio": round(ratio, 2)})
            if not options.json:
                row(
                    f"{name}: {n:,} → {10 * n:,}",
                    f"{large['cpu']:.2f} s CPU, {large['rss_mb']:.0f} MB peak, {large['output_mb']:.1f} MB out",
                    f"{small['cpu']:.2f} s CPU, {small['rss_mb']:.0f} MB peak (the 1x run)",
                    ratio,
                )
    if options.json:
        print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
