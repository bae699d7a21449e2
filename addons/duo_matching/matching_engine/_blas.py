"""Keep BLAS to one thread around the score build (with ``threadpoolctl``).

The score build multiplies small feature matrices (inner dimensions of 5 to 60) in row
blocks of ~1M cells: BLAS threads gain little there and, on a loaded machine (Odoo workers,
tests), their spin-waiting makes the products several times slower (measured 1.2 s instead
of 0.15 s at 2,000 x 2,000 on 2 busy cores). Parallelism of the build is
``MatchingConfig.threads`` instead.

``threadpoolctl`` limits are process-wide and a plain ``threadpool_limits`` block restores
whatever it saw on entry, so two threads of one Odoo server overlapping would leave BLAS at
one thread for good. A counter shared by all threads sets the limit on the first entry and
restores it on the last exit.
"""

import threading
from contextlib import contextmanager
from functools import lru_cache

from threadpoolctl import ThreadpoolController

_LOCK = threading.Lock()
_state = {"depth": 0, "limiter": None}


@lru_cache(maxsize=1)
def _controller():
    """The BLAS libraries of the process, found once (NumPy, imported first, loaded them)."""
    return ThreadpoolController()


@contextmanager
def single_threaded_blas():
    """Run the block with one BLAS thread (re-entrant, thread-safe; restores the count)."""
    with _LOCK:
        if _state["depth"] == 0:
            _state["limiter"] = _controller().limit(limits=1, user_api="blas")
        _state["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                _state["limiter"].restore_original_limits()
                _state["limiter"] = None
