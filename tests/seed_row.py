"""Facts of the seed row (huaweicloud-zh ecs/镜像管理.md), shared by the tests of every layer."""

from __future__ import annotations

SEED_ACTION = "ecs:servers:createImage"
SEED_API = "POST /v2.1/{project_id}/servers/{server_id}/action"
# In the order the documentation row lists them.
SEED_DEPENDENCIES = (
    "evs:volumes:get",
    "evs:snapshots:create",
    "ims:images:create",
    "ims:images:get",
    "ims:images:list",
    "ims:images:update",
    "ims:images:delete",
)
