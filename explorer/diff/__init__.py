"""Catalog diffs: what changed between two versions or editions of the documentation, and what it affects.

Modules: :mod:`~explorer.diff.notation` (what is notation only), :mod:`~explorer.diff.matching` (pairing
rows by content), :mod:`~explorer.diff.changes` (the kinds of change), :mod:`~explorer.diff.suspicious`
(edits that look like damage), :mod:`~explorer.diff.impact` (changed closures), :mod:`~explorer.diff.renames`
(the rename record), :mod:`~explorer.diff.compare` (the whole diff) and :mod:`~explorer.diff.formats`
(text and Markdown).
"""

from explorer.diff.compare import Side, diff_sides
from explorer.diff.editions import edition_catalogs
from explorer.diff.formats import to_markdown, to_text
from explorer.diff.impact import Closure
from explorer.diff.renames import Rename, load_renames, record_renames, renamed_actions
from explorer.diff.result import KINDS, ActionDelta, Change, DiffResult, Impact, RowRef, SideInfo

__all__ = [
    "KINDS",
    "ActionDelta",
    "Change",
    "Closure",
    "DiffResult",
    "Impact",
    "Rename",
    "RowRef",
    "Side",
    "SideInfo",
    "diff_sides",
    "edition_catalogs",
    "load_renames",
    "record_renames",
    "renamed_actions",
    "to_markdown",
    "to_text",
]
