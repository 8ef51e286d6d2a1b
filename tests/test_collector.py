"""The collector paused for batch work: given back as found, a host's frozen objects kept, nothing left young."""

from __future__ import annotations

import gc

from explorer import collector


def test_a_caller_that_runs_with_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
    frozen = gc.get_freeze_count()  # an earlier test of the same process may have frozen objects
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_host_that_froze_objects_keeps_them_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector.paused():
            assert not gc.isenabled()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_what_a_run_made_is_not_left_young_for_one_long_collection() -> None:
    examined: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            examined.append(sum(len(gc.get_objects(g)) for g in range(info["generation"] + 1)))

    gc.callbacks.append(watch)
    try:
        with collector.paused():
            made = [[i] for i in range(50_000)]  # tracked objects that outlive the run, as the parse tables do
        later = [[i] for i in range(5_000)]  # enough to set collections off
    finally:
        gc.callbacks.remove(watch)
    assert len(made) + len(later) == 55_000
    assert examined and max(examined) < 50_000  # no collection passed over what the run made
