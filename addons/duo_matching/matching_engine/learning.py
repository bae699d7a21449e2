"""Criterion weights learned from the outcomes of closed duos, as a *suggestion* to staff.

The engine ranks pairs by ``sum(weight[c] * score[c])``. Given the engine's own per-criterion
scores of closed duos (``n x len(CRITERIA)``, each in 0..1) and whether each duo succeeded
(1) or failed (0), :func:`learn_weights` fits how much each criterion predicts success with a
logistic model and turns its coefficients into non-negative weights on the scale of the
current ones. Nothing is applied: the caller shows the suggestion and staff decide.

The model stays close to the current weights when there are few duos. The prior is a *data
augmentation* prior: next to the real duos, the fit sees ``prior_strength`` pseudo-duos at
the same criterion scores whose outcomes follow the current weights (a logistic curve of the
current score, calibrated on the real duos, with fractional outcomes as sample weights).
With ``n`` real duos the current weights thus count for ``prior_strength / (n +
prior_strength)`` of the evidence: with 50 duos the suggestion barely moves, with thousands it
follows the data. A criterion on which no duo differs carries no information and keeps its
current weight.

Quality is the area under the ROC curve (AUC: the chance that a successful duo scores above a
failed one) of the suggested weights' score, cross-validated (stratified folds: each duo is
scored by weights learned without it), with a bootstrap interval; the current weights' AUC on
the same duos and the paired gain come with it.

scikit-learn is imported on first use only (it takes about a second, which an Odoo worker
need not pay at start-up); fits run with one BLAS thread (see :mod:`._blas`).
"""

from dataclasses import asdict, dataclass, field, replace

import numpy as np
from scipy.stats import rankdata

from ._blas import single_threaded_blas
from ._gc import gc_paused
from .engine import match
from .profiles import CRITERIA, MatchingConfig, encode_pool
from .scoring import pair_criteria

# Status codes of a suggestion (the Odoo layer turns them into sentences).
LEARNED = "learned"
NOT_ENOUGH_OUTCOMES = "not_enough_outcomes"
NO_POSITIVE_SIGNAL = "no_positive_signal"

# The current weights count as this many duos of evidence.
DEFAULT_PRIOR_STRENGTH = 200.0
# Successes and failures needed, each, before anything is fitted.
MIN_PER_OUTCOME = 5
# The slope is the log-odds of success between a pair scoring 0 and one scoring 1 on the
# current weights (6: odds 400 times higher). When the duos show a weaker slope, the same
# deviation in log-odds is a larger change of weights: below this slope the prior holds the
# weights as firmly as at it (a flat or negative slope holds them in place).
REFERENCE_SLOPE = 6.0
# The current score's column is multiplied by this so that the ridge leaves its coefficient
# (the slope) practically free: only the deviations from the current weights are penalised.
_FREE_SCALE = 100.0
# Cells of one block of bootstrap resamples (resamples x duos).
_BOOTSTRAP_CELLS = 1 << 20


@dataclass(frozen=True)
class AucEstimate:
    """An AUC (0.5 = no better than chance, 1 = perfect) and its bootstrap interval."""

    value: float
    low: float
    high: float


@dataclass(frozen=True)
class WeightSuggestion:
    """Outcome of :func:`learn_weights`.

    ``current`` and ``suggested`` map each criterion to a weight on the scale of the current
    weights (same total). ``auc_current``: how well the current weights' score ranks the
    outcomes of these duos; ``auc_suggested``: the same for the suggested weights,
    cross-validated over ``folds`` folds; ``auc_gain``: suggested minus current, paired.
    ``constant_criteria``: criteria on which every duo scores the same (kept as they are).
    ``coefficients``: the fitted log-odds per criterion point, for the curious.
    """

    status: str
    current: dict
    suggested: dict
    duos: int
    successes: int
    failures: int
    prior_strength: float
    folds: int = 0
    auc_current: AucEstimate | None = None
    auc_suggested: AucEstimate | None = None
    auc_gain: AucEstimate | None = None
    constant_criteria: tuple = ()
    coefficients: dict = field(default_factory=dict)

    def to_dict(self):
        return asdict(self)


@dataclass(frozen=True)
class ReplayChange:
    """Outcome of :func:`replay_changes`: proposals of one pool under the current and the
    suggested weights, and how many mentees would get another mentor (or none, or one)."""

    proposals_current: int
    proposals_suggested: int
    changed: int
    total_current: float
    total_suggested: float


# ---------------------------------------------------------------------------- scores of pairs
def criterion_scores(mentees, mentors, pairs, config=None):
    """Per-criterion scores (``len(pairs) x len(CRITERIA)``, float64 in 0..1, columns in
    :data:`CRITERIA` order) of the given ``(mentee_id, mentor_id)`` pairs, as :func:`match`
    scores them. Hard constraints are not applied: the pairs are given (closed duos, say).
    Every id must be among the profiles; one encoding for all pairs.
    """
    pairs = list(pairs)
    if not pairs:
        return np.zeros((0, len(CRITERIA)))
    with single_threaded_blas(), gc_paused():
        pool = encode_pool(mentees, mentors, config or MatchingConfig())
        mentee_index = {int(pid): row for row, pid in enumerate(pool.mentees.ids.tolist())}
        mentor_index = {int(pid): col for col, pid in enumerate(pool.mentors.ids.tolist())}
        missing = [
            pair for pair in pairs if pair[0] not in mentee_index or pair[1] not in mentor_index
        ]
        if missing:
            raise ValueError(f"Pairs with unknown people: {missing[:5]}")
        rows = [mentee_index[mentee_id] for mentee_id, _mentor_id in pairs]
        cols = [mentor_index[mentor_id] for _mentee_id, mentor_id in pairs]
        raw = pair_criteria(pool, rows, cols)
    return np.column_stack([np.asarray(raw[name], np.float64) for name in CRITERIA])


# ---------------------------------------------------------------------------- learning
def _weights_vector(weights):
    """Current weights as an array in CRITERIA order, and their total (the scale)."""
    unknown = set(weights) - set(CRITERIA)
    if unknown:
        raise ValueError(f"Unknown criteria in weights: {sorted(unknown)}")
    vector = np.array([float(weights.get(name, 0.0)) for name in CRITERIA])
    if (vector < 0).any() or vector.sum() <= 0:
        raise ValueError("Weights must be non-negative with a positive total")
    return vector / vector.sum(), float(vector.sum())


def _varying(scores):
    """Which criteria differ between duos (the others carry no information)."""
    if not len(scores):
        return np.zeros(scores.shape[1], bool)
    return np.ptp(scores, axis=0) > 1e-9


def _fit_coefficients(scores, outcomes, prior, prior_strength):
    """Log-odds of success per criterion point, ``slope * prior + deviation``.

    One penalised logistic regression: the current score ``scores @ prior`` enters as a
    column of its own whose coefficient (the slope) is left free, so that only how far the
    criteria *deviate* from the current weights is penalised. Columns are standardised and
    the ridge precision is ``prior_strength`` duos' worth of information (a duo tells
    ``rate * (1 - rate)`` about a standardised coefficient), so the deviations are shrunk by
    about ``n / (n + prior_strength)``. Criteria on which no duo differs keep the current
    direction (their deviation is 0). Returns the coefficients and the slope.
    """
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - see module doc

    varying = _varying(scores)
    current = scores @ prior
    spread = scores[:, varying].std(axis=0)
    # A current score equal for every duo (weights only on constant criteria) has no slope.
    current_spread = current.std() or 1.0
    rate = outcomes.mean()
    design = np.column_stack([scores[:, varying] / spread, current / current_spread * _FREE_SCALE])
    precision = prior_strength * rate * (1.0 - rate)
    model = LogisticRegression(C=1.0 / precision, max_iter=1000).fit(design, outcomes)
    slope = model.coef_[0, -1] * _FREE_SCALE / current_spread
    if slope < REFERENCE_SLOPE:
        precision *= (REFERENCE_SLOPE / max(slope, REFERENCE_SLOPE / 100)) ** 2
        model = LogisticRegression(C=1.0 / precision, max_iter=1000).fit(design, outcomes)
    slope = model.coef_[0, -1] * _FREE_SCALE / current_spread
    coefficients = slope * prior
    coefficients[varying] += model.coef_[0, :-1] / spread
    return coefficients, float(slope)


def _to_weights(coefficients, slope):
    """Non-negative weights summing to 1; None when the current score does not rise with
    success (slope <= 0: the deviations alone would pick weights from noise) or no criterion
    does."""
    positive = np.maximum(coefficients, 0.0)
    total = positive.sum()
    return positive / total if slope > 0 and total > 0 else None


def _auc_rows(scores, outcomes):
    """AUC of each row of ``scores`` against the matching row of ``outcomes`` (ties count
    half): the Mann-Whitney statistic from mid-ranks, vectorised over bootstrap samples."""
    ranks = rankdata(scores, axis=-1)
    positives = outcomes.sum(axis=-1)
    negatives = outcomes.shape[-1] - positives
    rank_sum = (ranks * outcomes).sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def _bootstrap(score_sets, outcomes, n_bootstrap, seed):
    """AUCs of each score array over the same ``n_bootstrap`` resamples of the duos (paired,
    so that differences have an interval too), drawn in blocks to bound memory."""
    rng = np.random.default_rng(seed)
    block = max(1, _BOOTSTRAP_CELLS // max(len(outcomes), 1))
    results = [[] for _scores in score_sets]
    for start in range(0, n_bootstrap, block):
        samples = rng.integers(
            0, len(outcomes), size=(min(block, n_bootstrap - start), len(outcomes))
        )
        for result, scores in zip(results, score_sets, strict=True):
            result.append(_auc_rows(scores[samples], outcomes[samples]))
    return [np.concatenate(result) if result else np.empty(0) for result in results]


def _estimate(point, samples, level):
    samples = samples[np.isfinite(samples)]
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(samples, [tail, 100 - tail]) if len(samples) else (point, point)
    return AucEstimate(float(point), float(low), float(high))


def _cross_validated_scores(scores, outcomes, prior, prior_strength, folds, seed):
    """Each duo's score under weights learned on the other folds (the current weights when a
    training fold shows no positive signal)."""
    from sklearn.model_selection import StratifiedKFold  # noqa: PLC0415 - see module doc

    predicted = np.empty(len(outcomes))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(scores, outcomes):
        weights = _to_weights(
            *_fit_coefficients(scores[train], outcomes[train], prior, prior_strength)
        )
        predicted[test] = scores[test] @ (prior if weights is None else weights)
    return predicted


def learn_weights(
    scores,
    outcomes,
    current_weights,
    *,
    prior_strength=DEFAULT_PRIOR_STRENGTH,
    folds=5,
    n_bootstrap=1000,
    level=0.95,
    seed=0,
):
    """Suggest criterion weights from closed duos.

    ``scores``: ``n x len(CRITERIA)`` per-criterion scores of the duos' pairs (see
    :func:`criterion_scores`); ``outcomes``: 1 for a success, 0 for a failure;
    ``current_weights``: ``{criterion: weight}`` on any scale (the suggestion comes back on
    the same scale, same total). ``prior_strength``: how many duos the current weights count
    for. Deterministic for a given ``seed`` (folds and bootstrap samples).
    """
    scores = np.asarray(scores, np.float64).reshape(-1, len(CRITERIA))
    outcomes = np.asarray(outcomes, np.float64).reshape(-1)
    if len(scores) != len(outcomes):
        raise ValueError("One outcome per duo")
    if not np.isin(outcomes, (0.0, 1.0)).all():
        raise ValueError("Outcomes are 1 (success) or 0 (failure)")
    if prior_strength <= 0:
        raise ValueError("The prior strength is a positive number of duos")
    prior, scale = _weights_vector(current_weights)
    current = {name: float(scale * weight) for name, weight in zip(CRITERIA, prior, strict=True)}
    successes = int(outcomes.sum())
    failures = len(outcomes) - successes
    suggestion = WeightSuggestion(
        status=NOT_ENOUGH_OUTCOMES,
        current=current,
        suggested=dict(current),
        duos=len(outcomes),
        successes=successes,
        failures=failures,
        prior_strength=float(prior_strength),
        constant_criteria=tuple(
            name for name, varies in zip(CRITERIA, _varying(scores), strict=True) if not varies
        ),
    )
    if min(successes, failures) < MIN_PER_OUTCOME:
        return suggestion
    with single_threaded_blas(), gc_paused():
        coefficients, slope = _fit_coefficients(scores, outcomes, prior, prior_strength)
        weights = _to_weights(coefficients, slope)
        n_folds = min(folds, successes, failures)
        predicted = _cross_validated_scores(scores, outcomes, prior, prior_strength, n_folds, seed)
    current_score = scores @ prior
    auc_current = _auc_rows(current_score[None, :], outcomes[None, :])[0]
    auc_suggested = _auc_rows(predicted[None, :], outcomes[None, :])[0]
    boot_current, boot_suggested = _bootstrap(
        (current_score, predicted), outcomes, n_bootstrap, seed
    )
    return replace(
        suggestion,
        status=LEARNED if weights is not None else NO_POSITIVE_SIGNAL,
        suggested=dict(current)
        if weights is None
        else {name: float(scale * weight) for name, weight in zip(CRITERIA, weights, strict=True)},
        folds=n_folds,
        auc_current=_estimate(auc_current, boot_current, level),
        auc_suggested=_estimate(auc_suggested, boot_suggested, level),
        auc_gain=_estimate(auc_suggested - auc_current, boot_suggested - boot_current, level),
        coefficients={
            name: float(value) for name, value in zip(CRITERIA, coefficients, strict=True)
        },
    )


# ---------------------------------------------------------------------------- what-if
def replay_changes(mentees, mentors, config, weights, *, excluded=(), rejected=()):
    """Match one pool twice, with ``config``'s weights and with ``weights``, and count the
    mentees whose proposal would differ (another mentor, or a proposal gained or lost)."""
    mentees, mentors = list(mentees), list(mentors)
    config = config or MatchingConfig()
    before = match(mentees, mentors, config, excluded=excluded, rejected=rejected)
    after = match(
        mentees,
        mentors,
        replace(config, weights=dict(weights)),
        excluded=excluded,
        rejected=rejected,
    )
    pairs_before = {p.mentee_id: p.mentor_id for p in before.proposals}
    pairs_after = {p.mentee_id: p.mentor_id for p in after.proposals}
    changed = sum(
        pairs_before.get(mentee) != pairs_after.get(mentee)
        for mentee in set(pairs_before) | set(pairs_after)
    )
    return ReplayChange(
        proposals_current=len(pairs_before),
        proposals_suggested=len(pairs_after),
        changed=changed,
        total_current=before.total_score,
        total_suggested=after.total_score,
    )
