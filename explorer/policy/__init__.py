"""Huawei Cloud / OTC custom policies: lint the policies people wrote, generate the ones an answer needs."""

from explorer.policy.codes import SEVERITIES, Code, markdown_table, severity
from explorer.policy.findings import Finding, Where
from explorer.policy.fix import fixed_documents
from explorer.policy.generate import Generated, GeneratedPolicy, generate
from explorer.policy.lint import ATTACH_CHOICES, LintReport, lint
from explorer.policy.rules import CODES
from explorer.policy.sarif import to_sarif
from explorer.policy.sources import MAX_FILE_BYTES, PolicySource, read_paths
from explorer.policy.terraform_out import to_terraform

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
