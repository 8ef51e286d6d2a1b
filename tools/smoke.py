"""``python tools/smoke.py WHEEL`` (``./run package``): the built wheel, installed as a user would, answers the tour.

A fresh virtual environment in a temporary folder outside the checkout gets ``pip install WHEEL``
(no extras), and every command of :data:`TOUR` runs there, from another temporary folder, on the
catalog packaged in the wheel. Then ``permission-explorer ui`` must refuse with the install hint (no
streamlit yet), and after ``pip install "WHEEL[ui]"`` it must serve: the health endpoint answers ``ok``.
Runs with any Python 3.11+ and the standard library only (it does not import the package).
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Step:
    """One tour command: the arguments after ``permission-explorer``, its exit status and a text its output holds."""

    args: str
    status: int = 0
    expect: str = ""


# The reviewer's tour, on the catalog inside the wheel. Add a line per new command.
TOUR = (
    Step("--version", expect="permission-explorer, version "),
    Step("closure ecs:servers:createImage", expect="evs:snapshots:create"),
    Step("closure ecs:servers:createImage --json", expect='"format_version": 1'),
    Step("why evs:snapshots:create --from ecs:servers:createImage", expect="evs:snapshots:create"),
    Step("dependents evs:snapshots:create --json", expect='"format_version": 1'),
    Step("scope ecs:servers:createImage", expect="enterprise project"),
    Step("scope ecs:servers:createImage --json", expect='"verdict": "not_grantable"'),
    Step("scope ecs:servers:createImage --fail-on not_grantable", status=1, expect="Cannot be granted"),
    Step('explain "Policy doesn\'t allow ecs:servers:createImage to be performed." --json', expect='"known"'),
    Step("closure ecs:servers:createImage --possible --json", expect='"possible": true'),
    Step("search 镜像 --json", expect='"hits"'),
    Step("export ecs:servers:createImage -o closure.svg", expect="wrote closure.svg"),
    Step("export ecs:servers:createImage --format mermaid -o -", expect="flowchart"),
    Step("validate", expect="ok: "),
    Step("validate --json", expect='"ok": true'),
    Step("check --json", expect='"format_version": 1'),
    Step("closure no:such:action --json", status=2, expect='"error"'),
    # policy.json is written by tour() below: it allows only the target, so its dependencies are missing
    Step("policy lint policy.json --json", status=1, expect='"format_version": 1'),
    Step("policy generate ecs:servers:createImage", expect='"format_version": 1'),
    # main.tf is written by tour() below: one instance; the shipped provider data and the bundled catalog answer
    Step("terraform main.tf --json", expect='"ecs:cloudServers:createServers"'),
    Step("terraform main.tf --against policy.json --sarif", status=1, expect="MISSING_FOR_TERRAFORM"),
    Step("diff --edition huaweicloud-zh --edition otc-en --service ecs --json", status=1, expect='"action_renamed"'),
)
# A Terraform configuration for the terraform commands of the tour.
TERRAFORM = 'resource "huaweicloud_compute_instance" "web" {\n  name = "web"\n}\n'
# A custom policy for the policy commands of the tour.
POLICY = '{"Version": "1.1", "Statement": [{"Effect": "Allow", "Action": ["ecs:servers:createImage"]}]}\n'


def run(argv: list[str], cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def fail(message: str, proc: subprocess.CompletedProcess[str] | None = None) -> None:
    print(f"smoke: FAILED: {message}", file=sys.stderr)
    if proc is not None:
        print(f"--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-3000:]}", file=sys.stderr)
    sys.exit(1)


def pip_install(python: Path, requirement: str, cwd: Path) -> None:
    started = time.monotonic()
    # --no-compile: byte-compiling streamlit and pandas is most of the CPU time, and tells nothing here
    quiet = ["-q", "--disable-pip-version-check", "--no-compile"]
    proc = run([str(python), "-m", "pip", "install", *quiet, requirement], cwd)
    if proc.returncode != 0:
        fail(f"pip install {requirement}", proc)
    print(f"smoke: pip install {Path(requirement).name} ({time.monotonic() - started:.0f} s)")


def tour(command: Path, work: Path) -> None:
    (work / "policy.json").write_text(POLICY, encoding="utf-8")
    (work / "main.tf").write_text(TERRAFORM, encoding="utf-8")
    for step in TOUR:
        started = time.monotonic()
        proc = run([str(command), *shlex.split(step.args)], work)
        output = proc.stdout + proc.stderr
        if proc.returncode != step.status:
            fail(f"permission-explorer {step.args}: exit status {proc.returncode}, expected {step.status}", proc)
        if step.expect not in output or "Traceback" in output:
            fail(f"permission-explorer {step.args}: output lacks {step.expect!r} (or has a traceback)", proc)
        if "--json" in step.args:
            json.loads(proc.stdout)  # every --json answer, errors included, is one JSON document
        print(f"smoke: ok: permission-explorer {step.args} ({time.monotonic() - started:.1f} s)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ui_refuses_without_streamlit(command: Path, work: Path) -> None:
    proc = run([str(command), "ui", "--port", str(free_port())], work, timeout=60)
    if proc.returncode == 0 or "Traceback" in proc.stderr or "permission-explorer[ui]" not in proc.stderr:
        fail("ui without the ui extra must exit non-zero with the install hint and no traceback", proc)
    print(f"smoke: ok: ui without streamlit exits {proc.returncode}: {proc.stderr.strip()}")


def ui_serves(command: Path, work: Path, timeout: float = 90) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/_stcore/health"
    log = work / "ui.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(command), "ui", "--port", str(port), "--address", "127.0.0.1"], cwd=work, stdout=out, stderr=out
        )
        try:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if server.poll() is not None:
                    fail(f"ui exited with status {server.returncode}:\n{log.read_text(errors='replace')}")
                try:
                    with urllib.request.urlopen(url, timeout=2) as resp:
                        if resp.read() == b"ok":
                            print(f"smoke: ok: ui serves, {url} answers ok")
                            return
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                time.sleep(0.3)
            fail(f"ui did not answer {url} within {timeout} s:\n{log.read_text(errors='replace')}")
        finally:
            server.terminate()
            try:
                server.wait(15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wheel", type=Path)
    parser.add_argument("--keep", action="store_true", help="Leave the temporary folders for inspection.")
    args = parser.parse_args()
    wheel = args.wheel.resolve()
    os.environ.pop("PERMISSION_EXPLORER_CATALOG", None)  # the packaged catalog, not one named by the caller
    base = Path(tempfile.mkdtemp(prefix="permission-explorer-smoke-"))
    if base.is_relative_to(ROOT):
        fail(f"{base} lies inside the checkout {ROOT}; set TMPDIR elsewhere")
    try:
        env_dir, work = base / "venv", base / "work"
        work.mkdir()
        venv.create(env_dir, with_pip=True)
        python, command = env_dir / "bin" / "python", env_dir / "bin" / "permission-explorer"
        pip_install(python, str(wheel), work)
        located = run([str(python), "-c", "import explorer.api as a; print(a.BUNDLED_CATALOG)"], work)
        catalog = Path(located.stdout.strip())
        if located.returncode != 0 or not catalog.is_relative_to(env_dir) or not (catalog / "huaweicloud").is_dir():
            fail(f"the bundled catalog is not the one inside the installed package: {catalog}", located)
        if not (catalog / "parsed-catalog.json").is_file():  # a first run without it parses every YAML file
            fail(f"the wheel's catalog lacks parsed-catalog.json: {catalog}", located)
        print(f"smoke: ok: bundled catalog at {catalog}")
        tour(command, work)
        ui_refuses_without_streamlit(command, work)
        pip_install(python, f"{wheel}[ui]", work)
        ui_serves(command, work)
    finally:
        if args.keep:
            print(f"smoke: kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    print(f"smoke: the wheel {wheel.name} passed")


if __name__ == "__main__":
    main()
