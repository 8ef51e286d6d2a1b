"""The format registry: each format module declares itself; everything that lists formats reads the registry."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from import_paths import FIXTURES

import explorer.importers
from explorer.catalog.codec import decode_service
from explorer.importers.formats import (
    DOCUMENT_SUFFIXES,
    FAMILY,
    FORMATS,
    MANIFEST_FORMATS,
    REGISTRY,
    detect_format,
    sniff_family,
)

DOCS = Path(__file__).resolve().parents[2] / "docs" / "importer.md"
SAMPLES = {
    "md-html": "md_html_sample.md",
    "md-pipe": "md_pipe_sample.md",
    "rst-grid": "rst_grid_sample.rst",
    "rst-simple": "rst_simple_sample.rst",
    "html": "html_sample.html",
}


def test_each_module_declares_its_own_format() -> None:
    # the registry finds the format modules itself: every module of the package with a DECLARATION, no other
    names = sorted(m.name for m in pkgutil.iter_modules(explorer.importers.__path__))
    imported = [importlib.import_module(f"explorer.importers.{n}") for n in names]
    modules = [m for m in imported if hasattr(m, "DECLARATION")]
    assert {m.DECLARATION.name: m.DECLARATION.parse for m in modules} == {n: d.parse for n, d in REGISTRY.items()}
    assert all(m.DECLARATION.name == m.FORMAT for m in modules)
    assert {"html", "md-html", "md-pipe", "rst-grid", "rst-simple"} <= set(FORMATS)
    assert tuple(sorted(REGISTRY)) == FORMATS and tuple(sorted((*FORMATS, "other"))) == MANIFEST_FORMATS
    assert FAMILY["md-pipe"] == ("md-html", "md-pipe")
    assert {"rst-grid", "rst-simple"} <= set(FAMILY["rst-grid"])
    assert FAMILY["html"] == ("html",)
    assert DOCUMENT_SUFFIXES == (".htm", ".html", ".markdown", ".md", ".rst", ".txt")
    # one default per family: what a page of the family is read as when no sniffer finds a table
    families = {d.family for d in REGISTRY.values()}
    assert sorted(d.family for d in REGISTRY.values() if d.family_default) == sorted(families)


def test_the_docs_table_lists_the_registry() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("## Formats", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (\w+) \| ([^|]+) \| ([^|]+) \| `([^`]+)` \|$", section, re.MULTILINE)
    declared = [
        (
            d.name,
            d.family,
            ", ".join(f"`{e}`" for e in d.extensions),
            d.description,
            d.parse.__module__.replace(".", "/") + ".py",
        )
        for d in REGISTRY.values()
    ]
    assert [(n, f, e.strip(), t.strip(), m) for n, f, e, t, m in rows] == declared


@pytest.mark.parametrize(("fmt", "name"), sorted(SAMPLES.items()))
def test_each_sniffer_finds_its_sample_and_detection_agrees(fmt: str, name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert REGISTRY[fmt].sniff(text) is not None
    assert detect_format(name, text) == fmt
    assert sniff_family(text, REGISTRY[fmt].family) == fmt
    # the same page under .txt is told by its content (an HTML export fragment, without <html>, reads as Markdown
    # with HTML tables: the same tables)
    family = REGISTRY[detect_format("page.txt", text)].family
    assert family == ("md" if fmt == "html" else REGISTRY[fmt].family)


def test_sniffers_find_no_table_in_prose() -> None:
    prose = "# Permissions\n\nThe actions are listed on the next pages.\n\n=====\nTitle\n=====\n| not a table\n"
    assert [n for n, d in REGISTRY.items() if d.sniff(prose) is not None] == []
    # the first table of a family wins: a simple table above a grid table names the page rst-simple
    both = "==  ==\na   b\n==  ==\n\n+---+\n| x |\n+---+\n"
    assert sniff_family(both, "rst") == "rst-simple"


def test_a_catalog_with_a_format_added_later_still_loads() -> None:
    doc = {
        "schema_version": 3,
        "cloud": "otc",
        "service": "ecs",
        "sources": [{"file": "otc-en/ecs/a.adoc", "edition": "otc-en", "format": "asciidoc"}],
        "operations": [],
    }
    svc, problems = decode_service(doc, "x.yaml")
    assert problems == [] and svc is not None and svc.sources[0].format == "asciidoc"
    doc["sources"][0]["format"] = "Not A Name"
    _, problems = decode_service(doc, "x.yaml")
    assert [p.location for p in problems] == ["sources[0].format"]
