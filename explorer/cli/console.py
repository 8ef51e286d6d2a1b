"""The one way a command prints for people: a rich console whose every character a reviewer cannot see
(bidi controls, zero-width characters, control characters, lone surrogates) is shown as ``[U+XXXX]``.

Two layers, because rich writes its own colour escapes: :func:`cell` marks everything in a piece of data
(an escape sequence from a document cell or an action too) before rich sees it; the stream marks what
is left in the finished text, keeping rich's line breaks and colour escapes.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any, cast

from explorer.display import visible, visible_stream

if TYPE_CHECKING:  # rich is imported when a table is printed, not for --json or --help
    from rich.console import Console


class _Visible:
    """A text stream that shows invisible characters as ``[U+XXXX]`` (explorer.display.visible_stream)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(visible_stream(text)))

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return bool(getattr(self._stream, "isatty", lambda: False)())

    def fileno(self) -> int:
        return int(self._stream.fileno())


def console(*, stderr: bool = False) -> Console:
    """A console on the current stdout (or stderr): created per call because click's test runner swaps it."""
    from rich.console import Console

    stream = _Visible(sys.stderr if stderr else sys.stdout)
    return Console(file=cast(IO[str], stream), highlight=False, markup=False, soft_wrap=False, width=160)


def cell(text: object) -> str:
    """A piece of data for a table cell or a line: every invisible character, escapes too, marked."""
    return visible(str(text))


def add_row(table: Any, *values: object) -> None:
    """Add a row of data to a rich table, each value through :func:`cell`."""
    table.add_row(*(cell(v) for v in values))


def plain_text(text: str) -> str:
    """A text of many lines printed without rich: every invisible character marked but the line breaks."""
    return "\n".join(visible(line) for line in text.split("\n"))
