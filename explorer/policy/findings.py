"""A lint finding: a code from the table in ``codes``, where it is, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from explorer.policy.codes import Severity, severity


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a policy file: 1-based line and column (None when the format gives none), statement index
    (0-based, None for the document or the file) and the JSON pointer inside the document."""

    file: str
    line: int | None = None
    column: int | None = None
    statement: int | None = None
    pointer: str = ""
    document: str = ""  # which document of the file (a Terraform resource address); "" for a JSON file


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the linter found. ``details`` holds the code's extra facts (requirement, path, rows, ...)."""

    code: str
    variant: str
    message: str
    where: Where
    action: str = ""  # the action string the finding is about, as written
    fix: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return severity(self.code, self.variant)

    def sort_key(self) -> tuple[Any, ...]:
        w = self.where
        statement = -1 if w.statement is None else w.statement
        return (w.file, w.document, w.line or 0, w.column or 0, statement, self.code, self.action, self.message)

    def to_dict(self) -> dict[str, Any]:
        w = self.where
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "file": w.file,
            "document": w.document,
            "line": w.line,
            "column": w.column,
            "statement": w.statement,
            "pointer": w.pointer,
            "action": self.action,
            "fix": self.fix,
        }
        data.update(self.details)
        return data
