"""Errors the library raises for bad input; the CLI and UI turn them into messages, never tracebacks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected there."""

    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.location}" if self.location else self.file
        return f"{where}: {self.message}"


class ExplorerError(Exception):
    """Base class of every error meant for the user."""


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
