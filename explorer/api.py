"""The public library API: the one module the CLI and the Streamlit app call.

Everything a face shows is computed here or below; ``explorer.cli`` and ``explorer.ui`` may import
this module, ``explorer.errors``, ``explorer.model`` and ``explorer.view``, and nothing else of the
package (an import-linter contract in CI checks it).

The engine is re-exported lazily (a module ``__getattr__``, PEP 562): ``from explorer.api import X``
and ``api.X`` work as for any module, but a name's engine package (the importers, jsonschema, the
graph and networkx, the renderers and Graphviz) is imported the first time the name is used, so that
a command loads only what it uses. The ``TYPE_CHECKING`` imports below give mypy the real types and
import-linter the real layering.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from explorer.app.assets import readme_assets, regenerate_assets
from explorer.app.catalogs import (
    available_clouds,
    build_explorer,
    build_explorers,
    default_catalog_path,
    get_explorer,
    layer_catalogs,
    layered_explorers,
    load,
)
from explorer.app.diffs import diff, diff_document
from explorer.app.diffs import side_choices as diff_side_choices
from explorer.app.exports import DIRECTIONS, diagram_view
from explorer.app.links import source_url, view_digest
from explorer.app.policies import generate_policies, lint_policies
from explorer.app.queries import edition_names, operation_row
from explorer.catalog import BUNDLED_CATALOG
from explorer.display import has_invisible, scope_flag, scope_flags, visible, visible_stream
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.jsonout import FORMAT_VERSION, document, dumps
from explorer.model import Catalog, Operation, Provenance
from explorer.render.formats import BINARY_FORMATS, DEFAULT_TIMEOUT, SUFFIXES
from explorer.render.formats import FORMATS as EXPORT_FORMATS
from explorer.view import View

if TYPE_CHECKING:
    from explorer.app.terraform import TerraformAnswer
    from explorer.app.terraform import analyse as terraform_answer
    from explorer.app.terraform_check import check as terraform_check
    from explorer.catalog.store import dump_service, load_service_text
    from explorer.catalog.validate import ValidationResult, catalog_schema, schema_path, validate, validate_paths
    from explorer.diff import KINDS as CHANGE_KINDS
    from explorer.diff import (
        ActionDelta,
        Change,
        DiffResult,
        Impact,
        Rename,
        RowRef,
        SideInfo,
        load_renames,
        record_renames,
        renamed_actions,
    )
    from explorer.diff.formats import TITLES as CHANGE_TITLES
    from explorer.diff.formats import change_rows as diff_change_rows
    from explorer.diff.formats import to_markdown as diff_markdown
    from explorer.diff.formats import to_text as diff_text
    from explorer.diff.impact import Closure as DiffClosure
    from explorer.diff.policy_impact import FindingLike, PolicyChange
    from explorer.diff.renames import RENAMES_NAME, default_renames_path
    from explorer.graph import (
        ActionInfo,
        ActionScope,
        CheckReport,
        ClosureResult,
        Dependent,
        DependentsResult,
        Disagreement,
        Edge,
        Evidence,
        Exclude,
        Explorer,
        NoAction,
        PairScope,
        Requirement,
        ScopeReport,
        SearchHit,
        ServiceStats,
        Target,
        WhyResult,
        closure_view,
        dependents_view,
        service_view,
        why_view,
    )
    from explorer.graph.build import normalise_api
    from explorer.importers import (
        FORMATS,
        MAX_DOCUMENT_BYTES,
        DocumentImport,
        FileReport,
        ImportReport,
        RowProblem,
        UnknownHeaderError,
        build_corpus,
        import_corpus,
        import_document,
        read_import_report,
        report_to_json,
        save_document,
    )
    from explorer.importers.sandbox import import_document_limited
    from explorer.policy import (
        ATTACH_CHOICES,
        CODES,
        SEVERITIES,
        Code,
        Finding,
        Generated,
        GeneratedPolicy,
        LintReport,
        PolicySource,
        Where,
        fixed_documents,
        markdown_table,
        read_paths,
        to_sarif,
        to_terraform,
    )
    from explorer.policy import MAX_FILE_BYTES as MAX_POLICY_FILE_BYTES
    from explorer.policy.fix import FixedPolicy
    from explorer.render.assets import CLOSURE_STEM, README_CLOUD, README_TARGET, Assets, inline_mermaid
    from explorer.render.collapse import collapse_by_service
    from explorer.render.dot import LARGE_GRAPH, legend_dot, to_dot
    from explorer.render.export import drawn as drawn_view
    from explorer.render.export import render as render_view
    from explorer.render.export import write_output
    from explorer.render.graphml import to_graphml
    from explorer.render.graphviz_run import RenderError, RenderTimeoutError
    from explorer.render.json_graph import to_json
    from explorer.render.layout import Box, Layout
    from explorer.render.layout import layout as graph_layout
    from explorer.render.mermaid import to_mermaid
    from explorer.render.style import EDGE_STYLES, KIND_MEANING, SCOPE_STYLES, edge_label, edge_style_key, node_lines
    from explorer.schemas import output_schema, schema_file, schema_names

# public name -> (module, attribute) of what it stands for, imported on first use
_LAZY: dict[str, tuple[str, str]] = {
    "import_document_limited": ("explorer.importers.sandbox", "import_document_limited"),
    # the JSON contract: the one serializer and the shipped schema of every output (docs/json.md)
    **{n: ("explorer.schemas", n) for n in ("output_schema", "schema_file", "schema_names")},
    **{n: ("explorer.catalog.store", n) for n in ("dump_service", "load_service_text")},
    **{
        n: ("explorer.diff", n)
        for n in (
            "ActionDelta",
            "Change",
            "DiffResult",
            "Impact",
            "Rename",
            "RowRef",
            "SideInfo",
            "load_renames",
            "record_renames",
            "renamed_actions",
        )
    },
    "CHANGE_KINDS": ("explorer.diff", "KINDS"),
    "CHANGE_TITLES": ("explorer.diff.formats", "TITLES"),
    "diff_change_rows": ("explorer.diff.formats", "change_rows"),
    "diff_markdown": ("explorer.diff.formats", "to_markdown"),
    "diff_text": ("explorer.diff.formats", "to_text"),
    "DiffClosure": ("explorer.diff.impact", "Closure"),
    "FindingLike": ("explorer.diff.policy_impact", "FindingLike"),
    "PolicyChange": ("explorer.diff.policy_impact", "PolicyChange"),
    "RENAMES_NAME": ("explorer.diff.renames", "RENAMES_NAME"),
    "default_renames_path": ("explorer.diff.renames", "default_renames_path"),
    **{
        n: ("explorer.catalog.validate", n)
        for n in ("ValidationResult", "catalog_schema", "schema_path", "validate", "validate_paths")
    },
    **{
        n: ("explorer.importers", n)
        for n in (
            "FORMATS",
            "MAX_DOCUMENT_BYTES",
            "DocumentImport",
            "FileReport",
            "ImportReport",
            "RowProblem",
            "UnknownHeaderError",
            "build_corpus",
            "import_corpus",
            "import_document",
            "read_import_report",
            "report_to_json",
            "save_document",
        )
    },
    **{
        n: ("explorer.graph", n)
        for n in (
            "ActionInfo",
            "ActionScope",
            "CheckReport",
            "ClosureResult",
            "Dependent",
            "DependentsResult",
            "Disagreement",
            "Edge",
            "Evidence",
            "Exclude",
            "Explorer",
            "NoAction",
            "PairScope",
            "Requirement",
            "ScopeReport",
            "SearchHit",
            "ServiceStats",
            "Target",
            "WhyResult",
            "closure_view",
            "dependents_view",
            "service_view",
            "why_view",
        )
    },
    **{
        n: ("explorer.policy", n)
        for n in (
            "ATTACH_CHOICES",
            "CODES",
            "SEVERITIES",
            "Code",
            "Finding",
            "Generated",
            "GeneratedPolicy",
            "LintReport",
            "PolicySource",
            "Where",
            "fixed_documents",
            "markdown_table",
            "read_paths",
            "to_sarif",
            "to_terraform",
        )
    },
    "MAX_POLICY_FILE_BYTES": ("explorer.policy", "MAX_FILE_BYTES"),
    # issue 22: what a Terraform configuration or plan needs, and the check of a deployer's policies
    "terraform_answer": ("explorer.app.terraform", "analyse"),
    "TerraformAnswer": ("explorer.app.terraform", "TerraformAnswer"),
    "terraform_check": ("explorer.app.terraform_check", "check"),
    "FixedPolicy": ("explorer.policy.fix", "FixedPolicy"),
    **{
        n: ("explorer.render.assets", n)
        for n in ("CLOSURE_STEM", "README_CLOUD", "README_TARGET", "Assets", "inline_mermaid")
    },
    "collapse_by_service": ("explorer.render.collapse", "collapse_by_service"),
    "legend_dot": ("explorer.render.dot", "legend_dot"),
    "to_dot": ("explorer.render.dot", "to_dot"),
    "render_view": ("explorer.render.export", "render"),
    "drawn_view": ("explorer.render.export", "drawn"),
    "write_output": ("explorer.render.export", "write_output"),
    "to_graphml": ("explorer.render.graphml", "to_graphml"),
    "RenderError": ("explorer.render.graphviz_run", "RenderError"),
    "RenderTimeoutError": ("explorer.render.graphviz_run", "RenderTimeoutError"),
    "to_json": ("explorer.render.json_graph", "to_json"),
    "to_mermaid": ("explorer.render.mermaid", "to_mermaid"),
    # the interactive UI (explorer.ui.components.graph): Graphviz positions and the diagrams' visual language
    "normalise_api": ("explorer.graph.build", "normalise_api"),
    "LARGE_GRAPH": ("explorer.render.dot", "LARGE_GRAPH"),
    "Box": ("explorer.render.layout", "Box"),
    "Layout": ("explorer.render.layout", "Layout"),
    "graph_layout": ("explorer.render.layout", "layout"),
    **{
        n: ("explorer.render.style", n)
        for n in ("EDGE_STYLES", "KIND_MEANING", "SCOPE_STYLES", "edge_label", "edge_style_key", "node_lines")
    },
}


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # later look-ups are plain module attributes
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "ATTACH_CHOICES",
    "BINARY_FORMATS",
    "BUNDLED_CATALOG",
    "CLOSURE_STEM",
    "CODES",
    "DEFAULT_TIMEOUT",
    "DIRECTIONS",
    "EDGE_STYLES",
    "EXPORT_FORMATS",
    "FORMATS",
    "FORMAT_VERSION",
    "KIND_MEANING",
    "LARGE_GRAPH",
    "MAX_DOCUMENT_BYTES",
    "MAX_POLICY_FILE_BYTES",
    "README_CLOUD",
    "README_TARGET",
    "SCOPE_STYLES",
    "SEVERITIES",
    "SUFFIXES",
    "ActionInfo",
    "ActionScope",
    "Assets",
    "Box",
    "Catalog",
    "CatalogError",
    "CheckReport",
    "ClosureResult",
    "Code",
    "Dependent",
    "DependentsResult",
    "Disagreement",
    "DocumentImport",
    "Edge",
    "Evidence",
    "Exclude",
    "Explorer",
    "ExplorerError",
    "FileReport",
    "Finding",
    "FixedPolicy",
    "Generated",
    "GeneratedPolicy",
    "ImportReport",
    "Layout",
    "LintReport",
    "NoAction",
    "Operation",
    "PairScope",
    "PolicySource",
    "Problem",
    "Provenance",
    "QueryError",
    "RenderError",
    "RenderTimeoutError",
    "Requirement",
    "RowProblem",
    "ScopeReport",
    "SearchHit",
    "ServiceStats",
    "Target",
    "UnknownHeaderError",
    "ValidationResult",
    "View",
    "Where",
    "WhyResult",
    "available_clouds",
    "build_corpus",
    "build_explorer",
    "build_explorers",
    "catalog_schema",
    "closure_view",
    "collapse_by_service",
    "default_catalog_path",
    "dependents_view",
    "diagram_view",
    "document",
    "drawn_view",
    "dump_service",
    "dumps",
    "edge_label",
    "edge_style_key",
    "edition_names",
    "fixed_documents",
    "generate_policies",
    "get_explorer",
    "graph_layout",
    "has_invisible",
    "import_corpus",
    "import_document",
    "import_document_limited",
    "inline_mermaid",
    "layer_catalogs",
    "layered_explorers",
    "legend_dot",
    "lint_policies",
    "load",
    "load_service_text",
    "markdown_table",
    "node_lines",
    "normalise_api",
    "operation_row",
    "output_schema",
    "read_import_report",
    "read_paths",
    "readme_assets",
    "regenerate_assets",
    "render_view",
    "report_to_json",
    "save_document",
    "schema_file",
    "schema_names",
    "schema_path",
    "scope_flag",
    "scope_flags",
    "service_view",
    "source_url",
    "to_dot",
    "to_graphml",
    "to_json",
    "to_mermaid",
    "to_sarif",
    "to_terraform",
    "validate",
    "validate_paths",
    "view_digest",
    "visible",
    "visible_stream",
    "why_view",
    "write_output",
]
__all__ += ["TerraformAnswer", "terraform_answer", "terraform_check"]
__all__ += [
    "CHANGE_KINDS",
    "CHANGE_TITLES",
    "RENAMES_NAME",
    "ActionDelta",
    "Change",
    "DiffClosure",
    "DiffResult",
    "FindingLike",
    "Impact",
    "PolicyChange",
    "Rename",
    "RowRef",
    "SideInfo",
    "default_renames_path",
    "diff",
    "diff_change_rows",
    "diff_document",
    "diff_markdown",
    "diff_side_choices",
    "diff_text",
    "load_renames",
    "record_renames",
    "renamed_actions",
]
