"""A click choice whose values are looked up when first needed.

``--help`` imports every command module to list the commands; an option whose choices come from the
engine (the importers' table formats) would import the engine with it. This choice asks for its
values only when an option is parsed or its help is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click


class LazyChoice(click.Choice[str]):
    def __init__(self, values: Callable[[], Sequence[str]], case_sensitive: bool = True) -> None:
        self._values = values
        self._loaded: tuple[str, ...] | None = None
        self.case_sensitive = case_sensitive

    @property
    def choices(self) -> tuple[str, ...]:
        if self._loaded is None:
            self._loaded = tuple(self._values())
        return self._loaded

    @choices.setter
    def choices(self, values: Sequence[str]) -> None:
        self._loaded = tuple(values)
