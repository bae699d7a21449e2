"""Best partners of one person: the other side ranked by the score :func:`match` gives each pair.

Used between two sessions, to match someone by hand: nothing is assigned, so the person's own
state (not ready yet, no room left) rules nobody out, while every pair constraint and the
partners' own state do.
"""

from dataclasses import dataclass, field, replace

import numpy as np

from ._blas import single_threaded_blas
from ._gc import gc_paused
from .engine import forbidden_indices
from .explain import FUNNEL_ORDER, PairExplanation, exact_pair_scores, explain_pairs
from .profiles import MatchingConfig, encode_pool
from .scoring import build_rules, score_pool, violation_masks

ROLES = ("mentee", "mentor")


@dataclass(frozen=True)
class Candidate:
    """One ranked partner. ``rank`` starts at 1; ``score`` is the pair's score in
    :func:`match`; ``below_threshold`` says it scores under ``MatchingConfig.min_score`` (a
    session would not propose it); ``explanation`` is the pair's :class:`PairExplanation`."""

    rank: int
    partner_id: int
    score: float
    below_threshold: bool
    explanation: PairExplanation

    def to_dict(self):
        return {
            "rank": self.rank,
            "partner_id": self.partner_id,
            "score": self.score,
            "below_threshold": self.below_threshold,
            "explanation": self.explanation.to_dict(),
        }


@dataclass(frozen=True)
class CandidateRanking:
    """Outcome of :func:`rank_candidates`. ``candidates``: best first (ties: lowest partner
    id). ``eligible``: partners no hard constraint rules out (``candidates`` may keep fewer,
    see ``limit``). ``ruled_out``: ``{reason code: partners}`` for the others, each counted
    once under the first constraint that rules it out (the order of the unmatched funnel)."""

    person_id: int
    role: str
    candidates: tuple
    eligible: int
    ruled_out: dict = field(default_factory=dict)

    @property
    def ruled_out_count(self):
        return sum(self.ruled_out.values())


def rank_candidates(
    person, others, config=None, *, role="mentee", rejected=(), excluded=(), limit=None
):
    """Rank ``others`` (profiles of the other side) as partners of ``person`` (a
    :class:`Profile` of side ``role``: ``"mentee"`` ranks mentors, ``"mentor"`` ranks mentees).

    ``rejected`` (refused at a first meeting) and ``excluded`` are (mentee_id, mentor_id)
    pairs ruled out, as in :func:`match`. ``limit`` keeps the best ``limit`` candidates
    (``None``: all eligible). Scores, explanations and runner-ups are those :func:`match`
    computes on the pool of ``person`` and ``others``. Deterministic: ``others`` may come in
    any order.
    """
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}: expected one of {ROLES}")
    config = config or MatchingConfig()
    others = list(others)
    if not others:
        return CandidateRanking(person.id, role, (), 0, {})
    # Asked for this person explicitly: their own readiness and capacity rule nobody out.
    person = replace(person, ready=True, capacity=max(int(person.capacity), 1))
    with single_threaded_blas(), gc_paused():
        return _rank(person, others, config, role, rejected, excluded, limit)


def _rank(person, others, config, role, rejected, excluded, limit):
    is_mentee = role == "mentee"
    if is_mentee:
        pool = encode_pool([person], others, config)
    else:
        pool = encode_pool(others, [person], config)
    rules = build_rules(pool, (), forbidden_indices(pool, rejected, excluded))
    scores = score_pool(pool, rules)
    partner_scores = scores[0] if is_mentee else scores[:, 0]
    partner_ids = (pool.mentors if is_mentee else pool.mentees).ids
    eligible = np.flatnonzero(partner_scores >= 0)
    blocked = np.flatnonzero(partner_scores < 0)
    ruled_out = _ruled_out(pool, rules, role, blocked)

    def pairs(partners):
        person_index = np.zeros(len(partners), np.int64)
        return (person_index, partners) if is_mentee else (partners, person_index)

    weights = config.normalised_weights()
    exact, _raw = exact_pair_scores(pool, weights, *pairs(eligible))
    # Exact float64 scores, ties to the lowest id (the sides are sorted by id).
    order = eligible[np.lexsort((eligible, -exact))][:limit]
    explanations = explain_pairs(
        pool, scores, *pairs(order), np.zeros(len(order), bool), [()] * len(order)
    )
    # The explanation's score (the sum of its contributions) is the score shown: sort on it.
    ranked = sorted(
        zip(partner_ids[order].tolist(), explanations, strict=True),
        key=lambda item: (-item[1].score, item[0]),
    )
    candidates = tuple(
        Candidate(
            rank=rank,
            partner_id=partner_id,
            score=explanation.score,
            below_threshold=explanation.score < config.min_score,
            explanation=explanation,
        )
        for rank, (partner_id, explanation) in enumerate(ranked, start=1)
    )
    return CandidateRanking(person.id, role, candidates, len(eligible), ruled_out)


def _ruled_out(pool, rules, role, blocked):
    """``{code: count}`` of the blocked partners by the first constraint that rules them out."""
    if not len(blocked):
        return {}
    if role == "mentee":
        masks = violation_masks(pool, rules, [0], blocked)
    else:
        masks = violation_masks(pool, rules, blocked, [0])
    left = np.ones(len(blocked), bool)
    counts = {}
    for code in FUNNEL_ORDER[role]:
        hit = np.asarray(masks[code]).reshape(-1) & left
        if hit.any():
            counts[code] = int(hit.sum())
            left &= ~hit
    return counts
