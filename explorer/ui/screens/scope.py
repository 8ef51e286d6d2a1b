"""Scope: can these actions or APIs be granted on an enterprise project, and how to split the grants."""

from __future__ import annotations

from typing import Any

import streamlit as st

from explorer import jsonout
from explorer.app import explain as error_text
from explorer.app import queries, scope_plan
from explorer.display import scope_flags
from explorer.errors import ExplorerError
from explorer.ui import plan_view, policy_block, source, tables
from explorer.ui.markup import plain
from explorer.ui.state import DEPTH_CHOICES, read_explore, read_targets

EXAMPLE = ("ecs:servers:createImage",)


WIDGETS = ("sc_cloud", "sc_targets", "sc_depth", "sc_conditional", "sc_possible")


def _init(clouds: tuple[str, ...]) -> None:
    """Seed the widgets from the link, or from the last state when the link says nothing."""
    if "sc_targets" in st.session_state:
        return
    params = st.query_params.to_dict()
    saved: dict[str, object] | None = st.session_state.get(source.SCOPE_SAVED)
    context: dict[str, Any] | None = st.session_state.get(source.CONTEXT)
    fresh = saved is None or not saved.get("sc_targets")  # nothing chosen here yet: take the reviewer's context
    if not params and fresh and context and context["page"] != "scope" and context["cloud"] in clouds:
        # Coming from Explore: the same cloud, target and depth (the context goes with the reviewer).
        st.session_state.update(
            sc_cloud=context["cloud"],
            sc_targets=list(context["targets"]),
            sc_depth=context["depth"],
            sc_conditional=context["conditional"],
            sc_possible=context["possible"],
        )
        return
    if saved is not None and not params:
        st.session_state.update(saved)
        return
    state = read_explore(params, clouds)
    for warning in state.warnings:
        st.warning(plain(warning))
    st.session_state.update(
        sc_cloud=state.cloud,
        sc_targets=[
            a
            for t in read_targets(params)
            for a in (error_text.extract(t)[1] if error_text.looks_like_error(t) else (t,))
        ],
        sc_depth=params.get("depth", "all") if params.get("depth") in DEPTH_CHOICES else "all",
        sc_conditional=state.conditional,
        sc_possible=state.possible,
    )


def _read_pasted() -> None:
    """An entry that is a pasted access-denied message becomes the actions it names."""
    chosen: list[str] = []
    for entry in st.session_state.get("sc_targets", []):
        found = error_text.extract(entry)[1] if error_text.looks_like_error(entry) else (entry,)
        chosen.extend(a for a in found if a not in chosen)
    st.session_state["sc_targets"] = chosen


def _verdict(report: queries.ScopeReport) -> None:
    if report.nothing_to_grant:
        rows = [n.text for t in report.targets for n in t.without_actions]
        st.info(
            "**Nothing to grant**: the documentation lists no action for "
            + ", ".join(plain(t.query) for t in report.targets)
            + ".\n\n"
            + "\n".join(f"- {plain(r)}" for r in rows)
        )
        return
    text = f"**{plain(report.headline)}**"
    if report.verdict == "grantable":
        st.success("✓ " + text)
    elif report.verdict == "not_grantable":
        st.error("✗ " + text + " Grant them on an IAM project.")
    else:
        st.warning("? " + text + " See part 3 of the plan: which APIs work and which do not.")


@st.cache_data(show_spinner=False, max_entries=16)
def _matrix_rows(source_key: str, cloud: str, _ex: queries.Explorer) -> list[tables.Row]:
    # Keyed by catalog and cloud: the Explorer itself is immutable, so it is not hashed.
    return tables.scope_matrix_rows(queries.check(_ex).services)


def _pair_row(p: queries.PairScope) -> tables.Row:
    iam, ep = scope_flags(p)
    return {
        "action": p.action,
        "operation": p.operation_name,
        "API": ", ".join(p.apis),
        "IAM project": iam,
        "enterprise project": ep,
        "provenance": tables.where(p.provenance),
    }


def _matrix(source_key: str, ex: queries.Explorer) -> None:
    st.subheader("Services by scope support")
    st.caption(
        "Counts of (operation, action) pairs per service by what their rows document: yes, no, or ? (not said). "
        "An action can be granted on an enterprise project only where every pair its closure relies on says yes."
    )
    st.dataframe(_matrix_rows(source_key, ex.cloud, ex), hide_index=True, width="stretch")


def main() -> None:
    src = source.active()
    clouds = src.clouds
    st.title("Scope", anchor=False)
    st.caption("Will a policy work when it is attached to an enterprise project rather than an IAM project?")
    _init(clouds)
    top, side = st.columns([3, 1])
    with side:
        st.selectbox("Cloud", clouds, key="sc_cloud")
    ex = src.explorers[st.session_state["sc_cloud"]]
    with top:
        options = sorted(set(queries.actions(ex)) | set(st.session_state["sc_targets"]))
        st.multiselect(
            "Actions or APIs",
            options,
            key="sc_targets",
            accept_new_options=True,
            # Enter adds exactly what was typed (or the exact option): no "Select N matches" entry to
            # catch the keystroke, and the chips wrap instead of scrolling the first ones out of view.
            select_all=False,
            filter_mode="contains",
            wrap=True,
            placeholder="choose actions, or type an API such as POST /v2/cloudimages/action",
            help="Type to filter; press Enter to add an API path or an action that is not in the list. "
            "Paste an access-denied error to add the actions it names.",
            on_change=_read_pasted,
        )
    a, b = st.columns(2)
    with a:
        st.radio(
            "Depth",
            DEPTH_CHOICES,
            key="sc_depth",
            horizontal=True,
            help="How deep to follow dependencies; 'all' follows every inferred dependency.",
        )
    with b:
        st.checkbox("Include conditional dependencies", key="sc_conditional")
        st.checkbox(
            "Include possible requirements",
            key="sc_possible",
            help="Default: the target, what its own rows document, and what every row of a dependency lists.",
        )
    st.session_state[source.SCOPE_SAVED] = {key: st.session_state[key] for key in WIDGETS}
    st.session_state[source.CONTEXT] = {
        "page": "scope",
        "cloud": st.session_state["sc_cloud"],
        "targets": list(st.session_state["sc_targets"]),
        "depth": st.session_state["sc_depth"],
        "conditional": st.session_state["sc_conditional"],
        "possible": st.session_state["sc_possible"],
    }
    targets: list[str] = list(st.session_state["sc_targets"])
    depth: str = st.session_state["sc_depth"]
    params = {"cloud": ex.cloud, "depth": depth, **source.link_params()}
    if targets:
        params["targets"] = ",".join(targets)
    if not st.session_state["sc_conditional"]:
        params["conditional"] = "0"
    if st.session_state["sc_possible"]:
        params["possible"] = "1"
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    if not targets:
        st.info("Choose one or more actions or APIs, for example `ecs:servers:createImage`.")
        _matrix(src.key, ex)
        return
    try:
        report = queries.scope(
            ex,
            targets,
            max_depth=None if depth == "all" else int(depth),
            exclude=not st.session_state["sc_conditional"],
            possible=st.session_state["sc_possible"],
        )
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        _matrix(src.key, ex)
        return
    _verdict(report)
    if report.blockers:
        st.subheader("Blockers")
        st.dataframe(
            tables.shown(
                {
                    "action": b.action,
                    "depth": b.depth,
                    "scope": b.mark.replace("_", " "),
                    "reason": b.reason,
                    "rows": "; ".join(tables.pair_text(p) + f" [{tables.where(p.provenance)}]" for p in b.pairs),
                }
                for b in report.blockers
            ),
            hide_index=True,
            width="stretch",
        )
    st.subheader("Grant plan")
    plan_view.show(scope_plan.plan_of(report), "sc_plan")
    if report.checks:
        st.dataframe(
            [
                {
                    "action": a.action,
                    "works on an enterprise project for": "; ".join(a.works),
                    "not for": "; ".join(a.fails),
                    "undocumented for": "; ".join(a.unknown),
                }
                for a in report.checks
            ],
            hide_index=True,
            width="stretch",
        )
    policy_block.show(src.key, ex, targets, "sc_policy", possible=st.session_state["sc_possible"])
    st.download_button(
        "Scope report JSON",
        data=jsonout.dumps(jsonout.document(report.to_dict())),
        file_name=f"{ex.cloud}-scope.json",
        mime="application/json",
        key="dl_scope",
        on_click="ignore",
    )
    with st.expander(f"Every (operation, action) pair ({len(report.pairs)})"):
        st.dataframe(
            [_pair_row(p) for p in report.pairs],
            hide_index=True,
            width="stretch",
        )
    _matrix(src.key, ex)


main()
