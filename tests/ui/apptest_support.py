"""AppTest helpers shared by the page tests: open a page on the fixture catalog, read what it shows."""

from __future__ import annotations

import json
import re
from typing import Any

from streamlit.testing.v1 import AppTest
from ui_support import REPO

APP = REPO / "explorer" / "ui" / "app.py"


def new_app() -> AppTest:
    """The app before its first run, with the Explore table (drawn when opened) open, as the tests read it."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.session_state["ex_table_open"] = True
    return at


def open_page(page: str = "explore", **params: str) -> AppTest:
    """A page after its first run."""
    at = new_app()
    if page != "explore":
        at.run()
        at.switch_page(f"screens/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def open_policy(at: AppTest, key: str) -> AppTest:
    """Open a page's "Policy for this" block (made only when opened), as a click on it does."""
    at.session_state[f"{key}_open"] = True
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def graphs(at: AppTest) -> list[dict[str, Any]]:
    """The arguments of the interactive graphs drawn (nodes with Graphviz positions, edges, selection)."""
    shown = []
    for c in at.get("component_instance"):
        if not c.proto.component_name.endswith("permission_explorer_graph"):
            continue  # the copy buttons
        args = json.loads(c.proto.json_args)
        shown.append({**args, **json.loads(args.pop("data"))})  # the graph's data goes as one JSON text
    return shown


def copy_buttons(at: AppTest) -> list[dict[str, Any]]:
    """The arguments of the copy buttons shown (label, text, title, link), in the order AppTest lists them."""
    return [
        json.loads(c.proto.json_args)
        for c in at.get("component_instance")
        if c.proto.component_name.endswith("permission_explorer_copy")
    ]


def drawn(at: AppTest) -> dict[str, Any]:
    shown_graphs = graphs(at)
    assert len(shown_graphs) == 1
    return shown_graphs[0]


def node_ids(at: AppTest) -> set[str]:
    return {n["id"] for n in drawn(at)["graph"]["nodes"]}


def dot_source(at: AppTest) -> str:
    """Every node's id and label lines of the one graph drawn, one node per line (for ``in`` checks)."""
    return "\n".join(" | ".join([n["id"], *n["lines"]]) for n in drawn(at)["graph"]["nodes"])


def table(at: AppTest, index: int = 0) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = at.dataframe[index].value.to_dict("records")
    return rows


def shown(markdown: str) -> str:
    """The text a reader sees for Markdown whose special characters the app escaped."""
    return re.sub(r"\\(.)", r"\1", markdown)


def texts(at: AppTest, kind: str) -> list[str]:
    """The texts of a kind of element as a reader sees them (the page's stylesheet, a Markdown element, is none)."""
    return [shown(str(e.value)) for e in at.get(kind) if not str(e.value).startswith("<style>")]


def button_labels(at: AppTest) -> list[str]:
    return [shown(b.label) for b in at.button]
