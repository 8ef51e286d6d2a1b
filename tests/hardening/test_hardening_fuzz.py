"""Fuzzing every input face: catalog YAML, table documents, MANIFEST rows and link parameters.

Whatever the input, the outcome is a result or one of the project's errors (ExplorerError: a
message with the file, the location and what was expected), never another exception; and an
import writes nothing outside its output folder.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hardening_support import MINI, SEED, everything
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer import api
from explorer.catalog.store import dump_service, load_service_text
from explorer.errors import CatalogError, DocumentImportError, ExplorerError
from explorer.importers import FORMATS
from explorer.importers.manifest import COLUMNS, read_manifest
from explorer.ui.state import read_explore, read_targets

_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
_fast = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- catalog YAML -----------------------------------------------------------------------------

_YAML_PIECES = [
    "1:00",
    "0x1",
    "0o7",
    "1.0",
    "yes",
    "~",
    "!!int 0x1",
    "!!python/object:os.system",
    "&a [1]",
    "*a",
    "<<: {}",
    "? [1]",
    "9" * 5000,
    '"\\0"',
    '"\\u202e"',
    "'",
    '"',
    "{",
    "[",
    "- ",
    ": ",
    "\n",
    "\t",
    "#",
    "---",
    "...",
]


@_fast
@given(st.integers(0, len(SEED)), st.lists(st.sampled_from(_YAML_PIECES) | _text, max_size=4), st.integers(0, 30))
def test_any_edit_of_a_catalog_file_loads_or_is_a_catalog_error(cut: int, pieces: list[str], drop: int) -> None:
    text = SEED[:cut] + "".join(pieces).encode("utf-8", "surrogatepass") + SEED[cut + drop :]
    try:
        load_service_text(text, "otc/ecs.yaml")
    except CatalogError as exc:
        assert exc.problems and all(p.file == "otc/ecs.yaml" for p in exc.problems)


# --- table documents ----------------------------------------------------------------------------

_MARKUP = [
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    "<th>",
    '<td rowspan="1000">',
    '<td colspan="1000">',
    '<td colspan="-1">',
    '<td rowspan="x">',
    "<thead>",
    "<br>",
    "<a",
    "<p>",
    "<ul><li>",
    "**",
    "__",
    "`",
    "``",
    ":a:`",
    "<",
    ">",
    "|",
    "| --- |",
    "+---+",
    "+===+",
    "| a |",
    "====  ====",
    ".. note::",
    "- ",
    "\n",
    " ",
    "Action",
    "授权项",
    "ecs:servers:get",
    "ecs:*:*",
    "GET /v1/x",
    "\u202e",
    "\u200b",
    "\x00",
    "&amp;",
    "&#0;",
]


@_fast
@given(
    st.lists(st.sampled_from(_MARKUP) | _text, max_size=60),
    st.sampled_from(["x.md", "x.rst", "x.html", "x.txt", "x.pdf", "x"]),
    st.sampled_from([None, *FORMATS]),
)
def test_any_document_imports_or_is_a_document_error(parts: list[str], name: str, fmt: str | None) -> None:
    data = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        result = api.import_document(name, data, cloud="huaweicloud", edition="huaweicloud-zh", fmt=fmt)
    except DocumentImportError as exc:
        assert str(exc)
        return
    load_service_text(dump_service(result.catalog), "x.yaml")  # what it imports, validate accepts


# --- MANIFEST rows ------------------------------------------------------------------------------

_FIELD = (
    st.sampled_from(
        [
            "",
            "ecs",
            "../../x",
            "/etc/passwd",
            ".hidden",
            "ECS!",
            "a/b",
            "md-html",
            "other",
            "table",
            "intro",
            "7",
            "1" * 40,
            "0" * 40,
            "huaweicloud-zh/ecs/镜像示例.md",
            "huaweicloud-zh",
            "otc-en",
            "\x00",
            "\t",
        ]
    )
    | _text
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.lists(_FIELD, min_size=len(COLUMNS), max_size=len(COLUMNS)), min_size=1, max_size=3))
def test_any_manifest_imports_or_is_an_error_and_writes_only_under_out(rows: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        shutil.copytree(MINI, corpus)
        body = "\n".join("\t".join(f.replace("\t", " ").replace("\n", " ").replace("\r", " ") for f in r) for r in rows)
        (corpus / "MANIFEST.tsv").write_text("\t".join(COLUMNS) + "\n" + body + "\n", encoding="utf-8")
        before = everything(work)
        out = work / "out"
        try:
            read_manifest(corpus)
            api.import_corpus(corpus, out)
        except ExplorerError as exc:
            assert str(exc)
        after = [p for p in everything(work) if p != "out" and not p.startswith("out/")]
        assert after == before
        if out.exists():
            assert all(not p.startswith(".") for p in everything(out)), everything(out)


# --- link parameters ------------------------------------------------------------------------------

_PARAM = (
    st.sampled_from(
        [
            "",
            "ecs:servers:createImage",
            "ecs:*:*",
            "*",
            "POST /v1/{project_id}/cloudimages/action",
            "op:x",
            "\u202e",
            "ecs:servers:createImage" * 3000,
            "0",
            "all",
            "-1",
            "99999999999999999999",
            "otc",
            "huaweicloud",
        ]
    )
    | _text
)


@_fast
@given(
    st.dictionaries(
        st.sampled_from(["cloud", "action", "direction", "depth", "conditional", "node", "targets"]),
        _PARAM | st.lists(_PARAM, max_size=2),
        max_size=7,
    )
)
def test_any_link_gives_a_state_and_an_answer_or_a_query_error(params: dict[str, str | list[str]]) -> None:
    clouds = api.available_clouds()
    state = read_explore(params, clouds)
    assert state.cloud in clouds and state.direction in ("requirements", "dependents")
    ex = api.get_explorer(state.cloud)
    for text in (state.target, state.node, *read_targets(params)):
        with contextlib.suppress(ExplorerError):
            ex.resolve(text)
        with contextlib.suppress(ExplorerError):
            ex.search(text)
