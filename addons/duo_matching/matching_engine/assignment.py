"""Capacity-constrained assignment solvers on a score matrix.

All solvers share one contract: ``values`` is a (mentees x mentors) array, a pair is *allowed*
iff its value is > 0 and >= ``min_value`` (excluded pairs carry a negative value), and mentor
``j`` takes at most ``capacities[j]`` mentees. They return ``(rows, cols)`` int arrays sorted
by row.

The optimal solver maximises the total value of the allowed pairs. Giving every disallowed pair
the value 0 turns this into a rectangular assignment problem: since all values are >= 0, an
optimal assignment that uses a 0-valued cell is still optimal once that cell is dropped, so
dropping them yields a maximum-weight b-matching. Capacities become repeated mentor columns.
"""

import heapq

import numpy as np
from scipy.optimize import linear_sum_assignment

_BLOCK_CELLS = 1 << 20


def _allowed(block, min_value):
    return (block >= min_value) & (block > 0)


def _row_blocks(n_rows, n_cols):
    step = max(1, _BLOCK_CELLS // max(n_cols, 1))
    return [slice(start, min(start + step, n_rows)) for start in range(0, n_rows, step)]


def expanded_values(values, capacities, min_value=0.0, rows=None, cols_owner=None):
    """Float64 matrix of allowed values (0 elsewhere) with mentor ``j`` repeated per capacity.

    ``rows`` selects mentee rows and ``cols_owner`` gives the mentor of each output column
    (default: every mentor repeated ``capacities[j]`` times).
    """
    rows = np.arange(values.shape[0]) if rows is None else np.asarray(rows, np.int64)
    if cols_owner is None:
        cols_owner = np.repeat(np.arange(values.shape[1]), np.asarray(capacities, np.int64))
    out = np.empty((len(rows), len(cols_owner)), dtype=np.float64)
    for part in _row_blocks(len(rows), values.shape[1]):
        block = values[rows[part]]
        block = np.where(_allowed(block, min_value), block, 0)
        out[part] = block[:, cols_owner]
    return out


def optimal_assignment(values, capacities, min_value=0.0, row_mask=None):
    """Maximum total value assignment via ``linear_sum_assignment`` on a reduced expansion.

    Reductions that keep optimality: mentees without any allowed pair are dropped, and mentor
    ``j`` is repeated only ``min(capacity_j, allowed mentees of j)`` times (it can never use
    more copies than it has allowed mentees).
    """
    values = np.asarray(values)
    n_rows, n_cols = values.shape
    capacities = np.asarray(capacities, np.int64)
    row_any = np.zeros(n_rows, bool)
    col_count = np.zeros(n_cols, np.int64)
    candidate_rows = np.arange(n_rows) if row_mask is None else np.flatnonzero(row_mask)
    for part in _row_blocks(len(candidate_rows), n_cols):
        allowed = _allowed(values[candidate_rows[part]], min_value)
        allowed[:, capacities <= 0] = False
        row_any[candidate_rows[part]] = allowed.any(1)
        col_count += allowed.sum(0)
    rows = np.flatnonzero(row_any)
    copies = np.minimum(capacities, col_count)
    owner = np.repeat(np.arange(n_cols), np.maximum(copies, 0))
    empty = np.empty(0, np.int64)
    if not len(rows) or not len(owner):
        return empty, empty
    weights = expanded_values(values, capacities, min_value, rows=rows, cols_owner=owner)
    return solve_expanded(weights, rows, owner)


def solve_expanded(weights, rows, owner):
    """Solve a prepared expanded matrix (0 = not allowed); map back to (rows, mentor cols)."""
    empty = np.empty(0, np.int64)
    if not weights.size:
        return empty, empty
    r, c = linear_sum_assignment(weights, maximize=True)
    keep = weights[r, c] > 0
    rows_out, cols_out = np.asarray(rows)[r[keep]], np.asarray(owner)[c[keep]]
    order = np.argsort(rows_out, kind="stable")
    return rows_out[order], cols_out[order]


def greedy_assignment(values, capacities, min_value=0.0, row_mask=None):
    """Best-first baseline: repeatedly take the highest allowed pair whose mentee is free and
    whose mentor has capacity left (ties: lowest mentee, then lowest mentor index).

    Lazy evaluation keeps it near O(n log n + re-scans): each mentee holds its best open mentor
    in a heap and rescans its row only when that mentor filled up meanwhile.
    """
    values = np.asarray(values)
    n_rows, n_cols = values.shape
    remaining = np.asarray(capacities, np.int64).copy()
    open_cols = remaining > 0
    candidate_rows = np.arange(n_rows) if row_mask is None else np.flatnonzero(row_mask)

    def best_open(row):
        scores = np.where(open_cols & _allowed(values[row], min_value), values[row], -np.inf)
        col = int(np.argmax(scores))
        return col, float(scores[col])

    heap = []
    for row in candidate_rows.tolist():
        col, score = best_open(row)
        if score > -np.inf:
            heap.append((-score, row, col))
    heapq.heapify(heap)
    rows, cols = [], []
    while heap:
        _neg, row, col = heapq.heappop(heap)
        if not open_cols[col]:
            col, score = best_open(row)
            if score > -np.inf:
                heapq.heappush(heap, (-score, row, col))
            continue
        rows.append(row)
        cols.append(col)
        remaining[col] -= 1
        open_cols[col] = remaining[col] > 0
    order = np.argsort(rows, kind="stable")
    return np.asarray(rows, np.int64)[order], np.asarray(cols, np.int64)[order]


def brute_force_assignment(values, capacities, min_value=0.0):
    """Exhaustive optimum for tiny instances (tests): each mentee takes a mentor or nobody."""
    values = np.asarray(values, np.float64)
    n_rows, n_cols = values.shape
    remaining = list(np.asarray(capacities, np.int64))
    allowed = _allowed(values, min_value)
    best = [-1.0, []]

    def visit(row, total, chosen):
        if row == n_rows:
            if total > best[0] + 1e-12:
                best[0], best[1] = total, list(chosen)
            return
        visit(row + 1, total, chosen)
        for col in range(n_cols):
            if allowed[row, col] and remaining[col] > 0:
                remaining[col] -= 1
                chosen.append((row, col))
                visit(row + 1, total + values[row, col], chosen)
                chosen.pop()
                remaining[col] += 1

    visit(0, 0.0, [])
    pairs = best[1]
    return (
        np.array([p[0] for p in pairs], np.int64),
        np.array([p[1] for p in pairs], np.int64),
    )


def assignment_total(values, rows, cols):
    """Total value of an assignment, in float64."""
    return float(np.asarray(values, np.float64)[rows, cols].sum()) if len(rows) else 0.0
