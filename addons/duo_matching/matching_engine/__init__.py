"""Pure-Python (NumPy/SciPy) mentee-mentor matching engine, free of any Odoo import.

Importable as ``odoo.addons.duo_matching.matching_engine`` or standalone as
``matching_engine`` once ``addons/duo_matching`` is on ``sys.path``. The names below are its
public API; its modules are internals. Reference solvers for tests and benchmarks are in
``matching_engine.testing`` (never imported by the engine), its tests in
``matching_engine/tests`` (plain pytest).
"""

from .engine import MatchResult, match
from .explain import (
    BELOW_THRESHOLD,
    NO_CANDIDATES,
    NO_ELIGIBLE_PARTNER,
    OUTCOMPETED,
    PairExplanation,
    UnmatchedReason,
)
from .learning import (
    LEARNED,
    NO_POSITIVE_SIGNAL,
    NOT_ENOUGH_OUTCOMES,
    AucEstimate,
    ReplayChange,
    WeightSuggestion,
    criterion_scores,
    learn_weights,
    replay_changes,
)
from .profiles import (
    CEFR_LEVELS,
    CRITERIA,
    DAY_PARTS,
    DAYS,
    DEFAULT_WEIGHTS,
    MatchingConfig,
    Profile,
    cefr_level,
    slot_labels,
    slots_mask,
)
from .ranking import Candidate, CandidateRanking, rank_candidates
from .scoring import (
    DIFFERENT_CENTRE,
    EXCLUDED_PAIR,
    MENTEE_LOCKED,
    MENTEE_NOT_READY,
    MENTOR_AT_CAPACITY,
    MENTOR_NOT_READY,
    NO_COMMON_LANGUAGE,
    NO_COMMON_SLOT,
    REJECTED_AT_MEETING,
)

__all__ = [
    # Entry points and their results
    "match",
    "MatchResult",
    "rank_candidates",
    "CandidateRanking",
    "Candidate",
    "PairExplanation",
    "UnmatchedReason",
    # Weights learned from the outcomes of closed duos
    "learn_weights",
    "criterion_scores",
    "replay_changes",
    "WeightSuggestion",
    "AucEstimate",
    "ReplayChange",
    "LEARNED",
    "NOT_ENOUGH_OUTCOMES",
    "NO_POSITIVE_SIGNAL",
    # Input
    "Profile",
    "MatchingConfig",
    "CRITERIA",
    "DEFAULT_WEIGHTS",
    "CEFR_LEVELS",
    "DAYS",
    "DAY_PARTS",
    "cefr_level",
    "slots_mask",
    "slot_labels",
    # Hard-constraint codes (pair violations, funnel steps of an unmatched person)
    "MENTEE_NOT_READY",
    "MENTOR_NOT_READY",
    "MENTOR_AT_CAPACITY",
    "MENTEE_LOCKED",
    "DIFFERENT_CENTRE",
    "NO_COMMON_LANGUAGE",
    "NO_COMMON_SLOT",
    "REJECTED_AT_MEETING",
    "EXCLUDED_PAIR",
    # Unmatched reason codes
    "NO_CANDIDATES",
    "NO_ELIGIBLE_PARTNER",
    "BELOW_THRESHOLD",
    "OUTCOMPETED",
]
