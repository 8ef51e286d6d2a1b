"""The cloud's service codes and its global services, shipped as data (``data/services.json`` says the sources)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "services.json"


@dataclass(frozen=True, slots=True)
class CloudServices:
    """What the data file knows of one cloud: every service code with its sources, and the global ones."""

    cloud: str
    codes: dict[str, str]  # code -> the sources that attest it
    global_services: dict[str, str]  # code -> the source that says it is global
    actions: dict[str, str]  # actions no table defines but the grammar or SDK does -> source

    def is_global(self, service: str) -> bool:
        return service in self.global_services


@lru_cache(maxsize=8)
def services_of(cloud: str) -> CloudServices:
    """The shipped service list of ``cloud`` (an unknown cloud gets the huaweicloud list: OTC-like clouds share it)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    clouds = data["clouds"]
    entry = clouds.get(cloud, clouds["huaweicloud"])
    return CloudServices(cloud, dict(entry["services"]), dict(entry["global"]), dict(entry.get("actions", {})))
