"""Catalog files: the codec between YAML and the model, loading, atomic writing, validation."""

from pathlib import Path

# The catalog generated from ../shared/corpus and committed with the code: every command's default data.
BUNDLED_CATALOG = Path(__file__).resolve().parents[2] / "catalog"
