"""Keep OpenBLAS to one thread around the score build.

The score build multiplies small feature matrices (inner dimensions of 5 to 60) in row
blocks of ~1M cells: OpenBLAS threads gain little there and, on a loaded machine (Odoo
workers, tests), their spin-waiting makes the products several times slower (measured 1.2 s
instead of 0.15 s at 2,000 x 2,000 on 2 busy cores). Parallelism of the build is
``MatchingConfig.threads`` instead. Best effort: without a recognisable OpenBLAS this is a
no-op.
"""

import ctypes
import threading
from contextlib import contextmanager
from functools import lru_cache

_NAMES = (
    ("scipy_openblas_get_num_threads64_", "scipy_openblas_set_num_threads64_"),
    ("openblas_get_num_threads64_", "openblas_set_num_threads64_"),
    ("openblas_get_num_threads", "openblas_set_num_threads"),
)
_LOCK = threading.Lock()
_state = {"depth": 0, "saved": None}


@lru_cache(maxsize=1)
def _openblas():
    """(get, set) of the OpenBLAS NumPy loaded (already mapped: callers import NumPy first)."""
    try:
        with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
            paths = sorted({line.split()[-1] for line in maps if "openblas" in line.lower()})
    except OSError:
        return None
    for path in paths:
        try:
            library = ctypes.CDLL(path)
        except OSError:
            continue
        for get_name, set_name in _NAMES:
            get, set_ = getattr(library, get_name, None), getattr(library, set_name, None)
            if get is not None and set_ is not None:
                get.restype, set_.argtypes = ctypes.c_int, [ctypes.c_int]
                return get, set_
    return None


@contextmanager
def single_threaded_blas():
    """Run the block with one OpenBLAS thread (re-entrant; restores the previous count)."""
    functions = _openblas()
    if functions is None:
        yield
        return
    get, set_ = functions
    with _LOCK:
        if _state["depth"] == 0:
            _state["saved"] = get()
            set_(1)
        _state["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                set_(_state["saved"])
