"""Explore (landing page): an action, operation or API, its graph, table, why-paths and downloads."""

from __future__ import annotations

import streamlit as st

from explorer import api
from explorer.errors import ExplorerError, QueryError
from explorer.ui import graph_panel, policy_block, source, tables
from explorer.ui.markup import code, plain
from explorer.ui.state import DEPTH_CHOICES, DIRECTIONS, ExploreState, explore_params, read_explore
from explorer.view import View

EXAMPLES = ("ecs:servers:createImage", "evs:snapshots:create", "POST /v2/cloudimages/action")
DIRECTION_LABELS = {"requirements": "requirements (what it needs)", "dependents": "dependents (who needs it)"}
# (format, button label, MIME type); file suffixes come from the render API
DOWNLOAD_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("svg", "SVG", "image/svg+xml"),
    ("png", "PNG", "image/png"),
    ("dot", "DOT", "text/vnd.graphviz"),
    ("mermaid", "Mermaid", "text/plain"),
    ("json", "JSON", "application/json"),
)


def _init_widgets(clouds: tuple[str, ...]) -> None:
    """Seed the widgets from the link, or from the last state when the link says nothing."""
    if "ex_target" in st.session_state:
        return
    params = st.query_params.to_dict()
    saved: ExploreState | None = st.session_state.get(source.EXPLORE_SAVED)
    state = read_explore(params, clouds) if params or saved is None else saved
    for warning in state.warnings:
        st.warning(plain(warning))
    st.session_state.update(
        ex_cloud=state.cloud,
        ex_target=state.target,
        ex_direction=state.direction,
        ex_depth=state.depth,
        ex_conditional=state.conditional,
        ex_possible=state.possible,
        ex_node=state.node or None,
    )


def _set_target(text: str) -> None:
    st.session_state["ex_target"] = text
    st.session_state["ex_node"] = None


def _controls(clouds: tuple[str, ...]) -> ExploreState:
    left, right = st.columns([3, 2])
    with left:
        st.text_input(
            "Action, operation name (Chinese or English) or API path",
            key="ex_target",
            placeholder="e.g. ecs:servers:createImage · 创建镜像 · POST /v2/cloudimages",
            help="Press Enter to search. Actions are service:resource:operation; APIs are 'METHOD /path'.",
        )
    with right:
        st.selectbox("Cloud", clouds, key="ex_cloud")
    a, b, c = st.columns([2, 3, 2])
    with a:
        st.radio("Show", DIRECTIONS, key="ex_direction", format_func=DIRECTION_LABELS.__getitem__)
    with b:
        st.radio(
            "Depth",
            DEPTH_CHOICES,
            key="ex_depth",
            horizontal=True,
            help="A cut on top of the answer: 1 = what the target's own rows document; deeper levels add what "
            "every row of a dependency lists (certain). 'all' is the whole default answer, as in the CLI.",
        )
    with c:
        st.checkbox(
            "Include conditional dependencies",
            key="ex_conditional",
            help="Dependencies the documentation marks as needed only in some cases (e.g. only for migration).",
        )
        st.checkbox(
            "Include possible requirements",
            key="ex_possible",
            help="Default: the target, what its own rows document, and what every row of a dependency lists "
            "(certain). Possible requirements are listed by only some rows of a dependency: needed only if the "
            "service calls one of those rows' APIs. They are drawn dotted and marked 'possible'.",
        )
    return ExploreState(
        cloud=st.session_state["ex_cloud"],
        target=st.session_state["ex_target"].strip(),
        direction=st.session_state["ex_direction"],
        depth=st.session_state["ex_depth"],
        conditional=st.session_state["ex_conditional"],
        possible=st.session_state["ex_possible"],
        node=st.session_state.get("ex_node") or "",
    )


def _resolve(ex: api.Explorer, text: str) -> api.Target | None:
    """The target, or None after offering matches and suggestions for text that names nothing."""
    try:
        return ex.resolve(text)
    except QueryError as exc:
        hits = ex.search(text, limit=12)
        choices: dict[str, str] = {s: s for s in exc.suggestions}
        for hit in hits:
            choices.setdefault(hit.key, f"{hit.text} {hit.label}".strip())
        if not choices:
            st.error(f"{plain(str(exc))}. Try an action such as `ecs:servers:createImage`, a name or an API path.")
            return None
        st.warning(f"Nothing in the **{plain(ex.cloud)}** catalog is exactly {code(text)}. Did you mean:")
        for i, (key, label) in enumerate(choices.items()):
            caption = f"{key} — {label}" if label and label != key else key
            st.button(plain(caption), key=f"pick_{i}", on_click=_set_target, args=(key,))
        return None


def _exclusion(ex: api.Explorer, state: ExploreState) -> tuple[api.Exclude, api.ClosureResult]:
    """Which conditional dependencies to leave out: all (box unticked), or the conditions picked here; and
    the closure with nothing left out (the answer itself when nothing is picked, so it is computed once)."""
    every = ex.closure([state.target], state.max_depth, not state.conditional, state.possible)
    if not state.conditional:
        return True, every
    conditions = sorted({c for k in every.links for c in k.edge.conditions})
    if not conditions:
        return False, every
    kept = [c for c in st.session_state.get("ex_without", []) if c in conditions]
    st.session_state["ex_without"] = kept  # a condition of another target would not be an option
    picked: list[str] = st.multiselect(
        "Leave out dependencies needed only when…",
        conditions,
        key="ex_without",
        help="Conditions the documentation attaches to dependencies in this closure.",
    )
    return set(picked) or False, every


def _why(ex: api.Explorer, state: ExploreState, nodes: list[str], exclude: api.Exclude) -> None:
    st.subheader("Why is it needed?")
    if not nodes:
        st.caption("Nothing to explain at this depth.")
        return
    if st.session_state.get("ex_node") not in nodes:
        st.session_state["ex_node"] = None
    picked = st.selectbox(
        "Choose a node to see the path and the documentation rows behind each step",
        nodes,
        key="ex_node",
        index=None,
        placeholder="choose an action…",
    )
    if picked is None:
        return
    try:
        # Requirements: why the target needs the node; dependents: why the node needs the target.
        action, start = (picked, state.target) if state.direction == "requirements" else (state.target, picked)
        why = ex.why(action, start, max_depth=state.max_depth, exclude_conditional=exclude, possible=state.possible)
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    if not why.paths:
        st.info(f"No path leads from {code(state.target)} to {code(picked)} in this catalog.")
        return
    for n, path in enumerate(why.paths, start=1):
        lines = []
        for edge in path:
            rows = tables.rows_text(edge.provenance) or "wildcard expansion"
            cond = f" — only when: {plain('; '.join(edge.conditions))}" if edge.conditions else ""
            how = why.basis_of(edge.target) or edge.kind
            lines.append(f"- {code(edge.source)} → {code(edge.target)} ({how}; {plain(rows)}){cond}")
        st.markdown(f"**Path {n}**\n" + "\n".join(lines))
    if why.truncated:
        st.caption("More paths of the same length exist; the first ones are shown.")
    why_view = api.why_view(ex, action, start, result=why)
    st.graphviz_chart(api.to_dot(why_view, legend=False), width="stretch")


def _downloads(view: View, rows: list[tables.Row], stem: str) -> None:
    st.markdown("**Download**")
    with st.container(horizontal=True):
        for fmt, label, mime in DOWNLOAD_FORMATS:

            def data(fmt: str = fmt) -> bytes:  # rendered only when the button is pressed
                return api.render_view(view, fmt)

            st.download_button(
                label,
                data=data,
                file_name=f"{stem}{api.SUFFIXES[fmt]}",
                mime=mime,
                key=f"dl_{fmt}",
                on_click="ignore",
                help=f"Download the diagram as {label}",
            )
        st.download_button(
            "Table CSV",
            data=tables.to_csv(rows),
            file_name=f"{stem}.csv",
            mime="text/csv",
            key="dl_csv",
            on_click="ignore",
            help="Download the table below as CSV",
        )


def _stem(state: ExploreState) -> str:
    safe = "".join(ch if ch.isalnum() else "_" for ch in state.target)[:60].strip("_") or "graph"
    return f"{state.cloud}-{safe}-{state.direction}-depth-{state.depth}"


def main() -> None:
    src = source.active()
    clouds = src.clouds
    st.title("Explore")
    _init_widgets(clouds)
    state = _controls(clouds)
    st.session_state[source.EXPLORE_SAVED] = state
    params = explore_params(state)
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    if not state.target:
        st.info("Type an action, an operation name or an API path above, or start from an example:")
        for i, example in enumerate(EXAMPLES):
            st.button(example, key=f"example_{i}", on_click=_set_target, args=(example,))
        return
    ex = src.explorers[state.cloud]
    target = _resolve(ex, state.target)
    if target is None:
        return
    if target.note:
        st.caption(plain(target.note))
    graph_panel.legend()
    exclude: api.Exclude = False
    try:
        if state.direction == "requirements":
            exclude, closure = _exclusion(ex, state)
            if exclude is not True and exclude is not False:  # conditions picked: the answer without them
                closure = ex.closure([state.target], state.max_depth, exclude, state.possible)
            view = api.closure_view(ex, [state.target], result=closure)
            rows = tables.closure_rows(closure)
            nodes = [r.action for r in closure.requirements if r.depth > 0]
            summary = closure.summary() + (" (more beyond this depth)" if closure.truncated else "")
        else:
            dependents = ex.dependents(state.target, max_depth=state.max_depth)
            view = api.dependents_view(ex, state.target, result=dependents)
            rows = tables.dependents_rows(dependents)
            nodes = [d.node for d in dependents.dependents]
            n = len(nodes)
            summary = f"{n} {'dependent' if n == 1 else 'dependents'}"
            summary += " (more beyond this depth)" if dependents.truncated else ""
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    st.markdown(f"**{plain(view.title)}** — {summary}")
    # A large graph gets the full width; a small one leaves room beside it for downloads and the why-panel.
    large = len(view.nodes) > graph_panel.BROWSER_LAYOUT_LIMIT
    graph_col, side_col = (st.container(), st.container()) if large else st.columns([3, 2], gap="large")
    with graph_col:
        graph_panel.show(view)
    with side_col:
        _downloads(view, rows, _stem(state))
        _why(ex, state, nodes, exclude)
    st.subheader("Table")
    st.dataframe(rows, hide_index=True, width="stretch")
    if state.direction == "requirements":
        policy_block.show(src.key, ex, [state.target], "ex_policy", possible=state.possible)


main()
