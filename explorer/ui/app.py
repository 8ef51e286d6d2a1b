"""The Streamlit app's entry script: page setup, navigation and the catalog in use.

``permission-explorer ui`` runs this file with ``streamlit run``. Each page is its own script
under ``pages/`` so that Streamlit (and AppTest) can address it by path.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explorer.ui import source

PAGES = Path(__file__).resolve().parent / "pages"

st.set_page_config(page_title="Permission Explorer", page_icon=":material/account_tree:", layout="wide")

navigation = st.navigation(
    [
        st.Page(
            PAGES / "explore.py", title="Explore", icon=":material/account_tree:", url_path="explore", default=True
        ),
        st.Page(PAGES / "scope.py", title="Scope", icon=":material/domain:", url_path="scope"),
        st.Page(PAGES / "catalog.py", title="Catalog", icon=":material/fact_check:", url_path="catalog"),
        st.Page(PAGES / "upload.py", title="Upload", icon=":material/upload_file:", url_path="upload"),
    ]
)
source.sidebar()
navigation.run()
