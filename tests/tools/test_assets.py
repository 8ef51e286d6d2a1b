"""``python -m tools.assets`` on a small catalog of real rows shipped with the tests."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from tools.assets import main

CATALOG = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "catalog"


def run(*args: str) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout_bytes, result.stderr


def doc_with_markers(tmp_path: Path) -> Path:
    readme = tmp_path / "diagrams.md"
    name = "closure-ecs-servers-createImage"
    markers = f"<!-- diagram: {name} -->\nold\n<!-- /diagram: {name} -->"
    readme.write_text(f"# x\n\n{markers}\ntail\n", encoding="utf-8")
    return readme


def test_assets_writes_diagrams_and_the_doc_block(tmp_path: Path) -> None:
    readme = doc_with_markers(tmp_path)
    out = tmp_path / "assets"
    args = ["--out", str(out), "--doc", str(readme), "--catalog", str(CATALOG)]
    code, _, err = run(*args)
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [
        "closure-ecs-servers-createImage.mmd",
        "closure-ecs-servers-createImage.png",
        "closure-ecs-servers-createImage.svg",
        "legend.png",
        "legend.svg",
    ]
    text = readme.read_text(encoding="utf-8")
    mermaid = (out / "closure-ecs-servers-createImage.mmd").read_text(encoding="utf-8")
    assert text == (
        "# x\n\n<!-- diagram: closure-ecs-servers-createImage -->\n```mermaid\n"
        + mermaid
        + "```\n<!-- /diagram: closure-ecs-servers-createImage -->\ntail\n"
    )
    assert run(*args, "--check") == (0, b"", "diagrams are up to date\n")
    (out / "legend.svg").write_text("<svg/>", encoding="utf-8")
    code, _, err = run(*args, "--check")
    assert code == 1 and err == f"out of date: {out / 'legend.svg'}\n"
    assert (out / "legend.svg").read_text(encoding="utf-8") == "<svg/>"  # --check writes nothing


def test_assets_needs_the_doc_markers(tmp_path: Path) -> None:
    readme = tmp_path / "diagrams.md"
    readme.write_text("# no markers\n", encoding="utf-8")
    code, _, err = run("--out", str(tmp_path / "a"), "--doc", str(readme), "--catalog", str(CATALOG))
    assert code == 2
    assert "expected one pair of markers <!-- diagram: closure-ecs-servers-createImage -->" in err
    assert not (tmp_path / "a").exists()
