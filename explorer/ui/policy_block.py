"""The "policy for this" block of Explore and Scope: the generated policies, to copy, or download as JSON or HCL."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explorer import jsonout
from explorer.app import policies, queries, scope_plan
from explorer.errors import ExplorerError
from explorer.ui import plan_view
from explorer.ui.markup import plain


@st.cache_data(show_spinner=False, max_entries=32)
def _generated(
    source_key: str, cloud: str, targets: tuple[str, ...], possible: bool, _ex: queries.Explorer
) -> policies.Generated:
    # Keyed by catalog, cloud and targets: the Explorer itself is immutable and not hashed.
    return policies.generate_policies(targets, cloud, explorer=_ex, possible=possible)


@st.cache_data(show_spinner=False, max_entries=32)
def _plan(
    source_key: str, cloud: str, targets: tuple[str, ...], possible: bool, _ex: queries.Explorer
) -> scope_plan.ScopePlan:
    # The same plan as the Scope page and ``scope`` give for the whole answer (what the policies cover).
    return scope_plan.plan(_ex, targets, possible=possible)


def show(source_key: str, ex: queries.Explorer, targets: Sequence[str], key: str, *, possible: bool = False) -> None:
    """An expander with the policies the page's answer needs (the default answer, with the possible requirements
    when the page includes them)."""
    if not targets:
        return
    # Made only when opened: the policies are computed, and the code viewer's script (a large part of what
    # a first view's browser loads) fetched, for a reviewer who asks for them.
    block = st.expander("Policy for this", icon=":material/policy:", key=f"{key}_open", on_change="rerun")
    if not block.open:
        return
    with block:
        contents(source_key, ex, targets, key, possible=possible)


def contents(
    source_key: str, ex: queries.Explorer, targets: Sequence[str], key: str, *, possible: bool = False
) -> None:
    """The plan and the generated policies with their downloads (the block's body, and the Policy page's
    Generate section)."""
    try:
        generated = _generated(source_key, ex.cloud, tuple(targets), possible, ex)
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    plan = _plan(source_key, ex.cloud, tuple(targets), possible, ex)
    st.markdown(f"**{plain(plan.headline)}**")
    plan_view.show(plan, f"{key}_plan")
    st.caption(
        f"{len(generated.actions)} actions in {len(generated.policies)} policies, the whole answer whatever "
        "the depth shown: grant each where its title says; the actions of part 3 of the plan are in the "
        "IAM-project policies until you have checked the API you call."
    )
    for p in generated.policies:
        where = "an enterprise project" if p.attach == "enterprise-project" else "an IAM project"
        kind = "XA: project-level services" if p.type == "XA" else "AX: global services"
        st.markdown(f"**{plain(p.name)}** — type {kind}, grant on {where}")
        st.code(jsonout.dumps(p.document), language="json")
    stem = "".join(ch if ch.isalnum() else "_" for ch in generated.targets[0])[:48] or "policy"
    with st.container(horizontal=True):
        st.download_button(
            "Policies JSON",
            data=jsonout.dumps(generated.to_dict()),
            file_name=f"{ex.cloud}-{stem}-policies.json",
            mime="application/json",
            key=f"{key}_dl_json",
            on_click="ignore",
        )
        st.download_button(
            "Terraform",
            data=policies.to_terraform(generated),
            file_name=f"{ex.cloud}-{stem}-policies.tf",
            mime="text/plain",
            key=f"{key}_dl_tf",
            on_click="ignore",
        )
