"""The README's diagrams: the closure of ecs:servers:createImage and the legend, regenerated from the catalog
(``tools/assets.py``; a test checks the committed ones are current)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from explorer import fileio
from explorer.catalog import BUNDLED_CATALOG

if TYPE_CHECKING:
    from explorer.render.assets import Assets


def readme_assets(catalog: Path | str | None = None) -> Assets:
    """The README diagrams: the closure of ecs:servers:createImage on the huaweicloud catalog, and the legend."""
    from explorer.app.catalogs import get_explorer
    from explorer.graph.views import closure_view
    from explorer.render.assets import README_CLOUD, README_TARGET, build_assets

    view = closure_view(get_explorer(README_CLOUD, catalog if catalog is not None else BUNDLED_CATALOG), README_TARGET)
    return build_assets(view)


MAX_README_BYTES = 4 * 1024 * 1024  # the README is about 10 KB


def _differs(path: Path, data: bytes) -> bool:
    """Whether ``path`` does not hold ``data`` (absent, other bytes, or not a regular file: writing it says why)."""
    try:
        return fileio.read_bytes(path, len(data)) != data
    except fileio.FileIOError:
        return True


def regenerate_assets(
    assets_dir: Path, readme: Path | None, catalog: Path | str | None = None, *, check: bool = False
) -> list[Path]:
    """Write the README diagrams into ``assets_dir`` and inline the Mermaid text in ``readme`` (if given).

    Returns the files that were (with ``check``: would be) changed; with ``check`` nothing is written.
    """
    from explorer.render.assets import CLOSURE_STEM, inline_mermaid
    from explorer.render.export import write_output

    assets = readme_assets(catalog)
    outputs = {assets_dir / name: data for name, data in assets.files.items()}
    if readme is not None:
        text = fileio.read_text(readme, MAX_README_BYTES)
        outputs[readme] = inline_mermaid(text, CLOSURE_STEM, assets.mermaid, str(readme)).encode("utf-8")
    changed = [path for path, data in outputs.items() if _differs(path, data)]
    if not check:
        if changed:
            assets_dir.mkdir(parents=True, exist_ok=True)
        for path in changed:
            write_output(path, outputs[path])
    return changed
