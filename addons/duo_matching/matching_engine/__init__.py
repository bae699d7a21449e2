"""Pure-Python (NumPy/SciPy) mentee-mentor matching engine, free of any Odoo import.

Importable as ``odoo.addons.duo_matching.matching_engine`` or standalone as
``matching_engine`` once ``addons/duo_matching`` is on ``sys.path``.
"""

from .assignment import (
    assignment_total,
    brute_force_assignment,
    expanded_values,
    greedy_assignment,
    optimal_assignment,
)
from .engine import MatchResult, match
from .explain import (
    BELOW_THRESHOLD,
    NO_CANDIDATES,
    NO_ELIGIBLE_PARTNER,
    OUTCOMPETED,
    PairExplanation,
    UnmatchedReason,
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
    encode_pool,
    slot_labels,
    slots_mask,
)
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
    build_rules,
    pair_criteria,
    score_matrix,
)
