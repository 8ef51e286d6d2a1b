"""Run Mermaid itself on our text: the ``mmdc`` package runs mermaid.js in an embedded JS engine, offline.

``mermaid_svg`` draws the whole diagram (seconds per diagram in the embedded engine), ``mermaid_parse``
only runs Mermaid's parser (``mermaid.parse``) in the same engine, fast enough for bigger diagrams.
mmdc has no public parse-only call, so both reach into its engine (mermaid.js in a QuickJS context).
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)  # mmdc announces its rename to mermaidx
    import mmdc
    from mmdc.diagram import _get_engine

# QuickJS has no Intl; Mermaid needs Intl.Segmenter to break a word wider than a label (browsers have it).
_INTL_SEGMENTER = """
if (typeof globalThis.Intl === "undefined") {
  globalThis.Intl = {Segmenter: class {
    segment(text) { let i = 0; return Array.from(text, c => { const s = {segment: c, index: i, input: text};
      i += c.length; return s; }); }
  }};
}
"""


@cache
def _engine() -> Any:
    engine: Any = _get_engine()
    engine._executor.submit(lambda: engine._ctx.eval(_INTL_SEGMENTER)).result()
    return engine


def mermaid_svg(text: str) -> str:
    """The SVG Mermaid draws from ``text``; raises RuntimeError with the parser's message on bad input."""
    _engine()
    return str(mmdc.render(text).svg())


def mermaid_parse(text: str) -> None:
    """Run ``mermaid.parse`` on ``text``; raise ValueError with Mermaid's message if it rejects it."""
    engine = _engine()

    def job() -> Any:
        ctx = engine._ctx
        ctx.set("__code", text)
        ctx.eval(
            "globalThis.__parseError = null;"
            "mermaid.parse(__code).catch(e => { globalThis.__parseError = String((e && e.message) || e); });"
        )
        engine._pump_jobs()
        return ctx.eval("globalThis.__parseError")

    error = engine._executor.submit(job).result()
    if error:
        raise ValueError(error)
