"""Explore (landing page): an action, operation or API, its graph, table, why-paths and downloads.

One query per rerun: the closure (or the dependents) is computed once and the graph, the table, the
summary and the list of conditions are all read from that result; a why-path is computed only for
the node the reviewer picked, and its highlighting comes from the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from explorer.app import diagrams, exports, queries
from explorer.app import explain as error_text
from explorer.errors import ExplorerError, QueryError
from explorer.ui import explain, graph_panel, policy_block, source, tables, words
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
TABLE_KEY = "ex_table_open"  # the Table expander's open state
GRAPH_KEY = "ex_graph"
GRAPH_ROW = "ex_graph_row"
LINK_NODE = "ex_link_node"  # the node a link asked for, checked once the graph is known
LINK_VIEW = "ex_link_view"  # the graph's view a link carries (view=fit, overview or zoom,x,y), applied once
PASTED = "ex_pasted"  # the access-denied message the action was read from


@dataclass(frozen=True, slots=True)
class Answer:
    """What the page shows for one query, all read from one result."""

    view: View
    rows: list[tables.Row]
    summary: str
    conditions: tuple[str, ...] = ()
    closure: queries.ClosureResult | None = None  # requirements: the answer, which why-paths are read from


def _init_widgets(clouds: tuple[str, ...]) -> None:
    """Seed the widgets from the link, or from the last state when the link says nothing."""
    if "ex_target" in st.session_state:
        return
    params = st.query_params.to_dict()
    saved: ExploreState | None = st.session_state.get(source.EXPLORE_SAVED)
    context: dict[str, Any] | None = st.session_state.get(source.CONTEXT)
    fresh = saved is None or not saved.target  # a page with nothing chosen takes the reviewer's context
    if not params and fresh and context and context["page"] != "explore" and context["cloud"] in clouds:
        # Coming from Scope: its cloud, first target and depth (the context goes with the reviewer).
        params = {"cloud": context["cloud"], "depth": context["depth"]}
        if context["targets"]:
            params["action"] = context["targets"][0]
        if context["possible"]:
            params["possible"] = "1"
        if not context["conditional"]:
            params["conditional"] = "0"
    from_link = bool(params) or saved is None or not saved.target
    state = read_explore(params, clouds) if from_link else saved
    assert state is not None
    for warning in state.warnings:
        st.warning(plain(warning))
    target = state.target
    if error_text.looks_like_error(target):
        st.session_state[PASTED] = target
        target = error_text.extract(target)[1][0]
    st.session_state.update(
        ex_cloud=state.cloud,
        ex_target=target,
        ex_direction=state.direction,
        ex_depth=state.depth,
        ex_conditional=state.conditional,
        ex_possible=state.possible,
        ex_node=state.node or None,
    )
    if from_link and state.node:
        st.session_state[LINK_NODE] = state.node
    if from_link and params.get("view"):
        st.session_state[LINK_VIEW] = params["view"]


def _read_pasted() -> None:
    """A pasted access-denied message becomes the action it names; the message is kept to explain it."""
    text = st.session_state.get("ex_target", "")
    if error_text.looks_like_error(text):
        st.session_state["ex_target"] = error_text.extract(text)[1][0]
        st.session_state[PASTED] = text
    else:
        st.session_state.pop(PASTED, None)


def _pasted(ex: queries.Explorer) -> None:
    """What the pasted error says is missing, as ``permission-explorer explain`` prints it."""
    text = st.session_state.get(PASTED)
    if not text:
        return
    try:
        answer = error_text.explain(ex, text)
    except ExplorerError as exc:
        st.warning(plain(str(exc)))
        return
    with st.expander("The error you pasted: what is missing", expanded=True, icon=":material/report:"):
        st.code("\n".join(error_text.lines(answer)), language=None)


def _set_target(text: str) -> None:
    st.session_state["ex_target"] = text
    st.session_state["ex_node"] = None


def _pick(node: str) -> None:
    st.session_state["ex_node"] = node


def _controls(clouds: tuple[str, ...]) -> ExploreState:
    left, right = st.columns([3, 2])
    with left:
        st.text_input(
            "Action, operation name (Chinese or English) or API path",
            key="ex_target",
            # no help icon: it would be a Tab stop between the skip link and the field
            placeholder="e.g. ecs:servers:createImage · 创建镜像 · POST /v2/cloudimages, or paste an access-denied "
            "error — press Enter",
            on_change=_read_pasted,
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


def _resolve(ex: queries.Explorer, text: str) -> queries.Target | None:
    """The target, or None after offering real near matches for text that names nothing."""
    try:
        return queries.resolve(ex, text)
    except QueryError as exc:
        choices = words.suggestions(ex, text, exc.suggestions)
        if not choices:
            st.error(f"{plain(str(exc))}. Try an action such as `ecs:servers:createImage`, a name or an API path.")
            return None
        st.warning(f"Nothing in the **{plain(ex.cloud)}** catalog is exactly {code(text)}. Did you mean:")
        for i, (value, label) in enumerate(choices):
            caption = f"{value} — {label}" if label and label != value else value
            st.button(plain(caption), key=f"pick_{i}", on_click=_set_target, args=(value,))
        return None


def _exclusion(state: ExploreState) -> queries.Exclude:
    """Which conditional dependencies to leave out: all (box unticked), or the conditions picked below."""
    if not state.conditional:
        return True
    picked: list[str] = list(st.session_state.get("ex_without", []))
    return set(picked) or False


def _condition_picker(answer: Answer) -> None:
    """The conditions met in this closure (and those already left out), to leave some out."""
    kept = [c for c in st.session_state.get("ex_without", []) if c in answer.conditions]
    if not answer.conditions:
        st.session_state.pop("ex_without", None)
        return
    st.session_state["ex_without"] = kept  # a condition of another target would not be an option
    st.multiselect(
        "Leave out dependencies needed only when…",
        list(answer.conditions),
        key="ex_without",
        help="Conditions the documentation attaches to dependencies in this closure.",
    )


def _answer(ex: queries.Explorer, state: ExploreState, target: queries.Target, exclude: queries.Exclude) -> Answer:
    if state.direction == "requirements":
        closure = queries.closure(ex, [state.target], state.max_depth, exclude, state.possible)
        view = exports.closure_view(ex, [state.target], result=closure)
        summary = closure.summary()  # the sentence the CLI prints too, so both count alike
        if closure.truncated:
            summary += " (more beyond this depth)"
        met = {c for e in view.edges for c in e.conditions}
        if isinstance(exclude, set):
            met |= exclude
        return Answer(view, tables.closure_rows(closure), summary, tuple(sorted(met)), closure)
    dependents = queries.dependents(ex, state.target, state.max_depth)
    view = exports.dependents_view(ex, state.target, result=dependents)
    rows = tables.dependents_rows(dependents, ex)
    summary = words.count(len(dependents.dependents), "dependent")
    if dependents.truncated:
        summary += " (more beyond this depth)"
    return Answer(view, rows, summary)


def _downloads(view: View, rows: list[tables.Row], stem: str) -> None:
    st.markdown("**Download**")
    with st.container(horizontal=True):
        for fmt, label, mime in DOWNLOAD_FORMATS:

            def data(fmt: str = fmt) -> bytes:  # rendered only when the button is pressed
                return graph_panel.export(view, fmt)

            hint = f"Download the diagram as {label}"
            if fmt in ("png", "mermaid"):
                hint += f" (collapsed by service above {diagrams.LARGE_GRAPH} nodes)"
            st.download_button(
                label,
                data=data,
                file_name=f"{stem}{exports.SUFFIXES[fmt]}",
                mime=mime,
                key=f"dl_{fmt}",
                on_click="ignore",
                help=hint,
            )
        st.download_button(
            "Table CSV",
            data=tables.to_csv(rows),
            file_name=f"{stem}.csv",
            mime="text/csv",
            key="dl_csv",
            on_click="ignore",
            help="Download the table below as CSV (UTF-8 with BOM, so spreadsheets keep Chinese names)",
        )


def _stem(state: ExploreState) -> str:
    safe = "".join(ch if ch.isalnum() else "_" for ch in state.target)[:60].strip("_") or "graph"
    return f"{state.cloud}-{safe}-{state.direction}-depth-{state.depth}"


def _why(
    ex: queries.Explorer, state: ExploreState, picked: str, exclude: queries.Exclude, answer: Answer
) -> tuple[queries.WhyResult | None, str]:
    """The why-answer for the picked node (None for a target or on error), and an error text."""
    if not picked or picked == state.target:
        return None, ""
    try:
        if state.direction == "requirements":  # why the target needs the node: read from the answer itself
            why = queries.why(
                ex, picked, state.target, state.max_depth, exclude, possible=state.possible, result=answer.closure
            )
        else:  # why the node needs the target: the node's own closure
            why = queries.why(ex, state.target, picked, state.max_depth, exclude, possible=state.possible)
        return why, ""
    except ExplorerError as exc:
        return None, str(exc)


def _side_panel(
    src: source.Source,
    ex: queries.Explorer,
    view: View,
    picked: str,
    why: queries.WhyResult | None,
    error: str,
    direction: str,
) -> None:
    st.subheader("Why is it needed?" if direction == "requirements" else "Why does it need the target?")
    labels = {n.id: words.node_caption(n) for n in view.nodes}
    options = [n.id for n in sorted(view.nodes, key=lambda n: (n.depth, n.id))]
    st.selectbox(
        "Node (or click one in the graph)",
        options,
        key="ex_node",
        index=None,
        format_func=lambda n: labels.get(n, n),
        placeholder="choose a node…",
        help="Its why-path and its documentation rows show here; the path is highlighted in the graph.",
    )
    if not picked:
        st.caption("Click a node in the graph, or choose one above, to see its path and the rows behind each step.")
        return
    if error:
        st.error(plain(error))
    elif why is not None:
        explain.why_steps(src, ex, why)
    else:
        st.caption("This is the query's target.")
    explain.node_rows(src, ex, picked)


def main() -> None:
    src = source.active()
    clouds = src.clouds
    st.title("Explore", anchor=False)
    st.caption(
        "What must a policy allow for an action or API, and who needs it? **documented**: the target's own "
        "rows list it · **certain**: every row of a dependency lists it · **possible**: only some rows do · "
        "**conditional**: needed only in the case the documentation names."
    )
    _init_widgets(clouds)
    state = _controls(clouds)
    st.session_state[source.EXPLORE_SAVED] = state
    st.session_state[source.CONTEXT] = {
        "page": "explore",
        "cloud": state.cloud,
        "targets": [state.target] if state.target else [],
        "depth": state.depth,
        "conditional": state.conditional,
        "possible": state.possible,
    }
    params = {**explore_params(state), **source.link_params()}
    view_param = st.query_params.get("view")
    if view_param:  # written by the graph's frame as the reviewer pans and zooms; kept so a copied link has it
        params["view"] = view_param
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    if not state.target:
        st.session_state.pop(LINK_NODE, None)
        st.info("Type an action, an operation name or an API path above, or start from an example:")
        for i, example in enumerate(EXAMPLES):
            st.button(example, key=f"example_{i}", on_click=_set_target, args=(example,))
        return
    ex = src.explorers[state.cloud]
    _pasted(ex)
    target = _resolve(ex, state.target)
    if target is None:
        return
    exclude = _exclusion(state) if state.direction == "requirements" else False
    try:
        answer = _answer(ex, state, target, exclude)
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    if state.direction == "requirements" and state.conditional:
        _condition_picker(answer)
    view = answer.view
    explain.heading(src, ex, target, state.direction, answer.summary)
    ids = {n.id for n in view.nodes}
    asked = st.session_state.pop(LINK_NODE, None)
    if asked and asked not in ids:
        st.warning(
            f"The link asks for node {code(asked)}, which is not in this graph; "
            "choose a node below or click one in the graph."
        )
    picked = st.session_state.get("ex_node") or ""
    if picked not in ids:
        picked = ""
        st.session_state["ex_node"] = None
        st.query_params.pop("node", None)
    why, error = _why(ex, state, picked, exclude, answer)
    path_edges = [(e.source, e.target) for path in (why.paths if why else ()) for e in path]
    path_nodes = {n for edge in path_edges for n in edge}
    graph_panel.notes(view, shown=[answer.closure.summary()] if answer.closure else [])
    documentation = answer.closure.documentation if answer.closure else None
    if documentation is not None and documentation.text():
        st.caption(plain(documentation.text()))  # how old the tables behind this answer are
    # On a page narrower than GRAPH_ROW's breakpoint (theme.css) the side panel goes under the graph,
    # which gets the page's whole width.
    graph_col, side_col = st.container(key=GRAPH_ROW).columns([13, 7], gap="medium")
    with graph_col:
        graph_panel.show(
            view,
            key=GRAPH_KEY,
            selected=picked,
            path_nodes=path_nodes,
            path_edges=path_edges,
            on_pick=_pick,
            with_notes=False,
            view_state=st.session_state.pop(LINK_VIEW, ""),
        )
    with side_col:
        _side_panel(src, ex, view, picked, why, error, state.direction)
    _downloads(view, answer.rows, _stem(state))
    # Drawn when opened (Streamlit's lazy expander): the grid's scripts are most of what a first view's
    # browser loads beyond the graph, and the same rows are in the graph, the side panel and Table CSV.
    n = len(answer.rows)
    title = f"Table: {n} {'row' if n == 1 else 'rows'}"
    if state.direction == "dependents" and n != len(view.nodes) - len(view.targets):
        # The counts must agree: say how the rows relate to the dependents of the heading and the graph.
        title += (
            f" for the {words.count(len(view.nodes) - len(view.targets), 'dependent')} "
            "(the same API documented by several editions shares one row)"
        )
    rows = st.expander(title, icon=":material/table:", key=TABLE_KEY, on_change="rerun")
    if rows.open:
        rows.dataframe(answer.rows, hide_index=True, width="stretch")
    if state.direction == "requirements":
        policy_block.show(src.key, ex, [state.target], "ex_policy", possible=state.possible)


main()
