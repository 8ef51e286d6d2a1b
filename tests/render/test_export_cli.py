"""The ``export`` command on a small catalog of real rows shipped with the tests."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from PIL import Image
from render_views import CREATE_IMAGE_DEPS

from explorer.cli import cli

CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "catalog"
SVG = "{http://www.w3.org/2000/svg}"
# the seed row's action and documented dependencies, then the certain ones of the ims rows (a wildcard
# is one requirement: what kms:*:* matches is not drawn)
CLOSURE = {"ecs:servers:createImage", *CREATE_IMAGE_DEPS} | {"ims:serverImages:create", "kms:*:*"}


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(cli, [*args, "--catalog", str(CATALOG)] if args[0] == "export" else list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def export_json(*args: str) -> dict[str, object]:
    code, out, err = run("export", *args, "--format", "json", "-o", "-")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def node_ids(data: dict[str, object]) -> set[str]:
    return {n["id"] for n in data["nodes"]}  # type: ignore[attr-defined, index]


def test_export_svg_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "closure.svg"
    code, _, err = run("export", "ecs:servers:createImage", "-o", str(out))
    assert code == 0, err
    assert err == f"wrote {out} (svg: 10 nodes, 9 edges)\n"
    root = etree.fromstring(out.read_bytes())
    labels = {t.text for g in root.iter(f"{SVG}g") if g.get("class") == "node" for t in g.iter(f"{SVG}text")}
    assert labels >= CLOSURE
    title = [t.text for t in root.find(f"{SVG}g").findall(f"{SVG}text")]
    assert title[0] == "Closure of ecs:servers:createImage"
    assert title[1].startswith("cloud: huaweicloud | catalog: ") and "fixtures/render/catalog" in title[1]


def test_export_json_follows_the_query_options() -> None:
    assert node_ids(export_json("ecs:servers:createImage")) == CLOSURE
    assert node_ids(export_json("ecs:servers:createImage", "--depth", "1")) == CLOSURE - {
        "ims:serverImages:create",
        "kms:*:*",
    }
    assert "ims:serverImages:create" not in node_ids(export_json("ecs:servers:createImage", "--no-conditional"))
    dependents = node_ids(export_json("evs:snapshots:create", "--direction", "dependents"))
    # the operations checking the action need it too: both snapshot rows, and the image row through its action
    assert dependents == {
        "evs:snapshots:create",
        "ecs:servers:createImage",
        "op:render-ecs-createimage",
        "op:render-evs-snapshot",
        "op:render-evs-snapshot-native",
    }


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("d.mmd", lambda b: b.startswith(b'---\ntitle: "Closure of ecs:servers:createImage')),
        ("d.dot", lambda b: b.startswith(b"digraph permission_explorer {")),
        ("d.gv", lambda b: b.startswith(b"digraph permission_explorer {")),
        ("d.graphml", lambda b: b"<graphml" in b),
        ("d.json", lambda b: json.loads(b)["graph"]["title"] == "Closure of ecs:servers:createImage"),
        ("d.pdf", lambda b: b.startswith(b"%PDF-")),
        ("d.png", lambda b: Image.open(io.BytesIO(b)).format == "PNG"),
    ],
)
def test_format_follows_the_file_suffix(tmp_path: Path, name: str, check: object) -> None:
    code, _, err = run("export", "ecs:servers:createImage", "-o", str(tmp_path / name))
    assert code == 0, err
    assert check((tmp_path / name).read_bytes())  # type: ignore[operator]


def test_binary_formats_go_to_stdout_as_bytes() -> None:
    code, out, _ = run("export", "ecs:servers:createImage", "--format", "png", "-o", "-")
    assert code == 0 and out.startswith(b"\x89PNG\r\n\x1a\n")
    Image.open(io.BytesIO(out)).verify()
    code, out, _ = run("export", "ecs:servers:createImage", "--format", "pdf", "-o", "-")
    assert code == 0 and out.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("ecs:servers:createImags", "-o", "-"), "error: "),
        (("ecs:servers:createImage", "-o", "d.txt"), "cannot tell the format from 'd.txt'"),
        (("a:b:c", "ecs:servers:get", "--direction", "dependents", "-o", "-"), "dependents takes one action"),
        (("ecs:servers:createImage", "-o", "/nonexistent-dir/d.svg"), "folder /nonexistent-dir does not exist"),
    ],
)
def test_bad_requests_are_clear_errors(args: tuple[str, ...], message: str) -> None:
    code, _, err = run("export", *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
