"""Policy: lint pasted or uploaded policies (JSON or Terraform) as one policy set, and download the fixed copy."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from explorer import jsonout
from explorer.app import policies, queries
from explorer.errors import ExplorerError
from explorer.ui import policy_block, source, uploads
from explorer.ui.markup import code, plain

ATTACH_LABELS = {"": "not said", "enterprise-project": "an enterprise project", "iam-project": "an IAM project"}
SEVERITY_ICONS = {"error": ":material/error:", "warning": ":material/warning:", "info": ":material/info:"}
EXAMPLE = (
    '{\n  "Version": "1.1",\n  "Statement": [\n    {\n      "Effect": "Allow",\n'
    '      "Action": ["ecs:servers:createImage"]\n    }\n  ]\n}\n'
)
LIVE_LINT = Path(__file__).parent.parent / "live_lint.js"


def _init(clouds: tuple[str, ...]) -> None:
    if "po_cloud" in st.session_state:
        return
    params = st.query_params.to_dict()
    context = st.session_state.get(source.CONTEXT) or {}
    cloud = params.get("cloud", "") or context.get("cloud", "")
    attach = params.get("attach", "")
    st.session_state["po_cloud"] = cloud if cloud in clouds else clouds[0]
    st.session_state["po_attach"] = attach if attach in ATTACH_LABELS else ""
    if cloud and cloud not in clouds:
        st.warning(f"unknown cloud {plain(cloud)} in the link; expected one of: {plain(', '.join(clouds))}")


def _sources(pasted: str, files: Sequence[uploads.Upload]) -> list[policies.PolicySource]:
    """The pasted text and the uploads, within the Upload page's limits."""
    items = list(files)
    if pasted.strip():
        kind = ".tf" if not pasted.lstrip().startswith(("{", "[")) else ".json"
        items.insert(0, uploads.Upload(f"pasted{kind}", pasted.encode("utf-8")))
    if len(items) > uploads.MAX_FILES:
        raise ExplorerError(f"{len(items)} files; at most {uploads.MAX_FILES} are accepted at once")
    total = 0
    for up in items:
        if len(up.data) > uploads.MAX_FILE_BYTES:
            raise ExplorerError(f"{up.name}: {len(up.data):,} bytes is above the limit of {uploads.MAX_FILE_BYTES:,}")
        total += len(up.data)
    if total > uploads.MAX_TOTAL_BYTES:
        raise ExplorerError(f"{total:,} bytes in all; the limit is {uploads.MAX_TOTAL_BYTES:,} bytes")
    return [policies.source(up.name, up.data) for up in items]


_TOKEN_CHAR = re.compile(r"[A-Za-z0-9_:*.-]")


def mark_span(line: str, action: str, column: int | None) -> tuple[int, int] | None:
    """Where ``action`` stands in ``line`` as a whole token (not inside a longer name), the one nearest the
    finding's column; None when it is not there."""
    starts = [
        m.start()
        for m in re.finditer(re.escape(action), line)
        if not (m.start() > 0 and _TOKEN_CHAR.match(line[m.start() - 1]))
        and not (m.end() < len(line) and _TOKEN_CHAR.match(line[m.end()]))
    ]
    if not starts:
        return None
    start = min(starts, key=lambda i: abs(i - (column - 1))) if column else starts[0]
    return start, start + len(action)


def _line(texts: dict[str, str], f: policies.Finding) -> str:
    """The source line of a finding with exactly the offending action marked."""
    text = texts.get(f.where.file, "")
    lines = text.splitlines()
    if not f.where.line or f.where.line > len(lines):
        return ""
    raw = lines[f.where.line - 1]
    span = mark_span(raw, f.action, f.where.column) if f.action else None
    if span is None:
        line = raw.strip()
        return plain(line[:200] + "…" if len(line) > 200 else line)
    start, end = span
    # keep the marked action in view on a long line: up to 90 characters either side of it
    lo, hi = max(0, start - 90), min(len(raw), end + 90)
    before = ("…" if lo else "") + raw[lo:start].lstrip()
    after = raw[end:hi].rstrip() + ("…" if hi < len(raw) else "")
    return f"{plain(before)}:red-background[{plain(raw[start:end])}]{plain(after)}"


def _why_link(cloud: str, f: policies.Finding) -> str:
    root, requirement = f.details.get("path", [""])[0], str(f.details.get("requirement", ""))
    from urllib.parse import urlencode

    params = {"action": root, "cloud": cloud, "depth": "all", "node": requirement}
    if f.details.get("basis") == "possible":
        params["possible"] = "1"
    query = urlencode(params)
    return f"[why: the path in Explore](/explore?{query})"


def _where(f: policies.Finding) -> str:
    w = f.where
    if w.line and w.column:
        return f"line {w.line}, column {w.column}"
    return f"line {w.line}" if w.line else ""


def _finding(cloud: str, f: policies.Finding, n: int) -> None:
    offered = policies.offered_fix(f)
    if offered and not f.fix:
        fix = f" — fix: {code(offered)} (applied in the fixed policy)"
    else:
        fix = f" — fix: {plain(f.fix)}" if f.fix else ""
    st.markdown(f"{code(f.code)} {plain(f.message)}{fix}")
    if f.code in ("MISSING_DEPENDENCY", "DENIED_DEPENDENCY"):
        with st.popover("Why is it needed?", key=f"po_why_{n}"):
            st.markdown(" → ".join(code(p) for p in f.details.get("path", [])))
            for row in f.details.get("rows", []):
                st.markdown(f"- {plain(str(row['file']))} table {row['table']} row {row['row']}")
            for cond in f.details.get("conditions", []):
                st.markdown(f"- only when: {plain(str(cond))}")
            st.markdown(_why_link(cloud, f))


def _report(cloud: str, report: policies.LintReport, texts: dict[str, str]) -> None:
    counts = report.counts()
    if not report.findings:
        st.success(f"✓ No finding in {len(report.documents)} policies.")
    else:
        st.markdown(" · ".join(f"**{n}** {sev}{'s' if n != 1 else ''}" for sev, n in counts.items()))
    if report.documentation_text():
        st.caption(plain(report.documentation_text()))  # how old the tables the findings rest on are
    n = 0
    for severity in policies.severities():
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        with st.expander(f"{severity} ({len(found)})", expanded=severity == "error", icon=SEVERITY_ICONS[severity]):
            by_statement: dict[tuple[str, str, int | None], list[policies.Finding]] = {}
            for f in found:
                by_statement.setdefault((f.where.file, f.where.document, f.where.statement), []).append(f)
            for (file, doc, statement), items in by_statement.items():
                label = " ".join(x for x in (file, doc) if x)
                where = f"statement {statement}" if statement is not None else "the file"
                st.markdown(f"**{plain(label)} — {where}**")
                by_place: dict[tuple[int | None, int | None, str], list[policies.Finding]] = {}
                for f in items:
                    by_place.setdefault((f.where.line, f.where.column, f.action), []).append(f)
                for place in by_place.values():
                    first = place[0]
                    excerpt = _line(texts, first)
                    st.markdown(f"> {excerpt}  \n> {_where(first)}" if excerpt else f"> {_where(first) or 'the file'}")
                    for f in place:
                        n += 1
                        _finding(cloud, f, n)


def _downloads(report: policies.LintReport) -> None:
    fixed = policies.fixed_documents(report)
    if not fixed:
        return
    data = (
        jsonout.dumps(fixed[0].policy)
        if len(fixed) == 1
        else jsonout.dumps([{"file": p.file, "document": p.document, "policy": p.policy} for p in fixed])
    )
    with st.container(horizontal=True):
        st.download_button(
            "Fixed policy JSON",
            data=data,
            file_name="fixed-policy.json",
            mime="application/json",
            key="po_dl_fixed",
            on_click="ignore",
            help="Every fix the findings offer applied (spelling, renamed actions, one-key slips such as "
            "createImag) and the missing documented requirements added",
        )
        st.download_button(
            "Findings JSON",
            data=jsonout.dumps(report.to_dict()),
            file_name="policy-lint.json",
            mime="application/json",
            key="po_dl_findings",
            on_click="ignore",
        )
        st.download_button(
            "SARIF",
            data=jsonout.dumps(policies.to_sarif(report)),
            file_name="policy-lint.sarif",
            mime="application/sarif+json",
            key="po_dl_sarif",
            on_click="ignore",
        )


def main() -> None:
    src = source.active()
    clouds = src.clouds
    st.title("Policy", anchor=False)
    st.caption(
        "Is this policy complete, and will it work where it is attached? Paste or upload policies (JSON or "
        "Terraform): they are linted together as one principal's policy set."
    )
    _init(clouds)
    left, mid = st.columns([1, 2])
    with left:
        st.selectbox("Cloud", clouds, key="po_cloud")
    with mid:
        st.radio(
            "Attached on",
            list(ATTACH_LABELS),
            format_func=ATTACH_LABELS.__getitem__,
            key="po_attach",
            horizontal=True,
        )
    cloud: str = st.session_state["po_cloud"]
    attach: str = st.session_state["po_attach"]
    params = {"cloud": cloud, **({"attach": attach} if attach else {})}
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)
    lint_tab, generate_tab = st.tabs(["Lint a policy", "Generate policies"])
    with generate_tab:
        _generate(src, cloud)
    with lint_tab:
        _lint(src, cloud, attach)


def _generate(src: source.Source, cloud: str) -> None:
    """Targets in, policies out, as ``permission-explorer policy generate`` (with the same plan as Scope)."""
    ex = src.explorers[cloud]
    st.multiselect(
        "Actions or APIs the principal must be able to call",
        sorted(queries.actions(ex)),
        key="po_targets",
        accept_new_options=True,
        select_all=False,
        filter_mode="contains",
        wrap=True,
        placeholder="choose actions, or type an API such as POST /v2/cloudimages/action",
    )
    st.checkbox("Include possible requirements", key="po_possible")
    targets: list[str] = list(st.session_state.get("po_targets", []))
    if not targets:
        st.caption("The policies the targets need, split by where they can be granted, to copy or download.")
        return
    policy_block.contents(src.key, ex, targets, "po_generate", possible=bool(st.session_state.get("po_possible")))


def _lint(src: source.Source, cloud: str, attach: str) -> None:
    pasted: str = st.text_area(
        "Paste a policy (JSON or Terraform)",
        key="po_text",
        height=240,
        placeholder="Paste a policy document: it is linted as soon as you stop typing",
    )
    # Our own static script (no user text in it): it commits the text area after a pause, as Ctrl+Enter does.
    st.html(f"<script>{LIVE_LINT.read_text(encoding='utf-8')}</script>", unsafe_allow_javascript=True, width=1)
    st.button(
        "Lint",
        type="primary",
        key="po_lint",
        help="The text is linted as you paste or type (after a short pause) and when the box loses focus; "
        "this button lints again, for example after a change of the uploaded files",
    )
    files = st.file_uploader("or upload policy files", type=["json", "tf"], accept_multiple_files=True, key="po_files")
    ups = [uploads.Upload(f.name, f.getvalue()) for f in files or []]
    if not pasted.strip() and not ups:
        st.info("Paste a policy above or upload files, for example:")
        st.code(EXAMPLE, language="json")
        return
    try:
        sources = _sources(pasted, ups)
        report = policies.lint_policies(sources, cloud, explorers=src.explorers, attach=attach or None)
    except ExplorerError as exc:
        st.error(plain(str(exc)))
        return
    texts = {s.name: s.data.decode("utf-8", "replace") for s in sources}
    _downloads(report)
    _report(cloud, report, texts)


main()
