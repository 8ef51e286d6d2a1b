"""Which catalog the session explores, and the graphs built from it, shared across sessions.

The bundled catalog (or the one named by ``$PERMISSION_EXPLORER_CATALOG`` / ``--catalog``) is
loaded and turned into one Explorer per cloud once per server process (``st.cache_resource``);
widget interactions never reload it. An upload is laid over it by default (its services replace the
same services of the bundled catalog, everything else stays), or used alone on request. Uploads are
kept by content digest in a small server-side store, and the page links carry that digest
(``upload=``), so a reload (a new Streamlit session) finds the upload again and a link says that it
refers to uploaded data. The engines are built by ``explorer.app.catalogs``; nothing here assembles catalogs.
"""

from __future__ import annotations

import gc
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from explorer.app import catalogs, queries
from explorer.errors import ExplorerError
from explorer.model import Catalog
from explorer.ui.components.copy import copy_button
from explorer.ui.markup import plain
from explorer.ui.uploads import UploadedCatalog

UPLOAD_KEY = "uploaded_catalog"
ALONE_KEY = "upload_alone"
UPLOAD_PARAM = "upload"
ALONE_PARAM = "uploaded"  # ``uploaded=alone`` in a link: the upload without the bundled catalog
MAX_STORED_UPLOADS = 16


@dataclass(frozen=True, slots=True)
class Source:
    """A loaded catalog: where it came from and one Explorer per cloud."""

    key: str
    label: str
    explorers: Mapping[str, queries.Explorer]
    root: Path | None = None  # the catalog directory, for the import report; None for uploads alone
    catalogs: Mapping[str, Catalog] = field(default_factory=dict)
    upload_label: str = ""  # the uploaded files in use, "" for the served catalog alone
    upload_clouds: tuple[str, ...] = ()  # the clouds the upload holds: shown first

    @property
    def clouds(self) -> tuple[str, ...]:
        """Clouds in display order: the upload's, then huaweicloud (the default of every command), then by name."""
        return tuple(sorted(self.explorers, key=lambda c: (c not in self.upload_clouds, c != "huaweicloud", c)))


def _files(upload: UploadedCatalog) -> str:
    return upload.label.removeprefix("uploaded: ")


@st.cache_resource(show_spinner="Loading the catalog and building its graph…")
def bundled(root: str) -> Source:
    """The served catalog's graphs; an ExplorerError (bad catalog) is not cached and shows on the page."""
    path = Path(root)
    loaded = catalogs.load([path])
    label = "bundled catalog" if catalogs.is_bundled(path) else f"catalog {path}"
    source = Source(f"bundled:{path}", label, catalogs.build_explorers(loaded, label), path, loaded)
    _settle()
    return source


_settled: list[bool] = []  # once per server process: see settle()


def _settle() -> None:
    """Move what was just built, which lives as long as the server, out of the garbage collector's sight.

    Streamlit collects every generation after each script run (``runner.postScriptGC``); with the
    catalog and its graphs in the heap, that full collection walked some 10^5 live objects per rerun
    and was most of what a session's first view cost the server beyond a bare page
    (bench/bench_session_cpu.py). Frozen objects are still freed by reference counting when they go.
    """
    gc.collect()
    gc.freeze()


def settle() -> None:
    """Called at the end of every script run; the first one of the process also freezes what the page's
    first run imported and cached (its libraries, layouts), which stays until the server stops."""
    if not _settled:
        _settled.append(True)
        _settle()


@st.cache_resource(max_entries=8, show_spinner="Building the graph of the upload…")
def uploaded(key: str, _upload: UploadedCatalog) -> Source:
    """The graphs of an upload alone, keyed by its content digest (``_upload`` is not hashed)."""
    label = _upload.label
    explorers = catalogs.build_explorers(_upload.catalogs, label)
    return Source(f"upload:{key}", label, explorers, None, _upload.catalogs, _files(_upload), tuple(_upload.catalogs))


@st.cache_resource(max_entries=8, show_spinner="Laying the upload over the catalog…")
def layered(root: str, key: str, _upload: UploadedCatalog) -> Source:
    """The graphs of an upload laid over the served catalog (see :func:`explorer.app.catalogs.layer_catalogs`)."""
    base = bundled(root)
    label = f"{base.label} + {_upload.label}"
    return Source(
        f"layered:{root}:{key}",
        label,
        catalogs.layered_explorers(base.catalogs, _upload.catalogs, label),
        base.root,
        base.catalogs,
        _files(_upload),
        tuple(_upload.catalogs),
    )


@st.cache_resource
def _store() -> OrderedDict[str, UploadedCatalog]:
    """Recent uploads by digest, for this server process: what lets a reload find its upload again."""
    return OrderedDict()


def remember(upload: UploadedCatalog) -> None:
    store = _store()
    store[upload.key] = upload
    store.move_to_end(upload.key)
    while len(store) > MAX_STORED_UPLOADS:
        store.popitem(last=False)


def _from_link() -> UploadedCatalog | None:
    """The upload a link names (``upload=<digest>``), once per session; a warning when it is gone."""
    key = st.query_params.get(UPLOAD_PARAM)
    if not key or st.session_state.get("upload_link_seen") == key:
        return None
    st.session_state["upload_link_seen"] = key
    upload = _store().get(key)
    if upload is None:
        st.warning(
            f"This link refers to uploaded data (upload {plain(key)}) that this server no longer holds; "
            "showing the bundled catalog. Upload the files again to reproduce it."
        )
        return None
    st.session_state[UPLOAD_KEY] = upload
    st.session_state[ALONE_KEY] = st.query_params.get(ALONE_PARAM) == "alone"
    return upload


def active() -> Source:
    """The source the session explores: the served catalog, with the session's upload over it (or alone).

    Stops the page with a clear message when the served catalog cannot be loaded.
    """
    upload: UploadedCatalog | None = st.session_state.get(UPLOAD_KEY) or _from_link()
    root = str(catalogs.default_catalog_path())
    try:
        if upload is None:
            return bundled(root)
        if st.session_state.get(ALONE_KEY):
            return uploaded(upload.key, upload)
        return layered(root, upload.key, upload)
    except ExplorerError as exc:
        st.error(f"The catalog cannot be loaded:\n\n{plain(str(exc))}")
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers the function ends here


def link_params() -> dict[str, str]:
    """The query parameters that say a page shows uploaded data (empty for the served catalog)."""
    upload: UploadedCatalog | None = st.session_state.get(UPLOAD_KEY)
    if upload is None:
        return {}
    params = {UPLOAD_PARAM: upload.key}
    if st.session_state.get(ALONE_KEY):
        params[ALONE_PARAM] = "alone"
    return params


# The pages' last states, restored when the reviewer comes back to a page through the navigation.
EXPLORE_SAVED = "explore_state"
# The reviewer's context, written by the last page that had one (Explore or Scope): page, cloud, targets,
# depth, conditional, possible. A page opened without a link starts from it when another page wrote it.
CONTEXT = "pe_context"
SCOPE_SAVED = "scope_state"
# Session state that names clouds, actions or services of one catalog; another catalog starts afresh.
CATALOG_STATE = (
    "ex_cloud",
    "ex_target",
    "ex_node",
    "ex_without",
    "sc_cloud",
    "sc_targets",
    "cat_cloud",
    "cat_service",
    EXPLORE_SAVED,
    SCOPE_SAVED,
    CONTEXT,
)


def use_upload(upload: UploadedCatalog | None) -> None:
    """Switch the session to an upload (laid over the served catalog), or back to the served catalog with None."""
    if upload is None:
        st.session_state.pop(UPLOAD_KEY, None)
        st.session_state[ALONE_KEY] = False
        st.session_state["upload_link_seen"] = st.query_params.get(UPLOAD_PARAM)
        for param in (UPLOAD_PARAM, ALONE_PARAM):
            st.query_params.pop(param, None)
    else:
        remember(upload)
        st.session_state[UPLOAD_KEY] = upload
    for key in CATALOG_STATE:
        st.session_state.pop(key, None)


ANNOUNCED = "pe_announced"  # lines the next page shows once in the sidebar (what an upload loaded)


def announce(lines: list[str]) -> None:
    st.session_state[ANNOUNCED] = lines


def sidebar() -> None:
    """The sidebar note saying which catalog is in use, the layering switch and a way back from an upload."""
    upload: UploadedCatalog | None = st.session_state.get(UPLOAD_KEY) or _from_link()
    with st.sidebar:
        # Every page keeps its view in the address (the graph's zoom and pan too): this copies it whole.
        copy_button(
            "Copy link",
            "",
            title="Copy the address of this view, to share or to come back to",
            link=True,
            key="copy_link",
        )
        for i, line in enumerate(st.session_state.pop(ANNOUNCED, [])):
            (st.success if i == 0 else st.caption)(line)
        root = catalogs.default_catalog_path()
        bundled_root = catalogs.is_bundled(root)
        served = "the bundled catalog" if bundled_root else plain(str(root))
        if upload is None:
            st.caption(f"Catalog: {served}")
            return
        alone = bool(st.session_state.get(ALONE_KEY))
        where = "alone" if alone else f"laid over {served}"
        st.caption(f"Exploring an upload: {plain(_files(upload))} ({where})")
        st.toggle(
            "Use the upload alone",
            key=ALONE_KEY,
            help="Off: the uploaded services replace the same services of the served catalog, the rest stays.",
        )
        st.button("Back to the bundled catalog", key="back_to_bundled", on_click=use_upload, args=(None,))
