"""Benchmark: ``terraform`` on a 40-resource configuration against ``closure`` of the same operations.

Both run as fresh processes on the bundled catalog with the compiled catalog cached, in interleaved rounds,
medians of ``--runs``: ``permission-explorer terraform DIR --json`` (read and parse the HCL, look up the
provider data, match the APIs, closure, scope, policies) and ``permission-explorer closure OP... --json``
(the operations the configuration's APIs match, asked directly). Issue 22 asks for at most 2x. The parts of
a terraform run are measured in-process as well.

    .venv/bin/python bench/bench_terraform.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import fmt_seconds, median_seconds, row, timed_row

# 20 everyday types, each used twice, and two data sources: 42 blocks
TYPES = (
    "huaweicloud_compute_instance",
    "huaweicloud_vpc",
    "huaweicloud_vpc_subnet",
    "huaweicloud_networking_secgroup",
    "huaweicloud_networking_secgroup_rule",
    "huaweicloud_evs_volume",
    "huaweicloud_compute_volume_attach",
    "huaweicloud_vpc_eip",
    "huaweicloud_compute_keypair",
    "huaweicloud_as_group",
    "huaweicloud_as_configuration",
    "huaweicloud_cce_cluster",
    "huaweicloud_cce_node",
    "huaweicloud_images_image",
    "huaweicloud_identity_role",
    "huaweicloud_identity_group",
    "huaweicloud_dli_queue",
    "huaweicloud_apig_instance",
    "huaweicloud_vpc_route_table",
    "huaweicloud_compute_eip_associate",
)


def configuration() -> str:
    blocks = [
        f'resource "{TYPES[i % len(TYPES)]}" "r{i}" {{\n  name  = "r{i}-${{var.env}}"\n  count = var.n\n}}\n'
        for i in range(40)
    ]
    blocks.append('data "huaweicloud_availability_zones" "az" {}\n')
    blocks.append('data "huaweicloud_compute_flavors" "flavors" {\n  performance_type = "normal"\n}\n')
    blocks.append('variable "env" {\n  default = "dev"\n}\nvariable "n" {\n  default = 1\n}\n')
    return "\n".join(blocks)


def command() -> list[str]:
    script = Path(sys.executable).with_name("permission-explorer")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "explorer"]


def run(argv: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Wall time of one process; its CPU time (user and system) is appended to ``cpu``: on a machine shared
    with other jobs, CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    cli = command()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "infra"
        folder.mkdir()
        (folder / "main.tf").write_text(configuration(), encoding="utf-8")
        env = dict(os.environ, PERMISSION_EXPLORER_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PERMISSION_EXPLORER_NO_CACHE", None)
        terraform = [*cli, "terraform", str(folder), "--json"]
        out = subprocess.run(terraform, env=env, check=True, capture_output=True, text=True)
        answer = json.loads(out.stdout)
        closure = [*cli, "closure", *answer["operations"], "--json"]
        text = [*cli, "terraform", str(folder)]
        closure_text = [*cli, "closure", *answer["operations"]]
        run(closure, env)
        times: dict[str, list[float]] = {k: [] for k in ("terraform", "closure", "text", "closure_text")}
        cpu: dict[str, list[float]] = {k: [] for k in times}
        for _ in range(max(1, args.runs)):
            for key, argv in (("closure", closure), ("terraform", terraform), ("closure_text", closure_text)):
                times[key].append(run(argv, env, cpu[key]))
            times["text"].append(run(text, env, cpu["text"]))
    med = {k: statistics.median(v) for k, v in times.items()}
    used = {k: statistics.median(v) for k, v in cpu.items()}
    from explorer.app import catalogs
    from explorer.app.terraform import analyse

    ex = catalogs.get_explorer()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "main.tf").write_text(configuration(), encoding="utf-8")
        in_process = median_seconds(lambda: analyse([Path(tmp)], ex).to_dict(), 5)
    counts = answer["counts"]
    print(
        f"Terraform benchmark: 42 blocks of {counts['types']} types, {counts['apis']} APIs, "
        f"{counts['operations']} operations, {len(answer['requirements'])} requirements; "
        f"{args.runs} interleaved runs, medians"
    )
    print("| where a person waits | ours | floor measured in the same run | ratio |")
    print("| --- | --- | --- | --- |")
    timed_row(
        "`permission-explorer terraform` on a 40-resource configuration (`--json`)",
        med["terraform"],
        med["closure"],
        "`closure` of the same operations, `--json`",
    )
    timed_row("the same, CPU time (user and system)", used["terraform"], used["closure"], "`closure --json`, CPU time")
    timed_row(
        "`permission-explorer terraform` on the same configuration, text (tables and policies)",
        med["text"],
        med["closure_text"],
        "`closure` of the same operations, text",
    )
    timed_row("the same, CPU time", used["text"], used["closure_text"], "`closure`, text, CPU time")
    row("of which, in-process: the whole answer on a loaded catalog", fmt_seconds(in_process))
    return 0


if __name__ == "__main__":
    sys.exit(main())
