"""An action cell written as a pattern (CCE: cce:kubernetes:* for /api/*) is one broad requirement of its row."""

from __future__ import annotations

from explorer import api
from explorer.graph import Explorer
from explorer.model import Catalog

PAGE = "\n".join(
    [
        "| Permission | API | Action | IAM Project | Enterprise Project |",
        "|---|---|---|---|---|",
        "| Operating Kubernetes resources | /api/* | cce:kubernetes:* | Y | Y |",
        "| Listing pods | GET /api/v1/namespaces/{namespace}/pods | cce:kubernetes:listPods | Y | Y |",
        "",
    ]
)


def _explorer() -> Explorer:
    result = api.import_document("k8s.md", PAGE.encode(), cloud="otc", edition="otc-en", service="cce")
    return api.build_explorer(Catalog("otc", {"cce": result.catalog}))


def test_a_pattern_action_is_a_pattern_node_checked_by_its_row() -> None:
    ex = _explorer()
    result = ex.closure("/api/*")
    assert [(r.action, r.basis, r.broad, r.matches) for r in result.requirements] == [
        ("cce:kubernetes:*", "target", True, 1)
    ]
    assert result.requirements[0].rows[0].provenance.row == 1
