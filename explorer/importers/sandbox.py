"""Importing an uploaded document in a child process with a time and memory budget.

The web UI serves many reviewers from one process; a document crafted to make a parser slow or
greedy must cost its own upload a clear message, not the server minutes and gigabytes. The child
(``python -m explorer.importers.sandbox``) runs :func:`explorer.importers.pipeline.import_document`
under ``RLIMIT_AS`` and ``RLIMIT_CPU`` and a wall-clock timeout, and hands back the service YAML and
the report as JSON text, which the parent reads with the same safe loaders as any catalog.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from typing import Any

from explorer.catalog.yamlio import dump_service, load_service_text
from explorer.errors import DocumentImportError, ExplorerError
from explorer.importers.report import report_from_json, report_to_json

DEFAULT_SECONDS = 30.0
DEFAULT_MEMORY_BYTES = 1024 * 1024 * 1024


def _cpu_limit(seconds: float) -> None:  # pragma: no cover - runs in the child before exec
    cpu = int(seconds) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _memory_limit(memory: int) -> None:  # pragma: no cover - runs in the child once its modules are loaded
    # set after the imports, so the budget is what parsing may use and a small one gives a MemoryError
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))


def import_document_limited(
    name: str,
    data: bytes,
    *,
    cloud: str,
    edition: str,
    service: str | None = None,
    fmt: str | None = None,
    strict_headers: bool = False,
    seconds: float = DEFAULT_SECONDS,
    memory: int = DEFAULT_MEMORY_BYTES,
) -> Any:
    """:func:`import_document` in a child process limited to ``seconds`` and ``memory`` bytes.

    Returns the same DocumentImport; a document that exceeds a limit raises DocumentImportError
    saying which limit, like any other document that cannot be imported.
    """
    from explorer.importers.pipeline import DocumentImport

    options = {
        "name": name,
        "cloud": cloud,
        "edition": edition,
        "service": service,
        "fmt": fmt,
        "strict": strict_headers,
        "memory": memory,
    }
    label = name.replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "explorer.importers.sandbox"],
            input=json.dumps(options).encode("utf-8") + b"\n" + data,
            capture_output=True,
            timeout=seconds + 5,  # the CPU limit stops a busy child first; this catches one that blocks
            preexec_fn=lambda: _cpu_limit(seconds),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise DocumentImportError(
            f"{label}: importing took longer than {seconds:g} s; the document is refused"
        ) from None
    if proc.returncode != 0 or not proc.stdout:
        if proc.returncode in (-9, -24, 137, 152) or b"emory" in proc.stderr:  # killed, or out of memory
            raise DocumentImportError(
                f"{label}: importing needed more than {seconds:g} s of CPU or {memory // (1024 * 1024)} MB "
                "of memory; the document is refused"
            )
        raise DocumentImportError(f"{label}: the importer stopped unexpectedly (status {proc.returncode})")
    answer = json.loads(proc.stdout)
    if "error" in answer:
        raise DocumentImportError(str(answer["error"]))
    catalog = load_service_text(str(answer["catalog"]), label)
    return DocumentImport(catalog, report_from_json(str(answer["report"]), label))


def _child() -> int:  # pragma: no cover - measured through import_document_limited
    from explorer.importers.pipeline import import_document

    raw = sys.stdin.buffer.read()
    header, _, data = raw.partition(b"\n")
    options = json.loads(header)
    _memory_limit(int(options["memory"]))
    try:
        result = import_document(
            options["name"],
            data,
            cloud=options["cloud"],
            edition=options["edition"],
            service=options["service"],
            fmt=options["fmt"],
            strict_headers=options["strict"],
        )
        answer = {"catalog": dump_service(result.catalog), "report": report_to_json(result.report)}
    except ExplorerError as exc:
        answer = {"error": str(exc)}
    except MemoryError:
        mb = int(options["memory"]) // (1024 * 1024)
        name = str(options["name"]).replace("\\", "/").rsplit("/", 1)[-1]
        answer = {"error": f"{name}: importing needed more than {mb} MB of memory; the document is refused"}
    sys.stdout.write(json.dumps(answer, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_child())
