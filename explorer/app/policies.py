"""Policies: lint a principal's policy files against a catalog, generate the ones an answer needs, fix them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explorer.app.catalogs import available_clouds, default_catalog_path, get_explorer
from explorer.errors import QueryError

if TYPE_CHECKING:
    from explorer.graph import Explorer
    from explorer.policy import Finding as Finding
    from explorer.policy import Generated as Generated
    from explorer.policy import LintReport as LintReport
    from explorer.policy import PolicySource as PolicySource
    from explorer.policy.fix import FixedPolicy as FixedPolicy


def attach_choices() -> tuple[str, ...]:
    """Where policies can be attached (``policy lint --attach``)."""
    from explorer.policy import ATTACH_CHOICES

    return tuple(ATTACH_CHOICES)


def severities() -> tuple[str, ...]:
    """The findings' severities, most severe first (``policy lint --fail-on``)."""
    from explorer.policy import SEVERITIES

    return tuple(SEVERITIES)


def read_paths(paths: list[Path]) -> list[PolicySource]:
    """The policy files at ``paths`` (JSON, Terraform, or folders of them), read with limits."""
    from explorer.policy import read_paths as read

    return read(paths)


def source(name: str, data: bytes) -> PolicySource:
    """A policy given as bytes (an upload, pasted text) under a name findings point at."""
    from explorer.policy import PolicySource

    return PolicySource(name, data)


def lint_policies(
    sources: Sequence[PolicySource],
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    *,
    attach: str | None = None,
    explorers: Mapping[str, Explorer] | None = None,
) -> LintReport:
    """Lint policy files as one principal's policy set against a cloud's catalog (default: the bundled one).

    ``explorers`` (one per cloud, e.g. of an upload) replaces the catalog; the other clouds tell renamed actions.
    """
    from explorer.diff.renames import RENAMES_NAME, renamed_actions
    from explorer.policy import lint

    renames = None  # given engines (an upload): the bundled catalog's record, for names they define
    if explorers is None:
        explorers = {c: get_explorer(c, catalog) for c in available_clouds(catalog)}
        root = Path(catalog) if catalog is not None else default_catalog_path()
        renames = renamed_actions(cloud, root / RENAMES_NAME) if root.is_dir() else {}
    if cloud not in explorers:
        raise QueryError(f"unknown cloud {cloud!r}; the catalog holds {', '.join(sorted(explorers))}")
    return lint(sources, explorers[cloud], attach=attach, others=explorers, renames=renames)


def generate_policies(
    targets: Sequence[str],
    cloud: str = "huaweicloud",
    catalog: Path | str | None = None,
    *,
    possible: bool = False,
    compact: bool = False,
    explorer: Explorer | None = None,
) -> Generated:
    """The policies (enterprise-project and IAM-project parts, AX apart from XA) that the targets' answer needs."""
    from explorer.policy import generate

    ex = explorer if explorer is not None else get_explorer(cloud, catalog)
    return generate(ex, list(targets), possible=possible, compact_wildcards=compact)


def to_sarif(report: LintReport) -> dict[str, Any]:
    """The findings as a SARIF 2.1.0 log (``policy lint --sarif``)."""
    from explorer.policy import to_sarif as sarif

    return sarif(report)


def to_terraform(generated: Generated) -> str:
    """The generated policies as Terraform (``policy generate --format terraform``)."""
    from explorer.policy import to_terraform as terraform

    return terraform(generated)


def fixed_documents(report: LintReport) -> list[FixedPolicy]:
    """The linted policies with what the findings can fix fixed (renamed actions, missing dependencies)."""
    from explorer.policy import fixed_documents as fixed

    return fixed(report)


def offered_fix(finding: Finding) -> str:
    """The action the fixed policy puts in place of an unknown one (a rename or a one-key slip), or ""."""
    from explorer.policy.fix import typo_fix

    return typo_fix(finding.code, finding.action, finding.fix, list(finding.details.get("suggestions", [])))
