"""What the Explore page says about its target and the picked node: heading, why-path steps, rows.

Every claim names the documentation row behind it, as a link to the source file at the commit the
catalog was built from when the catalog knows them, and each step names the row's operation (as
every edition of the documentation names it), its API and the action.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import streamlit as st

from explorer.app import links, queries
from explorer.display import scope_flags
from explorer.errors import ExplorerError
from explorer.model import Provenance
from explorer.ui import source, tables
from explorer.ui.markup import code, plain

MAX_NAMES = 6  # per edition; an action checked by many rows would otherwise list them all
BASIS_WORDS = {
    "certain": "certain: every row of the action lists it",
    "possible": "possible: only some rows of the action list it",
}
KIND_WORDS = {
    "checks": "the operation checks the action",
    "depends": "documented dependency",
    "matches": "the wildcard pattern matches the action",
}


def row_link(p: Provenance) -> str:
    """Markdown for a documentation row: a link to the file at its commit when the catalog knows them."""
    text = plain(tables.where(p))
    url = links.source_url(p)
    return f"[{text}]({url})" if url else text


def editions_line(src: source.Source, apis: Iterable[str], actions: Iterable[str], own: Iterable[str] = ()) -> str:
    """``names by edition: otc-en: Creating an Image · …`` when another edition names the operation otherwise."""
    by_edition: dict[str, list[str]] = defaultdict(list)
    for edition, name in queries.edition_names(src.explorers.values(), apis, actions):
        by_edition[edition].append(name)
    if not by_edition or {n for ns in by_edition.values() for n in ns} <= set(own):
        return ""

    def names(ns: list[str]) -> str:
        more = f" and {len(ns) - MAX_NAMES} more" if len(ns) > MAX_NAMES else ""
        return plain(" / ".join(ns[:MAX_NAMES]) + more)

    return "names by edition: " + " · ".join(f"{plain(e)}: {names(ns)}" for e, ns in sorted(by_edition.items()))


def node_text(ex: queries.Explorer, node: str) -> str:
    """Markdown naming a graph node: an operation by name and API, an action by its code."""
    if node.startswith("op:"):
        op = queries.operation_row(ex, node)
        if op is not None:
            first = f" {code(op.apis[0])}" if op.apis else ""
            return f"operation **{plain(op.display_name())}**{first}"
    return code(node)


def heading(src: source.Source, ex: queries.Explorer, target: queries.Target, direction: str, summary: str) -> None:
    """What was asked, named as the catalog spells it (operation name and API, or the action), and the count."""
    what = "Closure" if direction == "requirements" else "Dependents"
    lines: list[str] = []
    if target.kind == "operation":
        ops = [op for op in (queries.operation_row(ex, o) for o in target.operations) if op is not None]
        first = ops[0] if ops else None
        name = first.display_name() if first else target.query
        apis = sorted({a for op in ops for a in op.apis})
        title = f"{what} of **{plain(name)}**" + (f" {code(apis[0])}" if apis else "")
        if target.actions:
            lines.append("checks " + ", ".join(code(a) for a in target.actions))
        own = {n for op in ops for n in op.name.values()}
    else:
        name = target.node or (target.actions[0] if len(target.actions) == 1 else target.query)
        title = f"{what} of {code(name)}"
        apis, own = [], set()  # an action's rows are named in the why panel, edition by edition
        try:
            pairs = queries.show(ex, target.node).operations if target.node and target.kind == "action" else ()
        except ExplorerError:
            pairs = ()
        if pairs:
            # One name per operation: editions spell the same name in other letter cases; their APIs join it.
            named: dict[str, tuple[str, list[str]]] = {}
            for name, api_path in sorted({(p.operation_name, p.apis[0] if p.apis else "") for p in pairs}):
                entry = named.setdefault(name.casefold(), (name, []))
                if api_path and api_path not in entry[1]:
                    entry[1].append(api_path)
            checked = list(named.values())
            lines.append(
                "checked by "
                + " · ".join(f"**{plain(n)}**" + "".join(f" {code(a)}" for a in apis) for n, apis in checked[:4])
                + (f" and {len(checked) - 4} more" if len(checked) > 4 else "")
            )
    st.markdown(f"{title} — {plain(summary)}")
    editions = editions_line(src, apis, target.actions, own)
    if editions:
        lines.append(editions)
    if target.note:
        lines.append(plain(target.note))
    if src.upload_label:
        lines.append(f"with uploaded data: {plain(src.upload_label)}")
    if lines:
        st.caption(" · ".join(lines))


def _evidence_lines(src: source.Source, ex: queries.Explorer, evidence: Sequence[queries.Evidence]) -> list[str]:
    out: list[str] = []
    for ev in evidence:
        op = queries.operation_row(ex, ev.operation)
        if op is None:
            out.append(f"   - row {row_link(ev.provenance)}")
            continue
        parts = [f"**{plain(op.display_name())}**"]
        parts += [code(a) for a in op.apis[:2]]
        if op.actions:
            parts.append("checks " + ", ".join(code(r.action) for r in op.actions))
        parts.append(row_link(ev.provenance))
        if ev.condition:
            parts.append(f"only when: {plain(ev.condition)}")
        line = f"   - {' · '.join(parts)}"
        editions = editions_line(src, op.apis, [r.action for r in op.actions], op.name.values())
        if editions:
            line += f"  \n     {editions}"
        out.append(line)
    return out


def why_steps(src: source.Source, ex: queries.Explorer, why: queries.WhyResult) -> None:
    """Each shortest path, step by step: the two nodes, the kind of step and the rows behind it."""
    if not why.paths:
        st.info(f"No path leads to {code(why.action)} in this catalog at this depth.")
        return
    for n, path in enumerate(why.paths, start=1):
        lines = [f"**Path {n}** ({len(path)} step{'s' if len(path) != 1 else ''})"]
        for i, edge in enumerate(path, start=1):
            kind = KIND_WORDS.get(edge.kind, edge.kind)
            basis = why.basis_of(edge.target)
            if basis in BASIS_WORDS:
                kind += f"; {BASIS_WORDS[basis]}"
            lines.append(f"{i}. {node_text(ex, edge.source)} → {node_text(ex, edge.target)} ({kind})")
            lines.extend(_evidence_lines(src, ex, edge.evidence))
        st.markdown("\n".join(lines))
    if why.truncated:
        st.caption("More paths of the same length exist; the first ones are shown.")


def node_rows(src: source.Source, ex: queries.Explorer, node: str) -> None:
    """The documentation rows of the picked node: the operation's own row, or the rows checking an action."""
    st.markdown(f"**Rows of** {node_text(ex, node)}")
    if node.startswith("op:"):
        op = queries.operation_row(ex, node)
        if op is None:
            return
        iam, ep = scope_flags(op.scope)
        lines = [
            f"- {' · '.join(code(a) for a in op.apis) or 'no API'} · IAM {iam}, EP {ep} · {row_link(op.provenance)}"
        ]
        if op.dependencies:
            lines.append("- depends on " + ", ".join(code(d.action) for d in op.dependencies))
        editions = editions_line(src, op.apis, [r.action for r in op.actions], op.name.values())
        if editions:
            lines.append(f"- {editions}")
        st.markdown("\n".join(lines))
        return
    try:
        info = queries.show(ex, node)
    except ExplorerError as exc:
        st.caption(plain(str(exc)))
        return
    if not info.operations:
        st.caption("No table of this catalog defines it: it is only named as a dependency.")
        return
    if info.documentation is not None and info.documentation.text():
        st.caption(plain(info.documentation.text()))
    if info.outdated:
        st.caption("Every row that checks it comes from a page deleted since: older documentation.")
    lines = []
    for pair in info.operations:
        apis = " · ".join(code(a) for a in pair.apis) or "no API"
        iam, ep = scope_flags(pair)
        lines.append(f"- **{plain(pair.operation_name)}** · {apis} · IAM {iam}, EP {ep} · {row_link(pair.provenance)}")
    own = {p.operation_name for p in info.operations}
    editions = editions_line(src, sorted({a for p in info.operations for a in p.apis}), [node], own)
    if editions:
        lines.append(f"- {editions}")
    st.markdown("\n".join(lines))
