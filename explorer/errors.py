"""Errors the library raises for bad input; the CLI and UI turn them into messages, never tracebacks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A message quotes what it was given; a pasted 20,000-character link or cell should not come back whole.
MAX_QUOTED = 120  # characters of one unbroken run of text kept in a message
_LONG_RUN = re.compile(rf"[^\s;,]{{{MAX_QUOTED + 1},}}")


def clip(text: str) -> str:
    """``text`` with every unbroken run longer than MAX_QUOTED characters cut to its start, saying how long it
    was: a message stays readable whatever the input, and still shows which input it is about."""
    return _LONG_RUN.sub(lambda m: f"{m.group()[: MAX_QUOTED - 20]}… ({len(m.group()):,} characters)", text)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected there."""

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return clip(f"{where}: {self.message}")


class ExplorerError(Exception):
    """Base class of every error meant for the user; its message quotes long input cut short (:func:`clip`)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(clip(a) if isinstance(a, str) else a for a in args))


class CatalogError(ExplorerError):
    """A catalog file (or set of files) that cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        lines = [str(p) for p in self.problems[:20]]
        if len(self.problems) > 20:
            lines.append(f"... and {len(self.problems) - 20} more problems")
        super().__init__("\n".join(lines) if lines else "invalid catalog")


class DocumentImportError(ExplorerError):
    """A documentation file that cannot be imported at all (not a row-level problem)."""


class QueryError(ExplorerError):
    """A query that cannot be answered: unknown action or API, bad pattern, unknown cloud."""

    def __init__(self, message: str, suggestions: tuple[str, ...] = ()) -> None:
        self.suggestions = suggestions
        text = message
        if suggestions:
            text += "; did you mean: " + ", ".join(suggestions)
        super().__init__(text)
