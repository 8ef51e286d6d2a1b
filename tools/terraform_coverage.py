"""How much of the Terraform provider the bundled catalog covers: types and APIs matched, by service label.

    python -m tools.terraform_coverage [--examples EXAMPLES] [--top N]

Over every type of the shipped provider data, and over the types the provider's example configurations use
(default ``../shared/terraform/huaweicloud-provider/examples``): how many APIs match documented operations,
by the provider's service label, and the services whose missing tables cost the most (the APIs that have no
table, and the example types they leave incomplete). Prints Markdown.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from explorer.app import catalogs
from explorer.app.terraform import api_index
from explorer.terraform.config import read_paths
from explorer.terraform.provider import KINDS, shipped

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "terraform" / "huaweicloud-provider" / "examples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=Path, default=EXAMPLES)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    data = shipped()
    index = api_index(catalogs.get_explorer())
    used: set[tuple[str, str]] = set()
    if args.examples.is_dir():
        for folder in sorted({p.parent for p in args.examples.rglob("main.tf")}):
            used.update((u.kind, u.type) for u in read_paths([folder]).uses)
    for scope, keys in (
        ("every type of the provider", set(data.types)),
        ("the types the examples use", {k for k in used if k in data.types}),
    ):
        status: dict[str, Counter[str]] = defaultdict(Counter)  # label -> status -> distinct APIs
        seen: set[tuple[str, str, str]] = set()
        types_full = types_some = types_none = 0
        no_table_types: Counter[str] = Counter()
        for kind, name in sorted(keys):
            info = data.types[(kind, name)]
            matches = [index.match(a) for a in data.apis(info.function)]
            ok = sum(m.status == "matched" for m in matches)
            types_full += bool(matches) and ok == len(matches)
            types_some += 0 < ok < len(matches)
            types_none += ok == 0
            for label in sorted({m.api.service for m in matches if m.status == "no_table"}):
                no_table_types[label] += 1
            for m in matches:
                key = (m.api.service, m.api.method, m.api.path)
                if key not in seen:
                    seen.add(key)
                    status[m.api.service][m.status] += 1
        total = Counter[str]()
        for c in status.values():
            total.update(c)
        print(f"## {scope}: {len(keys)} types ({', '.join(f'{sum(k == x for k, _ in keys)} {x}' for x in KINDS)})\n")
        print(
            f"- types with every API matched: {types_full}; some: {types_some}; none: {types_none}\n"
            f"- distinct APIs: {sum(total.values())}; matched {total['matched']}, no table {total['no_table']}, "
            f"undocumented {total['undocumented'] + total['unreadable']}\n"
        )
        print("| service | APIs | matched | no table | undocumented |\n| --- | --- | --- | --- | --- |")
        for label in sorted(status, key=lambda s: (-sum(status[s].values()), s)):
            c = status[label]
            if c["matched"] or c["undocumented"]:
                print(f"| {label} | {sum(c.values())} | {c['matched']} | {c['no_table']} | {c['undocumented']} |")
        print(f"\nThe {args.top} services whose missing tables cost the most (APIs without a table; types affected):\n")
        costly = sorted(
            (s for s in status if status[s]["no_table"]), key=lambda s: (-status[s]["no_table"], -no_table_types[s], s)
        )
        for label in costly[: args.top]:
            print(f"- {label}: {status[label]['no_table']} APIs, {no_table_types[label]} types")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
