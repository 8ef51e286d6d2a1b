"""``kill -9`` of an import at any instant leaves the old catalog or the new one, never a mix.

The import runs in a forked child that SIGKILLs itself just before its k-th file-system call
(open, write-flush, fsync, mkdir, link, rename, unlink, rmtree), for every k from the first to the
last call a full import makes: before, inside and after the build of the generation, at the commit,
between the cloud folders being unpacked, between them and the report, and during the clean-up.
After each kill, what readers see (loading, ``validate``) is exactly the old or the new catalog;
the next import recovers and leaves the new catalog with nothing hidden behind. A few real
``permission-explorer import`` processes killed at random instants check the same from outside.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from explorer import api
from explorer.catalog import generations

REPO = Path(__file__).resolve().parents[2]
MINI = REPO / "tests" / "fixtures" / "docs" / "corpus"
CLI = Path(sys.executable).with_name("permission-explorer")


def _corpus_new(tmp: Path) -> Path:
    """The mini corpus less its otc pages (the otc cloud disappears) and one huaweicloud page."""
    new = tmp / "corpus-new"
    shutil.copytree(MINI, new)
    lines = (new / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    kept = [ln for ln in lines if not ln.startswith(("otc-", "huaweicloud-zh\tecs\thuaweicloud-zh/ecs/管道"))]
    (new / "MANIFEST.tsv").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return new


def _visible(root: Path) -> dict[str, bytes]:
    """What a reader of ``root`` sees: the files of its current generation, hidden entries left out."""
    current = generations.resolve_root(root)
    return {
        p.relative_to(current).as_posix(): p.read_bytes()
        for p in sorted(current.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(current).parts)
    }


def _everything(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


_CALLS: list[tuple[Any, str]] = [
    (os, "open"),
    (os, "fsync"),
    (os, "mkdir"),
    (os, "link"),
    (os, "replace"),
    (os, "rename"),
    (os, "unlink"),
    (os, "rmdir"),
    (shutil, "rmtree"),
    (shutil, "copy2"),
]


def _instrument(on_call: Callable[[str], None]) -> None:
    for module, name in _CALLS:
        real = getattr(module, name)

        def wrapper(*args: Any, _real: Any = real, _name: str = name, **kwargs: Any) -> Any:
            on_call(_name)
            return _real(*args, **kwargs)

        setattr(module, name, wrapper)


def _run_child(corpus: Path, out: Path, kill_at: int | None, count_file: Path | None = None) -> int:
    """Fork; the child imports ``corpus`` into ``out`` and kills itself before call ``kill_at``."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            calls = [0]

            def on_call(_name: str) -> None:
                calls[0] += 1
                if calls[0] == kill_at:
                    os.kill(os.getpid(), signal.SIGKILL)

            _instrument(on_call)
            api.import_corpus(corpus, out)
            if count_file is not None:
                with open(count_file, "w", encoding="ascii") as fh:
                    fh.write(str(calls[0]))
        except BaseException:
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    return status


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    tmp = tmp_path_factory.mktemp("kill")
    new_corpus = _corpus_new(tmp)
    api.import_corpus(MINI, tmp / "old")
    api.import_corpus(new_corpus, tmp / "new")
    old, new = _visible(tmp / "old"), _visible(tmp / "new")
    assert old != new and "otc/ecs.yaml" in old and "otc/ecs.yaml" not in new
    assert old["huaweicloud/ecs.yaml"] != new["huaweicloud/ecs.yaml"]
    return tmp, new_corpus, old, new


def test_a_kill_before_any_file_system_call_of_the_import_leaves_old_or_new(
    states: tuple[Path, Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    tmp, new_corpus, old, new = states
    probe = tmp / "probe"
    shutil.copytree(tmp / "old", probe)
    assert os.WEXITSTATUS(_run_child(new_corpus, probe, None, tmp / "count")) == 0
    total = int((tmp / "count").read_text(encoding="ascii"))
    assert _visible(probe) == new
    assert total > 30  # build, commit, unpack and clean-up calls

    outcomes = {"old": 0, "new": 0}
    committed_but_not_unpacked = 0
    for kill_at in range(1, total + 1):
        out = tmp / f"out-{kill_at}"
        shutil.copytree(tmp / "old", out)
        status = _run_child(new_corpus, out, kill_at)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, kill_at
        seen = _visible(out)
        assert seen in (old, new), f"killed before call {kill_at}: a mix of old and new"
        outcomes["old" if seen == old else "new"] += 1
        committed_but_not_unpacked += (out / generations.POINTER).exists()
        # every face reads the same catalog: validate is clean, loading gives that catalog
        result = api.validate([out])
        assert result.ok, (kill_at, result.problems[:3])
        assert sorted(api.load([out])) == (["huaweicloud", "otc"] if seen == old else ["huaweicloud"])
        # the next import recovers, removes every leftover and writes the new catalog
        api.import_corpus(new_corpus, out)
        assert _everything(out) == [
            "huaweicloud",
            "huaweicloud/ecs.yaml",
            "import-report.json",
            "parsed-catalog.json",
        ], kill_at
        assert _visible(out) == new
        shutil.rmtree(out)
    assert outcomes["old"] > 5 and outcomes["new"] > 5, outcomes
    assert committed_but_not_unpacked > 3  # kills between the commit and the end of unpacking were tried


def test_real_import_processes_killed_at_random_instants_leave_old_or_new(
    states: tuple[Path, Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    tmp, new_corpus, old, new = states
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    start = time.perf_counter()
    subprocess.run([str(CLI), "import", str(new_corpus), "--out", str(tmp / "timed")], check=True, env=env)
    duration = time.perf_counter() - start
    rng = random.Random(15)
    for trial in range(8):
        out = tmp / f"proc-{trial}"
        shutil.copytree(tmp / "old", out)
        proc = subprocess.Popen(
            [str(CLI), "import", str(new_corpus), "--out", str(out)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.5, 1.0) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _visible(out) in (old, new), trial
        assert api.validate([out]).ok
