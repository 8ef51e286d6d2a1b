"""Page state that lives in the URL, so a pasted link reproduces what the reviewer saw.

These are plain functions over a mapping of query parameters (``st.query_params`` in the app), so
they are tested without Streamlit. A value that cannot be read falls back to the default and is
reported, instead of failing the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DIRECTIONS: tuple[str, ...] = ("requirements", "dependents")
DEPTH_CHOICES: tuple[str, ...] = ("1", "2", "3", "4", "5", "all")
DEFAULT_DEPTH = "all"  # the default answer (target, documented, certain) everywhere, as in the CLI
# Scope-page targets travel as one comma-separated parameter; a cap keeps a crafted link cheap.
MAX_TARGETS = 50


@dataclass(frozen=True, slots=True)
class ExploreState:
    """What the Explore page shows: the target, which way to walk and how far."""

    cloud: str = ""
    target: str = ""
    direction: str = DIRECTIONS[0]
    depth: str = DEFAULT_DEPTH
    conditional: bool = True
    possible: bool = False  # also show what only some rows of a dependency list
    node: str = ""  # the node whose "why" is open
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def max_depth(self) -> int | None:
        """The depth limit for the query: None walks the whole closure."""
        return None if self.depth == "all" else int(self.depth)


def _first(params: Mapping[str, str | list[str]], name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip()


def read_explore(params: Mapping[str, str | list[str]], clouds: tuple[str, ...]) -> ExploreState:
    """The Explore state of a link; unknown values become defaults, each with a warning."""
    warnings: list[str] = []
    cloud = _first(params, "cloud")
    if cloud not in clouds:
        if cloud:
            warnings.append(f"unknown cloud {cloud!r} in the link; expected one of: {', '.join(clouds)}")
        cloud = clouds[0] if clouds else ""
    direction = _first(params, "direction") or DIRECTIONS[0]
    if direction not in DIRECTIONS:
        warnings.append(f"unknown direction {direction!r} in the link; expected one of: {', '.join(DIRECTIONS)}")
        direction = DIRECTIONS[0]
    depth = _first(params, "depth") or DEFAULT_DEPTH
    if depth not in DEPTH_CHOICES:
        warnings.append(f"depth {depth!r} in the link is not one of: {', '.join(DEPTH_CHOICES)}")
        depth = DEFAULT_DEPTH
    conditional = _first(params, "conditional") not in ("0", "false", "no")
    possible = _first(params, "possible") in ("1", "true", "yes")
    return ExploreState(
        cloud=cloud,
        target=_first(params, "action"),
        direction=direction,
        depth=depth,
        conditional=conditional,
        possible=possible,
        node=_first(params, "node"),
        warnings=tuple(warnings),
    )


def explore_params(state: ExploreState) -> dict[str, str]:
    """The query parameters of a state; defaults are left out so links stay short."""
    out: dict[str, str] = {}
    if state.target:
        out["action"] = state.target
    if state.cloud:
        out["cloud"] = state.cloud
    if state.direction != DIRECTIONS[0]:
        out["direction"] = state.direction
    if state.depth != DEFAULT_DEPTH:
        out["depth"] = state.depth
    if not state.conditional:
        out["conditional"] = "0"
    if state.possible:
        out["possible"] = "1"
    if state.node:
        out["node"] = state.node
    return out


def read_targets(params: Mapping[str, str | list[str]]) -> tuple[str, ...]:
    """Scope-page targets from ``?targets=a,b``: trimmed, de-duplicated, in the order given."""
    seen: dict[str, None] = {}
    for part in _first(params, "targets").split(","):
        part = part.strip()
        if part:
            seen.setdefault(part, None)
    return tuple(seen)[:MAX_TARGETS]
