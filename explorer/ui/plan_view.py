"""The grant plan as Scope and Explore's *Policy for this* both show it: three parts and one copy button."""

from __future__ import annotations

import streamlit as st

from explorer.app import scope_plan
from explorer.ui.components.copy import copy_button
from explorer.ui.markup import plain


def show(plan: scope_plan.ScopePlan, key: str) -> None:
    """The three parts side by side, the whole text below them, and a button copying that text."""
    ep_name, iam_name, check_name = scope_plan.plan_parts()
    ep, iam, check = st.columns(3)
    with ep:
        st.markdown(f"**1. {ep_name}** ({len(plan.enterprise_project)})")
        st.code("\n".join(plan.enterprise_project) or "(none)", language=None)
    with iam:
        st.markdown(f"**2. {iam_name}** ({len(plan.iam_project)})")
        st.code("\n".join(plan.iam_project) or "(none)", language=None)
    with check:
        st.markdown(f"**3. {check_name}** ({len(plan.check)}): {plain(scope_plan.check_advice())}")
        st.code("\n".join(action for action, _ in plan.check) or "(none)", language=None)
    with st.container(key=f"{key}_text"):
        st.caption("The whole plan, as `permission-explorer scope` prints it:")
        st.code(plan.text, language=None, wrap_lines=True)
    copy_button(
        "Copy the whole plan", plan.text, title="Copy the verdict and the three parts as text", key=f"{key}_copy"
    )
