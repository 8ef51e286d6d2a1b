"""Paths of the diff tests: our fixture catalogs, and the documentation history beside the repository."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "diff"
OLD = FIXTURES / "old"
NEW = FIXTURES / "new"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
HISTORY = SHARED / "corpus-history"
CORPUS = SHARED / "corpus"
SKIP_NO_HISTORY = "the documentation history (../shared/corpus-history beside the repository) is not present"
SKIP_NO_CORPUS = "the documentation corpus (../shared/corpus beside the repository) is not present"
