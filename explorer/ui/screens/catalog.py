"""Catalog: per-service statistics, unresolved references, cycles, disagreeing rows, the import report."""

from __future__ import annotations

import streamlit as st

from explorer.app import exports, imports, queries
from explorer.errors import ExplorerError
from explorer.ui import graph_panel, source, tables
from explorer.ui.markup import code, plain


def _health(report: queries.CheckReport) -> None:
    m = st.columns(5)
    m[0].metric("Services", len(report.services))
    m[1].metric("Operations", report.operations)
    m[2].metric("Actions", report.actions)
    m[3].metric("Dependency edges", report.dependency_edges)
    m[4].metric("Unresolved actions", len(report.unresolved))
    st.subheader("Per service")
    st.dataframe(
        [
            {
                "service": s.service,
                "operations": s.operations,
                "without an action": s.without_actions,
                "actions": s.actions,
                "dependencies": s.dependencies,
                "unresolved": s.unresolved,
            }
            for s in report.services
        ],
        hide_index=True,
        width="stretch",
    )
    st.subheader(f"Unresolved references ({len(report.unresolved)})")
    st.caption("Actions that some row depends on but that no table of this catalog defines.")
    st.dataframe(
        [{"action": action, "referenced by": tables.rows_text(rows)} for action, rows in report.unresolved],
        hide_index=True,
        width="stretch",
    )
    if report.empty_patterns:
        st.markdown("**Wildcard patterns that match no action:** " + ", ".join(code(p) for p in report.empty_patterns))
    st.subheader(f"Cycles ({len(report.cycles)}) and self-loops ({len(report.self_loops)})")
    if not report.cycles and not report.self_loops:
        st.caption("None: every dependency chain ends.")
    for cycle in report.cycles:
        st.markdown("- cycle: " + " → ".join(code(a) for a in (*cycle, cycle[0])))
    for action in report.self_loops:
        st.markdown(f"- self-loop: {code(action)} depends on itself")
    st.subheader(f"Disagreeing rows ({len(report.disagreements)})")
    st.caption("The same action documented differently by different rows or editions.")
    st.dataframe(
        [
            {
                "action": d.action,
                "field": d.field,
                "values": " | ".join(f"{value}: {tables.rows_text(rows)}" for value, rows in d.values),
            }
            for d in report.disagreements
        ],
        hide_index=True,
        width="stretch",
    )


def _import_report(src: source.Source) -> None:
    st.subheader("Import report")
    if src.root is None:
        st.caption("An uploaded catalog has no import report.")
        return
    if src.upload_label:
        st.caption(f"The import report is the served catalog's; the upload ({plain(src.upload_label)}) has none.")
    try:
        report = imports.read_import_report(src.root)
    except ExplorerError as exc:
        st.caption(f"No import report: {plain(str(exc))}")
        return
    m = st.columns(4)
    m[0].metric("Files", len(report.files))
    m[1].metric("Rows seen", report.rows_seen)
    m[2].metric("Rows imported", report.rows_imported)
    m[3].metric("Rows skipped", report.rows_skipped)
    st.dataframe(
        [
            {
                "file": f.file,
                "edition": f.edition,
                "service": f.service,
                "format": f.format,
                "tables": f.tables,
                "rows seen": f.rows_seen,
                "rows imported": f.rows_imported,
                "rows skipped": f.rows_skipped,
            }
            for f in sorted(report.files, key=lambda f: f.file)
        ],
        hide_index=True,
        width="stretch",
    )
    problems = report.problems()
    st.markdown(f"**Problems ({len(problems)})** — skipped rows are not in the catalog; the others are warnings.")
    st.dataframe(
        [
            {
                "file": p.file,
                "table": p.table,
                "row": p.row,
                "reason": p.reason,
                "outcome": "row skipped" if p.skipped else "warning",
            }
            for p in problems
        ],
        hide_index=True,
        width="stretch",
    )


def main() -> None:
    src = source.active()
    st.title("Catalog", anchor=False)
    st.caption(f"Health of the {plain(src.label)}.")
    cloud = st.selectbox("Cloud", src.clouds, key="cat_cloud")
    params = {"cloud": cloud, **source.link_params()}
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    ex = src.explorers[cloud]
    _health(queries.check(ex))
    _service_graph(ex)
    _import_report(src)


def _service_graph(ex: queries.Explorer) -> None:
    st.subheader("A whole service")
    service = st.selectbox(
        "Service",
        queries.services(ex),
        index=None,
        key="cat_service",
        placeholder="choose a service to draw…",
        help="Its operations, the actions they check and those actions' direct dependencies in any service.",
    )
    if service is None:
        return
    try:
        view = exports.service_view(ex, service)
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    graph_panel.show(view, key="cat_graph")


main()
