#!/usr/bin/env python3
"""Run every bench/bench_*.py with its default arguments, one after another (`make bench`).

Each benchmark's output is printed as it comes; the run ends with one line per benchmark
(exit status and duration) and exits non-zero if any of them failed.
"""

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main():
    scripts = sorted(BENCH.glob("bench_*.py"))
    summary = []
    for script in scripts:
        print(f"===== {script.name} =====", flush=True)
        started = time.time()
        res = subprocess.run([sys.executable, str(script)], cwd=BENCH.parent, check=False)
        summary.append((script.name, res.returncode, time.time() - started))
        print(flush=True)
    print("===== summary =====")
    for name, code, seconds in summary:
        print(f"{name}: {'ok' if code == 0 else f'FAILED (exit {code})'} in {seconds:.0f}s")
    return 1 if any(code for _name, code, _s in summary) else 0


if __name__ == "__main__":
    sys.exit(main())
