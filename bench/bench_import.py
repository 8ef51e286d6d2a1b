"""Benchmark: whole-corpus import, as a ratio to merely parsing the same files with the underlying parsers.

The floor is what no importer can avoid: reading every table file of the corpus and running the
library parser on it (lxml on the HTML tables, docutils' grid/simple table parsers on the RST table
blocks, a split on pipes for Markdown pipe tables). The import adds header recognition, cell
normalisation and the catalog objects (build), then YAML rendering and atomic writes (write).
Both are measured in the same run, so the ratios hold on any machine.

    .venv/bin/python bench/bench_import.py [--corpus ../shared/corpus] [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from docutils.parsers.rst.tableparser import GridTableParser, SimpleTableParser
from docutils.statemachine import StringList
from lxml import html as lxml_html
from timing import median_seconds, median_wall_and_cpu, timed_row

from explorer.api import import_corpus
from explorer.importers import build_corpus, rst_grid, rst_simple
from explorer.importers.manifest import read_manifest
from explorer.importers.rstcell import blocks
from explorer.importers.tree import build_tree

ROOT = Path(__file__).resolve().parents[1]
_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)


def _floor_inputs(corpus: Path) -> list[tuple[str, str]]:
    return [
        (e.format, (corpus / e.corpus_path).read_text(encoding="utf-8")) for e in read_manifest(corpus) if e.is_table
    ]


def _parse_only(inputs: list[tuple[str, str]]) -> None:
    for fmt, text in inputs:
        if fmt in ("md-html", "html"):
            for block in _TABLE.findall(text):
                lxml_html.fragment_fromstring(block, create_parent="div")
        elif fmt in ("rst-grid", "rst-simple"):
            for _, block, _ in blocks(text, rst_grid.is_border, rst_grid.block_end):
                GridTableParser().parse(StringList(block))
            for _, block, _ in blocks(text, rst_simple.is_border, rst_simple.block_end):
                SimpleTableParser().parse(StringList(block))
        else:
            for line in text.splitlines():
                if line.startswith("|"):
                    line.strip("|").split("|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / ".." / "shared" / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"bench_import: no corpus at {args.corpus}; skipped", file=sys.stderr)
        return 0
    inputs = _floor_inputs(args.corpus)
    _parse_only(inputs)  # warm caches (imports, regex compilation) before timing anything
    floor, floor_cpu = median_wall_and_cpu(lambda: _parse_only(inputs), args.repeat)
    build = median_seconds(lambda: build_corpus(args.corpus), args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        full, full_cpu = median_wall_and_cpu(lambda: import_corpus(args.corpus, Path(tmp) / "catalog"), args.repeat)
        tree = Path(tmp) / "tree"  # the corpus without its MANIFEST: discovery finds the tables
        shutil.copytree(args.corpus, tree, ignore=shutil.ignore_patterns("MANIFEST.tsv"))
        found = median_seconds(lambda: build_tree(tree), args.repeat)
    _, report = build_corpus(args.corpus)
    print(f"corpus: {len(inputs)} table files, {report.tables} action tables, {report.rows_seen} rows")
    print(f"parse only (lxml/docutils floor): {floor * 1000:8.1f} ms   1.00x")
    print(f"import, in memory (build_corpus): {build * 1000:8.1f} ms   {build / floor:5.2f}x floor")
    print(f"import + write catalog + report:  {full * 1000:8.1f} ms   {full / floor:5.2f}x floor")
    print(f"  the same in CPU time:           {full_cpu * 1000:8.1f} ms   {full_cpu / floor_cpu:5.2f}x floor")
    print(f"without MANIFEST (discovery):     {found * 1000:8.1f} ms   {found / floor:5.2f}x floor")
    size = f"{len(inputs)} files, {report.rows_seen:,} rows"
    timed_row(f"whole-corpus import, in memory ({size})", build, floor, "bare lxml/docutils parsing")
    timed_row("the same, writing the catalog and the report", full, floor, "bare lxml/docutils parsing")
    timed_row("the same, CPU time (user and system)", full_cpu, floor_cpu, "bare parsing, CPU time")
    timed_row("the corpus without its MANIFEST, in memory (discovery)", found, floor, "bare lxml/docutils parsing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
