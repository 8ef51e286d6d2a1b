"""Paths of the importer tests: our own fixtures, and the real corpus beside the repository."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
MINI_CORPUS = FIXTURES / "corpus"
# CI clones the repository with shared/ beside it; a fresh clone without it skips the corpus tests.
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SKIP_NO_CORPUS = "the documentation corpus (../shared/corpus beside the repository) is not present"
