"""``terraform``: what the principal that applies a Terraform configuration (or plan) must be allowed to do.

A thin face over :mod:`explorer.app.terraform`. Without ``--against``: the types used, the requirements (the default
least-privilege answer, as ``closure`` gives it), what could not be mapped, the enterprise-project verdict and
grant plan (as ``scope``), and the policies (as ``policy generate``). With ``--against POLICY...``: the
policies linted as one set, and every needed action they do not allow reported as ``MISSING_FOR_TERRAFORM``
(exit 1 when a finding reaches ``--fail-on``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from explorer import collector
from explorer.app import catalogs, policies, queries, scope_plan
from explorer.app import terraform as use_case
from explorer.app.terraform_check import check
from explorer.cli.choices import LazyChoice
from explorer.cli.policy_cmd import _catalog_option, _errors, _print_report
from explorer.cli.query_cmds import _console, _depth_options, _table
from explorer.jsonout import dumps

if TYPE_CHECKING:
    from rich.console import Console

SHOWN_PLACES = 3


def _places(uses: list[dict[str, Any]]) -> str:
    text = ", ".join(f"{u['file']}:{u['line']}" for u in uses[:SHOWN_PLACES])
    return text + (f" and {len(uses) - SHOWN_PLACES} more" if len(uses) > SHOWN_PLACES else "")


def _print_types(console: Console, data: dict[str, Any]) -> None:
    resources = data["resources"]
    kinds = [sum(1 for r in resources if r["kind"] == k) for k in ("resource", "data")]
    table = _table(f"Types used: {kinds[0]} resource and {kinds[1]} data source types in {len(data['files'])} files")
    columns = ["kind", "type", "blocks", "where", "APIs documented"]
    if data["plan"]:
        columns.insert(3, "plan")
    for col in columns:
        table.add_column(col, overflow="fold")
    for r in resources:
        matched = sum(1 for m in r["apis"] if m["status"] == "matched")
        alias = f" (same as {', '.join(r['aliases'])})" if r["aliases"] else ""
        counts = {u["count"] for u in r["uses"] if u["count"]}
        blocks = str(r["count"]) + (f" ({'; '.join(sorted(counts))})" if counts else "")
        row = [r["kind"], r["type"] + alias, blocks, _places(r["uses"]), f"{matched} of {len(r['apis'])}"]
        if data["plan"]:
            row.insert(3, _plan_verb(r["plan_actions"]))
        table.add_row(*row)
    console.print(table)
    for m in data["modules"]:
        state = "followed" if m["followed"] else f"not followed: {m['reason']}"
        console.print(f"module {m['name']} ({m['source']}) at {m['file']}:{m['line']}: {state}")


def _plan_verb(actions: list[str] | None) -> str:
    acts = set(actions or ())
    verbs = [v for v, a in (("creates", "create"), ("updates", "update"), ("deletes", "delete")) if a in acts]
    if verbs:
        return ", ".join(verbs)
    return "reads only" if "read" in acts else ("leaves unchanged" if acts else "")


def _print_requirements(console: Console, data: dict[str, Any]) -> None:
    console.print(f"Requirements ({data['cloud']}): {data['summary']}", markup=False, highlight=False)
    table = _table("")
    for col in ("depth", "basis", "action", "EP", "brought in by"):
        table.add_column(col, overflow="fold")
    shared: dict[str, dict[str, Any]] = {}
    for r in data["requirements"]:
        marks = [f for f in ("broad", "destructive") if r[f]] + ([] if r["resolved"] else ["unresolved"])
        if r["shared_api"]:
            marks.append("shared API")
            shared.update((a["api"], a) for a in r["shared_api"])
        action = r["action"] + (f" ({', '.join(marks)})" if marks else "")
        types = r["types"]
        by = ", ".join(types[:3]) + (f" and {len(types) - 3} more" if len(types) > 3 else "")
        table.add_row(str(r["depth"]), r["basis"], action, r["scope_mark"], by)
    console.print(table)
    for api, a in sorted(shared.items()):
        console.print(
            f"shared API: {api} is documented for {a['operations']} operations ({', '.join(a['names'])}); "
            "the request body decides which, so the provider may perform only some of them",
            markup=False,
            highlight=False,
        )
    if data["truncated"]:
        console.print("cut by --depth: more requirements lie deeper")
    if not data["possible"]:
        console.print("possible requirements (listed by only some rows of a dependency) are left out: --possible")


def _print_unmatched(console: Console, data: dict[str, Any]) -> None:
    un = data["unmatched"]
    c = data["counts"]
    console.print(
        f"Not mapped: {c['types_unmapped']} of {c['types']} types; {c['apis'] - c['apis_matched']} of {c['apis']} "
        f"APIs ({c['apis_no_table']} without a table for their service, {c['apis_undocumented']} not documented "
        f"by their service's tables, {c['apis_actions_only']} of them because those tables name no API at all)"
    )
    if un["types"]:
        table = _table("Types not mapped")
        for col in ("kind", "type", "blocks", "reason"):
            table.add_column(col, overflow="fold")
        for t in un["types"]:
            table.add_row(t["kind"], t["type"], str(t["count"]), t["reason"])
        console.print(table)
    if un["apis"]:
        table = _table("APIs without a documented action")
        for col in ("service", "API", "reason", "types"):
            table.add_column(col, overflow="fold")
        for m in un["apis"]:
            table.add_row(m["service"], m["api"], m["reason"], ", ".join(m["types"]))
        console.print(table)
    for n in un["without_actions"]:
        console.print(f"documented with no action: {n['operation_name']} ({', '.join(n['apis'])})")


def _print_verdict(console: Console, answer: use_case.TerraformAnswer) -> None:
    if answer.scope is None:
        console.print("Nothing to grant: no provider API of these types maps to a documented operation.")
        return
    for line in scope_plan.plan_of(answer.scope).lines:  # the same text as scope, the Scope page and the UI
        console.print(line, markup=False, highlight=False, soft_wrap=True)


@click.command("terraform")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--against",
    "against",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="POLICY",
    help="Check these policy files (JSON or Terraform, one set) against what the configuration needs.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("json", "terraform")),
    default="json",
    show_default=True,
    help="How the policies are printed (the text output).",
)
@click.option(
    "--attach",
    type=LazyChoice(policies.attach_choices),
    default=None,
    help="With --against: where the policies are granted.",
)
@click.option(
    "--fail-on",
    type=LazyChoice(policies.severities),
    default="error",
    show_default=True,
    help="With --against: exit 1 when a finding is at least this severe.",
)
@click.option("--sarif", "as_sarif", is_flag=True, help="With --against: print the findings as SARIF 2.1.0.")
@click.option(
    "--provider-data",
    "provider",
    type=click.Path(path_type=Path),
    default=None,
    help="Provider data written by ./run provider, or a provider checkout (default: the shipped data).",
)
@_depth_options
@_catalog_option
@click.option("--json", "as_json", is_flag=True, help="Print the answer (or with --against the findings) as JSON.")
def terraform_cmd(
    paths: tuple[Path, ...],
    against: tuple[Path, ...],
    fmt: str,
    attach: str | None,
    fail_on: str,
    as_sarif: bool,
    provider: Path | None,
    depth: int | None,
    possible: bool,
    exclude: queries.Exclude,
    catalog: Path | None,
    cloud: str,
    as_json: bool,
) -> None:
    """What the principal that applies PATH... (folders of .tf files, .tf files, or a plan from
    'terraform show -json') must be allowed: the types, the least-privilege requirements, what could not be
    mapped, the enterprise-project verdict and the policies. --against POLICY... checks existing policies."""
    if as_json and as_sarif:
        raise click.UsageError("--json and --sarif are exclusive: choose one output")
    if as_sarif and not against:
        raise click.UsageError("--sarif reports the findings of --against POLICY...")
    with _errors(as_json or as_sarif):
        ex = catalogs.get_explorer(cloud, catalog)  # loaded as every command loads it
    # what the command adds to a query (parse tables, parse tree, answer: ~10^5 objects that live to the end)
    # set off the collector's passes over the catalog's heap, a sixth of a run (bench/bench_terraform.py)
    with collector.paused():
        with _errors(as_json or as_sarif):
            answer = use_case.analyse(
                list(paths), ex, max_depth=depth, exclude=exclude, possible=possible, provider=provider
            )
            report = None
            if against:
                linted = policies.lint_policies(policies.read_paths(list(against)), cloud, catalog, attach=attach)
                report = check(answer, linted)
        if report is not None:
            if as_json:
                click.echo(dumps(report.to_dict()), nl=False)
            elif as_sarif:
                click.echo(dumps(policies.to_sarif(report)), nl=False)
            else:
                _print_report(report)
            sys.exit(1 if report.fails(fail_on) else 0)
        _print_answer(answer, fmt, as_json)


def _print_answer(answer: use_case.TerraformAnswer, fmt: str, as_json: bool) -> None:
    data = answer.to_dict()
    if as_json:
        click.echo(dumps(data), nl=False)
        return
    console = _console()
    _print_types(console, data)
    _print_requirements(console, data)
    _print_unmatched(console, data)
    _print_verdict(console, answer)
    if answer.generated is not None:
        console.print("Policies:")
        text = dumps(answer.generated.to_dict()) if fmt == "json" else policies.to_terraform(answer.generated)
        click.echo(text, nl=False)


COMMANDS: list[click.Command] = [terraform_cmd]
