"""Capacity-constrained assignment solvers on a score matrix.

All solvers share one contract: ``values`` is a (mentees x mentors) array, a pair is *allowed*
iff its value is > 0 and >= ``min_value`` (excluded pairs carry a negative value), and mentor
``j`` takes at most ``capacities[j]`` mentees. They return ``(rows, cols)`` int arrays sorted
by row.

The optimal solver maximises the total value of the allowed pairs. Giving every disallowed pair
the value 0 turns this into a rectangular assignment problem: since all values are >= 0, an
optimal assignment that uses a 0-valued cell is still optimal once that cell is dropped, so
dropping them yields a maximum-weight b-matching. Capacities become repeated mentor columns.

The production path is :func:`priced_assignment` (exact, on a sparse subset of the pairs) with
:func:`optimal_assignment` (dense) as its fallback. Baselines and references that only tests
and benchmarks use (greedy, brute force) live in :mod:`.testing`.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

_BLOCK_CELLS = 1 << 20


def _allowed(block, min_value):
    return (block >= min_value) & (block > 0)


def _row_blocks(n_rows, n_cols):
    step = max(1, _BLOCK_CELLS // max(n_cols, 1))
    return [slice(start, min(start + step, n_rows)) for start in range(0, n_rows, step)]


def expanded_values(values, capacities, min_value=0.0, rows=None, cols_owner=None,
                    negate=False, transpose=False):
    """Float64 matrix of allowed values (0 elsewhere) with mentor ``j`` repeated per capacity.

    ``rows`` selects mentee rows and ``cols_owner`` gives the mentor of each output column
    (default: every mentor repeated ``capacities[j]`` times). ``negate``: the values' negatives
    (costs to minimise); ``transpose``: mentor copies as rows, mentees as columns.
    """
    rows = np.arange(values.shape[0]) if rows is None else np.asarray(rows, np.int64)
    if cols_owner is None:
        cols_owner = np.repeat(np.arange(values.shape[1]), np.asarray(capacities, np.int64))
    shape = (len(rows), len(cols_owner))
    out = np.empty(shape[::-1] if transpose else shape, dtype=np.float64)
    # Each mentor once, in order (capacities of one): no column gather (a copy per block).
    every_col_once = len(cols_owner) == values.shape[1] and (
        np.diff(cols_owner) == 1).all()
    for part in _row_blocks(len(rows), values.shape[1]):
        block = values[rows[part]]
        block[~_allowed(block, min_value)] = 0
        if negate:
            np.negative(block, out=block)
        block = block if every_col_once else block[:, cols_owner]
        if transpose:
            out[:, part] = block.T
        else:
            out[part] = block
    return out


def optimal_assignment(values, capacities, min_value=0.0, row_mask=None):
    """Maximum total value assignment via ``linear_sum_assignment`` on a reduced expansion.

    Reductions that keep optimality: mentees without any allowed pair are dropped, and mentor
    ``j`` is repeated only ``min(capacity_j, allowed mentees of j)`` times (it can never use
    more copies than it has allowed mentees).

    The solver augments one row at a time, in row order; it gets the mentees from the
    smallest sum of allowed values (times capacity) up. Any order gives the same optimum, but
    when every mentee wants the same mentors (near-identical people) the mentees with the
    most at stake coming last cut its time by 10x or more (5,000 near-identical people: 6.3 s
    -> 0.5 s); on the other families it changes nothing measurable (bench/README.md).
    """
    values = np.asarray(values)
    n_rows, n_cols = values.shape
    capacities = np.asarray(capacities, np.int64)
    row_any = np.zeros(n_rows, bool)
    row_sum = np.zeros(n_rows)
    col_count = np.zeros(n_cols, np.int64)
    seats = np.maximum(capacities, 0).astype(np.float64)
    candidate_rows = np.arange(n_rows) if row_mask is None else np.flatnonzero(row_mask)
    for part in _row_blocks(len(candidate_rows), n_cols):
        block = values[candidate_rows[part]]
        allowed = _allowed(block, min_value)
        allowed[:, capacities <= 0] = False
        row_any[candidate_rows[part]] = allowed.any(1)
        col_count += allowed.sum(0)
        block[~allowed] = 0
        row_sum[candidate_rows[part]] = block @ seats
    rows = np.flatnonzero(row_any)
    copies = np.minimum(capacities, col_count)
    owner = np.repeat(np.arange(n_cols), np.maximum(copies, 0))
    empty = np.empty(0, np.int64)
    if not len(rows) or not len(owner):
        return empty, empty
    rows = rows[np.argsort(row_sum[rows], kind="stable")]
    # Costs (negated values) built here, mentor copies as rows when they are fewer:
    # ``linear_sum_assignment`` would otherwise allocate and fill a negated copy itself
    # (``maximize``; at 10,000 x 10,000, 800 MB and ~1.7 s) and a transposed one for a tall
    # matrix (scarce mentors at 10,000: 0.25 s -> 0.10 s).
    transpose = len(rows) > len(owner)
    costs = expanded_values(values, capacities, min_value, rows=rows, cols_owner=owner,
                            negate=True, transpose=transpose)
    return _solve_costs(costs, rows, owner, transpose)


def solve_expanded(weights, rows, owner):
    """Solve a prepared expanded matrix (0 = not allowed); map back to (rows, mentor cols)."""
    return _solve_costs(np.negative(weights), rows, owner)


def _solve_costs(costs, rows, owner, transposed=False):
    """:func:`solve_expanded` on the negated matrix (minimised as is, no copy), given with
    mentor copies as rows when ``transposed``."""
    empty = np.empty(0, np.int64)
    if not costs.size:
        return empty, empty
    solved_rows, solved_cols = linear_sum_assignment(costs)
    keep = costs[solved_rows, solved_cols] < 0
    if transposed:
        solved_rows, solved_cols = solved_cols, solved_rows
    rows_out = np.asarray(rows)[solved_rows[keep]]
    cols_out = np.asarray(owner)[solved_cols[keep]]
    order = np.argsort(rows_out, kind="stable")
    return rows_out[order], cols_out[order]


# Sparse costs are ``_COST_OFFSET - value`` (values are in 0..1): all in [1, 2], so no
# explicit zero is dropped by the sparse format, and the "stay unmatched" edge costs 2.
_COST_OFFSET = 2.0
# Slack of the optimality certificate, far below any score difference that matters and far
# above the float64 rounding of the dual potentials.
DUAL_TOLERANCE = 1e-10


@dataclass
class SparseSolution:
    """Optimal b-matching of a sparse edge set, with an optimality certificate.

    ``rows``/``cols`` (sorted by row) are the chosen pairs. ``utility[i]`` (mentee ``i``'s
    value minus the price of its mentor; 0 when unmatched or without edges) and
    ``price[j]`` (>= 0) are LP duals: the matching is optimal for *any* larger edge set in
    which every added edge ``(i, j, w)`` satisfies ``w - price[j] <= utility[i]``.
    """

    rows: np.ndarray
    cols: np.ndarray
    utility: np.ndarray
    price: np.ndarray


def sparse_assignment(edge_rows, edge_cols, edge_values, n_rows, capacities):
    """Exact maximum-value b-matching restricted to the given edges (all values > 0).

    Every mentor ``j`` with at least one edge is repeated ``capacities[j]`` times and every
    mentee gets a private "unmatched" column of value 0, so a full matching of the mentees
    always exists; ``min_weight_full_bipartite_matching`` (LAPJVsp) then solves the sparse
    rectangular assignment. Duals come from shortest paths in the residual graph
    (:func:`_column_potentials`).
    """
    edge_rows = np.asarray(edge_rows, np.int64)
    edge_cols = np.asarray(edge_cols, np.int64)
    edge_values = np.asarray(edge_values, np.float64)
    capacities = np.asarray(capacities, np.int64)
    n_cols = len(capacities)
    utility, price = np.zeros(n_rows), np.zeros(n_cols)
    empty = np.empty(0, np.int64)
    if not len(edge_rows):
        return SparseSolution(empty, empty, utility, price)
    active, local = np.unique(edge_rows, return_inverse=True)
    n_active = len(active)
    degree = np.bincount(edge_cols, minlength=n_cols)
    copies = np.where(degree > 0, np.maximum(capacities, 0), 0)
    first_copy = np.cumsum(copies) - copies
    n_copies = int(copies.sum())
    owner = np.repeat(np.arange(n_cols), copies)
    # One edge per (mentee, mentor copy), then one "unmatched" edge per mentee.
    reps = copies[edge_cols]
    offsets = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
    arc_row = np.concatenate([np.repeat(local, reps), np.arange(n_active)])
    arc_col = np.concatenate(
        [np.repeat(first_copy[edge_cols], reps) + offsets, n_copies + np.arange(n_active)]
    )
    arc_value = np.concatenate([np.repeat(edge_values, reps), np.zeros(n_active)])
    graph = csr_matrix(
        (_COST_OFFSET - arc_value, (arc_row, arc_col)), shape=(n_active, n_copies + n_active)
    )
    _rows, matched = min_weight_full_bipartite_matching(graph)
    matched = np.asarray(matched, np.int64)
    hit = arc_col == matched[arc_row]
    matched_value = np.zeros(n_active)
    matched_value[arc_row[hit]] = arc_value[hit]
    potential = _column_potentials(
        matched[arc_row], arc_col, matched_value[arc_row] - arc_value, n_copies + n_active
    )
    utility[active] = matched_value + potential[matched]
    has_copies = np.flatnonzero(copies)
    price[has_copies] = -np.maximum.reduceat(potential[:n_copies], first_copy[has_copies])
    real = matched < n_copies
    return SparseSolution(active[real], owner[matched[real]], utility, price)


@dataclass
class Candidates:
    """A sparse subset of the allowed pairs: ``rows``/``cols``/``values`` of the kept edges and,
    per mentee row, ``bound`` >= every allowed value of that row left out (-inf: none)."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    bound: np.ndarray


_GROUP = 8  # columns per group in the top-k pre-selection of :func:`top_candidates`


def top_candidates(block, min_value, k, col_ok=None, tie_start=None):
    """Per row of ``block``: its <= ``k`` best allowed entries, and ``bound`` >= the allowed
    values left out (-inf when none). Returns (local rows, cols, values, bound), sorted by row
    then decreasing value (ties: lowest column first, or, with ``tie_start``, the first column
    from ``tie_start[row]`` on, cyclically).

    ``tie_start`` spreads the mentees' equal-valued candidates over different mentors: on a
    pool of near-identical people every entry of a row ties, and "lowest column first" would
    have every mentee name the same ``k`` mentors (a crowded candidate set only the dense
    solver can settle, which is slow on ties), where spread sets hold an optimal assignment.

    Cheaper than an ``argpartition`` of every row (~5 vs ~50 ns per cell on tie-heavy score
    rows): the (k+1)-th largest of the row's group maxima (``_GROUP`` columns per group) is a
    cut-off that at least k+1 entries reach, so only the few entries above it are sorted.
    """
    block = np.asarray(block)
    n_rows, n_cols = block.shape
    if col_ok is not None and not col_ok.all():
        block = np.where(col_ok[None, :], block, -1)
    n_groups, n_full = n_cols // _GROUP, n_cols // _GROUP * _GROUP
    cut = np.full(n_rows, min_value, block.dtype if block.dtype.kind == "f" else np.float64)
    if n_groups > k:
        group_max = block[:, 0:n_full:_GROUP].copy()
        for offset in range(1, _GROUP):
            np.maximum(group_max, block[:, offset:n_full:_GROUP], out=group_max)
        kth = n_groups - k - 1
        np.maximum(cut, np.partition(group_max, kth, axis=1)[:, kth], out=cut)
    keep = block >= cut[:, None]
    keep &= block > 0
    _trim_ties(block, keep, cut, k, tie_start)
    flat = np.flatnonzero(keep)
    local, cols = np.divmod(flat, n_cols)
    values = block.ravel()[flat].astype(np.float64)
    ties = cols if tie_start is None else (cols - tie_start[local]) % n_cols
    order = np.lexsort((ties, -values, local))
    local, cols, values = local[order], cols[order], values[order]
    rank = np.arange(len(local)) - np.searchsorted(local, np.arange(n_rows))[local]
    bound = np.full(n_rows, -np.inf)
    at_k = rank == k
    bound[local[at_k]] = values[at_k]
    top = rank < k
    return local[top], cols[top], values[top], bound


def _trim_ties(block, keep, cut, k, tie_start):
    """Rows where many entries tie at the cut-off keep only the first ``k + 1`` of those ties
    in tie order, so that a row of hundreds of equal scores (near-identical people) is not
    sorted whole. Entries above the cut-off are at most ``k * _GROUP`` per row: all stay, and
    the ``k + 1`` best of the row (its candidates and its bound) are among what is kept.

    Vectorised: the first ties of a row are looked for in a window of ``4 * (k + 1)`` columns
    from its tie start (where they are when most of the row ties); rows whose window holds
    fewer (their ties start further on) find theirs by a search among their ties' columns."""
    ties = keep & (block == cut[:, None])
    heavy = np.flatnonzero(ties.sum(1) > 2 * (k + 1))
    if not len(heavy):
        return
    n_cols = block.shape[1]
    ties = ties[heavy]
    start = np.zeros(len(heavy), np.int64) if tie_start is None else tie_start[heavy]
    window = (start[:, None] + np.arange(min(n_cols, 4 * (k + 1)))) % n_cols
    in_window = np.take_along_axis(ties, window, 1)
    rank = np.cumsum(in_window, 1)
    short = np.flatnonzero(rank[:, -1] < k + 1)
    row_keep = keep[heavy] & ~ties
    chosen_rows, chosen_at = np.nonzero(in_window & (rank <= k + 1))
    row_keep[chosen_rows, window[chosen_rows, chosen_at]] = True
    if len(short):
        # Each short row's ties, by column; the first at or after its start, then the next k
        # (cyclically within the row).
        tie_rows, tie_cols = np.nonzero(ties[short])
        seg_start = np.searchsorted(tie_rows, np.arange(len(short)))
        seg_len = np.diff(np.r_[seg_start, len(tie_rows)])
        first = np.searchsorted(tie_rows * n_cols + tie_cols,
                                np.arange(len(short)) * n_cols + start[short])
        take = seg_start[:, None] + (first - seg_start)[:, None] + np.arange(k + 1)
        take = seg_start[:, None] + (take - seg_start[:, None]) % seg_len[:, None]
        row_keep[short[tie_rows[take]], tie_cols[take]] = True
    keep[heavy] = row_keep


def _candidates_of(values, rows, min_value, k, col_ok):
    parts, bound = [], np.full(values.shape[0], -np.inf)
    for part in _row_blocks(len(rows), values.shape[1]):
        local, cols, vals, row_bound = top_candidates(values[rows[part]], min_value, k, col_ok)
        parts.append((rows[part][local], cols, vals))
        bound[rows[part]] = row_bound
    return Candidates(*(np.concatenate(items) for items in zip(*parts, strict=True)), bound)


# The candidate sets are "crowded" when the mentors they name can take fewer than this share
# of the mentees that have candidates: many mentees then compete for the same few mentors
# (star mentors, near-identical profiles, scarce capacity) and column generation would need
# many rounds, each a sparse solve plus a pass over the whole matrix.
CROWDED_SHARE = 0.5
# Rounds after which pricing gives up and the dense solver decides (a bound on the sparse
# path's cost: a few sparse solves, then at most one dense solve).
MAX_PRICING_ROUNDS = 4


def candidates_crowded(candidates, capacities):
    """Whether the sparse path is likely to thrash on these candidates (see CROWDED_SHARE)."""
    if not len(candidates.rows):
        return False
    capacities = np.asarray(capacities, np.int64)
    named = np.unique(candidates.cols)
    room = int(np.maximum(capacities[named], 0).sum())
    return room < CROWDED_SHARE * len(np.unique(candidates.rows))


def solve_assignment(values, capacities, min_value=0.0, row_mask=None, *, candidates):
    """The engine's solver: the dense one when the candidates are crowded, else column
    generation bounded to :data:`MAX_PRICING_ROUNDS` rounds (then the dense one). Exact either
    way. Returns (rows, cols, rounds), rounds = 0 when the dense solver decided at once."""
    if candidates_crowded(candidates, capacities):
        rows, cols = optimal_assignment(values, capacities, min_value, row_mask)
        return rows, cols, 0
    return priced_assignment(values, capacities, min_value, row_mask, candidates=candidates,
                             max_rounds=MAX_PRICING_ROUNDS)


def priced_assignment(
    values, capacities, min_value=0.0, row_mask=None, *, k=32, candidates=None, max_rounds=30
):
    """Same contract and optimum as :func:`optimal_assignment`, solved on a sparse subset.

    Column generation: solve exactly on each mentee's ``k`` best allowed pairs
    (:func:`sparse_assignment`), then price every pair left out with the duals; pairs that
    could improve the solution (``value - price[j] > utility[i]``) join the subset and the
    subset is re-solved, until none is left (the duals then certify optimality on the whole
    matrix) or ``max_rounds`` runs out (then the dense solver decides). Rows whose best
    left-out value is <= their utility are certified without reading them again.
    ``candidates`` (a :class:`Candidates`) may be given when the caller built them already.
    Returns (rows, cols, rounds).
    """
    values = np.asarray(values)
    n_rows, n_cols = values.shape
    capacities = np.asarray(capacities, np.int64)
    col_ok = capacities > 0
    rows_all = np.arange(n_rows) if row_mask is None else np.flatnonzero(row_mask)
    if candidates is None:
        candidates = _candidates_of(values, rows_all, min_value, k, col_ok)
    edge_rows, edge_cols, edge_values = candidates.rows, candidates.cols, candidates.values
    bound = candidates.bound
    for rounds in range(1, max_rounds + 1):
        solution = sparse_assignment(edge_rows, edge_cols, edge_values, n_rows, capacities)
        check = np.flatnonzero(bound > solution.utility + DUAL_TOLERANCE)
        added = []
        for part in _row_blocks(len(check), n_cols):
            block_rows = check[part]
            block = values[block_rows]
            gain = block - solution.price[None, :]
            gain -= solution.utility[block_rows, None]
            gain[~(_allowed(block, min_value) & col_ok[None, :])] = -1
            # The k most improving pairs of each row suffice (any one would do for exactness).
            local, cols, _gain, _bound = top_candidates(gain, DUAL_TOLERANCE, k)
            added.append((block_rows[local], cols, block[local, cols].astype(np.float64)))
        if not sum(len(item[0]) for item in added):
            return solution.rows, solution.cols, rounds
        keys = np.concatenate(
            [edge_rows * n_cols + edge_cols]
            + [added_rows * n_cols + added_cols for added_rows, added_cols, _values in added]
        )
        _keys, first = np.unique(keys, return_index=True)
        edge_rows = np.concatenate([edge_rows] + [item[0] for item in added])[first]
        edge_cols = np.concatenate([edge_cols] + [item[1] for item in added])[first]
        edge_values = np.concatenate([edge_values] + [item[2] for item in added])[first]
    rows, cols = optimal_assignment(values, capacities, min_value, row_mask)
    return rows, cols, max_rounds + 1


def _column_potentials(src, dst, cost, n_nodes):
    """Shortest distances to every column from a source joined to all columns at cost 0.

    Arc ``m(i) -> c`` (cost ``value(i, m(i)) - value(i, c)``) re-assigns mentee ``i`` from
    its matched column ``m(i)`` to column ``c``. The matching being optimal, there is no
    negative cycle and no negative path into a free column, so free columns stay at 0 and
    the distances ``v <= 0`` with ``u_i = cost(i, m(i)) - v[m(i)]`` are feasible LP duals
    (complementary slackness holds by construction). Vectorised Bellman-Ford, Jacobi style:
    one pass over all arcs per round, until nothing improves.
    """
    order = np.argsort(dst, kind="stable")
    src, dst, cost = src[order], dst[order], cost[order]
    starts = np.flatnonzero(np.r_[True, dst[1:] != dst[:-1]])
    targets = dst[starts]
    potential = np.zeros(n_nodes)
    for _round in range(n_nodes + 1):
        best = np.minimum.reduceat(potential[src] + cost, starts)
        improved = best < potential[targets] - DUAL_TOLERANCE * 1e-3
        if not improved.any():
            break
        potential[targets[improved]] = best[improved]
    return potential
