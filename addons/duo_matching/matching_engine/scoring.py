"""Vectorised pair scores and hard constraints.

Two implementations of the same formulas live here on purpose:

* :func:`score_candidates` (and :func:`score_pool`) score the pool in cache-sized blocks (row
  slices, or centre by centre when people may not cross centres) with float32 matrix products
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

# The solver compares scores in cells of SCORE_STEP (about 0.1 point of 100) counted from the
# threshold: pairs in the same cell tie. Below it, differences are homes a few metres apart or
# float rounding, which no coordinator can tell apart, and such near-ties made every exact
# solver crawl (on 2,000 near-identical profiles the dense solver took 6 s on raw scores,
# 0.1 s on cells). Proposals still show exact scores.
SCORE_STEP = 2.0**-10


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
    """Per-side feature matrices (``*_mentee`` rows; ``*_mentor`` transposed and contiguous)
    whose products give each criterion with its weight already folded in."""

    linear_mentee: np.ndarray
    linear_mentor: np.ndarray
    lang_mentee: np.ndarray
    lang_mentor: np.ndarray
    slots_mentee: np.ndarray
    slots_mentor: np.ndarray
    # (shared_mentee, shared_mentor, union_mentee, union_mentor) per weighted tag criterion
    tags: list
    dist_mentee: np.ndarray | None
    dist_mentor: np.ndarray | None


def _linear_features(pool, weights):
    """Sector and preference scores are both inner products, so fold them into one GEMM.

    Sector: ``s*[same section] + (1-s)*[same division]`` with ``s`` the same-section score
    (same division implies same section).
    Preferences: mean of both directions, each the share of stated preferences the partner
    satisfies (1 when none stated).
    """
    mentees, mentors = pool.mentees, pool.mentors
    vocab = pool.vocabulary
    section_score = pool.config.same_section_score

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
    mentee_no_preferences = (mentees.n_preferences == 0).astype(np.float32)[:, None]
    mentor_no_preferences = (mentors.n_preferences == 0).astype(np.float32)[:, None]
    linear_mentee = np.hstack(
        [
            w_sector * sector_onehot(mentees, section_score, 1 - section_score),
            w_pref * 0.5 * pref_share(mentees),
            w_pref * 0.5 * mentees.attributes,
            w_pref * 0.5 * mentee_no_preferences,
            np.full((len(mentees), 1), w_pref * 0.5, np.float32),
        ]
    )
    linear_mentor = np.hstack(
        [
            sector_onehot(mentors, 1.0, 1.0),
            mentors.attributes,
            pref_share(mentors),
            np.ones((len(mentors), 1), np.float32),
            mentor_no_preferences,
        ]
    )
    return linear_mentee, linear_mentor


def _tag_features(mentee_tags, mentor_tags, weight):
    """Jaccard = I / (|A| + |B| - I): both numerator (weighted) and denominator are products.

    A tiny constant keeps 0/0 (both sets empty) at 0 without an extra masking pass.
    """
    mentee_ones, mentor_ones = np.ones((len(mentee_tags), 1)), np.ones((len(mentor_tags), 1))
    union_mentee = np.hstack(
        [mentee_tags, mentee_tags.sum(1, keepdims=True), mentee_ones, mentee_ones]
    )
    union_mentor = np.hstack(
        [-mentor_tags, mentor_ones, mentor_tags.sum(1, keepdims=True), 1e-6 * mentor_ones]
    )
    return weight * mentee_tags, mentor_tags, union_mentee, union_mentor


def _distance_features(pool):
    """``|p|^2 + |q|^2 - 2 p.q + h^2`` as one inner product (coordinates are centred, so
    float32 is precise to ~10 m at the scale of a region)."""
    mentee_xy, mentor_xy = pool.mentees.xy_km, pool.mentors.xy_km
    half_squared = pool.config.distance_half_km**2
    ones = np.ones(len(mentee_xy))
    dist_mentee = np.column_stack([mentee_xy, (mentee_xy**2).sum(1), ones, ones])
    dist_mentor = np.column_stack(
        [
            -2 * mentor_xy,
            np.ones(len(mentor_xy)),
            (mentor_xy**2).sum(1),
            np.full(len(mentor_xy), half_squared),
        ]
    )
    return dist_mentee, dist_mentor


def _features(pool, weights):
    """All feature matrices, float32, mentor side transposed once for the block products."""
    mentees, mentors, config = pool.mentees, pool.mentors, pool.config

    def scale(weight):
        # A zero weight still needs the product for the hard constraint.
        return weight if weight > 0 else 1.0

    def f32(mentee_matrix, mentor_matrix):
        return (
            np.ascontiguousarray(mentee_matrix, dtype=np.float32),
            np.ascontiguousarray(np.asarray(mentor_matrix).T, dtype=np.float32),
        )

    linear = f32(*_linear_features(pool, weights))
    lang = f32(mentees.lang_factor * scale(weights["languages"]), mentors.lang_factor)
    slots = f32(
        mentees.slot_onehot * (scale(weights["availability"]) / config.slots_target),
        mentors.slot_onehot,
    )
    tags = []
    for name in ("personality", "interests"):
        if weights[name] > 0:
            shared_mentee, shared_mentor, union_mentee, union_mentor = _tag_features(
                getattr(mentees, name), getattr(mentors, name), weights[name]
            )
            tags.append((*f32(shared_mentee, shared_mentor), *f32(union_mentee, union_mentor)))
    dist = f32(*_distance_features(pool)) if weights["distance"] > 0 else (None, None)
    return _Features(*linear, *lang, *slots, tags, *dist)


def build_rules(pool, locked=(), forbidden_pairs=()):
    """Eligibility arrays; ``locked`` and ``forbidden_pairs`` use indices, not ids.

    ``forbidden_pairs`` is an iterable of (mentee row, mentor col, reason code).
    """
    mentee_ok = pool.mentees.ready.copy()
    remaining = pool.mentors.capacity.copy()
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
        mentor_ok=pool.mentors.ready & (remaining > 0),
        remaining=remaining,
        forbidden=forbidden,
    )


def _add_distance(pool, feats, weights, rows, cols, total):
    mentees, mentors, config = pool.mentees, pool.mentors, pool.config
    dist = np.matmul(feats.dist_mentee[rows], feats.dist_mentor[:, cols])  # d^2 + h^2 >= h^2 > 0
    half_squared = np.float32(config.distance_half_km**2)
    np.divide(np.float32(weights["distance"]) * half_squared, dist, out=dist)
    missing = np.float32(weights["distance"] * config.missing_distance_score)
    if not mentees.has_coords[rows].all():
        dist[~mentees.has_coords[rows]] = missing
    if not pool.mentors_all_located:
        dist[:, ~mentors.has_coords[cols]] = missing
    total += dist


def _infeasible_block(pool, feats, rules, weights, rows, cols, total):
    """Add language, slot and centre terms to ``total``; return the excluded-pair mask."""
    mentees, mentors, config = pool.mentees, pool.mentors, pool.config
    lang = np.matmul(feats.lang_mentee[rows], feats.lang_mentor[:, cols])
    infeasible = lang <= 0
    if weights["languages"] > 0:
        np.minimum(lang, np.float32(weights["languages"]), out=lang)
        total += lang
    slots = np.matmul(feats.slots_mentee[rows], feats.slots_mentor[:, cols])
    infeasible |= slots <= 0
    if weights["availability"] > 0:
        np.minimum(slots, np.float32(weights["availability"]), out=slots)
        total += slots
    if not config.allow_cross_centre and pool.several_centres:
        same = mentees.centre[rows][:, None] == mentors.centre[cols][None, :]
        same[mentees.centre[rows] < 0] = True
        same[:, mentors.centre[cols] < 0] = True
        infeasible |= ~same
    infeasible[~mentees.ready[rows]] = True
    infeasible[:, ~rules.mentor_ok[cols]] = True
    row_indices = np.arange(len(mentees))[rows]
    for local, row in enumerate(row_indices.tolist()):
        if row in rules.forbidden:
            forbidden_cols = rules.forbidden[row][0]
            if isinstance(cols, slice):
                infeasible[local, forbidden_cols] = True
            else:
                at = np.searchsorted(cols, forbidden_cols)
                inside = at < len(cols)
                inside[inside] = cols[at[inside]] == forbidden_cols[inside]
                infeasible[local, at[inside]] = True
    return infeasible


def _score_block(pool, feats, rules, weights, block, out, sink):
    """Scores of the mentees ``rows`` against the mentors ``cols`` (``block``: a row slice and
    every mentor, or two sorted index arrays), written into ``out`` and handed to
    ``sink(rows, cols, scores)`` while still in cache. Few full passes: weights are folded
    into the products."""
    rows, cols = block
    in_place = isinstance(rows, slice) and isinstance(cols, slice)
    if in_place:
        total = out[rows]
        np.matmul(feats.linear_mentee[rows], feats.linear_mentor, out=total)
    else:
        total = np.matmul(feats.linear_mentee[rows], feats.linear_mentor[:, cols])
    infeasible = _infeasible_block(pool, feats, rules, weights, rows, cols, total)
    for shared_mentee, shared_mentor, union_mentee, union_mentor in feats.tags:
        shared = np.matmul(shared_mentee[rows], shared_mentor[:, cols])
        shared /= np.matmul(union_mentee[rows], union_mentor[:, cols])
        total += shared
    if feats.dist_mentee is not None:
        _add_distance(pool, feats, weights, rows, cols, total)
    snap_to_grid(total, proposable_min(pool.config))
    _exclude(total, infeasible)
    if isinstance(cols, slice) and not in_place:
        out[rows] = total
    elif not in_place:
        out[np.ix_(rows, cols)] = total
    sink(rows, cols, total)


def snap_to_grid(total, min_value):
    """Snap the scores of ``total`` (float32, in place, all >= 0) to cells of
    :data:`SCORE_STEP` counted from ``min_value``: each score becomes the middle of its cell
    (within half a step of it, never negative). A cell never straddles the threshold, so
    snapping never changes which pairs may be proposed. Plain arithmetic, no mask: a masked
    copy costs ten times as much on these blocks."""
    # float32 like the threshold every ``block >= min_value`` compares these scores to.
    threshold = np.float32(min_value)
    total -= threshold
    total *= np.float32(1 / SCORE_STEP)
    np.floor(total, out=total)
    total *= np.float32(SCORE_STEP)
    total += threshold + np.float32(SCORE_STEP / 2)
    np.maximum(total, np.float32(0), out=total)


def _exclude(total, infeasible):
    """``total`` (scores >= 0) set to INFEASIBLE where ``infeasible``, by arithmetic (a masked
    write costs five times as much on these blocks)."""
    shift = infeasible.astype(np.float32)
    shift *= np.float32(INFEASIBLE * 4)
    total += shift
    np.maximum(total, np.float32(INFEASIBLE), out=total)


def proposable_min(config):
    """Smallest proposable score: the threshold, and never 0 (0 means "not allowed")."""
    return max(config.min_score, float(np.finfo(np.float32).tiny))


@dataclass
class _TopCandidates:
    """Sink keeping each solved mentee's ``k`` best proposable mentors (see
    :func:`assignment.top_candidates`)."""

    k: int
    min_value: float
    mentee_ok: np.ndarray
    bound: np.ndarray
    parts: list

    def __call__(self, rows, cols, total):
        solve_local = np.flatnonzero(self.mentee_ok[rows])
        if not len(solve_local):
            return
        solve_rows = np.arange(len(self.mentee_ok))[rows][solve_local]
        # Mentee i starts its ties at column i * width / mentees: spread, not all on column 0.
        tie_start = solve_rows * total.shape[1] // len(self.mentee_ok)
        local, local_cols, values, bound = top_candidates(
            total[solve_local], self.min_value, self.k, tie_start=tie_start
        )
        found_cols = local_cols if isinstance(cols, slice) else cols[local_cols]
        self.parts.append((solve_rows[local], found_cols, values))
        self.bound[solve_rows] = bound


# A centre's mentees are scored only against its mentors (and those of no centre) when the
# pool spans several centres. Each block has a fixed cost (a score of about 20 NumPy calls,
# some 100 us, the price of a few thousand cells): centres smaller than _SMALL_GROUP_CELLS
# pairs share a block while the cross-centre cells that sharing adds cost less than one more
# block, so that a pool of a thousand one-person centres does not pay a thousand blocks.
_SMALL_GROUP_CELLS = 1 << 16
_BLOCK_FIXED_CELLS = 1 << 12


def _centre_groups(pool):
    """(mentee rows, mentor cols) per centre, as sorted index arrays; mentees of no centre
    meet every mentor (cols ``slice(None)``) and mentors of no centre join every centre."""
    mentee_centre, mentor_centre = pool.mentees.centre, pool.mentors.centre
    anywhere = np.flatnonzero(mentor_centre < 0)
    mentee_order = np.argsort(mentee_centre, kind="stable")
    mentor_order = np.argsort(mentor_centre, kind="stable")
    centres, mentee_starts = np.unique(mentee_centre[mentee_order], return_index=True)
    mentee_groups = np.split(mentee_order, mentee_starts[1:])
    sorted_mentor_centres = mentor_centre[mentor_order]
    lows = np.searchsorted(sorted_mentor_centres, centres, side="left")
    highs = np.searchsorted(sorted_mentor_centres, centres, side="right")
    groups = []
    for centre, rows, low, high in zip(
        centres.tolist(), mentee_groups, lows.tolist(), highs.tolist(), strict=True
    ):
        if centre < 0:
            groups.append((np.sort(rows), slice(None)))
            continue
        # A stable argsort keeps each centre's mentors in index order already.
        cols = np.union1d(mentor_order[low:high], anywhere) if len(anywhere) \
            else mentor_order[low:high]
        if len(cols):  # else the centre's mentees stay infeasible (the matrix starts at -1)
            groups.append((np.sort(rows), cols))
    return groups


def _score_plan(pool):
    """The blocks to score: row slices against every mentor, or, when a pool spans several
    centres that people may not cross, each centre's mentees against its own mentors only
    (a national pool of 17 centres then costs about a seventeenth of the whole matrix).
    Returns (blocks, whether the cells outside the blocks must be preset to infeasible)."""
    n_mentees, n_mentors = len(pool.mentees), len(pool.mentors)
    if pool.config.allow_cross_centre or not pool.several_centres:
        step = max(8, _BLOCK_CELLS // max(n_mentors, 1))
        blocks = [(slice(start, min(start + step, n_mentees)), slice(None))
                  for start in range(0, n_mentees, step)]
        return blocks, False
    blocks, bundle_rows, bundle_cols = [], [], np.empty(0, np.int64)
    n_rows = 0  # rows in the bundle

    def flush():
        if bundle_rows:
            blocks.append((np.sort(np.concatenate(bundle_rows)), bundle_cols))
            bundle_rows.clear()

    for rows, cols in _centre_groups(pool):
        width = n_mentors if isinstance(cols, slice) else len(cols)
        if not isinstance(cols, slice) and len(rows) * width < _SMALL_GROUP_CELLS:
            # Bundled blocks mix centres: the centre mask of the block rules those pairs out.
            merged_cols = np.union1d(bundle_cols, cols)
            cells = (n_rows + len(rows)) * len(merged_cols)
            added = cells - n_rows * len(bundle_cols) - len(rows) * width
            if bundle_rows and (added > _BLOCK_FIXED_CELLS or cells > _BLOCK_CELLS):
                flush()
                merged_cols, n_rows = cols, 0
            bundle_rows.append(rows)
            bundle_cols = merged_cols
            n_rows += len(rows)
            continue
        step = max(8, _BLOCK_CELLS // max(width, 1))
        blocks += [(rows[start : start + step], cols) for start in range(0, len(rows), step)]
    flush()
    return blocks, True


def _build_scores(pool, rules, sink):
    """Float32 score matrix built in cache-sized blocks (see :func:`_score_plan`), each passed
    to ``sink(rows, cols, scores)``."""
    weights = pool.config.normalised_weights()
    n_mentees, n_mentors = len(pool.mentees), len(pool.mentors)
    if not (n_mentees and n_mentors):
        return np.empty((n_mentees, n_mentors), dtype=np.float32)
    blocks, preset = _score_plan(pool)
    if preset:
        out = np.full((n_mentees, n_mentors), np.float32(INFEASIBLE), dtype=np.float32)
    else:
        out = np.empty((n_mentees, n_mentors), dtype=np.float32)
    feats = _features(pool, weights)
    threads = pool.config.threads or os.cpu_count() or 1
    build = partial(_score_block, pool, feats, rules, weights, out=out, sink=sink)
    with single_threaded_blas():
        if threads <= 1 or len(blocks) == 1:
            for block in blocks:
                build(block)
        else:
            with ThreadPoolExecutor(max_workers=threads) as executor:
                list(executor.map(build, blocks))
    return out


def _discard(_rows, _cols, _total):
    """Sink of :func:`score_pool`: the scores are all it needs."""


def score_pool(pool, rules):
    """Float32 scores (mentees x mentors): the weighted score in 0..1 of every pair, or -1
    where a hard constraint excludes it (see :class:`PairRules`)."""
    return _build_scores(pool, rules, _discard)


def score_candidates(pool, rules, k=32):
    """Float32 scores (as in :func:`score_pool`) and, for the mentees to solve, their ``k``
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
    parts = sink.parts or [(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))]
    rows, cols, values = (np.concatenate(items) for items in zip(*parts, strict=True))
    # Row order, whatever the blocks and the threads' completion order: the solver's
    # tie-breaking sees the same input (within a row, best first, ties lowest column first).
    order = np.argsort(rows, kind="stable")
    return scores, Candidates(rows[order], cols[order], values[order], sink.bound)


def pair_criteria(pool, rows, cols):
    """Exact float64 criterion scores (0..1) of the pairs ``(rows[k], cols[k])``.

    Returns ``{criterion: array}`` plus ``"distance_km"`` (NaN when a side has no coordinates).
    """
    mentees, mentors, config = pool.mentees, pool.mentors, pool.config
    rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
    division = mentees.division[rows]
    section = mentees.section[rows]
    same_division = (division == mentors.division[cols]) & (division >= 0)
    same_section = (section == mentors.section[cols]) & (section >= 0)
    sector = np.where(same_division, 1.0, np.where(same_section, config.same_section_score, 0.0))

    mentee_factor = mentees.lang_factor[rows].astype(np.float64)
    mentor_factor = mentors.lang_factor[cols].astype(np.float64)
    languages = np.minimum((mentee_factor * mentor_factor).sum(1), 1.0)

    shared_slots = _popcount(mentees.slots[rows] & mentors.slots[cols])
    availability = np.minimum(shared_slots, config.slots_target) / config.slots_target

    def jaccard(name):
        mentee_tags = getattr(mentees, name)[rows].astype(np.float64)
        mentor_tags = getattr(mentors, name)[cols].astype(np.float64)
        shared = (mentee_tags * mentor_tags).sum(1)
        union = mentee_tags.sum(1) + mentor_tags.sum(1) - shared
        return shared / np.maximum(union, 1.0)

    both = mentees.has_coords[rows] & mentors.has_coords[cols]
    dist_km = np.hypot(*(mentees.xy_km[rows] - mentors.xy_km[cols]).T)
    half_squared = config.distance_half_km**2
    distance = np.where(
        both, half_squared / (half_squared + dist_km**2), config.missing_distance_score
    )

    def directional(stated, n_stated, partner_attributes):
        met = (stated.astype(np.float64) * partner_attributes).sum(1)
        n_stated = n_stated.astype(np.float64)
        return np.where(n_stated > 0, met / np.maximum(n_stated, 1.0), 1.0)

    preferences = 0.5 * directional(
        mentees.preferences[rows], mentees.n_preferences[rows], mentors.attributes[cols]
    ) + 0.5 * directional(
        mentors.preferences[cols], mentors.n_preferences[cols], mentees.attributes[rows]
    )
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
    mentees, mentors, config = pool.mentees, pool.mentors, pool.config
    rows, cols = np.asarray(rows, np.int64), np.asarray(cols, np.int64)
    shape = (len(rows), len(cols))
    masks = {
        MENTEE_NOT_READY: np.broadcast_to(~mentees.ready[rows][:, None], shape),
        MENTEE_LOCKED: np.broadcast_to((mentees.ready & ~rules.mentee_ok)[rows][:, None], shape),
        MENTOR_NOT_READY: np.broadcast_to(~mentors.ready[cols][None, :], shape),
        MENTOR_AT_CAPACITY: np.broadcast_to((rules.remaining[cols] <= 0)[None, :], shape),
    }
    mentee_centre = mentees.centre[rows][:, None]
    mentor_centre = mentors.centre[cols][None, :]
    if config.allow_cross_centre:
        masks[DIFFERENT_CENTRE] = np.zeros(shape, bool)
    else:
        masks[DIFFERENT_CENTRE] = (
            (mentee_centre != mentor_centre) & (mentee_centre >= 0) & (mentor_centre >= 0)
        )
    masks[NO_COMMON_LANGUAGE] = (mentees.lang_factor[rows] @ mentors.lang_factor[cols].T) <= 0
    masks[NO_COMMON_SLOT] = (mentees.slots[rows][:, None] & mentors.slots[cols][None, :]) == 0
    col_pos = {col: k for k, col in enumerate(cols.tolist())}
    for code in (REJECTED_AT_MEETING, EXCLUDED_PAIR):
        masks[code] = np.zeros(shape, bool)
    for local, row in enumerate(rows.tolist()):
        forbidden_cols, codes = rules.forbidden.get(row, (np.empty(0, np.int64), ()))
        for col, code in zip(forbidden_cols.tolist(), codes, strict=True):
            if col in col_pos:
                masks[code][local, col_pos[col]] = True
    return masks
