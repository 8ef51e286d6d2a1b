"""Shared APIs and services whose tables name no API: what the terraform answer tells a reviewer."""

from __future__ import annotations

from explorer.terraform.matching import ApiMatch
from explorer.terraform.provider import ProviderApi
from explorer.terraform.review import SharedApi, actions_only_services, shared_only, warnings


def matched(path: str, *ops: str) -> ApiMatch:
    return ApiMatch(ProviderApi("ECS", "POST", path, "f.go", 1), "matched", ("ecs",), ops)


NAMES = {"op:image": "createImage", "op:reboot": "reboot", "op:lock": "lock", "op:create": "create"}
EDGES = [
    ("op:image", "ecs:servers:createImage"),
    ("op:image", "ims:images:create"),
    ("op:image", "ecs:servers:get"),
    ("op:reboot", "ecs:servers:reboot"),
    ("op:reboot", "ecs:servers:get"),
    ("op:lock", "ecs:servers:lock"),
    ("op:lock", "ecs:servers:get"),
    ("op:create", "ecs:cloudServers:createServers"),
    ("op:create", "ims:images:create"),
]
ACTION = "ECS POST /v2.1/{project_id}/servers/{server_id}/action"


def test_a_requirement_reached_only_through_a_shared_api_names_it_and_the_operations_that_need_it() -> None:
    found = shared_only(
        [
            matched("/v2.1/{project_id}/servers/{server_id}/action", "op:image", "op:lock", "op:reboot"),
            matched("/v1.1/{project_id}/cloudservers", "op:create"),
        ],
        EDGES,
        NAMES.__getitem__,
    )
    every = ("createImage", "lock", "reboot")
    assert found == {
        "op:image": (SharedApi(ACTION, every, ("createImage",)),),
        "op:lock": (SharedApi(ACTION, every, ("lock",)),),
        "op:reboot": (SharedApi(ACTION, every, ("reboot",)),),
        "ecs:servers:createImage": (SharedApi(ACTION, every, ("createImage",)),),
        "ecs:servers:lock": (SharedApi(ACTION, every, ("lock",)),),
        "ecs:servers:reboot": (SharedApi(ACTION, every, ("reboot",)),),
    }
    # ecs:servers:get: every operation of the shared API needs it, so calling the API needs it;
    # ims:images:create: an API documented for one operation needs it too
    assert SharedApi(ACTION, every, ("createImage",)).to_dict() == {
        "api": ACTION,
        "operations": 3,
        "names": ["createImage", "lock", "reboot"],
        "needed_by": ["createImage"],
    }


def test_apis_of_one_operation_and_unmatched_apis_flag_nothing() -> None:
    undocumented = ApiMatch(ProviderApi("ECS", "GET", "/v1/x", "f.go", 2), "undocumented", ("ecs",))
    assert shared_only([matched("/v1.1/{project_id}/cloudservers", "op:create"), undocumented], EDGES, str) == {}


def test_services_whose_tables_name_no_api_are_counted_and_warned_about() -> None:
    def obs(path: str) -> ApiMatch:
        return ApiMatch(ProviderApi("OBS", "PUT", path, "f.go", 3), "undocumented", ("obs",), no_apis=True)

    other = ApiMatch(ProviderApi("ECS", "GET", "/v1/x", "f.go", 2), "undocumented", ("ecs",))
    services = actions_only_services(
        [(obs("/?acl"), ["huaweicloud_obs_bucket"]), (obs("/?cors"), ["b"]), (other, ["c"])]
    )
    assert services == {"obs": (2, ["b", "huaweicloud_obs_bucket"])}
    assert warnings(0, services) == [
        "the policies lack every OBS action: its tables name actions but no APIs, so none of the 2 OBS APIs of "
        "b, huaweicloud_obs_bucket maps to an action (none is guessed); add the OBS actions these types need by hand"
    ]
    assert warnings(1, {})[0].startswith("1 of them is reached only through an API the documentation shares")
