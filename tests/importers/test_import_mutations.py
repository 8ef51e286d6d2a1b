"""The corpus's pipe tables, damaged the ways issue 10 lists: the same operations with the same ids come out.

Every API cell of the Markdown pipe tables is damaged in turn (method glued to the path, a space in a
placeholder and after a '/', the leading '/' dropped, a scheme and host added), the scope headers are
split over two lines, a role column and an unknown column are added, the rows are reversed and one
is inserted. Skipped where ../shared/corpus is absent.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from import_paths import CORPUS, SKIP_NO_CORPUS

from explorer.importers import build_corpus
from explorer.model import Operation

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not CORPUS.is_dir(), reason=SKIP_NO_CORPUS)]

_API = re.compile(r"\b(GET|POST|PUT|DELETE|PATCH) (/[A-Za-z0-9_{}./-]+)")
_DAMAGE: tuple[Callable[[str, str], str], ...] = (
    lambda m, p: f"{m}{p}",
    lambda m, p: f"{m} " + re.sub(r"\{(\w+)\}", r"{ \1 }", p, count=1),
    lambda m, p: f"{m} " + p.replace("/", "/ ", 2).replace("/ ", "/", 1),
    lambda m, p: f"{m} {p[1:]}",
    lambda m, p: f"{m} https://{{Endpoint}}{p}",
)
_HEADERS = {
    "企业项目（Enterprise Project）": "Enterprise<br>(Enterprise Project)",
    "IAM项目（Project）": "IAM<br>(Project)",
}


def _pipe_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    lines = (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    kept = [lines[0]] + [line for line in lines[1:] if line.split("\t")[6] == "md-pipe"]
    for line in kept[1:]:
        path = line.split("\t")[2]
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / path, root / path)
    (root / "MANIFEST.tsv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return root


def _damage(text: str) -> str:
    count = iter(range(10**6))
    text = _API.sub(lambda m: _DAMAGE[next(count) % len(_DAMAGE)](m.group(1), m.group(2)), text)
    for old, new in _HEADERS.items():
        text = text.replace(f"|{old}|", f"|{new}|")
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|\s*:?-", lines[i + 1]):
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            body = [row.rstrip().rstrip("|") + "|√|?|" for row in reversed(lines[i + 2 : j])]
            width = lines[i].count("|") - 1
            # a distinct row per table: copies of one row are kept once (explorer.importers.dedupe)
            inserted = f"|插入的行|GET /v9/inserted/t{next(_INSERTED)}|ecs:inserted:get|" + "-|" * (width - 3) + "√|?|"
            out += [lines[i].rstrip().rstrip("|") + "|ECS Administrator|神秘列|", lines[i + 1] + "--|--|"]
            out += [*body[:1], inserted, *body[1:]]
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out) + "\n"


_INSERTED = itertools.count(1)


def _operations(root: Path) -> dict[str, Operation]:
    catalogs, _ = build_corpus(root)
    return {op.id: op for cat in catalogs.values() for op in cat.operations()}


def test_damaged_and_reordered_pipe_tables_give_the_same_operations(tmp_path: Path) -> None:
    root = _pipe_corpus(tmp_path)
    before = _operations(root)
    assert len(before) > 200
    for page in root.rglob("*.md"):
        page.write_text(_damage(page.read_text(encoding="utf-8")), encoding="utf-8")
    catalogs, report = build_corpus(root)
    after = {op.id: op for cat in catalogs.values() for op in cat.operations()}
    fields = ("name", "apis", "actions", "dependencies", "scope")
    changed = [
        op.provenance
        for i, op in before.items()
        if [getattr(after.get(i), f, None) for f in fields] != [getattr(op, f) for f in fields]
    ]
    assert changed == []
    assert len(after) - len(before) == len(report.unknown_headers())  # one inserted row per table
    assert {u.header for u in report.unknown_headers()} == {"神秘列"}
    assert sum(1 for p in report.problems() if p.kind == "api_repair") > 150
    assert [p for p in report.problems() if p.skipped and "the row has" not in p.reason and p.kind != "duplicate"] == []
