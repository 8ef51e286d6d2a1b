"""A button that copies a text to the clipboard (the whole grant plan, a page's link).

Streamlit has no clipboard call, so the button is a tiny page in ``st.iframe`` (our own fixed HTML, the
text passed as a JSON literal, nothing from the reviewer's input run as markup); the browser allows
clipboard writes from it on localhost or HTTPS, and falls back to the older copy command elsewhere.
"""

from __future__ import annotations

import html
import json

import streamlit as st

_PAGE = """<!doctype html><html><head><style>
body {{ margin: 0; font: 14px "Source Sans Pro", "Source Sans 3", sans-serif; }}
button {{ padding: 5px 12px; border: 1px solid #c9ccd6; border-radius: 8px; background: #fff; cursor: pointer;
  font: inherit; color: #31333f; }}
button:hover {{ border-color: #2f6fd6; color: #2f6fd6; }}
button:focus-visible {{ outline: 3px solid #2f6fd6; outline-offset: 2px; }}
span {{ color: #6b6f80; margin-left: 8px; }}
textarea {{ position: absolute; left: -9999px; }}
</style></head><body>
<button id="copy" type="button" title="{title}">{label}</button><span id="done" aria-live="polite"></span>
<textarea id="text" aria-hidden="true"></textarea>
<script>
const text = {text};
const link = {link};
document.getElementById("copy").addEventListener("click", async () => {{
  let value = text;
  if (link) {{ try {{ value = window.parent.location.href; }} catch (e) {{ value = text; }} }}
  window.copied = value;
  try {{ await navigator.clipboard.writeText(value); }}
  catch (e) {{
    const box = document.getElementById("text"); box.value = value; box.select(); document.execCommand("copy");
  }}
  document.getElementById("done").textContent = "copied";
}});
</script></body></html>"""


def copy_button(label: str, text: str, *, title: str = "", link: bool = False) -> None:
    """A button copying ``text`` (or, with ``link``, the page's current address, view state included)."""
    page = _PAGE.format(
        label=html.escape(label),
        title=html.escape(title or label, quote=True),
        text=json.dumps(text).replace("</", "<\\/"),
        link="true" if link else "false",
    )
    st.iframe(page, height=40)
