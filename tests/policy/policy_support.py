"""Shared helpers of the policy tests: the fixture catalog and a lint of fixture files."""

from __future__ import annotations

from pathlib import Path

from explorer import api
from explorer.policy import Finding, LintReport, PolicySource

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "policies"
CATALOG = FIXTURES / "catalog"


def source(name: str, text: str) -> PolicySource:
    return PolicySource(name, text.encode("utf-8"))


def lint_files(*names: str, attach: str | None = None, cloud: str = "huaweicloud") -> LintReport:
    return api.lint_policies(api.read_paths([FIXTURES / n for n in names]), cloud, CATALOG, attach=attach)


def lint_text(text: str, name: str = "inline.json", attach: str | None = None) -> LintReport:
    return api.lint_policies([source(name, text)], "huaweicloud", CATALOG, attach=attach)


def codes(report: LintReport) -> list[tuple[str, str, str]]:
    """(code, severity, action) of every finding, in report order."""
    return [(f.code, f.severity, f.action) for f in report.findings]


def of(report: LintReport, code: str) -> list[Finding]:
    return [f for f in report.findings if f.code == code]
