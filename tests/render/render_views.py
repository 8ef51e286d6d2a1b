"""Small Views built by hand from facts of the documentation tables, for the renderer tests."""

from __future__ import annotations

from seed_row import SEED_DEPENDENCIES

from explorer.model import Provenance
from explorer.view import View, ViewEdge, ViewNode

ECS_ROW = (Provenance("huaweicloud-zh/ecs/镜像管理.md", 1, 1, edition="huaweicloud-zh"),)
ECS_CREATE_ROW = (Provenance("huaweicloud-zh/ecs/生命周期管理-27.md", 1, 1, edition="huaweicloud-zh"),)
IMS_ROW = (Provenance("huaweicloud-zh/ims/镜像管理.md", 1, 4, edition="huaweicloud-zh"),)

CREATE_IMAGE_DEPS = SEED_DEPENDENCIES


def create_image_view() -> View:
    """The seed row's closure, one inferred level deeper, with a pattern, a condition and an unknown action."""
    op = "op:ecs-createimage-native"
    nodes = [
        ViewNode(
            op,
            "operation",
            "创建镜像（OpenStack原生）",
            "ecs",
            0,
            "not_supported",
            True,
            "POST /v2.1/{project_id}/servers/{server_id}/action",
        ),
        ViewNode("ecs:servers:createImage", "action", "ecs:servers:createImage", "ecs", 0, "not_supported"),
        ViewNode("ecs:cloudServers:create", "action", "ecs:cloudServers:create", "ecs", 0, "supported"),
        ViewNode("vpc:publicIps:create", "action", "vpc:publicIps:create", "vpc", 1, "supported"),
        ViewNode(
            "kms:*:*",
            "pattern",
            "kms:*:*",
            "kms",
            2,
            "unknown",
            True,
            "pattern, 0 matches",
            "certain",
            ("broad", "destructive"),
        ),
        ViewNode(
            "ims:serverImages:create", "action", "ims:serverImages:create", "ims", 2, "unknown", False, "", "certain"
        ),
        ViewNode(
            "vpc:securityGroups:delete",
            "action",
            "vpc:securityGroups:delete",
            "vpc",
            3,
            "unknown",
            True,
            "",
            "possible",
            ("destructive",),
        ),
    ]
    scopes = {"ims:images:list": "mixed", "evs:volumes:get": "supported", "evs:snapshots:create": "mixed"}
    for dep in CREATE_IMAGE_DEPS:
        nodes.append(ViewNode(dep, "action", dep, dep.split(":")[0], 1, scopes.get(dep, "not_supported")))  # type: ignore[arg-type]
    edges = [ViewEdge(op, "ecs:servers:createImage", "checks", provenance=ECS_ROW)]
    edges += [ViewEdge("ecs:servers:createImage", dep, "depends", provenance=ECS_ROW) for dep in CREATE_IMAGE_DEPS]
    edges += [
        ViewEdge(
            "ecs:cloudServers:create",
            "vpc:publicIps:create",
            "depends",
            conditions=("a new EIP is created with the server",),
            provenance=ECS_CREATE_ROW,
        ),
        ViewEdge("ims:images:create", "kms:*:*", "depends", inferred=True, provenance=IMS_ROW),
        ViewEdge("ims:serverImages:create", "vpc:securityGroups:delete", "depends", inferred=True, possible=True),
        ViewEdge(
            "ims:images:create",
            "ims:serverImages:create",
            "depends",
            inferred=True,
            conditions=("only for enterprise project migration",),
            provenance=IMS_ROW,
        ),
    ]
    return View(
        title="Closure of ecs:servers:createImage, ecs:cloudServers:create",
        cloud="huaweicloud",
        source="test fixture (huaweicloud-zh)",
        targets=("ecs:servers:createImage", "ecs:cloudServers:create"),
        nodes=tuple(sorted(nodes)),
        edges=tuple(sorted(edges)),
        notes=("cut at depth 2: more requirements lie deeper",),
    )


HOSTILE_LABELS = (
    '"]; evil [label="pwned"]; x -> y; //',
    "a\"b'c\\d\\\\e\\nf\\lg",
    "<script>alert(1)</script>",
    "<b>bold</b> &amp; &#60; &lt;tag&gt;",
    "line one\nline two\r\nline three",
    'end"]\n  click n1 call alert(1)\n  x["',
    "a --> b; c -.-> d |label| e[[f]] {{g}} %%comment",
    "#quot;#35;#60;script#62; `md` **x**",
    "}\ndigraph x { y }",
)


def hostile_view() -> View:
    """Every label, detail, condition, title and note is an attempt to break out of the format."""
    nodes = []
    edges = []
    for i, text in enumerate(HOSTILE_LABELS):
        nodes.append(ViewNode(f"svc:res:act{i}", "action", text, "svc", min(i, 2), "unknown", True, text))
        if i:
            edges.append(ViewEdge(f"svc:res:act{i - 1}", f"svc:res:act{i}", "depends", conditions=(text,)))
    return View(
        title=HOSTILE_LABELS[0],
        cloud=HOSTILE_LABELS[2],
        source=HOSTILE_LABELS[4],
        targets=("svc:res:act0",),
        nodes=tuple(nodes),
        edges=tuple(edges),
        notes=(HOSTILE_LABELS[5],),
    )
