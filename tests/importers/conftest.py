"""Fixtures of the importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_paths import FIXTURES, MINI_CORPUS


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def mini_corpus() -> Path:
    return MINI_CORPUS
