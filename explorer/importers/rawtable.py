"""What every format parser hands to the shared row interpreter: tables of cells of values.

A cell is a tuple of *values*: one per paragraph, list item or line break of the source cell, with
markup removed. Keeping values apart matters, because one value is one API path or one action
(with its condition), while the words of one value belong together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = tuple[str, ...]

# Bounds on the work one document may cause, whatever its markup. The widest action table of the
# corpus has 9 columns and the largest about 2,000 rows; spans repeat a cell over the rows and
# columns it covers, so a few bytes of ``rowspan``/``colspan`` could otherwise ask for millions of
# cells. A table beyond these is refused with a message, never half-read.
MAX_COLUMNS = 64
MAX_NESTING = 8
MAX_CELLS = 1_000_000


def cell_budget(size: int) -> int:
    """How many cells (spans spread out) the tables of a ``size``-character document may have in all."""
    return min(MAX_CELLS, 10_000 + 4 * size)


@dataclass(frozen=True, slots=True)
class RawRow:
    """One data row as written: its cells, and the source line it starts on (0 when unknown)."""

    cells: tuple[Cell, ...]
    line: int = 0


@dataclass(slots=True)
class RawTable:
    """One table of a document, in document order, before any interpretation.

    ``caption`` is the table's title where the markup gives one. ``damage`` names structural
    problems the parser found (a table that is not closed, a grid border that does not line up);
    the interpreter reports them instead of guessing.
    """

    header: tuple[str, ...]
    rows: list[RawRow]
    line: int = 0
    damage: list[str] = field(default_factory=list)
    caption: str = ""


class TableTooLarge(ValueError):
    """A table whose spread-out cells, columns or nesting exceed the bounds above; the message says which."""


class TableSyntaxError(ValueError):
    """A table whose markup cannot be read at all; the message says where and why."""
