"""Entry point: score the pool, solve the whole-pool assignment, explain the outcome."""

import time
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from ._blas import single_threaded_blas
from ._gc import gc_paused
from .assignment import solve_assignment
from .explain import BELOW_THRESHOLD, explain_pairs, explain_unmatched
from .profiles import MatchingConfig, encode_pool
from .scoring import (
    EXCLUDED_PAIR,
    MENTEE_LOCKED,
    MENTOR_AT_CAPACITY,
    REJECTED_AT_MEETING,
    build_rules,
    proposable_min,
    score_candidates,
    violation_masks,
)


@dataclass
class MatchResult:
    """Outcome of :func:`match`.

    ``proposals`` (locked pairs included, flagged) are sorted by mentee id; ``total_score`` is
    the sum of their scores; ``timings`` are seconds per stage; ``stats`` gives sizes.
    """

    proposals: list
    unmatched_mentees: list
    unmatched_mentors: list
    total_score: float
    timings: dict = field(default_factory=dict)
    stats: dict = field(default_factory=dict)

    def to_dict(self):
        return asdict(self)


def _index_of(ids):
    return {int(person_id): index for index, person_id in enumerate(ids.tolist())}


def _locked_indices(pool, locked):
    mentee_index, mentor_index = _index_of(pool.mentees.ids), _index_of(pool.mentors.ids)
    pairs, seen = [], set()
    for mentee_id, mentor_id in sorted(set(locked)):
        if mentee_id not in mentee_index or mentor_id not in mentor_index:
            raise ValueError(f"Locked pair ({mentee_id}, {mentor_id}) is not in the pool")
        if mentee_id in seen:
            raise ValueError(f"Mentee {mentee_id} is locked to more than one mentor")
        seen.add(mentee_id)
        pairs.append((mentee_index[mentee_id], mentor_index[mentor_id]))
    return pairs


def forbidden_indices(pool, rejected, excluded, locked_pairs=()):
    """Rejected/excluded id pairs as indices; ids outside the pool are simply irrelevant."""
    mentee_index, mentor_index = _index_of(pool.mentees.ids), _index_of(pool.mentors.ids)
    locked_set = set(locked_pairs)
    forbidden = []
    for code, pairs in ((REJECTED_AT_MEETING, rejected), (EXCLUDED_PAIR, excluded)):
        for mentee_id, mentor_id in sorted(set(pairs)):
            row, col = mentee_index.get(mentee_id), mentor_index.get(mentor_id)
            if row is None or col is None:
                continue
            if (row, col) in locked_set:
                raise ValueError(f"Pair ({mentee_id}, {mentor_id}) is both locked and {code}")
            forbidden.append((row, col, code))
    return forbidden


def _locked_violations(pool, rules, locked_pairs):
    """Hard constraints and threshold that a human-forced pair breaks, for the UI to warn."""
    per_mentor = np.bincount(
        [col for _row, col in locked_pairs], minlength=len(pool.mentors)
    ).astype(np.int64)
    violations = []
    for row, col in locked_pairs:
        masks = violation_masks(pool, rules, [row], [col])
        codes = [
            code
            for code, mask in masks.items()
            if code not in (MENTOR_AT_CAPACITY, MENTEE_LOCKED) and mask[0, 0]
        ]
        if per_mentor[col] > pool.mentors.capacity[col]:
            codes.append(MENTOR_AT_CAPACITY)
        violations.append(codes)
    return violations


def match(
    mentees,
    mentors,
    config=None,
    *,
    locked=(),
    excluded=(),
    rejected=(),
    candidates_per_mentee=32,
):
    """Propose the mentee-mentor pairs of maximum total score.

    ``mentees``/``mentors``: iterables of :class:`Profile`. ``locked``: (mentee_id, mentor_id)
    pairs forced in (they consume capacity and are reported with ``locked=True``).
    ``excluded`` (coordinator's re-run exclusions) and ``rejected`` (refused at a first
    meeting) are (mentee_id, mentor_id) pairs forced out. Same input, same output: people are
    processed in id order and the solver is deterministic.

    The assignment is exact: it is solved on each mentee's ``candidates_per_mentee`` best
    pairs, then every other pair is priced with the dual solution and added back if it could
    improve the total (see :func:`assignment.priced_assignment`); the optimum (total score)
    equals that of the dense solver on the whole capacity-expanded matrix. Scores are
    compared in cells of :data:`scoring.SCORE_STEP` (1/1024) counted from the threshold:
    pairs in one cell tie, which is what keeps near-identical people from making the solvers
    crawl; each proposal still carries its exact score. When many mentees compete for the
    same few mentors (star mentors, near-identical profiles, scarce capacity) the dense solver
    decides at once, and pricing never runs more than a few rounds (see
    :func:`assignment.solve_assignment`): no pool makes a session hang (10,000 near-identical
    people, the worst family measured: 5 to 35 s, against about 130 s for the bare dense
    solver on the same matrix; bench/README.md).
    """
    with single_threaded_blas(), gc_paused():
        return _match(
            mentees,
            mentors,
            config or MatchingConfig(),
            locked,
            excluded,
            rejected,
            candidates_per_mentee,
        )


def _match(mentees, mentors, config, locked, excluded, rejected, candidates_per_mentee):
    timings = {}
    start = time.perf_counter()
    pool = encode_pool(mentees, mentors, config)
    locked_pairs = _locked_indices(pool, locked)
    forbidden = forbidden_indices(pool, rejected, excluded, locked_pairs)
    rules = build_rules(pool, locked_pairs, forbidden)
    timings["encode"] = time.perf_counter() - start

    start = time.perf_counter()
    scores, candidates = score_candidates(pool, rules, candidates_per_mentee)
    timings["score_matrix"] = time.perf_counter() - start

    start = time.perf_counter()
    rows, cols, rounds = solve_assignment(
        scores,
        np.where(rules.mentor_ok, rules.remaining, 0),
        proposable_min(config),
        rules.mentee_ok,
        candidates=candidates,
    )
    del candidates
    timings["solve"] = time.perf_counter() - start

    start = time.perf_counter()
    locked_rows = np.array([row for row, _col in locked_pairs], np.int64)
    locked_cols = np.array([col for _row, col in locked_pairs], np.int64)
    all_rows = np.concatenate([locked_rows, rows])
    all_cols = np.concatenate([locked_cols, cols])
    flags = np.concatenate([np.ones(len(locked_rows), bool), np.zeros(len(rows), bool)])
    violations = _locked_violations(pool, rules, locked_pairs) + [[]] * len(rows)
    order = np.argsort(pool.mentees.ids[all_rows], kind="stable")
    proposals = explain_pairs(
        pool,
        scores,
        all_rows[order],
        all_cols[order],
        flags[order],
        [violations[index] for index in order.tolist()],
    )
    proposals = [
        _flag_below_threshold(proposal, config.min_score) if proposal.locked else proposal
        for proposal in proposals
    ]
    matched_rows = set(all_rows.tolist())
    matched_cols = set(all_cols.tolist())
    unmatched_rows = [row for row in range(len(pool.mentees)) if row not in matched_rows]
    unmatched_cols = [col for col in range(len(pool.mentors)) if col not in matched_cols]
    unmatched_mentees, unmatched_mentors = explain_unmatched(
        pool, rules, scores, unmatched_rows, unmatched_cols
    )
    timings["explain"] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    return MatchResult(
        proposals=proposals,
        unmatched_mentees=unmatched_mentees,
        unmatched_mentors=unmatched_mentors,
        total_score=float(sum(proposal.score for proposal in proposals)),
        timings=timings,
        stats={
            "mentees": len(pool.mentees),
            "mentors": len(pool.mentors),
            "capacity": int(rules.remaining.sum()),
            "proposed": len(rows),
            "locked": len(locked_pairs),
            "solve_rounds": rounds,
        },
    )


def _flag_below_threshold(proposal, min_score):
    if proposal.score >= min_score:
        return proposal
    return replace(proposal, violations=(*proposal.violations, BELOW_THRESHOLD))
