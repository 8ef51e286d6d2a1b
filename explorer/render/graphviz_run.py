"""Run the real Graphviz ``dot`` on DOT text, with a time limit.

The command line comes from the ``graphviz`` package (which knows the engines and formats); the
process is run here because the package's own ``pipe`` has no time limit, and a big graph can keep
``dot`` busy for minutes.
"""

from __future__ import annotations

import subprocess

from graphviz.backend.dot_command import command

from explorer.errors import ExplorerError
from explorer.render.formats import DEFAULT_TIMEOUT, GRAPHVIZ_FORMATS


class RenderError(ExplorerError):
    """A diagram that cannot be drawn: Graphviz missing, failing or too slow."""


class RenderTimeoutError(RenderError):
    """Graphviz did not finish within the time limit."""


def run_dot(dot: str, fmt: str, *, engine: str = "dot", timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """The output of ``dot -T<fmt>`` on ``dot``; RenderError on failure, RenderTimeoutError when too slow."""
    if fmt not in GRAPHVIZ_FORMATS:
        raise RenderError(f"unknown Graphviz format {fmt!r}; expected one of {', '.join(GRAPHVIZ_FORMATS)}")
    # cairo gives anti-aliased PNGs and vector PDFs that embed their fonts.
    cmd = command(engine, fmt, renderer="cairo" if fmt in ("png", "pdf") else None)
    try:
        proc = subprocess.run(cmd, input=dot.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise RenderError(
            f"Graphviz {engine!r} is not installed; install it (Debian: apt-get install graphviz)"
        ) from None
    except subprocess.TimeoutExpired:
        raise RenderTimeoutError(
            f"Graphviz {engine} did not finish within {timeout:g} s; ask for a smaller graph "
            "(--depth), or export --collapse to draw one node per service"
        ) from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip() or f"exit status {proc.returncode}"
        raise RenderError(f"Graphviz {engine} failed: {message}")
    return proc.stdout
