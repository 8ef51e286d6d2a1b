"""The writer's fast paths give what the plain ones give: the dumper's bytes, and validation of files just written."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from catalog_support import BUNDLED, GOOD, GOOD_FILES, bundled_files, needs_bundled

from explorer.catalog import parsed
from explorer.catalog.encode import encode_service
from explorer.catalog.scan import Rendered
from explorer.catalog.store import load_service_file, write_catalogs
from explorer.catalog.validate import validate
from explorer.catalog.yamlio import _DUMP_OPTIONS, _Dumper, dump_document
from explorer.errors import CatalogError, Problem
from explorer.model import Catalog


def _plain(doc: Any) -> str:
    text: str = yaml.dump(doc, Dumper=_Dumper, **_DUMP_OPTIONS)
    return text


@needs_bundled
def test_the_document_dumper_writes_the_plain_dumpers_bytes_on_the_whole_bundled_catalog() -> None:
    for path in [*bundled_files(), *GOOD_FILES]:
        doc = encode_service(load_service_file(path))
        assert dump_document(doc) == _plain(doc) == path.read_text(encoding="utf-8"), path


def test_a_document_holding_the_same_list_twice_is_dumped_as_the_plain_dumper_does() -> None:
    shared = ["a", "b"]
    doc = {"x": shared, "y": shared, "n": None, "t": True, "i": 3, "s": "true", "f": 1.5}
    assert dump_document(doc) == _plain(doc)
    assert "&id001" in dump_document(doc)  # the anchors a catalog loader then refuses, as before


def _rendered(root: Path) -> dict[Path, tuple[bytes, Any]]:
    return {p: (p.read_bytes(), encode_service(load_service_file(p))) for p in sorted(root.glob("*/*.yaml"))}


@needs_bundled
def test_validating_with_the_rendered_documents_equals_validating_the_files(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(BUNDLED, root)
    plain = validate([root])
    fast = validate([root], rendered=_rendered(root))
    assert fast == plain
    assert fast.services == len(bundled_files()) and not fast.problems


def test_a_file_that_differs_from_its_rendering_is_parsed_and_its_problems_reported(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(GOOD, root)
    rendered = _rendered(root)
    damaged = root / "otc" / "dws.yaml"
    damaged.write_bytes(damaged.read_bytes()[:-40])  # a write cut short: these bytes are not the rendered ones
    result = validate([root], rendered=rendered)
    assert result.problems and {p.file for p in result.problems} == {str(damaged)}
    assert result.problems == validate([root]).problems


def test_a_check_told_the_rendered_files_can_veto_the_new_catalog(tmp_path: Path) -> None:
    cat = {"otc": load_service_file(GOOD / "otc" / "dws.yaml")}
    seen: list[Rendered] = []

    def veto(gen: Path, rendered: Rendered) -> list[Problem]:
        seen.append(rendered)
        return [Problem(str(gen), "", "vetoed")]

    with pytest.raises(CatalogError, match="vetoed"):
        write_catalogs([Catalog("otc", {"dws": cat["otc"]})], tmp_path / "out", check_rendered=veto)
    ((path, (data, doc)), (record, (recorded, nothing))) = sorted(seen[0].items())
    assert path.name == "dws.yaml" and path.parent.name == "otc"
    assert data == (GOOD / "otc" / "dws.yaml").read_bytes() and doc == encode_service(cat["otc"])
    # the parsed form is told too, as rendered from the same documents (validate need not re-read it)
    assert record == path.parent.parent / "parsed-catalog.json" and nothing is None
    assert recorded == parsed.render({"otc/dws.yaml": data}, {"otc/dws.yaml": doc})
    assert not (tmp_path / "out" / "otc").exists()
