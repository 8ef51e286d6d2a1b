"""Changes: what differs between two clouds or editions of the catalog, or an upload, row by row."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from explorer.app import catalogs as catalog_cases
from explorer.app import diffs
from explorer.errors import ExplorerError
from explorer.jsonout import dumps
from explorer.model import Catalog
from explorer.ui import source
from explorer.ui.changes_state import UPLOAD_PREFIX, ChangesState, changes_params, read_changes
from explorer.ui.markup import code, plain
from explorer.ui.uploads import UploadedCatalog

WIDGETS = ("ch_old", "ch_new", "ch_service", "ch_kinds", "ch_query", "ch_suspicious")


@st.cache_resource(max_entries=2, show_spinner="Loading the catalog…")
def _served(root: str) -> dict[str, Catalog]:
    return catalog_cases.load([Path(root)])


@st.cache_resource(max_entries=8, show_spinner="Comparing…")
def _compare(
    key: str, old: str, new: str, service: str, _old: dict[str, Catalog], _new: dict[str, Catalog]
) -> diffs.DiffResult:
    """One diff per (catalogs, sides, service); ``key`` names the catalogs (they are not hashed)."""
    labels = (_label(old), _label(new))
    services = (service,) if service else ()
    result, _renames = diffs.diff(
        _old,
        _new,
        sides=(old.removeprefix(UPLOAD_PREFIX), new.removeprefix(UPLOAD_PREFIX)),
        services=services,
        labels=labels,
    )
    return result


@st.cache_resource(max_entries=4, show_spinner="Looking for suspicious changes…")
def _suspicious(key: str, old: str, new: str, _old: dict[str, Catalog], _new: dict[str, Catalog]) -> dict[str, int]:
    """Suspicious changes by service over every service, to open the page where there is something to see;
    without the closures' impact (which is what makes a whole-cloud diff slow) and cached per sides."""
    result, _renames = diffs.diff(
        _old, _new, sides=(old.removeprefix(UPLOAD_PREFIX), new.removeprefix(UPLOAD_PREFIX)), impact=False
    )
    counts: dict[str, int] = {}
    for c in result.changes:
        if c.suspicious:
            counts[c.service] = counts.get(c.service, 0) + 1
    return counts


def _label(side: str) -> str:
    if side.startswith(UPLOAD_PREFIX):
        return "upload " + side.removeprefix(UPLOAD_PREFIX)
    return side


def _catalogs(
    upload: UploadedCatalog | None, served: dict[str, Catalog], old: str, new: str
) -> tuple[dict[str, Catalog], dict[str, Catalog]]:
    def of(side: str) -> dict[str, Catalog]:
        return upload.catalogs if upload and side.startswith(UPLOAD_PREFIX) else served

    return of(old), of(new)


def _init(state: ChangesState) -> None:
    if "ch_old" in st.session_state:
        return
    for warning in state.warnings:
        st.warning(plain(warning))
    st.session_state.update(
        ch_old=state.old,
        ch_new=state.new,
        ch_service=state.service,
        ch_kinds=list(state.kinds),
        ch_query=state.query,
        ch_suspicious=state.suspicious,
    )


def _summary(result: diffs.DiffResult) -> None:
    rows = [{"change": diffs.change_titles()[k], "kind": k, "count": n} for k, n in result.summary().items() if n]
    rows += [{"change": "Actions added to the catalog", "kind": "", "count": len(result.actions_added)}]
    rows += [{"change": "Actions removed from the catalog", "kind": "", "count": len(result.actions_removed)}]
    rows += [{"change": "Default requirements changed", "kind": "", "count": len(result.impact)}]
    rows += [
        {
            "change": "Suspicious changes (likely errors of the documentation)",
            "kind": "",
            "count": sum(1 for c in result.changes if c.suspicious),
        }
    ]
    m = st.columns(3)
    m[0].metric(f"Operations ({plain(result.old.label)})", result.old.operations)
    m[1].metric(f"Operations ({plain(result.new.label)})", result.new.operations)
    m[2].metric("Matched by content", result.matched)
    if result.equal:
        st.success("No change: every operation matched, with the same facts.")
    st.dataframe(rows, hide_index=True, width="stretch", key="ch_summary")
    if result.suppressed:
        st.caption(f"{sum(result.suppressed.values())} notation-only differences suppressed.")


def main() -> None:
    st.title("Changes")
    st.caption(
        "What changed between two clouds or editions of the catalog, or the session's upload: operations matched "
        "by content (API, then actions, then name), every change with the documentation rows of both sides."
    )
    root = str(catalog_cases.default_catalog_path())
    try:
        served = _served(root)
    except ExplorerError as exc:
        st.error(f"The catalog cannot be loaded:\n\n{plain(str(exc))}")
        return
    upload: UploadedCatalog | None = st.session_state.get(source.UPLOAD_KEY)
    sides = diffs.side_choices(served)
    if upload is not None:
        sides += tuple(UPLOAD_PREFIX + s for s in diffs.side_choices(upload.catalogs))
    services = tuple(sorted({s for c in served.values() for s in c.services}))
    params = st.query_params.to_dict()
    key = f"{root}|{upload.key if upload else ''}"
    counts: dict[str, int] = {}
    if "ch_old" not in st.session_state and not params.get("service"):
        # Only the first view of a link without a service looks: a service the link or the user chose stays.
        first = read_changes(params, sides, services, diffs.change_kinds())
        try:
            counts = _suspicious(key, first.old, first.new, *(_catalogs(upload, served, first.old, first.new)))
        except ExplorerError:
            counts = {}  # the sides' own error is shown below, by the diff of the chosen service
    _init(read_changes(params, sides, services, diffs.change_kinds(), counts))
    left, right, third = st.columns(3)
    old = left.selectbox("Old", sides, key="ch_old", help="cloud:… is a whole cloud, edition:… only its rows")
    new = right.selectbox("New", sides, key="ch_new")
    service = third.selectbox("Service", ("", *services), key="ch_service", format_func=lambda s: s or "every service")
    try:
        result = _compare(key, old, new, service, *_catalogs(upload, served, old, new))
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    _summary(result)
    present = tuple(k for k, n in result.summary().items() if n)
    f1, f2, f3 = st.columns([3, 2, 1])
    kinds = f1.multiselect(
        "Kinds of change",
        diffs.change_kinds(),
        key="ch_kinds",
        format_func=diffs.change_titles().__getitem__,
        placeholder="every kind",
    )
    query = f2.text_input("Filter", key="ch_query", placeholder="action, API or note contains…", max_chars=200)
    suspicious = f3.checkbox("Suspicious only", key="ch_suspicious")
    state = ChangesState(old, new, service, tuple(k for k in diffs.change_kinds() if k in kinds), query, suspicious)
    params = changes_params(state)
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    wanted = state.kinds or present
    needle = query.casefold()
    kept = [
        (c, r)
        for c, r in zip(result.changes, diffs.change_rows(result.changes), strict=True)
        if r["kind"] in wanted
        and (not suspicious or r["suspicious"])
        and (not needle or any(needle in str(v).casefold() for v in r.values()))
    ]
    shown = [r for _, r in kept]
    st.subheader(f"Changes ({len(shown)} of {len(result.changes)})")
    st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        key="ch_changes",
        column_config={"suspicious": st.column_config.TextColumn("suspicious", width="large")},
    )
    flagged = [r for r in shown if r["suspicious"]]
    if flagged:
        # The reason in full: a table cell cuts it to its width.
        with st.expander(f"Why suspicious ({len(flagged)})", icon=":material/report:"):
            st.markdown(
                "\n".join(
                    f"- {code(str(r['service']))} {plain(str(r['api']))}: {plain(str(r['suspicious']))}"
                    for r in flagged
                )
            )
    _actions_and_impact(result)
    # The downloads hold what the filters show (suspicious changes marked in both), not the whole diff. They
    # are made when the button is clicked (a callable): built on every rerun, a large diff's JSON took the
    # server from 439 MB to 1.5 GB for one 303 KB upload.
    filtered = replace(result, changes=tuple(c for c, _ in kept))
    d1, d2 = st.columns(2)
    d1.download_button(
        f"Markdown (for a pull request): the {len(shown)} changes shown",
        lambda: diffs.to_markdown(filtered),
        "diff.md",
        "text/markdown",
    )
    d2.download_button(
        f"JSON: the {len(shown)} changes shown",
        lambda: dumps(diffs.diff_document(filtered)),
        "diff.json",
        "application/json",
    )
    st.caption("The same diff from the command line: " + code(_command(state)))


def _actions_and_impact(result: diffs.DiffResult) -> None:
    st.subheader("Actions added to or removed from the catalog")
    st.dataframe(
        [{"": "added", "service": a.service, "action": a.action, "renamed to": ""} for a in result.actions_added]
        + [
            {"": "removed", "service": a.service, "action": a.action, "renamed to": ", ".join(a.renamed_to)}
            for a in result.actions_removed
        ],
        hide_index=True,
        width="stretch",
        key="ch_actions",
    )
    st.subheader("Default requirements changed")
    st.caption(
        "Actions, and API calls (matched rows), whose closure's default answer (target + documented + certain) "
        "differs between the sides."
    )
    st.dataframe(
        [
            {
                "action or API": i.target,
                "operation": i.name,
                "was": i.renamed_from,
                "added": _names(i.added),
                "removed": _names(i.removed),
                "rows": "; ".join(
                    f"{r.side}: {r.provenance.file} t{r.provenance.table} r{r.provenance.row}" for r in i.evidence
                ),
            }
            for i in result.impact
        ],
        hide_index=True,
        width="stretch",
        key="ch_impact",
    )


SHOWN_NAMES = 20  # per cell: actions above one changed edge share its (possibly long) list of requirements


def _names(names: tuple[str, ...]) -> str:
    more = f" and {len(names) - SHOWN_NAMES} more (see the JSON download)" if len(names) > SHOWN_NAMES else ""
    return ", ".join(names[:SHOWN_NAMES]) + more


def _command(state: ChangesState) -> str:
    if state.old.startswith(UPLOAD_PREFIX) or state.new.startswith(UPLOAD_PREFIX):
        return "permission-explorer diff OLD NEW  (save the upload as a catalog first)"
    kind_old, _, name_old = state.old.partition(":")
    kind_new, _, name_new = state.new.partition(":")
    if kind_old == kind_new:
        flags = f"--{kind_old} {name_old} --{kind_new} {name_new}"
        line = f"permission-explorer diff {flags}"
    else:
        line = "permission-explorer diff CATALOG CATALOG  (a cloud against an edition: name both sides' rows)"
    return line + (f" --service {state.service}" if state.service else "")


main()
