"""Which catalog the session explores, and the graphs built from it, shared across sessions.

The bundled catalog (or the one named by ``$PERMISSION_EXPLORER_CATALOG`` / ``--catalog``) is
loaded and turned into one Explorer per cloud once per server process (``st.cache_resource``);
widget interactions never reload it. An upload gets its own cache entry keyed by its content, so
it cannot replace or alter the bundled catalog, and a few recent uploads are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from explorer import api
from explorer.errors import ExplorerError
from explorer.ui.markup import plain
from explorer.ui.uploads import UploadedCatalog

UPLOAD_KEY = "uploaded_catalog"


@dataclass(frozen=True, slots=True)
class Source:
    """A loaded catalog: where it came from and one Explorer per cloud."""

    key: str
    label: str
    explorers: Mapping[str, api.Explorer]
    root: Path | None = None  # the catalog directory, for the import report; None for uploads

    @property
    def clouds(self) -> tuple[str, ...]:
        """Clouds in display order: huaweicloud first (the default of every command), then by name."""
        return tuple(sorted(self.explorers, key=lambda c: (c != "huaweicloud", c)))


def _explorers(catalogs: Mapping[str, api.Catalog], label: str) -> dict[str, api.Explorer]:
    # Loaded once for all clouds, then one graph per cloud (a cloud's edges never cross into another).
    return {cloud: api.build_explorer(catalogs[cloud], label) for cloud in sorted(catalogs)}


@st.cache_resource(show_spinner="Loading the catalog and building its graph…")
def bundled(root: str) -> Source:
    """The served catalog's graphs; an ExplorerError (bad catalog) is not cached and shows on the page."""
    path = Path(root)
    catalogs = api.load([path])
    label = "bundled catalog" if path.resolve() == api.BUNDLED_CATALOG.resolve() else f"catalog {path}"
    return Source(f"bundled:{path}", label, _explorers(catalogs, label), path)


@st.cache_resource(max_entries=8, show_spinner="Building the graph of the upload…")
def uploaded(key: str, _upload: UploadedCatalog) -> Source:
    """The graphs of an upload, keyed by its content digest (``_upload`` is not hashed)."""
    return Source(f"upload:{key}", _upload.label, _explorers(_upload.catalogs, _upload.label))


def active() -> Source:
    """The source the session explores: its upload if it made one, else the served catalog.

    Stops the page with a clear message when the served catalog cannot be loaded.
    """
    upload: UploadedCatalog | None = st.session_state.get(UPLOAD_KEY)
    try:
        if upload is not None:
            return uploaded(upload.key, upload)
        return bundled(str(api.default_catalog_path()))
    except ExplorerError as exc:
        st.error(f"The catalog cannot be loaded:\n\n{plain(str(exc))}")
        st.stop()
        raise  # st.stop() raises; this line only tells type checkers the function ends here


# The pages' last states, restored when the reviewer comes back to a page through the navigation.
EXPLORE_SAVED = "explore_state"
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
)


def use_upload(upload: UploadedCatalog | None) -> None:
    """Switch the session to an upload, or back to the served catalog with None."""
    if upload is None:
        st.session_state.pop(UPLOAD_KEY, None)
    else:
        st.session_state[UPLOAD_KEY] = upload
    for key in CATALOG_STATE:
        st.session_state.pop(key, None)


def sidebar() -> None:
    """The sidebar note saying which catalog is in use, with a way back from an upload."""
    upload: UploadedCatalog | None = st.session_state.get(UPLOAD_KEY)
    with st.sidebar:
        if upload is None:
            root = api.default_catalog_path()
            bundled_root = root.resolve() == api.BUNDLED_CATALOG.resolve()
            st.caption("Catalog: the bundled catalog" if bundled_root else f"Catalog: {plain(str(root))}")
        else:
            st.caption(f"Exploring an upload: {plain(upload.label.removeprefix('uploaded: '))}")
            st.button("Back to the bundled catalog", key="back_to_bundled", on_click=use_upload, args=(None,))
