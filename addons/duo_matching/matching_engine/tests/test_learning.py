"""Weights learned from outcomes, on synthetic duos whose outcomes follow known weights.

Each synthetic duo has per-criterion scores drawn like the engine's (sector 0, 0.5 or 1,
availability in thirds, tag overlaps skewed low...) and succeeds with probability
``logistic(slope * (true weights . scores) + c)``. Seeds are fixed: the figures are the same
on every run.
"""

import random
import unittest
from dataclasses import replace

import matching_engine as engine
import numpy as np
from engine_profiles import person, random_profile
from matching_engine import (
    CRITERIA,
    DEFAULT_WEIGHTS,
    LEARNED,
    NO_POSITIVE_SIGNAL,
    NOT_ENOUGH_OUTCOMES,
    MatchingConfig,
    criterion_scores,
    learn_weights,
    replay_changes,
)
from scipy.special import expit
from scipy.stats import spearmanr

# Known weights whose order differs from the defaults' (languages first, sector fifth), each
# 0.044 from the next: as far apart as seven weights summing to 1 can be.
TRUE_WEIGHTS = {
    "languages": 0.274,
    "personality": 0.230,
    "distance": 0.186,
    "availability": 0.142,
    "sector": 0.098,
    "preferences": 0.054,
    "interests": 0.010,
}
# The centre's scale: percentages, as duo.centre stores them.
CURRENT = {name: 100 * weight for name, weight in DEFAULT_WEIGHTS.items()}
SEEDS = range(5)


def vector(weights):
    return np.array([weights[name] for name in CRITERIA], dtype=float)


def shares(weights):
    values = vector(weights)
    return values / values.sum()


def synthetic_duos(n, seed, weights=TRUE_WEIGHTS, slope=8.0):
    """``n`` closed duos: per-criterion scores and outcomes (1 success, 0 failure)."""
    rng = np.random.default_rng(seed)
    columns = {
        "sector": rng.choice([0.0, 0.5, 1.0], n, p=[0.4, 0.3, 0.3]),
        "languages": rng.uniform(0.2, 1.0, n),
        "availability": rng.choice([1 / 3, 2 / 3, 1.0], n),
        "personality": rng.beta(1, 2, n),
        "interests": rng.beta(1, 2, n),
        "distance": rng.uniform(0.05, 1.0, n),
        "preferences": rng.choice([0.0, 0.5, 1.0], n, p=[0.2, 0.3, 0.5]),
    }
    scores = np.column_stack([columns[name] for name in CRITERIA])
    score = scores @ shares(weights)
    outcomes = (rng.random(n) < expit(slope * (score - score.mean()) + 0.4)).astype(int)
    return scores, outcomes


class TestLearnedWeights(unittest.TestCase):
    def test_many_duos_rank_the_criteria_as_the_true_weights(self):
        """2,000 duos: the suggestion orders the criteria as the true weights do (Spearman
        at least 0.96, i.e. at most one swap of neighbours 0.044 apart), orders every two
        criteria 0.09 or more apart, and lands far closer to the truth than the current
        weights are."""
        truth = shares(TRUE_WEIGHTS)
        current = shares(CURRENT)
        for seed in SEEDS:
            scores, outcomes = synthetic_duos(2000, seed)
            suggestion = learn_weights(scores, outcomes, CURRENT, seed=seed)
            self.assertEqual(suggestion.status, LEARNED)
            suggested = shares(suggestion.suggested)
            self.assertGreaterEqual(spearmanr(suggested, truth).statistic, 0.96, seed)
            for i in range(len(CRITERIA)):
                for j in range(len(CRITERIA)):
                    if truth[i] - truth[j] >= 0.09:
                        self.assertGreater(suggested[i], suggested[j], (seed, i, j))
            self.assertLess(
                np.abs(suggested - truth).sum(), 0.3 * np.abs(current - truth).sum(), seed
            )

    def test_few_duos_stay_near_the_current_weights(self):
        """50 duos: every weight stays within 8 points (of 100) of the current one, and the
        suggestion moves less than 40% of the way to the true weights."""
        current = shares(CURRENT)
        truth = shares(TRUE_WEIGHTS)
        for seed in SEEDS:
            scores, outcomes = synthetic_duos(50, seed)
            suggestion = learn_weights(scores, outcomes, CURRENT, seed=seed)
            suggested = shares(suggestion.suggested)
            self.assertLessEqual(np.abs(suggested - current).max(), 0.08, seed)
            self.assertLess(
                np.abs(suggested - current).sum(), 0.4 * np.abs(truth - current).sum(), seed
            )

    def test_more_duos_move_further(self):
        """The distance to the current weights grows with the evidence (median of seeds)."""
        current = shares(CURRENT)

        def moved(n):
            distances = []
            for seed in SEEDS:
                scores, outcomes = synthetic_duos(n, seed)
                suggestion = learn_weights(scores, outcomes, CURRENT, seed=seed, n_bootstrap=50)
                distances.append(np.abs(shares(suggestion.suggested) - current).sum())
            return float(np.median(distances))

        self.assertLess(moved(50), moved(300))
        self.assertLess(moved(300), moved(2000))

    def test_suggestion_on_the_current_scale(self):
        scores, outcomes = synthetic_duos(400, 1)
        suggestion = learn_weights(scores, outcomes, CURRENT, seed=1)
        self.assertEqual(set(suggestion.suggested), set(CRITERIA))
        self.assertAlmostEqual(sum(suggestion.suggested.values()), 100.0)
        self.assertTrue(all(value >= 0 for value in suggestion.suggested.values()))
        self.assertEqual(suggestion.current, CURRENT)
        self.assertEqual(suggestion.duos, 400)
        self.assertEqual(suggestion.successes + suggestion.failures, 400)
        self.assertEqual(suggestion.successes, int(outcomes.sum()))

    def test_cross_validated_auc_with_an_interval(self):
        """The AUC of the suggested weights is cross-validated and comes with a bootstrap
        interval around it; with many duos it beats the current weights' and the interval
        is narrow."""
        scores, outcomes = synthetic_duos(2000, 3)
        suggestion = learn_weights(scores, outcomes, CURRENT, seed=3)
        for auc in (suggestion.auc_current, suggestion.auc_suggested):
            self.assertLessEqual(auc.low, auc.value)
            self.assertLessEqual(auc.value, auc.high)
            self.assertLess(auc.high - auc.low, 0.06)
        self.assertEqual(suggestion.folds, 5)
        self.assertGreater(suggestion.auc_suggested.value, 0.65)
        self.assertGreater(suggestion.auc_gain.low, 0.0)
        small = learn_weights(*synthetic_duos(50, 3), CURRENT, seed=3)
        self.assertGreater(
            small.auc_suggested.high - small.auc_suggested.low,
            suggestion.auc_suggested.high - suggestion.auc_suggested.low,
        )

    def test_deterministic(self):
        scores, outcomes = synthetic_duos(300, 4)
        first = learn_weights(scores, outcomes, CURRENT, seed=7)
        second = learn_weights(scores, outcomes, CURRENT, seed=7)
        self.assertEqual(first.to_dict(), second.to_dict())

    def test_not_enough_outcomes_keeps_the_current_weights(self):
        scores, outcomes = synthetic_duos(60, 0)
        outcomes[:] = 1
        outcomes[:4] = 0
        suggestion = learn_weights(scores, outcomes, CURRENT)
        self.assertEqual(suggestion.status, NOT_ENOUGH_OUTCOMES)
        self.assertEqual(suggestion.suggested, CURRENT)
        self.assertIsNone(suggestion.auc_suggested)
        empty = learn_weights(np.zeros((0, len(CRITERIA))), [], CURRENT)
        self.assertEqual((empty.status, empty.duos), (NOT_ENOUGH_OUTCOMES, 0))

    def test_success_unrelated_to_the_score_suggests_nothing_new(self):
        """When success falls as the current score rises, nothing is learned: the deviations
        alone would pick weights out of noise."""
        scores, outcomes = synthetic_duos(300, 2, slope=-8.0)
        suggestion = learn_weights(scores, outcomes, CURRENT, seed=2)
        self.assertEqual(suggestion.status, NO_POSITIVE_SIGNAL)
        self.assertEqual(suggestion.suggested, CURRENT)

    def test_a_criterion_no_duo_differs_on_keeps_its_weight(self):
        scores, outcomes = synthetic_duos(2000, 0)
        column = CRITERIA.index("preferences")
        scores[:, column] = 1.0
        suggestion = learn_weights(scores, outcomes, CURRENT)
        self.assertEqual(suggestion.constant_criteria, ("preferences",))
        self.assertGreater(suggestion.suggested["preferences"], 0.0)

    def test_bad_input(self):
        scores, outcomes = synthetic_duos(20, 0)
        with self.assertRaises(ValueError):
            learn_weights(scores, outcomes[:-1], CURRENT)
        with self.assertRaises(ValueError):
            learn_weights(scores, outcomes * 2, CURRENT)
        with self.assertRaises(ValueError):
            learn_weights(scores, outcomes, {"charisma": 1.0})
        with self.assertRaises(ValueError):
            learn_weights(scores, outcomes, CURRENT, prior_strength=0)


class TestCriterionScores(unittest.TestCase):
    def test_scores_of_given_pairs_as_match_explains_them(self):
        """The per-criterion scores of given pairs are those :func:`match` explains."""
        rng = np.random.default_rng(5)
        python_rng = random.Random(5)
        mentees = [
            replace(random_profile(python_rng, person_id), ready=True) for person_id in range(1, 30)
        ]
        mentors = [
            replace(random_profile(python_rng, person_id, capacity=2), ready=True)
            for person_id in range(100, 125)
        ]
        config = MatchingConfig()
        result = engine.match(mentees, mentors, config)
        self.assertTrue(result.proposals)
        pairs = [(p.mentee_id, p.mentor_id) for p in result.proposals]
        order = rng.permutation(len(pairs))
        pairs = [pairs[k] for k in order]
        scores = criterion_scores(mentees, mentors, pairs, config)
        self.assertEqual(scores.shape, (len(pairs), len(CRITERIA)))
        by_pair = {(p.mentee_id, p.mentor_id): p for p in result.proposals}
        for row, pair in enumerate(pairs):
            explained = by_pair[pair].criteria
            for col, name in enumerate(CRITERIA):
                self.assertAlmostEqual(scores[row, col], explained[name]["score"], places=9)

    def test_pairs_hard_constraints_would_exclude_are_scored(self):
        """A closed duo is scored even if the engine would not propose it today."""
        mentee = person(1, languages={"fr": "A2"})
        mentor = person(2, slots=0)
        scores = criterion_scores([mentee], [mentor], [(1, 2)])
        self.assertEqual(scores.shape, (1, len(CRITERIA)))
        self.assertEqual(scores[0, CRITERIA.index("availability")], 0.0)
        self.assertEqual(scores[0, CRITERIA.index("sector")], 1.0)
        with self.assertRaises(ValueError):
            criterion_scores([mentee], [mentor], [(1, 3)])
        self.assertEqual(criterion_scores([mentee], [mentor], []).shape, (0, len(CRITERIA)))


class TestReplay(unittest.TestCase):
    def test_same_weights_change_nothing_other_weights_may(self):
        mentees = [
            person(1, sector="62", languages={"fr": "B2"}),
            person(2, sector="69", sector_section="M", languages={"nl": "native"}),
        ]
        mentors = [
            person(10, sector="62", languages={"nl": "native", "fr": "B1"}),
            person(11, sector="69", sector_section="M", languages={"fr": "native", "nl": "B1"}),
        ]
        config = MatchingConfig(weights=DEFAULT_WEIGHTS)
        same = replay_changes(mentees, mentors, config, DEFAULT_WEIGHTS)
        self.assertEqual(same.changed, 0)
        self.assertEqual(same.proposals_current, same.proposals_suggested)
        self.assertEqual(same.total_current, same.total_suggested)
        by_sector = replay_changes(mentees, mentors, config, {"sector": 1.0, "languages": 0.01})
        by_language = replay_changes(mentees, mentors, config, {"sector": 0.01, "languages": 1.0})
        self.assertNotEqual(by_sector.changed + by_language.changed, 0)
        self.assertEqual(by_language.proposals_suggested, 2)


if __name__ == "__main__":
    unittest.main()
