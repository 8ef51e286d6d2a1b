"""Diagrams of a View: Graphviz DOT (and SVG, PNG, PDF through ``dot``), Mermaid, JSON and GraphML.

``style`` holds the visual language every format shares, ``normalise`` the one order every renderer
draws in, ``collapse`` the one-node-per-service summary of big graphs, ``export`` the entry point
from a View and a format name to bytes, and ``assets`` the documented diagrams (docs/diagrams.md).
"""
