"""The app's pages, defined once so that the entry script and the pages' own links agree."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

PAGES_DIR = Path(__file__).resolve().parent / "screens"
# name -> (title, Material icon); the name is also the script name and the URL path.
PAGES: dict[str, tuple[str, str]] = {
    "explore": ("Explore", ":material/account_tree:"),
    "scope": ("Scope", ":material/domain:"),
    "policy": ("Policy", ":material/policy:"),
    "catalog": ("Catalog", ":material/fact_check:"),
    "upload": ("Upload", ":material/upload_file:"),
    "changes": ("Changes", ":material/difference:"),
    "terraform": ("Terraform", ":material/deployed_code:"),
}
DEFAULT = "explore"


def page(name: str) -> st.Page:
    """The page called ``name`` (a key of PAGES), as registered with st.navigation."""
    title, icon = PAGES[name]
    return st.Page(PAGES_DIR / f"{name}.py", title=title, icon=icon, url_path=name, default=name == DEFAULT)


def all_pages() -> list[st.Page]:
    return [page(name) for name in PAGES]
