"""Upload: explore a reviewer's own catalog YAML or documentation table instead of the bundled catalog."""

from __future__ import annotations

import streamlit as st

from explorer.errors import CatalogError, ExplorerError
from explorer.ui import navigation, source, uploads
from explorer.ui.markup import plain

KINDS = {
    "catalog": "Catalog YAML (<service>.yaml files in the catalog format)",
    "document": "Documentation table (.md, .rst or .html page with an action table)",
}


def _problems(exc: ExplorerError) -> str:
    if isinstance(exc, CatalogError) and exc.problems:
        lines = [f"- {plain(str(p))}" for p in exc.problems[:20]]
        if len(exc.problems) > 20:
            lines.append(f"- … and {len(exc.problems) - 20} more")
        return "\n".join(lines)
    return plain(str(exc))


def main() -> None:
    st.title("Upload", anchor=False)
    st.caption(
        "Uploaded files are read in memory (never written to disk) and laid over the served catalog, which is "
        "never changed; the server keeps recent uploads so that a reload of a page link finds them again. "
        f"Limits: {uploads.MAX_FILE_BYTES // (1024 * 1024)} MB per file, "
        f"{uploads.MAX_TOTAL_BYTES // (1024 * 1024)} MB and {uploads.MAX_FILES} files in all."
    )
    kind = st.radio("What are you uploading?", list(KINDS), format_func=KINDS.__getitem__, key="up_kind")
    if kind == "catalog":
        types = [s.lstrip(".") for s in uploads.CATALOG_SUFFIXES]
        cloud = edition = ""
    else:
        types = [s.lstrip(".") for s in uploads.document_suffixes()]
        editions = uploads.document_editions()
        edition = st.selectbox(
            "Edition of the documentation",
            list(editions),
            key="up_edition",
            format_func=lambda e: f"{e} (cloud {editions[e]})",
        )
        cloud = editions[edition]
    active = st.session_state.get(source.UPLOAD_KEY)
    st.caption(
        "Active catalog: "
        + (f"the upload {plain(active.label.removeprefix('uploaded: '))}" if active else "the served catalog")
    )
    files = st.file_uploader(
        "Files",
        type=types,
        accept_multiple_files=True,
        key=f"up_files_{kind}",
        # the widget states the same per-file limit as the text above (not Streamlit's server-wide 200 MB)
        max_upload_size=max(1, uploads.MAX_FILE_BYTES // (1024 * 1024)),
    )
    if st.button("Explore the upload", type="primary", key="up_go", disabled=not files):
        batch = [uploads.Upload(f.name, f.getvalue()) for f in files or []]
        try:
            if kind == "catalog":
                result = uploads.catalog_from_yaml(batch)
            else:
                result = uploads.catalog_from_documents(batch, cloud=cloud, edition=edition)
            source.uploaded(result.key, result)  # build the graph now, so errors show here
        except ExplorerError as exc:
            st.error(f"The upload cannot be explored:\n\n{_problems(exc)}")
            return
        source.use_upload(result)
        loaded = f"Loaded {plain(result.label.removeprefix('uploaded: '))}: " + ", ".join(
            f"{plain(cloud)} ({len(cat.services)} services, {len(cat.operations())} operations)"
            for cloud, cat in sorted(result.catalogs.items())
        )
        source.announce([loaded, *(plain(note) for note in result.notes)])
        # One step: the upload is active, so Explore opens on it (its links carry the upload's digest).
        st.switch_page(navigation.page("explore"))


main()
