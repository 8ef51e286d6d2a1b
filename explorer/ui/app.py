"""The Streamlit app's entry script: page setup, navigation and the catalog in use.

``permission-explorer ui`` runs this file with ``streamlit run``. Each page is its own script
under ``screens/`` so that Streamlit (and AppTest) can address it by path. (Not ``pages/``: Streamlit
would list that folder itself in the sidebar until ``st.navigation`` runs.)
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from explorer.ui import navigation, source

THEME = Path(__file__).with_name("theme.css")
THEME_KEY = "pe_theme"  # the stylesheet's container: .st-key-pe_theme in theme.css

# An emoji favicon is drawn in the browser as a data: URL; a :material/...: one is fetched from a public
# font CDN, which an offline security tool must never contact.
st.set_page_config(page_title="Permission Explorer", page_icon="🔐", layout="wide")
# The stylesheet (a visible focus ring, the layout of narrow pages) as Markdown's raw HTML rather than st.html:
# Markdown's code is in Streamlit's main script, st.html's is fetched when the first one arrives, and until
# then the page was laid out without these rules (the graph was first drawn in a column that then widened).
# The container holding it takes no room (a rule of the stylesheet itself).
with st.container(key=THEME_KEY):
    st.markdown(f"<style>{THEME.read_text(encoding='utf-8')}</style>", unsafe_allow_html=True)
current = st.navigation(navigation.all_pages())
source.sidebar()
current.run()
source.settle()
