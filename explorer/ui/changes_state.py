"""The Changes page's state in the URL: ``?old=SIDE&new=SIDE&service=S&kind=a,b&q=TEXT&suspicious=1``.

A side is a spec of the served catalog (``cloud:NAME``, ``edition:NAME``) or of the session's upload
(``upload:cloud:NAME``, ``upload:edition:NAME``). ``service=*`` is every service; without ``service``
the page opens on the service with the most suspicious changes (ties by name), or on ECS when none is
suspicious (a whole-cloud diff with its closures takes seconds, so one service is the default). Plain functions over the
query parameters, so they are tested without Streamlit; unreadable values fall back to defaults, each
with a warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

UPLOAD_PREFIX = "upload:"
EVERY_SERVICE = "*"
DEFAULT_SERVICE = "ecs"
MAX_QUERY = 200


@dataclass(frozen=True, slots=True)
class ChangesState:
    old: str
    new: str
    service: str = ""  # "" = every service
    kinds: tuple[str, ...] = ()  # () = every kind
    query: str = ""
    suspicious: bool = False
    warnings: tuple[str, ...] = field(default=(), compare=False)


def _first(params: Mapping[str, str | list[str]], name: str) -> str:
    value = params.get(name, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    return value.strip()


def default_sides(sides: tuple[str, ...]) -> tuple[str, str]:
    """The first two editions (huaweicloud-zh -> otc-en on the bundled catalog: a whole cloud mixes several
    editions), else the first two clouds, else the first side twice."""
    for kind in ("edition:", "cloud:"):
        found = [s for s in sides if s.startswith(kind)]
        if len(found) >= 2:
            return found[0], found[1]
    return (sides[0], sides[0]) if sides else ("", "")


def default_service(services: tuple[str, ...], suspicious: Mapping[str, int] | None = None) -> str:
    """The service with the most suspicious changes (ties: the first by name), else ECS, else every service."""
    counted = [(-n, s) for s, n in (suspicious or {}).items() if n > 0 and s in services]
    if counted:
        return min(counted)[1]
    return DEFAULT_SERVICE if DEFAULT_SERVICE in services else ""


def read_changes(
    params: Mapping[str, str | list[str]],
    sides: tuple[str, ...],
    services: tuple[str, ...],
    kinds: tuple[str, ...],
    suspicious: Mapping[str, int] | None = None,
) -> ChangesState:
    """The state a link asks for; ``suspicious`` (changes flagged suspicious, by service, of the default
    sides) picks the service when the link names none."""
    warnings: list[str] = []
    default_old, default_new = default_sides(sides)
    chosen = []
    for name, default in (("old", default_old), ("new", default_new)):
        value = _first(params, name)
        if value and value not in sides:
            warnings.append(f"unknown {name} side {value!r} in the link; expected one of: {', '.join(sides)}")
            value = ""
        chosen.append(value or default)
    service = _first(params, "service")
    if service == EVERY_SERVICE:
        service = ""
    elif service and service not in services:
        warnings.append(f"unknown service {service!r} in the link")
        service = default_service(services, suspicious)
    elif not service:
        service = default_service(services, suspicious)
    picked = [k.strip() for k in _first(params, "kind").split(",") if k.strip()]
    bad = [k for k in picked if k not in kinds]
    if bad:
        warnings.append(f"unknown kind of change in the link: {', '.join(bad)}; expected: {', '.join(kinds)}")
    return ChangesState(
        chosen[0],
        chosen[1],
        service,
        tuple(k for k in kinds if k in picked),
        _first(params, "q")[:MAX_QUERY],
        _first(params, "suspicious") in ("1", "true", "yes"),
        tuple(warnings),
    )


def changes_params(state: ChangesState) -> dict[str, str]:
    """The query parameters of a state (the sides and the service always, the filters when set)."""
    out = {"old": state.old, "new": state.new, "service": state.service or EVERY_SERVICE}
    if state.kinds:
        out["kind"] = ",".join(state.kinds)
    if state.query:
        out["q"] = state.query
    if state.suspicious:
        out["suspicious"] = "1"
    return out
