"""Deep-link state (pure functions) and the ``ui`` command's launch line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ui_support import FIXTURE_CATALOG

from explorer.cli import cli, ui_cmd
from explorer.ui.state import ExploreState, explore_params, read_explore, read_targets

CLOUDS = ("huaweicloud", "otc")


def test_defaults_from_an_empty_link() -> None:
    state = read_explore({}, CLOUDS)
    # the default answer everywhere: every depth, as the CLI gives it; possible ones left out
    assert state == ExploreState(cloud="huaweicloud", target="", direction="requirements", depth="all")
    assert state.max_depth is None and state.warnings == () and not state.possible
    assert explore_params(state) == {"cloud": "huaweicloud"}


def test_link_round_trip() -> None:
    params = {
        "action": "ecs:servers:createImage",
        "cloud": "otc",
        "direction": "dependents",
        "depth": "2",
        "conditional": "0",
        "possible": "1",
        "node": "ims:images:list",
    }
    state = read_explore(params, CLOUDS)
    assert (state.max_depth, state.conditional, state.possible, state.node) == (2, False, True, "ims:images:list")
    assert explore_params(state) == params
    assert read_explore(explore_params(state), CLOUDS) == state


@pytest.mark.parametrize(
    ("params", "warning"),
    [
        ({"cloud": "aws"}, "unknown cloud 'aws' in the link; expected one of: huaweicloud, otc"),
        ({"direction": "up"}, "unknown direction 'up' in the link; expected one of: requirements, dependents"),
        ({"depth": "-1"}, "depth '-1' in the link is not one of: 1, 2, 3, 4, 5, all"),
    ],
)
def test_bad_link_values_become_defaults_with_a_warning(params: dict[str, str], warning: str) -> None:
    state = read_explore(params, CLOUDS)
    assert state.warnings == (warning,)
    assert (state.cloud, state.direction, state.depth) == ("huaweicloud", "requirements", "all")


def test_targets_are_trimmed_deduplicated_and_capped() -> None:
    assert read_targets({"targets": " a:b:c , x:y:z,a:b:c,, "}) == ("a:b:c", "x:y:z")
    assert len(read_targets({"targets": ",".join(f"s:r:v{i}" for i in range(80))})) == 50
    assert read_targets({"targets": ["a:b:c,d:e:f", "ignored"]}) == ("a:b:c", "d:e:f")


def test_ui_command_runs_streamlit_on_the_named_catalog(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class FakeServer:
        def __init__(self, argv: list[str], env: dict[str, str]) -> None:
            seen.update(argv=argv, env=env)

        def wait(self, timeout: float | None = None) -> int:
            return 0

        def poll(self) -> int:
            return 0

    monkeypatch.setattr(subprocess, "Popen", FakeServer)
    monkeypatch.setattr(ui_cmd, "check_bind", lambda _address, _port: None)  # port 8600 may be taken here
    args = ["ui", "--port", "8600", "--address", "0.0.0.0", "--catalog", str(FIXTURE_CATALOG)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    argv = seen["argv"]
    assert argv[1:3] == ["-m", "explorer.ui.serve"]
    pairs = dict(zip(argv[3::2], argv[4::2], strict=True))
    assert pairs == {
        "--server.headless": "true",
        "--browser.gatherUsageStats": "false",
        "--client.toolbarMode": "viewer",
        "--server.fileWatcherType": "none",
        "--server.runOnSave": "false",
        "--runner.magicEnabled": "false",
        "--client.showErrorDetails": "type",
        "--server.port": "8600",
        "--server.address": "0.0.0.0",
        "--theme.light.primaryColor": "#2f6fd6",
        "--theme.dark.primaryColor": "#6ea8ff",
    }
    assert seen["env"]["PERMISSION_EXPLORER_CATALOG"] == str(FIXTURE_CATALOG.resolve())


def test_ui_command_refuses_a_missing_catalog(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["ui", "--catalog", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist; expected a catalog root" in result.output
    assert "Traceback" not in result.output


def test_the_server_module_is_streamlit_run_on_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m explorer.ui.serve OPTIONS`` is ``streamlit run app.py OPTIONS`` plus a preparing thread."""
    import threading

    from streamlit.web import cli as streamlit_cli

    from explorer.ui import serve
    from explorer.ui.serve import APP_SCRIPT

    started: list[str] = []
    ran: list[list[str]] = []
    monkeypatch.setattr(threading.Thread, "start", lambda self: started.append(self.name))
    monkeypatch.setattr(streamlit_cli, "main", lambda: ran.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["serve", "--server.port", "8600"])
    serve.main()
    assert ran == [["streamlit", "run", str(APP_SCRIPT), "--server.port", "8600"]]
    assert Path(APP_SCRIPT).is_file()
    assert started == ["permission-explorer-prepare"]


# A deep link's first view, run in a fresh interpreter after what the server's preparing thread imports: the
# modules it then imports itself, and whether pandas was ever imported.
_FIRST_VIEW = """
import json, os, sys
from streamlit.testing.v1 import AppTest
from explorer.app import diagrams
from explorer.ui import serve
diagrams.preload()
serve.streamlit_preload()
at = AppTest.from_file(sys.argv[1], default_timeout=120)
at.query_params.update(action="ecs:servers:createImage")
before = set(sys.modules)
at.run()
names = [c.proto.component_name.rsplit(".", 1)[-1] for c in at.get("component_instance")]
print(json.dumps({"components": names, "errors": [e.message for e in at.exception],
                  "new": sorted(set(sys.modules) - before), "pandas": "pandas" in sys.modules}))
"""


def test_a_first_view_leaves_nothing_heavy_to_import_and_never_imports_pandas() -> None:
    """Streamlit checks a component's dict arguments for data frames by importing pandas (a third of a first
    view's server time): the graph's data goes as JSON text. What a custom component and the page icon need
    from Streamlit (pyarrow, numpy, the emoji and icon tables) is imported by the preparing thread."""
    import json

    from explorer.ui.serve import APP_SCRIPT

    env = {"PERMISSION_EXPLORER_CATALOG": str(FIXTURE_CATALOG), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_VIEW, str(APP_SCRIPT)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.splitlines()[-1])
    assert sorted(seen["components"]) == ["permission_explorer_copy", "permission_explorer_graph"]
    assert seen["errors"] == []
    heavy = ("pandas", "numpy", "pyarrow", "streamlit.emojis", "streamlit.material_icon_names")
    assert [m for m in seen["new"] if m.split(".")[0] in heavy or m in heavy] == []
    assert seen["pandas"] is False


def test_preparing_shortens_the_switch_interval_only_while_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The catalog loads with the short switch interval (the web server answers the browser meanwhile), and
    the process gets its own interval back afterwards, also when the catalog cannot be loaded."""
    from explorer.app import diagrams
    from explorer.ui import serve, source

    seen: list[float] = []

    def loading(root: str) -> None:
        seen.append(sys.getswitchinterval())
        raise RuntimeError(f"cannot load {root}")

    monkeypatch.setattr(serve, "_serving", lambda: True)
    monkeypatch.setattr(diagrams, "preload", lambda: None)
    monkeypatch.setattr(source, "bundled", loading)
    before = sys.getswitchinterval()
    serve.prepare()
    assert seen == [serve.PREPARE_SWITCH_INTERVAL]
    assert before > serve.PREPARE_SWITCH_INTERVAL
    assert sys.getswitchinterval() == before
