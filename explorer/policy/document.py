"""A policy document as the linter reads it: statements of actions, each action with where it was written."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Effect = Literal["Allow", "Deny"]
Origin = Literal["json", "terraform-heredoc", "terraform-jsonencode", "terraform-statement", "terraform-file"]


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One string of an ``Action`` or ``NotAction`` list: as written, and as the cloud will read it."""

    text: str  # as written
    name: str  # spaces removed and the service part lower-cased: what the matcher compares
    key: Literal["Action", "NotAction"]
    line: int
    column: int
    pointer: str

    @property
    def service(self) -> str:
        return self.name.split(":", 1)[0]


@dataclass(frozen=True, slots=True)
class Statement:
    """A statement with a usable Effect; ``restricted`` when a Resource or Condition narrows it (the linter
    cannot evaluate those, so such an Allow still counts as allowing and such a Deny only maybe denies)."""

    index: int
    effect: Effect
    actions: tuple[ActionEntry, ...]  # well-formed entries of Action
    not_actions: tuple[ActionEntry, ...]  # well-formed entries of NotAction
    restricted: bool
    line: int
    column: int
    pointer: str


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """One policy of a file: a JSON file holds one, a Terraform file one per role resource."""

    file: str
    name: str  # the Terraform resource address, or "" for a JSON file
    origin: Origin
    version: str  # as read ("1.1" when absent or unknown: the linter goes on as if 1.1)
    statements: tuple[Statement, ...]
    plain: Any  # the document as plain data, for the fixed copy
    line: int  # where the document starts in the file
    size: int  # characters of the document written compactly (what the limit counts)
    attach: str = ""  # where Terraform grants it (enterprise-project / iam-project), if the file says

    @property
    def global_scope(self) -> bool:
        """Identity policies (5.0) are account-wide: the AX/XA split does not apply to them."""
        return self.version == "5.0"
