"""Terraform: what the principal that applies a configuration or plan needs (issue 22).

Upload ``.tf`` files or a plan from ``terraform show -json`` (read in memory), or open one of the example
configurations shipped with the package; ``?example=web-server&possible=1`` is a deep link to an example's
view. The page shows the types, the graph of the answer, what could not be mapped, the verdict and grant
plan, and the policies to download, all computed by :mod:`explorer.app.terraform` (the CLI's use case).
"""

from __future__ import annotations

import streamlit as st

from explorer import jsonout
from explorer.app import exports, policies, scope_plan
from explorer.app import terraform as use_case
from explorer.errors import ExplorerError
from explorer.ui import graph_panel, source
from explorer.ui.markup import plain

UPLOAD = "(upload)"
DEFAULT_EXAMPLE = "web-server"


def _init(examples: list[str]) -> None:
    if "tf_example" in st.session_state:
        return
    params = st.query_params.to_dict()
    wanted = params.get("example", DEFAULT_EXAMPLE)
    st.session_state.update(
        tf_example=wanted if wanted in examples else DEFAULT_EXAMPLE,
        tf_possible=params.get("possible") == "1",
    )
    if wanted not in examples and "example" in params:
        st.warning(f"No example called {plain(wanted)!r}; showing {DEFAULT_EXAMPLE}.")


def _types(answer: use_case.TerraformAnswer) -> None:
    rows = []
    for t in answer.types:
        matched = sum(1 for m in t.apis if m.status == "matched")
        rows.append(
            {
                "kind": t.kind,
                "type": t.type,
                "blocks": len(t.uses),
                "plan": t.plan_verb,
                "where": ", ".join(f"{u.file}:{u.line}" for u in t.uses[:3]),
                "APIs documented": f"{matched} of {len(t.apis)}",
                "same as": ", ".join(t.info.aliases) if t.info else "",
            }
        )
    st.dataframe(rows, hide_index=True, width="stretch")
    for m in answer.modules:
        state = "followed" if m.followed else f"not followed: {m.reason}"
        st.caption(f"module {plain(m.name)} ({plain(m.source)}): {state}")


def _unmatched(answer: use_case.TerraformAnswer) -> None:
    c = answer.counts()
    st.markdown(
        f"**Not mapped:** {c['types_unmapped']} of {c['types']} types; {c['apis'] - c['apis_matched']} of "
        f"{c['apis']} APIs ({c['apis_no_table']} without a table for their service, {c['apis_undocumented']} "
        "that the service's tables do not document). Nothing is guessed."
    )
    types = [{"type": t.type, "kind": t.kind, "reason": t.reason} for t in answer.unmatched_types()]
    apis = [
        {"service": m.api.service, "API": m.api.text, "reason": m.reason, "types": ", ".join(sorted(set(ts)))}
        for m, ts in answer.unmatched_apis()
    ]
    if types:
        st.dataframe(types, hide_index=True, width="stretch")
    if apis:
        st.dataframe(apis, hide_index=True, width="stretch")


def _verdict(answer: use_case.TerraformAnswer) -> None:
    if answer.scope is None:
        st.info("Nothing to grant: no provider API of these types maps to a documented operation.")
        return
    plan = scope_plan.plan_of(answer.scope)  # the same plan as the Scope page and `scope`
    {"grantable": st.success, "not_grantable": st.error}.get(plan.verdict, st.warning)(plain(plan.headline))
    st.code(plan.text, language=None)


def _policies(answer: use_case.TerraformAnswer) -> None:
    generated = answer.generated
    if generated is None:
        return
    as_json = jsonout.dumps(generated.to_dict())
    st.download_button("Policies (JSON)", as_json, file_name="terraform-policies.json", key="tf_dl_json")
    st.download_button(
        "Policies (Terraform)", policies.to_terraform(generated), file_name="terraform-policies.tf", key="tf_dl_tf"
    )
    st.download_button(
        "Whole answer (JSON)", jsonout.dumps(answer.to_dict()), file_name="terraform-answer.json", key="tf_dl_all"
    )
    st.code(as_json, language="json")


def main() -> None:
    st.title("Terraform", anchor=False)
    st.caption(
        "What the principal that applies a configuration or plan must be allowed: the APIs the Huawei Cloud "
        "provider declares for each type, matched to the documented operations, and their least-privilege answer."
    )
    examples = use_case.examples()
    _init(list(examples))
    src = source.active()
    ex = src.explorers[src.clouds[0]] if "huaweicloud" not in src.explorers else src.explorers["huaweicloud"]
    choice = st.selectbox("Configuration", [*examples, UPLOAD], key="tf_example")
    possible = st.toggle("Possible requirements too", key="tf_possible")
    try:
        if choice == UPLOAD:
            files = st.file_uploader(".tf files or a plan (JSON)", type=["tf", "json"], accept_multiple_files=True)
            if not files:
                st.info("Upload the .tf files of one module, or a plan from terraform show -json.")
                return
            answer = use_case.analyse_uploads([(f.name, f.getvalue()) for f in files], ex, possible=possible)
        else:
            st.query_params.update(example=choice, possible="1" if possible else "0")
            answer = use_case.analyse([examples[choice]], ex, possible=possible)
    except ExplorerError as exc:
        st.error(f"The configuration cannot be read: {plain(str(exc))}")
        return
    st.subheader("Types", anchor=False)
    _types(answer)
    st.subheader("Requirements", anchor=False)
    st.caption(plain(answer.summary()))  # also when nothing maps: it warns about services with no API
    if answer.closure is not None:
        st.dataframe(
            [
                {
                    "action": r["action"],
                    "basis": r["basis"],
                    "EP": r["scope_mark"],
                    "brought in by": ", ".join(r["types"]),
                    # reached only through an API shared by several operations: the provider may call only some
                    "shared API": ", ".join(a["api"] for a in r["shared_api"] or ()),
                }
                for r in answer.requirement_dicts()
            ],
            hide_index=True,
            width="stretch",
        )
        view = exports.closure_view(ex, list(answer.targets), possible=possible, result=answer.closure)
        graph_panel.show(view, key="tf_graph")
    _unmatched(answer)
    st.subheader("Enterprise project", anchor=False)
    _verdict(answer)
    st.subheader("Policies", anchor=False)
    _policies(answer)


main()
