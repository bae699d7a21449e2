"""Explanations as plain data (codes and parameters, never sentences: the Odoo layer translates).

Pair explanations are computed only for the proposed pairs; unmatched reasons only for the
people left without a pair, so both stay cheap next to the solve.
"""

from dataclasses import asdict, dataclass, field

import numpy as np

from .profiles import CRITERIA, slot_labels
from .scoring import (
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

# Constraints that can rule out the partners of a mentee (resp. a mentor), in the order the
# funnel of an unmatched person applies them.
FUNNEL_ORDER = {
    "mentee": (MENTOR_NOT_READY, MENTOR_AT_CAPACITY, *PAIR_CONSTRAINTS),
    "mentor": (MENTEE_NOT_READY, MENTEE_LOCKED, *PAIR_CONSTRAINTS),
}

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


def _shared_languages(pool, rows, cols):
    """Per pair, the languages both speak at a workable level, best common level first."""
    workable = pool.config.workable_level
    mentee_levels = pool.mentees.lang_levels[rows]
    mentor_levels = pool.mentors.lang_levels[cols]
    pair_idx, lang_idx = np.nonzero((mentee_levels >= workable) & (mentor_levels >= workable))
    codes = list(pool.vocabulary.languages)
    shared = [[] for _ in range(len(rows))]
    for k, lang, mentee_level, mentor_level in zip(
        pair_idx.tolist(),
        lang_idx.tolist(),
        mentee_levels[pair_idx, lang_idx].tolist(),
        mentor_levels[pair_idx, lang_idx].tolist(),
        strict=True,
    ):
        shared[k].append((codes[lang], mentee_level, mentor_level))
    return [tuple(sorted(items, key=lambda item: (-min(item[1:]), item[0]))) for items in shared]


def _preferences_met(mentee, mentor):
    met = []
    for role, person, partner in (("mentee", mentee, mentor), ("mentor", mentor, mentee)):
        for key, accepted in sorted(person.preferences.items()):
            if key in partner.attributes and partner.attributes[key] in set(accepted):
                met.append((role, key))
    return tuple(met)


def exact_pair_scores(pool, weights, rows, cols):
    """Exact total scores and per-criterion raw scores of pairs."""
    raw = pair_criteria(pool, rows, cols)
    total = sum(weights[name] * raw[name] for name in CRITERIA)
    return np.asarray(total, np.float64), raw


def _runner_ups(scores, rows, cols):
    """Best other eligible mentor per row (lowest index on ties, via argmax); -1 if none."""
    runner = np.full(len(rows), -1, np.int64)
    for start in range(0, len(rows), _CHUNK):
        part = slice(start, start + _CHUNK)
        block = scores[rows[part]]
        block[np.arange(len(block)), cols[part]] = -np.inf
        best = np.argmax(block, axis=1)
        ok = block[np.arange(len(block)), best] >= 0
        runner[part] = np.where(ok, best, -1)
    return runner


def _sector_matches(pool, raw_sector, rows, cols):
    mentee_section = pool.mentees.section[rows]
    same_section = (mentee_section >= 0) & (mentee_section == pool.mentors.section[cols])
    labels = np.where(raw_sector == 1.0, "division", np.where(same_section, "section", ""))
    return [label or None for label in labels.tolist()]


def explain_pairs(pool, scores, rows, cols, locked_flags, violations):
    """One :class:`PairExplanation` per pair (rows/cols index the id-sorted sides).

    Per-pair work is vectorised; the Python loop only assembles the records.
    """
    if not len(rows):
        return []
    weights = pool.config.normalised_weights()
    mentee_side, mentor_side = pool.mentees, pool.mentors
    total, raw = exact_pair_scores(pool, weights, rows, cols)
    runner = _runner_ups(scores, rows, cols)
    has_runner = runner >= 0
    runner_total = np.full(len(rows), np.nan)
    if has_runner.any():
        runner_total[has_runner], _raw = exact_pair_scores(
            pool, weights, rows[has_runner], runner[has_runner]
        )
    # Columns first (NumPy float64 products round exactly as Python's), then one pass that
    # only assembles the records.
    weight_list = [weights[name] for name in CRITERIA]
    score_columns = [raw[name].tolist() for name in CRITERIA]
    contribution_columns = [
        (weights[name] * np.asarray(raw[name], np.float64)).tolist() for name in CRITERIA
    ]
    distances = raw["distance_km"].tolist()
    gaps = (total - runner_total).tolist()
    runner_ids = np.where(has_runner, mentor_side.ids[np.maximum(runner, 0)], -1).tolist()
    runner_scores = runner_total.tolist()
    shared_slots = (mentee_side.slots[rows] & mentor_side.slots[cols]).tolist()
    languages = _shared_languages(pool, rows, cols)
    sectors = _sector_matches(pool, raw["sector"], rows, cols)
    locked_list = np.asarray(locked_flags, bool).tolist()
    mentees = [mentee_side.profiles[row] for row in rows.tolist()]
    mentors = [mentor_side.profiles[col] for col in cols.tolist()]
    explanations = []
    for k, (mentee, mentor, pair_scores, pair_contributions) in enumerate(
        zip(
            mentees,
            mentors,
            zip(*score_columns, strict=True),
            zip(*contribution_columns, strict=True),
            strict=True,
        )
    ):
        criteria = {
            name: {"score": score, "weight": weight, "contribution": contribution}
            for name, score, weight, contribution in zip(
                CRITERIA, pair_scores, weight_list, pair_contributions, strict=True
            )
        }
        runner_id = runner_ids[k] if runner_ids[k] >= 0 else None
        distance = distances[k]
        explanations.append(
            PairExplanation(
                mentee_id=mentee.id,
                mentor_id=mentor.id,
                score=sum(pair_contributions),
                locked=locked_list[k],
                criteria=criteria,
                shared_languages=languages[k],
                shared_slots=slot_labels(shared_slots[k]),
                shared_personality_tags=tuple(
                    sorted(mentee.personality_tags & mentor.personality_tags)
                ),
                shared_interest_tags=tuple(sorted(mentee.interest_tags & mentor.interest_tags)),
                sector_match=sectors[k],
                distance_km=None if distance != distance else distance,
                preferences_met=(
                    _preferences_met(mentee, mentor)
                    if mentee.preferences or mentor.preferences
                    else ()
                ),
                runner_up_mentor_id=runner_id,
                runner_up_score=runner_scores[k] if runner_id is not None else None,
                score_gap=gaps[k] if runner_id is not None else None,
                violations=tuple(violations[k]),
            )
        )
    return explanations


def _funnels(masks, order):
    """Apply constraints in ``order`` to a chunk of people at once: per person, survivors after
    each step (``funnel``) and partners each constraint excludes on its own (``eliminated``)."""
    alive = None
    survivors, eliminated = {}, {}
    for code in order:
        mask = masks[code]
        alive = ~mask if alive is None else alive & ~mask
        survivors[code] = alive.sum(1).tolist()
        eliminated[code] = mask.sum(1).tolist()
    return survivors, eliminated


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


def _own_codes(pool, rules, role, indices):
    """Person-level reason (not ready, at capacity) per person, or None: the code whose
    violation mask would be all-true on the person's row."""
    if role == "mentee":
        checks = ((MENTEE_NOT_READY, ~pool.mentees.ready[indices]),)
    else:
        checks = (
            (MENTOR_NOT_READY, ~pool.mentors.ready[indices]),
            (MENTOR_AT_CAPACITY, rules.remaining[indices] <= 0),
        )
    codes = [None] * len(indices)
    for code, flags in reversed(checks):
        for local in np.flatnonzero(flags).tolist():
            codes[local] = code
    return codes


def _unmatched_block(pool, rules, role, scores, indices, partner_ok, partner_ids):
    """Reasons for a chunk of people; ``scores`` is (chunk x partners).

    A pair scores -1 exactly when a hard constraint excludes it, so only people without any
    eligible partner (no score >= 0) need the per-constraint funnel, computed for them alone.
    """
    config = pool.config
    order = FUNNEL_ORDER[role]
    side = pool.mentees if role == "mentee" else pool.mentors
    candidates = np.where(partner_ok[None, :], scores, np.float32(-1.0))
    best = np.argmax(candidates, axis=1)
    best_scores = candidates[np.arange(len(best)), best].tolist()
    n_allowed = ((candidates >= config.min_score) & (candidates > 0)).sum(1).tolist()
    own_codes = _own_codes(pool, rules, role, indices)
    blocked = [
        local for local, score in enumerate(best_scores) if score < 0 and own_codes[local] is None
    ]
    funnels = {}
    if blocked and len(partner_ids):
        people = indices[blocked]
        if role == "mentee":
            masks = violation_masks(pool, rules, people, np.arange(len(pool.mentors)))
        else:
            masks = violation_masks(pool, rules, np.arange(len(pool.mentees)), people)
            masks = {code: mask.T for code, mask in masks.items()}
        survivors, eliminated = _funnels(masks, order)
        for k, local in enumerate(blocked):
            funnels[local] = (
                tuple((code, survivors[code][k]) for code in order),
                {code: eliminated[code][k] for code in order},
            )
    reasons = []
    for local, index in enumerate(indices.tolist()):
        person_id = int(side.ids[index])
        if not len(partner_ids):
            reasons.append(UnmatchedReason(person_id, role, NO_CANDIDATES, {}))
        elif own_codes[local] is not None:
            reasons.append(UnmatchedReason(person_id, role, own_codes[local], {}))
        elif local in funnels:
            funnel, eliminated_by = funnels[local]
            params = _person_details(pool, side, index)
            params.update(
                blocking=next(code for code, alive in funnel if alive == 0),
                funnel=funnel,
                eliminated_by=eliminated_by,
                candidates=len(partner_ids),
            )
            reasons.append(UnmatchedReason(person_id, role, NO_ELIGIBLE_PARTNER, params))
        else:
            code, params = _candidate_reason(
                int(best[local]),
                best_scores[local],
                n_allowed[local],
                config.min_score,
                partner_ids,
            )
            reasons.append(UnmatchedReason(person_id, role, code, params))
    return reasons


def explain_unmatched(pool, rules, scores, mentee_rows, mentor_cols):
    """Structured reasons for unmatched mentees (rows) and mentors (cols)."""
    mentees, mentors = [], []
    for start in range(0, len(mentee_rows), _CHUNK):
        rows = np.asarray(mentee_rows[start : start + _CHUNK], np.int64)
        mentees += _unmatched_block(
            pool, rules, "mentee", scores[rows], rows, rules.mentor_ok, pool.mentors.ids
        )
    for start in range(0, len(mentor_cols), _CHUNK):
        cols = np.asarray(mentor_cols[start : start + _CHUNK], np.int64)
        mentors += _unmatched_block(
            pool, rules, "mentor", scores[:, cols].T, cols, rules.mentee_ok, pool.mentees.ids
        )
    return mentees, mentors
