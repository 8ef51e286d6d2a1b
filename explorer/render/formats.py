"""The names of the export formats and their file suffixes, without the renderers behind them.

Kept apart so that the CLI can build its options (``--format``, ``--timeout``) and answer ``--help``
without importing Graphviz, networkx or the renderers.
"""

from __future__ import annotations

FORMATS = ("svg", "png", "pdf", "dot", "mermaid", "json", "graphml")
BINARY_FORMATS = frozenset({"png", "pdf"})
GRAPHVIZ_FORMATS = ("svg", "png", "pdf")
SUFFIXES = {
    "svg": ".svg",
    "png": ".png",
    "pdf": ".pdf",
    "dot": ".dot",
    "mermaid": ".mmd",
    "json": ".json",
    "graphml": ".graphml",
}
DEFAULT_TIMEOUT = 60.0
