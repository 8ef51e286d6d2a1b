"""A plan in JSON (``terraform show -json PLAN``): which types it creates, updates, deletes or only reads.

``resource_changes`` names every managed resource and every data source read during apply, with the
actions Terraform plans (``create``, ``update``, ``delete``, ``read``, ``no-op``; a replacement is
``delete`` and ``create``); data sources already read while planning are in ``prior_state``. The plan's
JSON carries no line numbers of the configuration, so a finding points at the address in the plan file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from explorer.terraform.config import Configuration, Use
from explorer.terraform.files import MAX_PLAN_BYTES, TerraformError, read_text

VERBS = ("create", "update", "delete", "read", "no-op")


def looks_like_plan(path: Path) -> bool:
    return path.suffix.lower() == ".json"


def _line_of(text: str, address: str, start: int) -> tuple[int, int]:
    """The line of ``"address": "<address>"`` in the plan's text (searched from ``start``), and where it was."""
    needle = json.dumps(address)
    at = text.find(needle, start)
    if at < 0:
        at = text.find(needle)
    if at < 0:
        return 0, start
    return text.count("\n", 0, at) + 1, at + 1


def _state_data(module: dict[str, Any], out: list[dict[str, Any]]) -> None:
    for r in module.get("resources") or ():
        if isinstance(r, dict) and r.get("mode") == "data":
            out.append(r)
    for child in module.get("child_modules") or ():
        if isinstance(child, dict):
            _state_data(child, out)


def read_plan(path: Path, config: Configuration) -> None:
    """Add the plan's resources (with their planned actions) to ``config``."""
    read_plan_text(read_text(path, MAX_PLAN_BYTES), str(path), config)


def read_plan_text(text: str, shown: str, config: Configuration) -> None:
    """Add the resources of a plan's JSON text (named ``shown`` in messages and findings) to ``config``."""
    try:
        plan = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise TerraformError(f"{shown}: not JSON ({exc})") from None
    if (
        not isinstance(plan, dict)
        or "format_version" not in plan
        or not ("resource_changes" in plan or "planned_values" in plan or "prior_state" in plan)
    ):
        raise TerraformError(
            f"{shown}: not a Terraform plan in JSON (expected the output of 'terraform show -json PLAN', "
            "with format_version and resource_changes)"
        )
    config.plans.append(shown)
    config.files.append(shown)
    changes = plan.get("resource_changes") or []
    if not isinstance(changes, list):
        raise TerraformError(f"{shown}: resource_changes: expected a list")
    seen: set[str] = set()
    cursor = 0
    for i, rc in enumerate(changes):
        if not isinstance(rc, dict):
            raise TerraformError(f"{shown}: resource_changes[{i}]: expected an object")
        address, kind, rtype, name = rc.get("address"), rc.get("mode"), rc.get("type"), rc.get("name")
        if not all(isinstance(v, str) for v in (address, kind, rtype, name)) or kind not in ("managed", "data"):
            raise TerraformError(f"{shown}: resource_changes[{i}]: expected address, mode, type and name")
        change = rc.get("change") if isinstance(rc.get("change"), dict) else {}
        actions = tuple(a for a in (change or {}).get("actions") or () if a in VERBS)
        line, cursor = _line_of(text, str(address), cursor)
        seen.add(str(address))
        module = str(rc.get("module_address") or "")
        config.uses.append(
            Use(shown, line, "data" if kind == "data" else "resource", str(rtype), str(name), module, "", actions)
        )
    read_at_plan: list[dict[str, Any]] = []
    prior = plan.get("prior_state")
    if isinstance(prior, dict) and isinstance(prior.get("values"), dict):
        root = prior["values"].get("root_module")
        if isinstance(root, dict):
            _state_data(root, read_at_plan)
    for r in read_at_plan:
        address, rtype, name = r.get("address"), r.get("type"), r.get("name")
        if not all(isinstance(v, str) for v in (address, rtype, name)) or address in seen:
            continue
        seen.add(str(address))
        line, _ = _line_of(text, str(address), 0)
        module = str(address).rsplit(".data.", 1)[0] if ".data." in str(address) else ""
        config.uses.append(Use(shown, line, "data", str(rtype), str(name), module, "", ("read",)))
