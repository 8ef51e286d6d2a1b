"""Write the provider data the package ships, from a checkout of the Huawei Cloud Terraform provider.

    python -m tools.provider_data [CHECKOUT] [--check]      (./run provider [CHECKOUT])

CHECKOUT defaults to ../shared/terraform/huaweicloud-provider. The output,
explorer/terraform/data/provider.json, is compact JSON (sorted, each API text and file once);
``--check`` only says whether the shipped file is current (exit 1 when not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from explorer.terraform.provider_data import shipped_path, to_json
from explorer.terraform.provider_scan import scan

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CHECKOUT = REPO.parent / "shared" / "terraform" / "huaweicloud-provider"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", nargs="?", type=Path, default=DEFAULT_CHECKOUT)
    parser.add_argument("--check", action="store_true", help="exit 1 when the shipped data is not current")
    args = parser.parse_args(argv)
    doc = scan(args.checkout)
    target = shipped_path(REPO)
    data = to_json(doc)
    if args.check:
        current = target.is_file() and target.read_bytes() == data
        print(f"{target}: {'current' if current else 'out of date (./run provider)'}")
        return 0 if current else 1
    from explorer.fileio import write_bytes_atomic

    write_bytes_atomic(target, data)
    counts = {k: len(v) for k, v in doc["types"].items()}
    print(f"{target}: {counts['resource']} resource and {counts['data']} data source types, {len(doc['apis'])} APIs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
