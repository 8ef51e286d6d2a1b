"""A service's catalog document, from the typed model: keys in schema order, so the same catalog always
dumps to the same bytes (the reverse of :func:`explorer.catalog.codec.decode_service`)."""

from __future__ import annotations

from typing import Any

from explorer.catalog.codec import SOURCE_KEYS
from explorer.model import SOURCE_CURRENT, ActionRef, Scope, ServiceCatalog, SourceDoc


def _encode_scope(scope: Scope) -> dict[str, Any]:
    out: dict[str, Any] = {
        "iam_project": scope.iam_project,
        "enterprise_project": scope.enterprise_project,
        "instance": scope.instance,
        "tag": scope.tag,
    }
    if scope.inferred:
        out["inferred"] = list(scope.inferred)
    return out


def _encode_ref(ref: ActionRef) -> Any:
    if ref.condition is None:
        return ref.action
    return {"action": ref.action, "condition": ref.condition}


def _encode_source(doc: SourceDoc) -> dict[str, str]:
    # ``status`` is written only for a deleted page: an absent status means current (as in version 2 files)
    status = doc.status if doc.status != SOURCE_CURRENT else None
    values = (doc.file, doc.edition, doc.repo, doc.commit, doc.path, doc.format, doc.date, status)
    return {k: v for k, v in zip(SOURCE_KEYS, values, strict=True) if v}


def encode_service(svc: ServiceCatalog) -> dict[str, Any]:
    """The YAML document of one service, keys in schema order."""
    return {
        "schema_version": svc.schema_version,
        "cloud": svc.cloud,
        "service": svc.service,
        "sources": [_encode_source(s) for s in svc.sources],
        "operations": [
            {
                "id": op.id,
                "name": dict(sorted(op.name.items())),
                "apis": list(op.apis),
                "actions": [_encode_ref(r) for r in op.actions],
                "dependencies": [_encode_ref(r) for r in op.dependencies],
                "scope": _encode_scope(op.scope),
                "notes": list(op.notes),
                "source": {"file": op.provenance.file, "table": op.provenance.table, "row": op.provenance.row},
            }
            for op in svc.operations
        ],
    }
