"""The policy package imports a name's module on first use: generating a policy loads none of the lint."""

from __future__ import annotations

import subprocess
import sys

import pytest

import explorer.policy

LINT_ONLY = ("explorer.policy.rules", "explorer.policy.lint", "explorer.policy.fix", "hcl2", "difflib")


def _fresh(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout.strip()


def test_the_generator_loads_neither_the_rules_nor_the_hcl_parser() -> None:
    out = _fresh(
        "import sys\nfrom explorer.policy import SEVERITIES, generate, to_terraform\n"
        f"print(sorted(m for m in {LINT_ONLY!r} if m in sys.modules))"
    )
    assert out == "[]"


@pytest.mark.parametrize("name", ["Finding", "severity", "lint", "read_paths", "CODES"])
def test_any_other_name_installs_the_table_of_codes_first(name: str) -> None:
    code = (
        f"from explorer.policy import {name}\n"
        "from explorer.policy.findings import Finding, Where\n"
        "print(Finding('UNKNOWN_ACTION', '', 'm', Where('p.json')).severity)"
    )
    assert _fresh(code) == "error"


def test_every_exported_name_resolves_to_its_modules_object() -> None:
    for name in explorer.policy.__all__:
        value = getattr(explorer.policy, name)
        assert value is getattr(sys.modules[f"explorer.policy.{explorer.policy._HOME[name]}"], name)
    with pytest.raises(AttributeError, match="no_such_name"):
        explorer.policy.no_such_name  # noqa: B018


def test_the_functions_keep_their_names_when_their_modules_were_imported_first() -> None:
    code = (
        "import explorer.policy.lint, explorer.policy.generate\n"
        "from explorer.policy import generate, lint\n"
        "print(type(generate).__name__, type(lint).__name__)"
    )
    assert _fresh(code) == "function function"
