"""The provider data the package ships: every Terraform type name of the Huawei Cloud provider and its APIs.

Written by ``./run provider`` (``tools/provider_data.py``, from :mod:`explorer.terraform.provider_scan`) as
compact JSON with a schema version; read here once per process, with orjson (a run of ``terraform`` reads all
1.4 MB of it). Each API keeps where the provider declares it (commit, file, line), so any claim can be checked
against the provider's sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from explorer.terraform.files import SCHEMA_VERSION, TerraformError, read_bytes

Kind = Literal["resource", "data"]
KINDS: tuple[Kind, ...] = ("resource", "data")
DATA_NAME = "provider.json"  # not gzipped: the wheel compresses it as well, and inflating cost a run 3 ms
MAX_DATA_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True, order=True)
class ProviderApi:
    """One ``@API`` line: the provider's service label, the method and path as written, and where it is."""

    service: str
    method: str
    path: str
    file: str
    line: int

    @property
    def text(self) -> str:
        """``METHOD /path`` as the provider writes it (OBS's query-only paths get their leading ``/``)."""
        path = self.path if self.path.startswith("/") else "/" + self.path
        return f"{self.method} {path}"

    @property
    def label(self) -> str:
        return f"{self.service} {self.text}"

    def to_dict(self) -> dict[str, Any]:
        return {"service": self.service, "method": self.method, "path": self.path, "file": self.file, "line": self.line}


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """A type name of the registry: the Go function that builds it and the registry line that names it."""

    kind: Kind
    name: str
    function: str
    registry_line: int
    aliases: tuple[str, ...]  # other names of the same kind built by the same function (deprecated spellings)


class ProviderData:
    """The shipped (or a given) provider data, indexed by (kind, type name)."""

    def __init__(self, doc: dict[str, Any], source: str) -> None:
        self.source = source
        try:
            if doc.get("schema_version") != SCHEMA_VERSION:
                raise TerraformError(
                    f"{source}: provider data schema_version {doc.get('schema_version')!r}; "
                    f"this version reads {SCHEMA_VERSION} (regenerate it with ./run provider)"
                )
            provider = doc["provider"]
            self.repository: str = str(provider["repository"])
            self.commit: str = str(provider["commit"])
            self.registry: str = str(provider["registry"])
            self._files: list[str] = [str(f) for f in doc["files"]]
            self._apis: list[str] = [str(a) for a in doc["apis"]]
            self._functions: dict[str, str] = dict(doc["functions"])
            self._types: dict[str, dict[str, str]] = {k: dict(doc["types"][k]) for k in KINDS}
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise TerraformError(f"{source}: not provider data of this version ({type(exc).__name__}: {exc})") from None
        self._by_function: dict[tuple[str, str], list[str]] | None = None  # made when an alias is first asked
        self._cache: dict[str, tuple[ProviderApi, ...]] = {}

    def get(self, kind: Kind, name: str) -> TypeInfo | None:
        """The type (None when the registry has no such name): read from the data when asked, so that a
        configuration's dozen types do not pay for the registry's thousands."""
        entry = self._types[kind].get(name)
        if entry is None:
            return None
        try:
            function, number = str(entry).split(" ")
            line = int(number)
        except ValueError:
            raise TerraformError(f"{self.source}: types.{kind}.{name}: expected 'FUNCTION LINE'") from None
        if self._by_function is None:
            by_function: dict[tuple[str, str], list[str]] = {}
            for k in KINDS:
                for n, e in self._types[k].items():
                    by_function.setdefault((k, str(e).split(" ", 1)[0]), []).append(n)
            self._by_function = by_function
        others = tuple(sorted(n for n in self._by_function[(kind, function)] if n != name))
        return TypeInfo(kind, name, function, line, others)

    @property
    def types(self) -> dict[tuple[Kind, str], TypeInfo]:
        """Every type of the registry (for reports over the whole provider)."""
        found = {(k, n): self.get(k, n) for k in KINDS for n in self._types[k]}
        return {key: info for key, info in found.items() if info is not None}

    def names(self, kind: Kind) -> tuple[str, ...]:
        return tuple(sorted(self._types[kind]))

    def apis(self, function: str) -> tuple[ProviderApi, ...]:
        """The APIs the function declares (its own block first, then helpers'), each once."""
        known = self._cache.get(function)
        if known is not None:
            return known
        entry = self._functions.get(function)
        if entry is None:
            return ()
        out: list[ProviderApi] = []
        try:
            home, _line, *refs = str(entry).split(" ")
            for ref in refs:
                api, line, *file = ref.split(".")
                service, method, path = self._apis[int(api)].split(" ", 2)
                out.append(ProviderApi(service, method, path, self._files[int(file[0] if file else home)], int(line)))
        except (ValueError, IndexError):
            raise TerraformError(
                f"{self.source}: functions.{function}: expected 'FILE LINE API.LINE[.FILE] ...'"
            ) from None
        found = self._cache[function] = tuple(out)
        return found

    def where(self, function: str) -> tuple[str, int] | None:
        """The file and line of the function's ``func``, or None when the data has no API for it."""
        entry = self._functions.get(function)
        if entry is None:
            return None
        home, line = str(entry).split(" ")[:2]
        return self._files[int(home)], int(line)

    def url(self, file: str, line: int) -> str:
        return f"https://github.com/{self.repository}/blob/{self.commit}/{file}#L{line}" if self.commit else ""


def parse_data(data: bytes, source: str) -> ProviderData:
    """Provider data from the bytes of a ``.json`` or gzipped ``.json.gz`` file."""
    import orjson

    try:
        if data[:2] == b"\x1f\x8b":
            import gzip

            data = gzip.decompress(data)
        doc = orjson.loads(data)
    except (OSError, EOFError, ValueError, RecursionError) as exc:
        raise TerraformError(f"{source}: not provider data (expected JSON, or gzipped JSON): {exc}") from None
    if not isinstance(doc, dict):
        raise TerraformError(f"{source}: not provider data (expected a JSON object)")
    return ProviderData(doc, source)


def shipped_bytes() -> bytes:
    return (resources.files("explorer.terraform") / "data" / DATA_NAME).read_bytes()


@cache
def shipped() -> ProviderData:
    """The provider data shipped in the package (read once per process)."""
    return parse_data(shipped_bytes(), f"explorer/terraform/data/{DATA_NAME}")


def load_data(path: Path | None) -> ProviderData:
    """The shipped data (``path`` None), a data file written by ``./run provider``, or a provider checkout."""
    if path is None:
        return shipped()
    if path.is_dir():
        from explorer.terraform.provider_scan import scan

        return ProviderData(scan(path), str(path))
    return parse_data(read_bytes(path, MAX_DATA_BYTES), str(path))
