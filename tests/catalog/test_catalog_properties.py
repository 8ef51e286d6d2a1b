"""Properties of the codec over generated catalogs: dump is deterministic and load(dump(x)) == x."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explorer.catalog.codec import decode_service
from explorer.catalog.encode import encode_service
from explorer.catalog.store import dump_service, load_service_text, parse_yaml_text
from explorer.catalog.validate import schema_problems
from explorer.model import EDITION_CLOUD, ActionRef, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

# Any text a documentation cell could hold (no surrogates: they cannot be UTF-8; no control characters:
# the codec refuses them), but not blank.
_text = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda t: bool(t.strip())
)
_service = st.from_regex(r"[a-z][a-z0-9_-]{0,6}", fullmatch=True)
_part = st.from_regex(r"[A-Za-z0-9_.-]{1,10}", fullmatch=True)
_wild = st.from_regex(r"[A-Za-z0-9_.*-]{1,10}", fullmatch=True)
_action = st.builds(lambda s, r, o: f"{s}:{r}:{o}", _service, _part, _part)
_pattern = st.builds(lambda s, r, o: f"{s}:{r}:{o}", _service, _wild, _wild)
_flag = st.sampled_from([True, False, None])


def _refs(names: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[ActionRef, ...]]:
    ref = st.builds(ActionRef, names, st.none() | _text)
    return st.lists(ref, max_size=4, unique=True).map(tuple)


@st.composite
def _catalogs(draw: st.DrawFn) -> ServiceCatalog:
    edition = draw(st.sampled_from(sorted(EDITION_CLOUD)))
    files = draw(st.lists(_text, min_size=1, max_size=3, unique=True))
    optional = st.just("") | _text
    commit = st.just("") | st.just("0123456789abcdef" * 2 + "01234567")
    sources = tuple(SourceDoc(f, edition, draw(optional), draw(commit), draw(optional)) for f in files)
    rows = draw(
        st.lists(st.tuples(st.sampled_from(files), st.integers(1, 3), st.integers(1, 500)), max_size=6, unique=True)
    )
    operations = tuple(
        Operation(
            id=f"op{i}-{draw(_part)}",
            name=draw(st.dictionaries(st.sampled_from(["en", "zh", "de-CH"]), _text, max_size=2)),
            apis=tuple(draw(st.lists(_text, max_size=3))),
            actions=draw(_refs(_action)),
            dependencies=draw(_refs(_pattern)),
            scope=Scope(draw(_flag), draw(_flag), draw(_flag), draw(_flag)),
            notes=tuple(draw(st.lists(_text, max_size=2))),
            provenance=Provenance(f, t, r, edition, *next((s.repo, s.commit, s.path) for s in sources if s.file == f)),
        )
        for i, (f, t, r) in enumerate(rows)
    )
    return ServiceCatalog(EDITION_CLOUD[edition], draw(_service), sources, operations)


@settings(max_examples=80, deadline=None)
@given(_catalogs())
def test_dump_then_load_gives_the_same_catalog_and_the_same_bytes(svc: ServiceCatalog) -> None:
    text = dump_service(svc)
    loaded = load_service_text(text.encode("utf-8"), "x.yaml")
    assert loaded == svc
    assert dump_service(loaded) == text


@settings(max_examples=50, deadline=None)
@given(_catalogs())
def test_every_dumped_catalog_passes_the_schema(svc: ServiceCatalog) -> None:
    data = parse_yaml_text(dump_service(svc), "x.yaml")
    assert data == encode_service(svc)
    assert schema_problems(data, "x.yaml") == []
    assert decode_service(data, "x.yaml") == (svc, [])
