"""The shipped provider data's encoding: compact JSON, gzipped with no name and no timestamp.

The JSON is the part that must not change unless the provider does (the regeneration test compares it);
the gzip wrapper only keeps the wheel small.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from explorer.terraform.provider import DATA_NAME


def to_json(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def encode(doc: dict[str, Any]) -> bytes:
    return gzip.compress(to_json(doc), compresslevel=9, mtime=0)


def shipped_path(repo: Path) -> Path:
    """Where a source checkout keeps the shipped data."""
    return repo / "explorer" / "terraform" / "data" / DATA_NAME
