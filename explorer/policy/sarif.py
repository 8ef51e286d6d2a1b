"""Findings as SARIF 2.1.0, so code-scanning tools show them next to the policy file.

No maintained Python library writes SARIF 2.1.0 (sarif-om was last released in 2019), so the log is built
here after the OASIS standard's conventions: one run, the tool's rules from the code table, one result per
finding with a physical location (1-based line and column) and the statement's JSON pointer as a logical
location.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from explorer import __version__
from explorer.policy.lint import LintReport
from explorer.policy.rules import CODES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("_"))


def artifact_uri(file: str) -> str:
    """A file name as the relative reference SARIF's ``artifactLocation.uri`` must be (RFC 3986): every byte
    outside the unreserved characters and ``/`` percent-encoded, so a space, ``<>``, ``#``, ``%``, a ``:``
    (which would read as a scheme) and non-ASCII letters (as UTF-8) survive a SARIF viewer. A name read from
    the file system with undecodable bytes gives those bytes back (surrogateescape)."""
    posix = PurePath(file).as_posix() if file else file
    try:
        raw = posix.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = posix.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")


def to_sarif(report: LintReport) -> dict[str, Any]:
    codes = list(CODES)
    rules = [
        {
            "id": c.code,
            "name": _rule_name(c.code),
            "shortDescription": {"text": c.title},
            "fullDescription": {"text": c.help},
            "defaultConfiguration": {"level": LEVELS[c.severity]},
        }
        for c in CODES.values()
    ]
    results: list[dict[str, Any]] = []
    for f in report.findings:
        w = f.where
        region: dict[str, int] = {}
        if w.line:
            region["startLine"] = w.line
            if w.column:
                region["startColumn"] = w.column
        physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(w.file)}}
        if region:
            physical["region"] = region
        location: dict[str, Any] = {"physicalLocation": physical}
        if w.pointer or w.document:
            name = (w.document + "#" if w.document else "") + (w.pointer or "")
            location["logicalLocations"] = [{"fullyQualifiedName": name, "kind": "object"}]
        text = f.message + (f" Fix: {f.fix}." if f.fix else "")
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": codes.index(f.code),
                "level": LEVELS[f.severity],
                "message": {"text": text},
                "locations": [location],
                "properties": {"statement": w.statement, "action": f.action, "severity": f.severity},
            }
        )
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "permission-explorer",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
                "columnKind": "unicodeCodePoints",
                "properties": {
                    "cloud": report.cloud,
                    "attach": report.attach,
                    "documentation": [{"service": s, "date": d} for s, d in report.documentation],
                },
            }
        ],
    }
