"""Huawei Cloud / OTC custom policies: lint the policies people wrote, generate the ones an answer needs.

The names below are imported on first use (PEP 562), so that a command which only generates a policy
(``closure --policy``, ``terraform``) does not load the lint: its rules, the HCL parser, difflib.
Every name but the generator's and two constants first imports the rules' registry (:mod:`explorer.policy.rules`), which
installs the table of codes a finding's severity is read from.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.policy.codes import SEVERITIES, Code, markdown_table, severity
    from explorer.policy.findings import Finding, Where
    from explorer.policy.fix import fixed_documents
    from explorer.policy.generate import Generated, GeneratedPolicy, generate
    from explorer.policy.lint import ATTACH_CHOICES, LintReport, lint
    from explorer.policy.rules import CODES
    from explorer.policy.sarif import to_sarif
    from explorer.policy.sources import MAX_FILE_BYTES, PolicySource, read_paths
    from explorer.policy.terraform_out import to_terraform

_HOME = {
    "SEVERITIES": "codes",
    "Code": "codes",
    "markdown_table": "codes",
    "severity": "codes",
    "Finding": "findings",
    "Where": "findings",
    "fixed_documents": "fix",
    "Generated": "generate",
    "GeneratedPolicy": "generate",
    "generate": "generate",
    "ATTACH_CHOICES": "lint",
    "LintReport": "lint",
    "lint": "lint",
    "CODES": "rules",
    "to_sarif": "sarif",
    "MAX_FILE_BYTES": "sources",
    "PolicySource": "sources",
    "read_paths": "sources",
    "to_terraform": "terraform_out",
}
# what needs no table of codes: writing a policy makes no finding, and the severities' names (a command's
# --fail-on choices) and the Code record are constants
_WITHOUT_RULES = frozenset({"Generated", "GeneratedPolicy", "generate", "to_terraform", "SEVERITIES", "Code"})

__all__ = [
    "ATTACH_CHOICES",
    "CODES",
    "MAX_FILE_BYTES",
    "SEVERITIES",
    "Code",
    "Finding",
    "Generated",
    "GeneratedPolicy",
    "LintReport",
    "PolicySource",
    "Where",
    "fixed_documents",
    "generate",
    "lint",
    "markdown_table",
    "read_paths",
    "severity",
    "to_sarif",
    "to_terraform",
]


class _Package(types.ModuleType):
    """This package, whose ``generate`` and ``lint`` are functions, not the submodules of the same name.

    Importing a submodule sets it as an attribute of its package; the submodules themselves are reached
    through ``sys.modules`` by every import statement, so the package keeps the functions' names.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        own = isinstance(value, types.ModuleType) and getattr(value, "__name__", "") == f"{__name__}.{name}"
        if own and _HOME.get(name) == name:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if name not in _WITHOUT_RULES:
        importlib.import_module("explorer.policy.rules")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
