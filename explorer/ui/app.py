"""The Streamlit app's entry script: page setup, navigation and the catalog in use.

``permission-explorer ui`` runs this file with ``streamlit run``. Each page is its own script
under ``screens/`` so that Streamlit (and AppTest) can address it by path. (Not ``pages/``: Streamlit
would list that folder itself in the sidebar until ``st.navigation`` runs.)
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explorer.ui import navigation, source

# An emoji favicon is drawn in the browser as a data: URL; a :material/...: one is fetched from a public
# font CDN, which an offline security tool must never contact.
st.set_page_config(page_title="Permission Explorer", page_icon="🔐", layout="wide")
st.html(Path(__file__).with_name("theme.css"))  # visible focus ring (a stylesheet, no script)
current = st.navigation(navigation.all_pages())
source.sidebar()
current.run()
source.settle()
