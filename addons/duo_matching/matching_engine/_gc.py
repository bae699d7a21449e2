"""Pause CPython's cyclic garbage collector while the engine builds its many small objects.

Encoding a pool and explaining its pairs allocate tens of thousands of small lists, sets and
records; each allocation burst triggers collections that walk every live object of the
process (in an Odoo worker: the whole registry), measured at a third of encoding 10,000
profiles. Nothing the engine builds holds a reference cycle, so reference counting frees it
all; the collector resumes when the outermost call returns.

``gc.disable()`` is process-wide: as in :mod:`._blas`, a counter shared by all threads pauses
the collector on the first entry and restores it, if it was running, on the last exit.
"""

import gc
import threading
from contextlib import contextmanager

_LOCK = threading.Lock()
_state = {"depth": 0, "was_enabled": False}


@contextmanager
def gc_paused():
    """Run the block without cyclic garbage collection (re-entrant, thread-safe)."""
    with _LOCK:
        if _state["depth"] == 0:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["depth"] -= 1
            if _state["depth"] == 0 and _state["was_enabled"]:
                gc.enable()
