"""Benchmark: ``policy lint`` of a policy set of 200 statements against the bundled catalog, as a ratio to
loading the catalog alone (``explorer.api.load``), both measured in the same run.

The set is 25 policy files of 8 statements (the older per-policy limit), each statement 6 actions drawn with a
fixed seed from the catalog's defined actions, one in ten a wildcard of a resource type, one statement in eight
a Deny: as many actions as real policy sets of a team hold. The Explorers are built before timing (the UI and
the CLI keep them cached), so the lint figure is reading, rules, matching and closures. Rounds alternate
between the two measurements so that load from other work on the machine hits both alike.

    python bench/bench_policy.py [--runs N] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys

from bench_load import timed
from timing import row

from explorer import api
from explorer.policy import PolicySource

FILES = 25
STATEMENTS = 8
ACTIONS = 6
SEED = 11


def policy_set(actions: list[str]) -> list[PolicySource]:
    rnd = random.Random(SEED)
    sources = []
    for i in range(FILES):
        statements = []
        for j in range(STATEMENTS):
            names = []
            for _ in range(ACTIONS):
                name = rnd.choice(actions)
                if rnd.random() < 0.1:
                    service, resource, _op = name.split(":", 2)
                    name = f"{service}:{resource}:get*"
                names.append(name)
            effect = "Deny" if j == STATEMENTS - 1 and i % 2 else "Allow"
            statements.append({"Effect": effect, "Action": sorted(set(names))})
        doc = {"Version": "1.1", "Statement": statements}
        sources.append(PolicySource(f"policy-{i:02d}.json", json.dumps(doc, indent=2).encode()))
    return sources


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds of (load, lint); medians are reported")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    explorers = {c: api.get_explorer(c) for c in api.available_clouds()}
    ex = explorers["huaweicloud"]
    defined = sorted(a for a in ex.actions() if "*" not in a and ex.show(a).resolved)
    sources = policy_set(defined)
    statements = sum(len(json.loads(s.data)["Statement"]) for s in sources)
    report = api.lint_policies(sources, "huaweicloud", explorers=explorers)

    loads, lints, ratios = [], [], []
    for _ in range(args.runs):
        load = timed(lambda: api.load())
        lint = timed(lambda: api.lint_policies(sources, "huaweicloud", explorers=explorers))
        loads.append(load)
        lints.append(lint)
        ratios.append(lint / load)
    figures = {
        "statements": statements,
        "findings": len(report.findings),
        "counts": report.counts(),
        "load_catalog_s": round(statistics.median(loads), 4),
        "lint_s": round(statistics.median(lints), 4),
        "ratio_lint_to_load": round(statistics.median(ratios), 3),
        "runs": args.runs,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"policy lint: {statements} statements in {FILES} files, {len(report.findings)} findings: "
            f"{figures['lint_s']:.3f} s; loading the catalog alone {figures['load_catalog_s']:.3f} s; "
            f"ratio {figures['ratio_lint_to_load']:.2f} (median of {args.runs} rounds)"
        )
        row(
            f"`policy lint` of {statements} statements in {FILES} files",
            f"{figures['lint_s'] * 1000:.0f} ms",
            f"{figures['load_catalog_s'] * 1000:.0f} ms (loading the catalog)",
            figures["ratio_lint_to_load"],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
