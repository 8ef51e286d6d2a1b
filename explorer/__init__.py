"""permission-explorer: Huawei Cloud IAM action tables as a graph of actions and their dependencies.

The public API for scripts, the CLI and the web UI is :mod:`explorer.api`.
"""

__version__ = "0.1.0"
