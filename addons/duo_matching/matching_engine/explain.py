"""Explanations as plain data (codes and parameters, never sentences: the Odoo layer translates).

Pair explanations are computed only for the proposed pairs; unmatched reasons only for the
people left without a pair, so both stay cheap next to the solve.
"""

from dataclasses import asdict, dataclass, field

import numpy as np

from .profiles import CRITERIA, slot_labels
from .scoring import (
    DIFFERENT_CENTRE,
    MENTEE_LOCKED,
    MENTEE_NOT_READY,
    MENTOR_AT_CAPACITY,
    MENTOR_NOT_READY,
    PAIR_CONSTRAINTS,
    pair_criteria,
    violation_masks,
)

# Unmatched reason codes (besides the person-level constraint codes of scoring.py).
NO_CANDIDATES = "no_candidates"
NO_ELIGIBLE_PARTNER = "no_eligible_partner"
BELOW_THRESHOLD = "below_threshold"
OUTCOMPETED = "outcompeted"

_CHUNK = 256


@dataclass(frozen=True)
class PairExplanation:
    """Why a pair is proposed. ``criteria[name]`` holds the raw ``score`` (0..1), the
    normalised ``weight`` and the ``contribution`` (= weight * score); contributions sum to
    ``score``. The runner-up is the best other eligible mentor for this mentee."""

    mentee_id: int
    mentor_id: int
    score: float
    locked: bool
    criteria: dict
    shared_languages: tuple  # ((code, mentee level, mentor level), ...), best first
    shared_slots: tuple  # (("tue", "evening"), ...)
    shared_personality_tags: tuple
    shared_interest_tags: tuple
    sector_match: str | None  # "division", "section" or None
    distance_km: float | None
    preferences_met: tuple  # (("mentee" | "mentor", attribute), ...)
    runner_up_mentor_id: int | None = None
    runner_up_score: float | None = None
    score_gap: float | None = None
    violations: tuple = ()  # hard constraints a *locked* pair breaks

    def to_dict(self):
        return asdict(self)


@dataclass(frozen=True)
class UnmatchedReason:
    """Why a person got no pair: a ``code`` and its ``params`` (ids, counts, languages...)."""

    person_id: int
    role: str  # "mentee" or "mentor"
    code: str
    params: dict = field(default_factory=dict)

    def to_dict(self):
        return asdict(self)


def _shared_languages(pool, row, col):
    workable = pool.config.workable_level
    levels_e = pool.mentees.lang_levels[row]
    levels_r = pool.mentors.lang_levels[col]
    codes = list(pool.vocabulary.languages)
    shared = [
        (codes[k], int(levels_e[k]), int(levels_r[k]))
        for k in np.flatnonzero((levels_e >= workable) & (levels_r >= workable))
    ]
    return tuple(sorted(shared, key=lambda item: (-min(item[1], item[2]), item[0])))


def _preferences_met(pool, row, col):
    mentee, mentor = pool.mentees.profiles[row], pool.mentors.profiles[col]
    met = []
    for role, person, partner in (("mentee", mentee, mentor), ("mentor", mentor, mentee)):
        for key, accepted in sorted(person.preferences.items()):
            if key in partner.attributes and partner.attributes[key] in set(accepted):
                met.append((role, key))
    return tuple(met)


def _pair_scores(pool, weights, rows, cols):
    """Exact total scores and per-criterion raw scores of pairs."""
    raw = pair_criteria(pool, rows, cols)
    total = sum(weights[name] * raw[name] for name in CRITERIA)
    return np.asarray(total, np.float64), raw


def _runner_ups(scores, rows, cols):
    """Best other eligible mentor per row (lowest index on ties, via argmax); -1 if none."""
    runner = np.full(len(rows), -1, np.int64)
    for start in range(0, len(rows), _CHUNK):
        part = slice(start, start + _CHUNK)
        block = scores[rows[part]].copy()
        block[np.arange(len(block)), cols[part]] = -np.inf
        best = np.argmax(block, axis=1)
        ok = block[np.arange(len(block)), best] >= 0
        runner[part] = np.where(ok, best, -1)
    return runner


def explain_pairs(pool, scores, rows, cols, locked_flags, violations):
    """One :class:`PairExplanation` per pair (rows/cols index the id-sorted sides)."""
    if not len(rows):
        return []
    weights = pool.config.normalised_weights()
    me, mr = pool.mentees, pool.mentors
    total, raw = _pair_scores(pool, weights, rows, cols)
    runner = _runner_ups(scores, rows, cols)
    has_runner = runner >= 0
    runner_total = np.full(len(rows), np.nan)
    if has_runner.any():
        runner_total[has_runner], _raw = _pair_scores(
            pool, weights, rows[has_runner], runner[has_runner]
        )
    explanations = []
    for k, (row, col) in enumerate(zip(rows.tolist(), cols.tolist(), strict=True)):
        mentee, mentor = me.profiles[row], mr.profiles[col]
        criteria = {
            name: {
                "score": float(raw[name][k]),
                "weight": weights[name],
                "contribution": float(weights[name] * raw[name][k]),
            }
            for name in CRITERIA
        }
        if raw["sector"][k] == 1.0:
            sector_match = "division"
        elif me.section[row] >= 0 and me.section[row] == mr.section[col]:
            sector_match = "section"
        else:
            sector_match = None
        distance = raw["distance_km"][k]
        runner_id = runner_score = gap = None
        if has_runner[k]:
            runner_id = int(mr.ids[runner[k]])
            runner_score = float(runner_total[k])
            gap = float(total[k] - runner_total[k])
        explanations.append(
            PairExplanation(
                mentee_id=mentee.id,
                mentor_id=mentor.id,
                score=float(sum(c["contribution"] for c in criteria.values())),
                locked=bool(locked_flags[k]),
                criteria=criteria,
                shared_languages=_shared_languages(pool, row, col),
                shared_slots=slot_labels(int(me.slots[row]) & int(mr.slots[col])),
                shared_personality_tags=tuple(
                    sorted(mentee.personality_tags & mentor.personality_tags)
                ),
                shared_interest_tags=tuple(sorted(mentee.interest_tags & mentor.interest_tags)),
                sector_match=sector_match,
                distance_km=None if np.isnan(distance) else float(distance),
                preferences_met=_preferences_met(pool, row, col),
                runner_up_mentor_id=runner_id,
                runner_up_score=runner_score,
                score_gap=gap,
                violations=tuple(violations[k]),
            )
        )
    return explanations


def _funnel(masks, order, n_partners):
    """Apply constraints in ``order``: survivors after each step and independent counts."""
    alive = np.ones(n_partners, bool)
    funnel, blocking = [], None
    for code in order:
        alive &= ~masks[code]
        remaining = int(alive.sum())
        funnel.append((code, remaining))
        if blocking is None and remaining == 0:
            blocking = code
    eliminated = {code: int(masks[code].sum()) for code in order}
    return funnel, blocking, eliminated


def _person_details(pool, side, index):
    person = side.profiles[index]
    workable = pool.config.workable_level
    codes = list(pool.vocabulary.languages)
    levels = side.lang_levels[index]
    languages = sorted(
        ((codes[k], int(levels[k])) for k in np.flatnonzero(levels >= workable)),
        key=lambda item: (-item[1], item[0]),
    )
    return {
        "languages": tuple(languages),
        "workable_level": workable,
        "slots": slot_labels(int(side.slots[index])),
        "centre_id": person.centre_id,
    }


def _candidate_reason(best_index, best_score, n_allowed, min_score, partner_ids):
    """Reason when eligible partners exist: all below threshold or all taken by others."""
    if n_allowed == 0:
        return BELOW_THRESHOLD, {
            "best_partner_id": int(partner_ids[best_index]),
            "best_score": float(best_score),
            "min_score": min_score,
        }
    return OUTCOMPETED, {
        "candidates": int(n_allowed),
        "best_partner_id": int(partner_ids[best_index]),
        "best_score": float(best_score),
    }


def _unmatched_block(pool, role, masks, scores, indices, partner_ok, partner_ids):
    """Reasons for a chunk of people; ``masks``/``scores`` are (chunk x partners)."""
    cfg = pool.config
    if role == "mentee":
        own = (MENTEE_NOT_READY,)
        order = (MENTOR_NOT_READY, MENTOR_AT_CAPACITY, *PAIR_CONSTRAINTS)
        side = pool.mentees
    else:
        own = (MENTOR_NOT_READY, MENTOR_AT_CAPACITY)
        order = (MENTEE_NOT_READY, MENTEE_LOCKED, *PAIR_CONSTRAINTS)
        side = pool.mentors
    reasons = []
    for local, index in enumerate(indices.tolist()):
        person_id = int(side.ids[index])
        own_code = next((code for code in own if masks[code][local].all()), None)
        if not len(partner_ids):
            reasons.append(UnmatchedReason(person_id, role, NO_CANDIDATES, {}))
            continue
        if own_code is not None:
            reasons.append(UnmatchedReason(person_id, role, own_code, {}))
            continue
        funnel, blocking, eliminated = _funnel(
            {code: masks[code][local] for code in order}, order, len(partner_ids)
        )
        if blocking is not None:
            params = _person_details(pool, side, index)
            params.update(
                blocking=blocking,
                funnel=tuple(funnel),
                eliminated_by=eliminated,
                candidates=len(partner_ids),
            )
            reasons.append(UnmatchedReason(person_id, role, NO_ELIGIBLE_PARTNER, params))
            continue
        row = np.where(partner_ok, scores[local], -1.0)
        best = int(np.argmax(row))
        n_allowed = int(((row >= cfg.min_score) & (row > 0)).sum())
        code, params = _candidate_reason(best, row[best], n_allowed, cfg.min_score, partner_ids)
        reasons.append(UnmatchedReason(person_id, role, code, params))
    return reasons


def explain_unmatched(pool, rules, scores, mentee_rows, mentor_cols):
    """Structured reasons for unmatched mentees (rows) and mentors (cols)."""
    n_e, n_r = len(pool.mentees), len(pool.mentors)
    all_e, all_r = np.arange(n_e), np.arange(n_r)
    mentees, mentors = [], []
    for start in range(0, len(mentee_rows), _CHUNK):
        rows = np.asarray(mentee_rows[start : start + _CHUNK], np.int64)
        masks = violation_masks(pool, rules, rows, all_r)
        mentees += _unmatched_block(
            pool, "mentee", masks, scores[rows], rows, rules.mentor_ok, pool.mentors.ids
        )
    for start in range(0, len(mentor_cols), _CHUNK):
        cols = np.asarray(mentor_cols[start : start + _CHUNK], np.int64)
        masks = {code: m.T for code, m in violation_masks(pool, rules, all_e, cols).items()}
        mentors += _unmatched_block(
            pool, "mentor", masks, scores[:, cols].T, cols, rules.mentee_ok, pool.mentees.ids
        )
    return mentees, mentors


__all__ = [
    "BELOW_THRESHOLD",
    "DIFFERENT_CENTRE",
    "NO_CANDIDATES",
    "NO_ELIGIBLE_PARTNER",
    "OUTCOMPETED",
    "PairExplanation",
    "UnmatchedReason",
    "explain_pairs",
    "explain_unmatched",
]
