#!/usr/bin/env python3
"""Benchmark of the duo_matching engine on seeded random, realistic pools.

Usage: python3 bench/bench_matching_engine.py [--sizes 500,2000,10000] [--seed 7]

Each size runs in its own child process so that the peak RSS reported is that size's own.
Per size it prints: score-matrix time, solve time, whole-engine time (``match()``: encode +
matrix + constraints + solve + explanations), bare ``linear_sum_assignment`` time on the
full capacity-expanded value matrix of the same pool, their ratio, peak memory, and the
optimal total against the greedy best-first total.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "addons", "duo_matching"))

import matching_engine as engine  # noqa: E402

SECTIONS = "ABCDEFGHIJKLMNOPQRSTU"
LANGUAGES = ["fr", "nl", "en"] + [f"l{k:02d}" for k in range(37)]
BRUSSELS = (50.8466, 4.3528)


def _language_weights():
    weights = np.ones(len(LANGUAGES))
    weights[:3] = [30, 15, 20]
    return weights / weights.sum()


def random_profiles(rng, count, first_id, mentor):
    """Seeded profiles with realistic marginals (fr/en/nl dominant, Brussels-area homes)."""
    lang_p = _language_weights()
    sections = rng.choice(12, size=count)
    profiles = []
    for k in range(count):
        n_lang = int(rng.integers(2, 5))
        codes = rng.choice(len(LANGUAGES), size=n_lang, replace=False, p=lang_p)
        levels = rng.integers(1, 8, size=n_lang)
        levels[0] = max(levels[0], 4)  # everyone has at least one solid language
        slots = int(rng.integers(0, 1 << 21)) & int(rng.integers(0, 1 << 21))
        section = SECTIONS[sections[k]]
        profiles.append(
            engine.Profile(
                id=first_id + k,
                ready=bool(rng.random() > 0.05),
                centre_id=1,
                sector=f"{sections[k] * 4 + int(rng.integers(0, 4)):02d}",
                sector_section=section,
                languages={LANGUAGES[c]: int(lv) for c, lv in zip(codes, levels, strict=True)},
                slots=slots or 1 << int(rng.integers(0, 21)),
                personality_tags=frozenset(rng.choice(20, size=int(rng.integers(1, 4))).tolist()),
                interest_tags=frozenset(rng.choice(60, size=int(rng.integers(3, 9))).tolist()),
                lat=BRUSSELS[0] + rng.normal(0, 0.04),
                lon=BRUSSELS[1] + rng.normal(0, 0.06),
                attributes={"gender": "f" if rng.random() < 0.5 else "m"},
                preferences={"gender": {"f"}} if not mentor and rng.random() < 0.1 else {},
                capacity=int(rng.integers(1, 3)) if mentor else 1,
            )
        )
    return profiles


def _peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(size, seed):
    rng = np.random.default_rng(seed)
    mentees = random_profiles(rng, size, 1, mentor=False)
    mentors = random_profiles(rng, size, 10_000_000, mentor=True)
    config = engine.MatchingConfig()
    base_mb = _peak_mb()

    start = time.perf_counter()
    result = engine.match(mentees, mentors, config)
    engine_s = time.perf_counter() - start
    engine_peak_mb = _peak_mb()

    # The same score matrix and rules the engine used, rebuilt outside the timing.
    pool = engine.encode_pool(mentees, mentors, config)
    rules = engine.build_rules(pool)
    matrices = engine.score_matrix(pool, rules)
    scores, expanded = matrices.scores, matrices.expanded
    start = time.perf_counter()
    r, c = linear_sum_assignment(expanded, maximize=True)
    bare_s = time.perf_counter() - start
    bare_total = float(expanded[r, c].sum())
    del expanded, matrices

    opt_rows = np.array([pool.mentees.ids.searchsorted(p.mentee_id) for p in result.proposals])
    opt_cols = np.array([pool.mentors.ids.searchsorted(p.mentor_id) for p in result.proposals])
    optimal_total = engine.assignment_total(scores, opt_rows, opt_cols)
    start = time.perf_counter()
    g_rows, g_cols = engine.greedy_assignment(
        scores, rules.remaining, config.min_score, row_mask=rules.mentee_ok
    )
    greedy_s = time.perf_counter() - start
    greedy_total = engine.assignment_total(scores, g_rows, g_cols)
    return {
        "size": size,
        "capacity_columns": int(rules.remaining[rules.mentor_ok].sum()),
        "score_matrix_s": result.timings["score_matrix"],
        "solve_s": result.timings["solve"],
        "explain_s": result.timings["explain"],
        "engine_s": engine_s,
        "bare_lsa_s": bare_s,
        "ratio": engine_s / bare_s,
        "baseline_mb": base_mb,
        "engine_peak_mb": engine_peak_mb,
        "overall_peak_mb": _peak_mb(),
        "proposed": result.stats["proposed"],
        "unmatched_mentees": len(result.unmatched_mentees),
        "optimal_total": optimal_total,
        "bare_total": bare_total,
        "greedy_total": greedy_total,
        "greedy_s": greedy_s,
        "greedy_pairs": len(g_rows),
        "gain_pct": 100 * (optimal_total - greedy_total) / greedy_total if greedy_total else 0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,10000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--single", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.single:
        print(json.dumps(run_size(args.single, args.seed)))
        return
    print(
        f"{'n':>6} {'cols':>6} {'matrix s':>9} {'solve s':>8} {'engine s':>9} {'bare s':>8} "
        f"{'ratio':>6} {'peak MB':>8} {'pairs':>6} {'optimal':>10} {'greedy':>10} {'gain %':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--single", str(size), "--seed", str(args.seed)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        row = json.loads(out.strip().splitlines()[-1])
        print(
            f"{row['size']:>6} {row['capacity_columns']:>6} {row['score_matrix_s']:>9.3f} "
            f"{row['solve_s']:>8.3f} {row['engine_s']:>9.3f} {row['bare_lsa_s']:>8.3f} "
            f"{row['ratio']:>6.2f} {row['engine_peak_mb']:>8.0f} {row['proposed']:>6} "
            f"{row['optimal_total']:>10.2f} {row['greedy_total']:>10.2f} {row['gain_pct']:>7.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
