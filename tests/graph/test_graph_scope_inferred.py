"""A scope flag the importer read from a row's prose (Scope.inferred) stays marked in every answer and face."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from explorer import api
from explorer.catalog.store import dump_service
from explorer.model import ActionRef, Catalog, Operation, Provenance, Scope, ServiceCatalog, SourceDoc

FILE = "huaweicloud-zh/ecs/policy.md"


def _catalog() -> Catalog:
    def op(i: int, action: str, scope: Scope) -> Operation:
        return Operation(
            f"op{i}", {"en": f"op {i}"}, (f"GET /v1/r{i}",), (ActionRef(action),), (), scope, (), Provenance(FILE, 1, i)
        )

    ops = (
        op(1, "ecs:servers:get", Scope(True, True, None, None, ("enterprise_project",))),
        op(2, "ecs:servers:list", Scope(True, False)),
    )
    cat = Catalog("huaweicloud")
    cat.services["ecs"] = ServiceCatalog("huaweicloud", "ecs", (SourceDoc(FILE, "huaweicloud-zh"),), ops)
    return cat


def test_the_pairs_of_an_answer_carry_the_flags_read_from_text() -> None:
    ex = api.build_explorer(_catalog())
    (got,) = ex.show("ecs:servers:get").operations
    assert got.inferred == ("enterprise_project",)
    assert got.to_dict()["inferred"] == ["enterprise_project"]
    (plain,) = ex.show("ecs:servers:list").operations
    assert plain.inferred == ()
    assert [p.inferred for p in ex.closure("ecs:servers:get").requirements[0].scope] == [("enterprise_project",)]


def test_faces_show_a_flag_read_from_text_as_such() -> None:
    assert api.scope_flag(True, True) == "yes (from text)"
    assert api.scope_flag(False, True) == "no (from text)"
    assert api.scope_flag(None, True) == "?"  # nothing was read, so nothing is marked
    assert api.scope_flag(True) == "yes"


def test_show_prints_the_mark(tmp_path: Path) -> None:
    from explorer.cli import cli

    root = tmp_path / "cat"
    (root / "huaweicloud").mkdir(parents=True)
    cat = _catalog()
    (root / "huaweicloud" / "ecs.yaml").write_bytes(dump_service(cat.services["ecs"]).encode())
    result = CliRunner().invoke(cli, ["show", "ecs:servers:get", "--catalog", str(root)], terminal_width=200)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if "op 1" in line)
    assert "yes (from text)" in row
    assert row.count("(from text)") == 1  # the IAM flag came from its column
