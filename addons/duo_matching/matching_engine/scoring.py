"""Vectorised pair scores and hard constraints.

Two implementations of the same formulas live here on purpose:

* :func:`score_matrix` scores the whole pool in row blocks with float32 matrix products
  (languages, slots, tags, sectors, preferences and squared distances are all inner products of
  small per-person feature vectors), spread over threads since NumPy releases the GIL;
* :func:`pair_criteria` recomputes the criteria of a few given pairs exactly in float64, for
  explanations. Tests check that both agree.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

import numpy as np

from ._blas import single_threaded_blas
from .assignment import Candidates, top_candidates
from .profiles import CRITERIA

INFEASIBLE = -1.0

# Reason codes of the hard constraints, in the order an unmatched funnel applies them.
MENTEE_NOT_READY = "mentee_not_ready"
MENTOR_NOT_READY = "mentor_not_ready"
MENTOR_AT_CAPACITY = "mentor_at_capacity"
MENTEE_LOCKED = "mentee_locked"
DIFFERENT_CENTRE = "different_centre"
NO_COMMON_LANGUAGE = "no_common_language"
NO_COMMON_SLOT = "no_common_slot"
REJECTED_AT_MEETING = "rejected_at_meeting"
EXCLUDED_PAIR = "excluded_pair"
PAIR_CONSTRAINTS = (
    DIFFERENT_CENTRE,
    NO_COMMON_LANGUAGE,
    NO_COMMON_SLOT,
    REJECTED_AT_MEETING,
    EXCLUDED_PAIR,
)

_BLOCK_CELLS = 1 << 20  # cells per block: intermediates stay in the CPU caches


def _popcount(values):
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(values).astype(np.int64)
    counts = np.zeros(values.shape, dtype=np.int64)
    for bit in range(21):
        counts += (values >> bit) & 1
    return counts


@dataclass
class PairRules:
    """Per-pair and per-person eligibility, as indices into the id-sorted sides."""

    mentee_ok: np.ndarray  # ready and not locked: may be proposed in this run
    mentor_ok: np.ndarray  # ready with remaining capacity after locked pairs
    remaining: np.ndarray  # remaining capacity of each mentor after locked pairs
    forbidden: dict  # mentee row -> (mentor cols, reason codes) for rejected/excluded pairs


@dataclass
class _Features:
    """Per-side feature matrices (``*_e`` mentees, ``*_r`` mentors, transposed and contiguous)
    whose products give each criterion with its weight already folded in."""

    linear_e: np.ndarray
    linear_r: np.ndarray
    lang_e: np.ndarray
    lang_r: np.ndarray
    slots_e: np.ndarray
    slots_r: np.ndarray
    tags: list  # (inter_e, inter_r, union_e, union_r) per weighted tag criterion
    dist_e: np.ndarray | None
    dist_r: np.ndarray | None


@dataclass
class ScoreMatrices:
    """``scores``: float32 (mentees x mentors), weighted score in 0..1 or -1 when a hard
    constraint excludes the pair. ``expanded``: float64 (solve_rows x owner) input of the
    solver, the score where the pair may be proposed (>= threshold) and 0 elsewhere, mentor
    ``owner[k]`` repeated once per remaining capacity."""

    scores: np.ndarray
    expanded: np.ndarray
    solve_rows: np.ndarray
    owner: np.ndarray


def _linear_features(pool, weights):
    """Sector and preference scores are both inner products, so fold them into one GEMM.

    Sector: ``a*[same section] + (1-a)*[same division]`` (same division implies same section).
    Preferences: mean of both directions, each the share of stated preferences the partner
    satisfies (1 when none stated).
    """
    me, mr = pool.mentees, pool.mentors
    vocab = pool.vocabulary
    a = pool.config.same_section_score

    def sector_onehot(side, scale_section, scale_division):
        out = np.zeros((len(side), len(vocab.sections) + len(vocab.divisions)), np.float32)
        rows = np.flatnonzero(side.section >= 0)
        out[rows, side.section[rows]] = scale_section
        rows = np.flatnonzero(side.division >= 0)
        out[rows, len(vocab.sections) + side.division[rows]] = scale_division
        return out

    def pref_share(side):
        return side.preferences / np.maximum(side.n_preferences, 1)[:, None]

    w_sector, w_pref = weights["sector"], weights["preferences"]
    none_e = (me.n_preferences == 0).astype(np.float32)[:, None]
    none_r = (mr.n_preferences == 0).astype(np.float32)[:, None]
    linear_e = np.hstack(
        [
            w_sector * sector_onehot(me, a, 1 - a),
            w_pref * 0.5 * pref_share(me),
            w_pref * 0.5 * me.attributes,
            w_pref * 0.5 * none_e,
            np.full((len(me), 1), w_pref * 0.5, np.float32),
        ]
    )
    linear_r = np.hstack(
        [
            sector_onehot(mr, 1.0, 1.0),
            mr.attributes,
            pref_share(mr),
            np.ones((len(mr), 1), np.float32),
            none_r,
        ]
    )
    return linear_e, linear_r


def _tag_features(side_e, side_r, weight):
    """Jaccard = I / (|A| + |B| - I): both numerator (weighted) and denominator are products.

    A tiny constant keeps 0/0 (both sets empty) at 0 without an extra masking pass.
    """
    ones_e, ones_r = np.ones((len(side_e), 1)), np.ones((len(side_r), 1))
    union_e = np.hstack([side_e, side_e.sum(1, keepdims=True), ones_e, ones_e])
    union_r = np.hstack([-side_r, ones_r, side_r.sum(1, keepdims=True), 1e-6 * ones_r])
    return weight * side_e, side_r, union_e, union_r


def _distance_features(pool):
    """``|p|^2 + |q|^2 - 2 p.q + h^2`` as one inner product (coordinates are centred, so
    float32 is precise to ~10 m at the scale of a region)."""
    p, q = pool.mentees.xy_km, pool.mentors.xy_km
    h2 = pool.config.distance_half_km**2
    dist_e = np.column_stack([p, (p**2).sum(1), np.ones(len(p)), np.ones(len(p))])
    dist_r = np.column_stack([-2 * q, np.ones(len(q)), (q**2).sum(1), np.full(len(q), h2)])
    return dist_e, dist_r


def _features(pool, weights):
    """All feature matrices, float32, mentor side transposed once for the block products."""
    me, mr, cfg = pool.mentees, pool.mentors, pool.config

    def scale(weight):
        # A zero weight still needs the product for the hard constraint.
        return weight if weight > 0 else 1.0

    def f32(matrix_e, matrix_r):
        return (
            np.ascontiguousarray(matrix_e, dtype=np.float32),
            np.ascontiguousarray(np.asarray(matrix_r).T, dtype=np.float32),
        )

    linear = f32(*_linear_features(pool, weights))
    lang = f32(me.lang_factor * scale(weights["languages"]), mr.lang_factor)
    slots = f32(
        me.slot_onehot * (scale(weights["availability"]) / cfg.slots_target), mr.slot_onehot
    )
    tags = []
    for name in ("personality", "interests"):
        if weights[name] > 0:
            inter_e, inter_r, union_e, union_r = _tag_features(
                getattr(me, name), getattr(mr, name), weights[name]
            )
            tags.append((*f32(inter_e, inter_r), *f32(union_e, union_r)))
    dist = f32(*_distance_features(pool)) if weights["distance"] > 0 else (None, None)
    return _Features(*linear, *lang, *slots, tags, *dist)


def build_rules(pool, locked=(), forbidden_pairs=()):
    """Eligibility arrays; ``locked`` and ``forbidden_pairs`` use indices, not ids.

    ``forbidden_pairs`` is an iterable of (mentee row, mentor col, reason code).
    """
    me, mr = pool.mentees, pool.mentors
    mentee_ok = me.ready.copy()
    remaining = mr.capacity.copy()
    for row, col in locked:
        mentee_ok[row] = False
        remaining[col] -= 1
    remaining = np.maximum(remaining, 0)
    grouped = {}
    for row, col, code in forbidden_pairs:
        grouped.setdefault(row, {}).setdefault(col, code)
    forbidden = {
        row: (np.fromiter(cols, np.int64, len(cols)), tuple(cols.values()))
        for row, cols in grouped.items()
    }
    return PairRules(
        mentee_ok=mentee_ok,
        mentor_ok=mr.ready & (remaining > 0),
        remaining=remaining,
        forbidden=forbidden,
    )


def _add_distance(pool, feats, weights, rows, total):
    me, mr, cfg = pool.mentees, pool.mentors, pool.config
    dist = np.matmul(feats.dist_e[rows], feats.dist_r)  # d^2 + h^2 >= h^2 > 0
    h2 = np.float32(cfg.distance_half_km**2)
    np.divide(np.float32(weights["distance"]) * h2, dist, out=dist)
    missing = np.float32(weights["distance"] * cfg.missing_distance_score)
    if not me.has_coords[rows].all():
        dist[~me.has_coords[rows]] = missing
    if not pool.mentors_all_located:
        dist[:, ~mr.has_coords] = missing
    total += dist


def _infeasible_block(pool, feats, rules, weights, rows, total):
    """Add language, slot and centre terms to ``total``; return the excluded-pair mask."""
    me, mr, cfg = pool.mentees, pool.mentors, pool.config
    lang = np.matmul(feats.lang_e[rows], feats.lang_r)
    infeasible = lang <= 0
    if weights["languages"] > 0:
        np.minimum(lang, np.float32(weights["languages"]), out=lang)
        total += lang
    slots = np.matmul(feats.slots_e[rows], feats.slots_r)
    infeasible |= slots <= 0
    if weights["availability"] > 0:
        np.minimum(slots, np.float32(weights["availability"]), out=slots)
        total += slots
    if not cfg.allow_cross_centre and pool.several_centres:
        same = me.centre[rows][:, None] == mr.centre[None, :]
        same[me.centre[rows] < 0] = True
        same[:, mr.centre < 0] = True
        infeasible |= ~same
    infeasible[~me.ready[rows]] = True
    infeasible[:, ~rules.mentor_ok] = True
    for local, row in enumerate(range(rows.start, rows.stop)):
        if row in rules.forbidden:
            infeasible[local, rules.forbidden[row][0]] = True
    return infeasible


def _score_block(pool, feats, rules, weights, rows, out, sink):
    """Scores of the mentee slice ``rows`` against every mentor, written into ``out`` and
    handed to ``sink(rows, block)`` while still in cache. Few full passes: weights are folded
    into the products."""
    total = out[rows]
    np.matmul(feats.linear_e[rows], feats.linear_r, out=total)
    infeasible = _infeasible_block(pool, feats, rules, weights, rows, total)
    for inter_e, inter_r, union_e, union_r in feats.tags:
        inter = np.matmul(inter_e[rows], inter_r)
        inter /= np.matmul(union_e[rows], union_r)
        total += inter
    if feats.dist_e is not None:
        _add_distance(pool, feats, weights, rows, total)
    np.putmask(total, infeasible, np.float32(INFEASIBLE))
    sink(rows, total)


def proposable_min(config):
    """Smallest proposable score: the threshold, and never 0 (0 means "not allowed")."""
    return max(config.min_score, float(np.finfo(np.float32).tiny))


@dataclass
class _Expanded:
    matrix: np.ndarray
    owner: np.ndarray
    position: np.ndarray  # mentee row -> row of ``matrix`` (valid for solved rows only)
    min_value: float
    mentee_ok: np.ndarray

    def __call__(self, rows, total):
        # Locked mentees keep their scores (their explanation needs a runner-up) but are not
        # solved.
        solve_local = np.flatnonzero(self.mentee_ok[rows])
        if len(solve_local) and self.matrix.shape[1]:
            proposable = total[solve_local]
            proposable[proposable < self.min_value] = 0
            target = self.position[rows.start + solve_local]
            self.matrix[target[0] : target[-1] + 1] = proposable[:, self.owner]


@dataclass
class _TopCandidates:
    """Sink keeping each solved mentee's ``k`` best proposable mentors (see
    :func:`assignment.top_candidates`)."""

    k: int
    min_value: float
    mentee_ok: np.ndarray
    bound: np.ndarray
    parts: list

    def __call__(self, rows, total):
        solve_local = np.flatnonzero(self.mentee_ok[rows])
        if not len(solve_local):
            return
        local, cols, values, bound = top_candidates(total[solve_local], self.min_value, self.k)
        solve_rows = rows.start + solve_local
        self.parts.append((rows.start, solve_rows[local], cols, values))
        self.bound[solve_rows] = bound


def _build_scores(pool, rules, sink):
    """Float32 score matrix built in cache-sized row blocks, each passed to ``sink``."""
    weights = pool.config.normalised_weights()
    n_e, n_r = len(pool.mentees), len(pool.mentors)
    out = np.empty((n_e, n_r), dtype=np.float32)
    if n_e and n_r:
        feats = _features(pool, weights)
        step = max(8, _BLOCK_CELLS // max(n_r, 1))
        blocks = [slice(start, min(start + step, n_e)) for start in range(0, n_e, step)]
        threads = pool.config.threads or os.cpu_count() or 1
        build = partial(_score_block, pool, feats, rules, weights, out=out, sink=sink)
        with single_threaded_blas():
            if threads <= 1 or len(blocks) == 1:
                for rows in blocks:
                    build(rows)
            else:
                with ThreadPoolExecutor(max_workers=threads) as executor:
                    list(executor.map(build, blocks))
    return out


def score_matrix(pool, rules):
    """Scores and the solver's capacity-expanded matrix (see :class:`ScoreMatrices`), built in
    cache-sized row blocks."""
    solve_rows = np.flatnonzero(rules.mentee_ok)
    owner = np.repeat(np.arange(len(pool.mentors)), np.where(rules.mentor_ok, rules.remaining, 0))
    expanded = _Expanded(
        matrix=np.zeros((len(solve_rows), len(owner)), dtype=np.float64),
        owner=owner,
        position=np.cumsum(rules.mentee_ok) - 1,
        min_value=proposable_min(pool.config),
        mentee_ok=rules.mentee_ok,
    )
    scores = _build_scores(pool, rules, expanded)
    return ScoreMatrices(scores, expanded.matrix, solve_rows, owner)


def score_candidates(pool, rules, k=32):
    """Float32 scores (as in :class:`ScoreMatrices`) and, for the mentees to solve, their ``k``
    best proposable mentors as :class:`assignment.Candidates`: the input of
    :func:`assignment.priced_assignment`, without any capacity-expanded dense matrix."""
    sink = _TopCandidates(
        k=k,
        min_value=proposable_min(pool.config),
        mentee_ok=rules.mentee_ok,
        bound=np.full(len(pool.mentees), -np.inf),
        parts=[],
    )
    scores = _build_scores(pool, rules, sink)
    # Block order, not thread completion order: the solver's tie-breaking sees the same input.
    parts = [part[1:] for part in sorted(sink.parts, key=lambda part: part[0])]
    parts = parts or [(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))]
    rows, cols, values = (np.concatenate(items) for items in zip(*parts, strict=True))
    return scores, Candidates(rows, cols, values, sink.bound)


def pair_criteria(pool, rows, cols):
    """Exact float64 criterion scores (0..1) of the pairs ``(rows[k], cols[k])``.

    Returns ``{criterion: array}`` plus ``"distance_km"`` (NaN when a side has no coordinates).
    """
    me, mr, cfg = pool.mentees, pool.mentors, pool.config
    rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
    a = cfg.same_section_score
    same_div = (me.division[rows] == mr.division[cols]) & (me.division[rows] >= 0)
    same_sec = (me.section[rows] == mr.section[cols]) & (me.section[rows] >= 0)
    sector = np.where(same_div, 1.0, np.where(same_sec, a, 0.0))

    lf_e = me.lang_factor[rows].astype(np.float64)
    lf_r = mr.lang_factor[cols].astype(np.float64)
    languages = np.minimum((lf_e * lf_r).sum(1), 1.0)

    shared = _popcount(me.slots[rows] & mr.slots[cols])
    availability = np.minimum(shared, cfg.slots_target) / cfg.slots_target

    def jaccard(name):
        tags_e = getattr(me, name)[rows].astype(np.float64)
        tags_r = getattr(mr, name)[cols].astype(np.float64)
        inter = (tags_e * tags_r).sum(1)
        union = tags_e.sum(1) + tags_r.sum(1) - inter
        return inter / np.maximum(union, 1.0)

    both = me.has_coords[rows] & mr.has_coords[cols]
    dist_km = np.hypot(*(me.xy_km[rows] - mr.xy_km[cols]).T)
    h2 = cfg.distance_half_km**2
    distance = np.where(both, h2 / (h2 + dist_km**2), cfg.missing_distance_score)

    def directional(prefs_side, n_side, attrs_other):
        met = (prefs_side.astype(np.float64) * attrs_other).sum(1)
        n_side = n_side.astype(np.float64)
        return np.where(n_side > 0, met / np.maximum(n_side, 1.0), 1.0)

    preferences = 0.5 * directional(
        me.preferences[rows], me.n_preferences[rows], mr.attributes[cols]
    ) + 0.5 * directional(mr.preferences[cols], mr.n_preferences[cols], me.attributes[rows])
    result = {
        "sector": sector,
        "languages": languages,
        "availability": availability,
        "personality": jaccard("personality"),
        "interests": jaccard("interests"),
        "distance": distance,
        "preferences": preferences,
        "distance_km": np.where(both, dist_km, np.nan),
    }
    assert set(CRITERIA) <= set(result)
    return result


def violation_masks(pool, rules, rows, cols):
    """``{code: bool (len(rows) x len(cols))}``: which hard constraint each pair breaks.

    Used to explain unmatched people, so it runs only on their rows or columns.
    """
    me, mr, cfg = pool.mentees, pool.mentors, pool.config
    rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
    shape = (len(rows), len(cols))
    masks = {
        MENTEE_NOT_READY: np.broadcast_to(~me.ready[rows][:, None], shape),
        MENTEE_LOCKED: np.broadcast_to((me.ready & ~rules.mentee_ok)[rows][:, None], shape),
        MENTOR_NOT_READY: np.broadcast_to(~mr.ready[cols][None, :], shape),
        MENTOR_AT_CAPACITY: np.broadcast_to((rules.remaining[cols] <= 0)[None, :], shape),
    }
    centre_e, centre_r = me.centre[rows][:, None], mr.centre[cols][None, :]
    if cfg.allow_cross_centre:
        masks[DIFFERENT_CENTRE] = np.zeros(shape, bool)
    else:
        masks[DIFFERENT_CENTRE] = (centre_e != centre_r) & (centre_e >= 0) & (centre_r >= 0)
    masks[NO_COMMON_LANGUAGE] = (me.lang_factor[rows] @ mr.lang_factor[cols].T) <= 0
    masks[NO_COMMON_SLOT] = (me.slots[rows][:, None] & mr.slots[cols][None, :]) == 0
    col_pos = {col: k for k, col in enumerate(cols.tolist())}
    for code in (REJECTED_AT_MEETING, EXCLUDED_PAIR):
        masks[code] = np.zeros(shape, bool)
    for local, row in enumerate(rows.tolist()):
        forbidden_cols, codes = rules.forbidden.get(row, (np.empty(0, np.int64), ()))
        for col, code in zip(forbidden_cols.tolist(), codes, strict=True):
            if col in col_pos:
                masks[code][local, col_pos[col]] = True
    return masks
