"""Shared by the hardening tests: the mini corpus, a corpus with one MANIFEST row rewritten, file trees."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "fixtures" / "docs" / "corpus"
GOOD = REPO / "tests" / "fixtures" / "catalogs" / "good"
SEED = (GOOD / "otc" / "ecs.yaml").read_bytes()


def corpus_with_row(tmp: Path, **fields: str) -> Path:
    """A copy of the mini corpus whose first table row has ``fields`` replaced (MANIFEST column names)."""
    corpus = tmp / "corpus"
    shutil.copytree(MINI, corpus)
    manifest = corpus / "MANIFEST.tsv"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    columns = lines[0].split("\t")
    row = lines[1].split("\t")
    for key, value in fields.items():
        row[columns.index(key)] = value
    lines[1] = "\t".join(row)
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


def tree(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` with its bytes (hidden ones included)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def everything(root: Path) -> list[str]:
    """Every path below ``root``, folders included."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
