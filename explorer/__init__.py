"""permission-explorer: Huawei Cloud IAM action tables as a graph of actions and their dependencies.

The public API for scripts is :mod:`explorer.api`; the CLI and the web UI call the same use cases, in
:mod:`explorer.app` (docs/architecture.md maps the layers).
"""

__version__ = "0.1.0"
