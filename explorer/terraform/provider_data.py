"""The shipped provider data's encoding: compact JSON, one line, non-ASCII kept as is.

It must not change unless the provider does (the regeneration test compares it). It is not gzipped: the
wheel compresses it as much, and reading it is a part of every ``terraform`` run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from explorer.terraform.provider import DATA_NAME


def to_json(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def shipped_path(repo: Path) -> Path:
    """Where a source checkout keeps the shipped data."""
    return repo / "explorer" / "terraform" / "data" / DATA_NAME
