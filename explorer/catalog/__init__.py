"""Catalog files: the codec between YAML and the model, loading, atomic writing, validation."""

from importlib import resources
from pathlib import Path


def _bundled_catalog() -> Path:
    """The catalog generated from ../shared/corpus and committed with the code: every command's default data.

    The repository keeps it at the top-level ``catalog/``; a wheel ships that folder as the data package
    ``explorer/catalog/bundled/`` (pyproject.toml maps it). A source checkout or an editable install
    has no such folder in the package, and reads ``catalog/`` of the checkout itself.
    """
    packaged = resources.files(__name__).joinpath("bundled")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "catalog"


BUNDLED_CATALOG = _bundled_catalog()
