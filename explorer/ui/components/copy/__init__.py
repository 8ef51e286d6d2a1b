"""A button that copies a text to the clipboard (the whole grant plan, a page's link), as a Streamlit component.

Streamlit has no clipboard call, so the button is a tiny page of our own in the component's frame (fixed
HTML and script in ``static/``, no build step); the label and the text arrive as arguments, so nothing from
the reviewer's input is run as markup. The browser allows clipboard writes from it on localhost or HTTPS;
elsewhere it falls back to the older copy command.

A component rather than ``st.iframe``: every page shows the copy-link button in the sidebar, near the top of
the script, so the browser has loaded Streamlit's code for custom components by the time the interactive
graph (the other component) arrives, and draws it without waiting for that code (bench/bench_ui.py's cold
start); the page also needs one kind of frame less.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import streamlit.components.v1 as components

STATIC_DIR = Path(__file__).resolve().parent / "static"


@functools.cache
def _component() -> Any:
    # Declared on first use, inside a script run: Streamlit registers (and then serves) a component only when
    # it is declared in one, and the server's preparing thread imports this module (through the sidebar's
    # module) before any script runs.
    return components.declare_component("permission_explorer_copy", path=str(STATIC_DIR))


def copy_button(label: str, text: str, *, title: str = "", link: bool = False, key: str | None = None) -> None:
    """A button copying ``text`` (or, with ``link``, the page's current address, view state included)."""
    _component()(label=label, text=text, title=title or label, link=link, key=key, default=None)
