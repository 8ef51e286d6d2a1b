"""The public library API: what a library user may import, and nothing else.

Every function here is a use case of :mod:`explorer.app` (the same ones the command line and the web UI
call) or a piece of the core (the catalog model, the View, errors, the JSON envelope). The use cases
import the engine inside their functions, so importing this module loads no engine: a program pays
for the importers, the graph or Graphviz only when it asks for them.

The records the use cases return are defined by the engine packages, and typed there:
``explorer.graph`` (``Explorer``, ``ClosureResult``, ``ScopeReport``, ...), ``explorer.policy``
(``LintReport``, ``Finding``, ``PolicySource``), ``explorer.diff`` (``DiffResult``, ``Rename``) and
``explorer.importers`` (``ImportReport``, ``DocumentImport``). Import them from there for annotations.

Each name imported below is exported (pyproject.toml lets mypy and ruff read this module so): the list
below is the whole public API, written once.
"""

from explorer.app.assets import readme_assets, regenerate_assets
from explorer.app.catalogs import (
    BUNDLED_CATALOG,
    available_clouds,
    build_explorer,
    build_explorers,
    default_catalog_path,
    get_explorer,
    layer_catalogs,
    layered_explorers,
    load,
    schema_path,
    validate,
)
from explorer.app.diffs import diff, diff_document, record_renames, renamed_actions
from explorer.app.exports import (
    DEFAULT_TIMEOUT,
    DIRECTIONS,
    SUFFIXES,
    closure_view,
    dependents_view,
    diagram_view,
    drawn_view,
    render_view,
    service_view,
    why_view,
    write_output,
)
from explorer.app.imports import import_corpus, import_document, read_import_report, save_document
from explorer.app.links import source_url, view_digest
from explorer.app.policies import fixed_documents, generate_policies, lint_policies, read_paths, to_sarif, to_terraform
from explorer.app.queries import (
    check,
    closure,
    dependents,
    edition_names,
    operation_row,
    resolve,
    scope,
    search,
    show,
    why,
)
from explorer.app.terraform import TerraformAnswer
from explorer.app.terraform import analyse as terraform_answer
from explorer.app.terraform_check import check as terraform_check
from explorer.display import scope_flag, scope_flags, visible
from explorer.errors import CatalogError, ExplorerError, Problem, QueryError
from explorer.jsonout import FORMAT_VERSION, document, dumps
from explorer.model import Catalog, Operation, Provenance, ServiceCatalog
from explorer.schemas import output_schema, schema_file, schema_names
from explorer.view import View
