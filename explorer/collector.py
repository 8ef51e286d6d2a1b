"""The cyclic garbage collector paused for a batch of work that makes no reference cycles.

CPython's collector runs when allocations outnumber deallocations by a threshold, whatever the work. A
command that builds a large structure which lives to its end (a whole corpus's catalog, a Terraform
answer on a loaded catalog) sets off passes over the whole heap, full ones too, that find nothing: the
objects are alive. For such work the collector is paused, which is safe when the work leaves no garbage in
cycles (tests hold each caller to it: ``gc.collect()`` finds nothing, or next to nothing, after it).

Not for a server: the switch is process-wide, and threads serving other sessions would share the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the collector off; on leaving, what the block made goes to the oldest generation."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # what the block made would all be young, and the first collection after the pause would pass
            # over every one of it: moved to the oldest generation (through the permanent one), it is left
            # to the rare full passes; a host process that froze objects of its own keeps them frozen
            own = gc.get_freeze_count() == 0
            if own:
                gc.freeze()
            gc.enable()
            if own:
                gc.unfreeze()
