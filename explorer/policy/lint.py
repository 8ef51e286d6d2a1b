"""``policy lint``: read the files of one principal's policy set, run every rule family, report sorted findings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from explorer.diff.renames import Rename
from explorer.errors import QueryError
from explorer.graph import Explorer
from explorer.jsonout import document
from explorer.policy.codes import SEVERITIES, reaches
from explorer.policy.context import LintContext
from explorer.policy.document import PolicyDocument
from explorer.policy.facts import CatalogFacts
from explorer.policy.findings import Finding
from explorer.policy.matcher import PolicySet
from explorer.policy.rules import RULES
from explorer.policy.sources import PolicySource, documents_of

ATTACH_CHOICES = ("enterprise-project", "iam-project")


@dataclass(frozen=True, slots=True)
class LintReport:
    """The findings of one lint run, sorted by file, place and code."""

    cloud: str
    attach: str | None
    files: tuple[str, ...]
    documents: tuple[PolicyDocument, ...]
    findings: tuple[Finding, ...]
    # (service, date of its tables) for the covered services the policies name: how old the catalog's answer is
    documentation: tuple[tuple[str, str | None], ...] = ()

    def documentation_text(self) -> str:
        """One line for a face: "documentation: ecs tables of 2025-12-01, vpc tables (undated)"."""
        said = ", ".join(f"{s} tables of {d}" if d else f"{s} tables (undated)" for s, d in self.documentation)
        return f"documentation: {said}" if said else ""

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for f in self.findings if f.severity == s) for s in SEVERITIES}

    def fails(self, fail_on: str = "error") -> bool:
        """True when a finding is at least as severe as ``fail_on`` (the command then exits 1)."""
        return any(reaches(f.severity, fail_on) for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return document(
            {
                "cloud": self.cloud,
                "attach": self.attach,
                "files": list(self.files),
                "documents": len(self.documents),
                "counts": self.counts(),
                "findings": [f.to_dict() for f in self.findings],
                "documentation": {"services": [{"service": s, "date": d} for s, d in self.documentation]},
            }
        )


def lint(
    sources: Sequence[PolicySource],
    explorer: Explorer,
    *,
    attach: str | None = None,
    others: Mapping[str, Explorer] | None = None,
    renames: Mapping[str, tuple[Rename, ...]] | None = None,
) -> LintReport:
    """Lint ``sources`` as one policy set against ``explorer``'s catalog; ``others`` (all clouds) and
    ``renames`` (the catalog's recorded renames; None: the bundled catalog's) tell renamed actions."""
    if attach is not None and attach not in ATTACH_CHOICES:
        raise QueryError(f"unknown --attach {attach!r}; expected one of {', '.join(ATTACH_CHOICES)}")
    documents: list[PolicyDocument] = []
    findings: list[Finding] = []
    for source in sources:
        docs, found = documents_of(source, explorer.cloud)
        documents.extend(docs)
        findings.extend(found)
    facts = CatalogFacts(explorer, dict(others or {}), renames)
    ctx = LintContext(facts, tuple(documents), PolicySet(documents), attach)
    for rule in RULES:
        findings.extend(rule(ctx))
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    named = sorted({n.service for n in ctx.named if n.state == "covered"})
    dates = tuple((s, facts.documentation_date(s)) for s in named)
    return LintReport(explorer.cloud, attach, tuple(s.name for s in sources), tuple(documents), ordered, dates)
