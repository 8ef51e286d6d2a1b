"""Links and keys the faces print or cache by: a documentation row's source URL, a drawn view's digest."""

from __future__ import annotations

from explorer.model import Provenance
from explorer.view import View


def source_url(p: Provenance) -> str:
    """A link to the documentation file at the commit the row was read from (GitHub, as the corpus
    MANIFEST names them); "" when the catalog lacks them or they do not look like a repository and commit."""
    import re
    from urllib.parse import quote

    repo = p.repo.removesuffix(".git")
    if not (re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", repo) and re.fullmatch(r"[0-9a-f]{7,40}", p.commit)):
        return ""
    if not p.path or p.path.startswith("/") or ".." in p.path.split("/"):
        return ""
    return f"https://github.com/{repo}/blob/{p.commit}/{quote(p.path, safe='/')}"


def view_digest(view: View) -> str:
    """A short key that changes whenever the View's nodes or edges do (not its title or notes)."""
    import hashlib

    h = hashlib.sha256()
    for node in view.nodes:
        h.update(repr(node).encode("utf-8"))
    for edge in view.edges:
        h.update(repr((edge.source, edge.target, edge.kind, edge.inferred, edge.conditions)).encode("utf-8"))
    return h.hexdigest()[:16]
