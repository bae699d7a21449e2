"""Reference solvers and baselines for tests and benchmarks only (the engine never imports this).

* :func:`score_matrix`: the pool's scores plus the dense capacity-expanded matrix that a bare
  ``linear_sum_assignment`` solves (the benchmark's baseline, the tests' reference);
* :func:`optimal_assignment` (the dense solver, also the production fallback of
  :func:`assignment.priced_assignment`), :func:`solve_expanded`;
* :func:`greedy_assignment` (best-first baseline), :func:`brute_force_assignment` (exhaustive,
  tiny instances) and :func:`assignment_total`.

All solvers share the contract of :mod:`.assignment`.
"""

import heapq
from dataclasses import dataclass

import numpy as np

from .assignment import _allowed, optimal_assignment, solve_expanded
from .scoring import _build_scores, proposable_min

__all__ = [
    "ScoreMatrices",
    "assignment_total",
    "brute_force_assignment",
    "greedy_assignment",
    "optimal_assignment",
    "score_matrix",
    "solve_expanded",
]


@dataclass
class ScoreMatrices:
    """``scores``: float32 (mentees x mentors), weighted score in 0..1 or -1 when a hard
    constraint excludes the pair. ``expanded``: float64 (solve_rows x owner) input of the
    dense solver, the score where the pair may be proposed (>= threshold) and 0 elsewhere,
    mentor ``owner[k]`` repeated once per remaining capacity."""

    scores: np.ndarray
    expanded: np.ndarray
    solve_rows: np.ndarray
    owner: np.ndarray


@dataclass
class _ExpandedSink:
    """Sink of the score build filling the capacity-expanded matrix block by block."""

    matrix: np.ndarray
    owner: np.ndarray
    position: np.ndarray  # mentee row -> row of ``matrix`` (valid for solved rows only)
    min_value: float
    mentee_ok: np.ndarray

    def __call__(self, rows, cols, total):
        # Locked mentees keep their scores (their explanation needs a runner-up) but are not
        # solved.
        solve_local = np.flatnonzero(self.mentee_ok[rows])
        if len(solve_local) and self.matrix.shape[1]:
            proposable = total[solve_local]
            proposable[proposable < self.min_value] = 0
            target = self.position[np.arange(len(self.mentee_ok))[rows][solve_local]]
            if isinstance(cols, slice):
                self.matrix[target] = proposable[:, self.owner]
                return
            # A centre's block: only its mentors' copies; the rest of the row stays 0.
            at = np.searchsorted(cols, self.owner)
            inside = at < len(cols)
            inside[inside] = cols[at[inside]] == self.owner[inside]
            copies = np.flatnonzero(inside)
            self.matrix[np.ix_(target, copies)] = proposable[:, at[copies]]


def score_matrix(pool, rules):
    """Scores and the dense solver's capacity-expanded matrix (see :class:`ScoreMatrices`),
    built in the same cache-sized row blocks as the engine's scores."""
    solve_rows = np.flatnonzero(rules.mentee_ok)
    owner = np.repeat(np.arange(len(pool.mentors)), np.where(rules.mentor_ok, rules.remaining, 0))
    expanded = _ExpandedSink(
        matrix=np.zeros((len(solve_rows), len(owner)), dtype=np.float64),
        owner=owner,
        position=np.cumsum(rules.mentee_ok) - 1,
        min_value=proposable_min(pool.config),
        mentee_ok=rules.mentee_ok,
    )
    scores = _build_scores(pool, rules, expanded)
    return ScoreMatrices(scores, expanded.matrix, solve_rows, owner)


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
