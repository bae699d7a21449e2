"""Unit and property tests of the pure matching engine (plain pytest, no Odoo)."""

import ast
import random
import subprocess
import sys
import unittest
from dataclasses import replace

import matching_engine as engine
import numpy as np
from conftest import ADDON_DIR
from engine_profiles import WEEKDAY_EVENINGS, person, random_profile
from hypothesis import given, settings
from hypothesis import strategies as st
from matching_engine import assignment, scoring
from matching_engine.profiles import encode_pool
from matching_engine.scoring import (
    SCORE_STEP,
    build_rules,
    pair_criteria,
    proposable_min,
    score_pool,
)
from matching_engine.testing import (
    assignment_total,
    brute_force_assignment,
    greedy_assignment,
    optimal_assignment,
    score_matrix,
    solve_expanded,
)


def criteria_of(mentee, mentor, config=None):
    pool = encode_pool([mentee], [mentor], config or engine.MatchingConfig())
    return {name: float(value[0]) for name, value in pair_criteria(pool, [0], [0]).items()}


def solver_total(proposals, pool, scores):
    """Total of ``proposals`` on the solver's score matrix (the grid the optimum is exact on;
    each proposal's own score is the exact one, within half a grid step of it)."""
    rows = pool.mentees.ids.searchsorted([p.mentee_id for p in proposals])
    cols = pool.mentors.ids.searchsorted([p.mentor_id for p in proposals])
    for proposal, row, col in zip(proposals, rows, cols, strict=True):
        assert abs(proposal.score - float(scores[row, col])) <= SCORE_STEP / 2 + 1e-6
    return assignment_total(scores, np.asarray(rows, np.int64), np.asarray(cols, np.int64))


class TestMatchingCriteria(unittest.TestCase):
    def test_sector_division_section_unrelated(self):
        mentee = person(1, sector="62", sector_section="J")
        self.assertEqual(criteria_of(mentee, person(2, sector="62"))["sector"], 1.0)
        self.assertEqual(criteria_of(mentee, person(2, sector="63"))["sector"], 0.5)
        other = person(2, sector="47", sector_section="G")
        self.assertEqual(criteria_of(mentee, other)["sector"], 0.0)

    def test_languages_better_levels_score_higher(self):
        b1 = criteria_of(person(1, languages={"fr": "B1"}), person(2, languages={"fr": "B1"}))
        c1 = criteria_of(person(1, languages={"fr": "C1"}), person(2, languages={"fr": "C1"}))
        native = criteria_of(
            person(1, languages={"fr": "native"}), person(2, languages={"fr": "native"})
        )
        self.assertAlmostEqual(b1["languages"], 0.2)
        self.assertLess(b1["languages"], c1["languages"])
        self.assertAlmostEqual(native["languages"], 1.0)

    def test_workable_level_is_configurable(self):
        mentee, mentor = person(1, languages={"nl": "A2"}), person(2, languages={"nl": "A2"})
        self.assertEqual(criteria_of(mentee, mentor)["languages"], 0.0)
        config = engine.MatchingConfig(workable_level=engine.CEFR_LEVELS["A2"])
        self.assertGreater(criteria_of(mentee, mentor, config)["languages"], 0.0)

    def test_availability_saturates_at_target(self):
        one = criteria_of(person(1), person(2, slots=WEEKDAY_EVENINGS))
        self.assertAlmostEqual(one["availability"], 1 / 3)
        many = criteria_of(person(1, slots=WEEKDAY_EVENINGS), person(2, slots=WEEKDAY_EVENINGS))
        self.assertEqual(many["availability"], 1.0)

    def test_personality_and_interests_jaccard(self):
        scores = criteria_of(
            person(1, personality_tags=frozenset({1, 2, 3}), interest_tags=frozenset({7})),
            person(2, personality_tags=frozenset({2, 3, 4}), interest_tags=frozenset()),
        )
        self.assertAlmostEqual(scores["personality"], 0.5)
        self.assertEqual(scores["interests"], 0.0)

    def test_distance_decays_with_km(self):
        same = criteria_of(person(1), person(2))
        self.assertAlmostEqual(same["distance"], 1.0)
        # ~5 km north: the default half distance.
        north = criteria_of(person(1), person(2, lat=50.85 + 5 / 111.2))
        self.assertAlmostEqual(north["distance_km"], 5.0, delta=0.05)
        self.assertAlmostEqual(north["distance"], 0.5, delta=0.01)
        missing = criteria_of(person(1, lat=None, lon=None), person(2))
        self.assertEqual(missing["distance"], 0.5)

    def test_stated_preferences(self):
        mentee = person(1, preferences={"gender": {"f"}})
        met = criteria_of(mentee, person(2, attributes={"gender": "f"}))
        unmet = criteria_of(mentee, person(2, attributes={"gender": "m"}))
        self.assertEqual(met["preferences"], 1.0)
        self.assertEqual(unmet["preferences"], 0.5)  # the mentor stated none: satisfied side

    def test_scores_snap_to_cells_that_never_straddle_the_threshold(self):
        """Scores become the middle of their SCORE_STEP cell counted from the threshold:
        within half a step, equal within a cell, on the same side of the threshold as
        before (however close to it), never negative."""
        minimum = 0.3
        threshold = np.float32(minimum)
        just_under = np.nextafter(threshold, np.float32(0))
        raw = np.array([threshold, just_under, minimum + 0.4 * SCORE_STEP,
                        minimum + 0.6 * SCORE_STEP, minimum + 1.4 * SCORE_STEP, 0.7, 1.0,
                        0.0, 1e-4], np.float32)
        values = raw.copy()
        scoring.snap_to_grid(values, minimum)
        np.testing.assert_array_equal(values >= minimum, raw >= minimum)
        np.testing.assert_allclose(values[raw > SCORE_STEP], raw[raw > SCORE_STEP],
                                   atol=SCORE_STEP / 2 + 1e-6)
        self.assertEqual(values[0], values[2])  # one cell
        self.assertLess(values[2], values[4])  # the next cell
        self.assertGreaterEqual(values.min(), 0.0)
        # A threshold that is no float32: cells start where ``>= 0.7`` starts on float32.
        values = np.array([0.7, np.nextafter(np.float32(0.7), np.float32(0))], np.float32)
        before = values >= 0.7
        scoring.snap_to_grid(values, 0.7)
        np.testing.assert_array_equal(values >= 0.7, before)

    def test_matrix_agrees_with_exact_pair_scores(self):
        rng = random.Random(3)
        mentees = [random_profile(rng, i) for i in range(1, 40)]
        mentors = [random_profile(rng, 1000 + i, capacity=2) for i in range(30)]
        pool = encode_pool(mentees, mentors)
        scores = score_pool(pool, build_rules(pool))
        rows, cols = np.nonzero(scores >= 0)
        self.assertTrue(len(rows))
        weights = pool.config.normalised_weights()
        raw = pair_criteria(pool, rows, cols)
        exact = sum(weights[name] * raw[name] for name in engine.CRITERIA)
        # The matrix holds the middle of each pair's SCORE_STEP cell: within half a step of
        # the exact score, on the same side of the threshold.
        minimum = proposable_min(pool.config)
        proposable = scores[rows, cols] >= minimum
        np.testing.assert_array_equal(proposable, exact >= minimum - 1e-6)
        np.testing.assert_allclose(scores[rows, cols], exact, atol=SCORE_STEP / 2 + 1e-5)
        self.assertTrue(proposable.any() and (~proposable).any())


class TestMatchingConstraints(unittest.TestCase):
    def assertBlocked(self, result, code, mentee_id=1):
        reason = next(r for r in result.unmatched_mentees if r.person_id == mentee_id)
        self.assertEqual(reason.code, engine.NO_ELIGIBLE_PARTNER)
        self.assertEqual(reason.params["blocking"], code)
        self.assertEqual(reason.params["eliminated_by"][code], 1)
        self.assertFalse(result.proposals)

    def test_baseline_pair_is_matched(self):
        result = engine.match([person(1)], [person(2)])
        self.assertEqual([(p.mentee_id, p.mentor_id) for p in result.proposals], [(1, 2)])
        self.assertFalse(result.unmatched_mentees)

    def test_no_common_language(self):
        result = engine.match(
            [person(1, languages={"ti": "native", "fr": "A2"})], [person(2, languages={"fr": "C1"})]
        )
        self.assertBlocked(result, engine.NO_COMMON_LANGUAGE)
        reason = result.unmatched_mentees[0]
        self.assertEqual(reason.params["languages"], (("ti", 7),))
        self.assertEqual(reason.params["slots"], (("tue", "evening"),))

    def test_no_common_slot(self):
        result = engine.match(
            [person(1)], [person(2, slots=engine.slots_mask([("mon", "morning")]))]
        )
        self.assertBlocked(result, engine.NO_COMMON_SLOT)
        funnel = dict(result.unmatched_mentees[0].params["funnel"])
        self.assertEqual(funnel[engine.NO_COMMON_LANGUAGE], 1)
        self.assertEqual(funnel[engine.NO_COMMON_SLOT], 0)

    def test_mentor_at_capacity(self):
        self.assertBlocked(
            engine.match([person(1)], [person(2, capacity=0)]), engine.MENTOR_AT_CAPACITY
        )

    def test_rejected_at_first_meeting(self):
        result = engine.match([person(1)], [person(2)], rejected={(1, 2)})
        self.assertBlocked(result, engine.REJECTED_AT_MEETING)

    def test_excluded_pair(self):
        result = engine.match([person(1)], [person(2), person(3)], excluded={(1, 2)})
        self.assertEqual([(p.mentee_id, p.mentor_id) for p in result.proposals], [(1, 3)])

    def test_not_ready(self):
        result = engine.match([person(1, ready=False)], [person(2)])
        self.assertEqual(result.unmatched_mentees[0].code, engine.MENTEE_NOT_READY)
        result = engine.match([person(1)], [person(2, ready=False)])
        self.assertBlocked(result, engine.MENTOR_NOT_READY)
        self.assertEqual(result.unmatched_mentors[0].code, engine.MENTOR_NOT_READY)

    def test_different_centre_unless_allowed(self):
        mentee, mentor = person(1, centre_id=1), person(2, centre_id=2)
        self.assertBlocked(engine.match([mentee], [mentor]), engine.DIFFERENT_CENTRE)
        allowed = engine.match([mentee], [mentor], engine.MatchingConfig(allow_cross_centre=True))
        self.assertEqual(len(allowed.proposals), 1)

    def test_threshold(self):
        weak = person(2, sector="47", sector_section="G", lat=51.2)
        config = engine.MatchingConfig(min_score=0.6)
        result = engine.match([person(1)], [weak], config)
        self.assertFalse(result.proposals)
        reason = result.unmatched_mentees[0]
        self.assertEqual(reason.code, engine.BELOW_THRESHOLD)
        self.assertEqual(reason.params["best_partner_id"], 2)
        self.assertLess(reason.params["best_score"], 0.6)
        self.assertTrue(
            engine.match([person(1)], [weak], engine.MatchingConfig(min_score=0.1)).proposals
        )

    def test_outcompeted_and_capacity(self):
        mentees = [person(1), person(3, sector="63"), person(4, sector="47", sector_section="G")]
        result = engine.match(mentees, [person(2, capacity=2)])
        self.assertEqual([p.mentee_id for p in result.proposals], [1, 3])
        reason = result.unmatched_mentees[0]
        self.assertEqual((reason.person_id, reason.code), (4, engine.OUTCOMPETED))
        self.assertEqual(reason.params["best_partner_id"], 2)


class TestMatchingExplanationsAndReruns(unittest.TestCase):
    def test_contributions_runner_up_and_gap(self):
        mentors = [person(10), person(11, sector="63"), person(12, sector="47", sector_section="G")]
        result = engine.match([person(1, languages={"fr": "C1", "ti": "native"})], mentors)
        (proposal,) = result.proposals
        self.assertEqual(proposal.mentor_id, 10)
        total = sum(item["contribution"] for item in proposal.criteria.values())
        self.assertAlmostEqual(total, proposal.score, places=12)
        self.assertAlmostEqual(sum(item["weight"] for item in proposal.criteria.values()), 1.0)
        self.assertEqual(proposal.runner_up_mentor_id, 11)
        self.assertAlmostEqual(proposal.score_gap, 0.25 * 0.5)  # division vs section
        self.assertEqual(proposal.shared_languages, (("fr", 5, 4),))
        self.assertEqual(proposal.shared_slots, (("tue", "evening"),))
        self.assertEqual(proposal.sector_match, "division")
        self.assertIsInstance(proposal.to_dict(), dict)

    def test_locked_pairs_consume_capacity_and_may_break_rules(self):
        mentees = [person(1), person(3, languages={"ti": "native"})]
        mentors = [person(2, capacity=1), person(4, sector="47", sector_section="G")]
        result = engine.match(mentees, mentors, locked={(3, 2)})
        pairs = {(p.mentee_id, p.mentor_id): p for p in result.proposals}
        self.assertEqual(set(pairs), {(3, 2), (1, 4)})
        locked = pairs[(3, 2)]
        self.assertTrue(locked.locked)
        self.assertIn(engine.NO_COMMON_LANGUAGE, locked.violations)
        self.assertFalse(pairs[(1, 4)].locked)

    def test_locked_and_excluded_conflict(self):
        with self.assertRaises(ValueError):
            engine.match([person(1)], [person(2)], locked={(1, 2)}, excluded={(1, 2)})

    def test_deterministic_ties_and_input_order(self):
        mentees = [person(i) for i in range(1, 6)]
        mentors = [person(100 + i) for i in range(3)]
        first = engine.match(mentees, mentors)
        shuffled = list(reversed(mentees)), list(reversed(mentors))
        second = engine.match(*shuffled)
        self.assertEqual(
            [(p.mentee_id, p.mentor_id) for p in first.proposals],
            [(p.mentee_id, p.mentor_id) for p in second.proposals],
        )
        self.assertEqual(
            [r.to_dict() for r in first.unmatched_mentees],
            [r.to_dict() for r in second.unmatched_mentees],
        )
        # Runner-up ties resolve to the lowest id.
        self.assertEqual(
            first.proposals[0].runner_up_mentor_id, 100 + (first.proposals[0].mentor_id == 100)
        )


values_matrices = st.integers(1, 5).flatmap(
    lambda n: st.integers(1, 5).flatmap(
        lambda m: st.tuples(
            st.lists(
                st.lists(
                    st.sampled_from([-1.0, 0.0, 0.1, 0.25, 0.4, 0.5, 0.7, 0.9, 1.0]),
                    min_size=m,
                    max_size=m,
                ),
                min_size=n,
                max_size=n,
            ),
            st.lists(st.integers(1, 2), min_size=m, max_size=m),
            st.sampled_from([0.0, 0.3, 0.5]),
        )
    )
)


class TestMatchingSolvers(unittest.TestCase):
    @settings(max_examples=200, deadline=None)
    @given(values_matrices)
    def test_optimal_equals_brute_force_and_beats_greedy(self, case):
        values, capacities, threshold = case
        values = np.array(values)
        totals = {}

        def priced(values, capacities, threshold):
            # k=1: almost every optimum needs the pricing rounds to add pairs back.
            rows, cols, _rounds = assignment.priced_assignment(values, capacities, threshold, k=1)
            return rows, cols

        for name, solver in (
            ("optimal", optimal_assignment),
            ("priced", priced),
            ("greedy", greedy_assignment),
            ("brute", brute_force_assignment),
        ):
            rows, cols = solver(values, capacities, threshold)
            self.assertEqual(len(set(rows.tolist())), len(rows))
            self.assertTrue((np.bincount(cols, minlength=len(capacities)) <= capacities).all())
            if len(rows):
                self.assertTrue((values[rows, cols] >= threshold).all())
                self.assertTrue((values[rows, cols] > 0).all())
            totals[name] = assignment_total(values, rows, cols)
        self.assertAlmostEqual(totals["optimal"], totals["brute"], places=9)
        self.assertAlmostEqual(totals["priced"], totals["brute"], places=9)
        self.assertGreaterEqual(totals["optimal"] + 1e-9, totals["greedy"])

    def assertValidAssignment(self, values, capacities, threshold, rows, cols):
        self.assertEqual(len(set(rows.tolist())), len(rows))
        self.assertTrue((np.bincount(cols, minlength=len(capacities)) <= capacities).all())
        if len(rows):
            self.assertTrue((values[rows, cols] >= threshold).all())
            self.assertTrue((values[rows, cols] > 0).all())

    def test_priced_sparse_solver_equals_dense_on_wide_matrices(self):
        """Column generation on k candidates per row reaches the dense optimum, ties included
        (values on a coarse grid), with rows/columns that have no allowed pair at all."""
        rng = np.random.default_rng(11)
        rounds_seen = set()
        for case in range(60):
            n_rows, n_cols = int(rng.integers(1, 50)), int(rng.integers(1, 160))
            grid = rng.choice([10, 1000])
            values = np.round(rng.random((n_rows, n_cols)) * grid) / grid
            values[rng.random(values.shape) < rng.random()] = -1.0
            values[rng.random(n_rows) < 0.1] = 0.0
            values = values.astype(rng.choice([np.float32, np.float64]))
            capacities = rng.integers(0, 3, n_cols)
            threshold = float(rng.choice([0.0, 0.3, 0.6]))
            row_mask = rng.random(n_rows) < 0.9
            dense = optimal_assignment(values, capacities, threshold, row_mask)
            for k in (1, 3, 8):
                rows, cols, rounds = assignment.priced_assignment(
                    values, capacities, threshold, row_mask, k=k
                )
                rounds_seen.add(rounds)
                self.assertValidAssignment(values, capacities, threshold, rows, cols)
                self.assertTrue(row_mask[rows].all())
                self.assertAlmostEqual(
                    assignment_total(values, rows, cols),
                    assignment_total(values, *dense),
                    places=9,
                    msg=f"case {case}, k={k}",
                )
        self.assertGreater(max(rounds_seen), 1)  # the pricing loop was exercised

    def test_sparse_assignment_duals_certify_optimality(self):
        rng = np.random.default_rng(5)
        for _case in range(30):
            n_rows, n_cols = int(rng.integers(1, 30)), int(rng.integers(1, 30))
            mask = rng.random((n_rows, n_cols)) < 0.3
            rows, cols = np.nonzero(mask)
            values = np.round(rng.random(len(rows)), 2) + 0.01
            capacities = rng.integers(0, 3, n_cols)
            keep = capacities[cols] > 0
            rows, cols, values = rows[keep], cols[keep], values[keep]
            solution = assignment.sparse_assignment(rows, cols, values, n_rows, capacities)
            tol = 1e-9
            # Dual feasibility on every edge, prices and utilities non-negative.
            self.assertTrue((values - solution.price[cols] <= solution.utility[rows] + tol).all())
            self.assertTrue((solution.price >= -tol).all())
            self.assertTrue((solution.utility >= -tol).all())
            # Strong duality: primal total == sum of utilities + capacity-weighted prices.
            chosen = {(r, c): v for r, c, v in zip(rows, cols, values, strict=True)}
            total = sum(chosen[r, c] for r, c in zip(solution.rows, solution.cols, strict=True))
            dual = solution.utility.sum() + (solution.price * capacities).sum()
            self.assertAlmostEqual(total, dual, places=9)

    def test_top_candidates_matches_a_full_sort(self):
        """Also with a tie start per row, on rows from a few ties to nothing but ties (the
        ties beyond the first k + 1 are trimmed by a window or, when it holds too few, by a
        partition of their positions)."""
        rng = np.random.default_rng(2)
        for case in range(80):
            n_rows, n_cols = int(rng.integers(1, 20)), int(rng.integers(1, 300))
            levels = int(rng.choice([1, 2, 20]))
            block = (np.round(rng.random((n_rows, n_cols)) * levels) / levels).astype(np.float32)
            block[rng.random(block.shape) < rng.choice([0.05, 0.5, 0.9])] = -1
            k, threshold = int(rng.integers(1, 12)), float(rng.choice([0.0, 0.3]))
            tie_start = rng.integers(0, n_cols, n_rows) if case % 2 else None
            local, cols, values, bound = assignment.top_candidates(
                block, threshold, k, tie_start=tie_start
            )
            for row in range(n_rows):
                allowed = np.flatnonzero((block[row] >= threshold) & (block[row] > 0))
                start = 0 if tie_start is None else tie_start[row]
                ranked = sorted(
                    allowed.tolist(), key=lambda col: (-block[row, col], (col - start) % n_cols)
                )
                self.assertEqual(cols[local == row].tolist(), ranked[:k])
                np.testing.assert_array_equal(values[local == row], block[row, ranked[:k]])
                left_out = block[row, ranked[k:]]
                self.assertEqual(bound[row], left_out.max() if len(left_out) else -np.inf)

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, 10_000))
    def test_engine_total_equals_brute_force_on_profiles(self, seed):
        rng = random.Random(seed)
        mentees = [random_profile(rng, i) for i in range(1, rng.randint(2, 5) + 1)]
        mentors = [
            random_profile(rng, 100 + i, rng.randint(1, 2)) for i in range(rng.randint(1, 5))
        ]
        config = engine.MatchingConfig(min_score=0.2)
        result = engine.match(mentees, mentors, config)
        pool = encode_pool(mentees, mentors, config)
        rules = build_rules(pool)
        scores = score_pool(pool, rules)
        rows, cols = brute_force_assignment(scores, rules.remaining, config.min_score)
        self.assertAlmostEqual(solver_total(result.proposals, pool, scores),
                               assignment_total(scores, rows, cols), places=4)
        for proposal in result.proposals:
            self.assertGreaterEqual(proposal.score, config.min_score - 1e-6)

    def test_engine_equals_dense_solver_on_larger_pools(self):
        """``match`` (sparse, priced) reaches the total of ``linear_sum_assignment`` on the
        whole capacity-expanded matrix, with locked, excluded, several centres and few
        candidates per mentee (so that pricing rounds are needed), and is deterministic."""
        rng = random.Random(17)
        for pool_size, k in ((60, 2), (120, 8)):
            mentees = [random_profile(rng, i) for i in range(1, pool_size)]
            mentors = [
                random_profile(rng, 1000 + i, rng.randint(1, 2)) for i in range(pool_size - 20)
            ]
            config = engine.MatchingConfig(min_score=0.25)
            excluded = {(mentee.id, mentors[0].id) for mentee in mentees[:10]}
            kwargs = {"locked": {(1, 1001)}, "excluded": excluded, "candidates_per_mentee": k}
            result = engine.match(mentees, mentors, config, **kwargs)
            self.assertGreater(result.stats["solve_rounds"], 1)
            pool = encode_pool(mentees, mentors, config)
            index = {int(i): n for n, i in enumerate(pool.mentees.ids.tolist())}
            col = {int(i): n for n, i in enumerate(pool.mentors.ids.tolist())}
            forbidden = [(index[e], col[r], engine.EXCLUDED_PAIR) for e, r in excluded]
            rules = build_rules(pool, [(index[1], col[1001])], forbidden)
            matrices = score_matrix(pool, rules)
            dense_rows, dense_cols = solve_expanded(
                matrices.expanded, matrices.solve_rows, matrices.owner
            )
            free = [p for p in result.proposals if not p.locked]
            self.assertAlmostEqual(
                solver_total(free, pool, matrices.scores),
                assignment_total(matrices.scores, dense_rows, dense_cols),
                places=4,
            )
            again = engine.match(list(reversed(mentees)), mentors, config, **kwargs)
            self.assertEqual(
                [(p.mentee_id, p.mentor_id) for p in result.proposals],
                [(p.mentee_id, p.mentor_id) for p in again.proposals],
            )


def family_pool(family, rng, size):
    """Small pools of the benchmark's families: ``random``, ``star`` (every mentee wants what
    one mentor in five offers), ``identical`` (one mentee and one mentor copied: the
    benchmark's ``tied``), ``near_identical`` (the same copies, homes some 20 m apart, as the
    benchmark's ``identical``), ``scarce`` (a quarter as many mentors, capacity 1) and
    ``national`` (several centres)."""
    mentees = [random_profile(rng, k, unlocated=0) for k in range(1, size + 1)]
    n_mentors = max(1, size // 4) if family == "scarce" else size
    mentors = [random_profile(rng, 1000 + k, rng.randint(1, 2), unlocated=0)
               for k in range(n_mentors)]
    popular = {"sector": "62", "languages": {"fr": 7}, "slots": WEEKDAY_EVENINGS,
               "preferences": {}, "ready": True}
    if family == "star":
        mentees = [replace(m, **popular) for m in mentees]
        mentors = [replace(m, **popular, capacity=1) if k % 5 == 0 else m
                   for k, m in enumerate(mentors)]
    elif family == "identical":
        mentees = [replace(mentees[0], **popular, id=k) for k in range(1, size + 1)]
        mentors = [replace(mentors[0], **popular, id=1000 + k) for k in range(size)]
    elif family == "near_identical":
        mentees = [replace(mentees[0], **popular, id=k, lat=mentees[0].lat + k * 2e-4,
                           lon=mentees[0].lon - k * 2e-4) for k in range(1, size + 1)]
        mentors = [replace(mentors[0], **popular, id=1000 + k, lat=mentors[0].lat + k * 2e-4,
                           lon=mentors[0].lon - k * 2e-4) for k in range(size)]
    elif family == "scarce":
        mentors = [replace(m, capacity=1) for m in mentors]
    elif family == "national":
        mentees = [replace(m, centre_id=rng.randint(1, 3)) for m in mentees]
        mentors = [replace(m, centre_id=rng.randint(1, 3)) for m in mentors]
    return mentees, mentors


class TestCentreBlocks(unittest.TestCase):
    """A pool spanning several centres is scored centre by centre (each centre's mentees
    against its own mentors and those of no centre, small centres bundled): the same scores
    as the whole matrix with the centre rule applied, and the same capacity-expanded matrix."""

    @settings(max_examples=30, deadline=None)
    @given(seed=st.integers(0, 10_000), size=st.integers(2, 60),
           centres=st.sampled_from([2, 3, 17, 60]), threads=st.sampled_from([1, 2]))
    def test_blocks_score_like_the_whole_matrix(self, seed, size, centres, threads):
        rng = random.Random(seed)

        def centre():
            return None if rng.random() < 0.1 else rng.randint(1, centres)

        mentees = [replace(random_profile(rng, k), centre_id=centre()) for k in range(1, size + 1)]
        mentors = [replace(random_profile(rng, 1000 + k, rng.randint(1, 2)), centre_id=centre())
                   for k in range(size)]
        blocked_config = engine.MatchingConfig(threads=threads)
        pool = encode_pool(mentees, mentors, blocked_config)
        forbidden = [(row, rng.randrange(size), engine.EXCLUDED_PAIR)
                     for row in rng.sample(range(size), min(size, 5))]
        locked = [(size - 1, 0)]
        forbidden = [item for item in forbidden if item[:2] != locked[0]]
        rules = build_rules(pool, locked, forbidden)
        blocked = score_matrix(pool, rules)

        whole_pool = encode_pool(mentees, mentors, replace(blocked_config, allow_cross_centre=True))
        whole = score_matrix(whole_pool, build_rules(whole_pool, locked, forbidden))
        mentee_centre, mentor_centre = pool.mentees.centre, pool.mentors.centre
        crossing = ((mentee_centre[:, None] != mentor_centre[None, :])
                    & (mentee_centre[:, None] >= 0) & (mentor_centre[None, :] >= 0))
        expected = np.where(crossing, np.float32(-1.0), whole.scores)
        np.testing.assert_allclose(blocked.scores, expected, atol=1e-5)
        expanded = np.where(crossing[whole.solve_rows][:, whole.owner], 0.0, whole.expanded)
        np.testing.assert_allclose(blocked.expanded, expanded, atol=1e-5)

    def test_many_small_centres_share_blocks(self):
        """Four thousand one-person centres cost a few bundled blocks, not four thousand
        (each block has fixed costs), and a fraction of the whole matrix."""
        rng = random.Random(5)
        mentees = [replace(random_profile(rng, k), centre_id=k) for k in range(1, 4001)]
        mentors = [replace(random_profile(rng, 5000 + k), centre_id=k) for k in range(1, 4001)]
        pool = encode_pool(mentees, mentors, engine.MatchingConfig())
        blocks, preset = scoring._score_plan(pool)
        self.assertTrue(preset)
        self.assertLess(len(blocks), 10)
        covered = sum(len(rows) * len(cols) for rows, cols in blocks)
        self.assertLess(covered, 0.3 * len(mentees) * len(mentors))
        self.assertEqual(sorted(np.concatenate([rows for rows, _cols in blocks]).tolist()),
                         list(range(len(mentees))))


class TestMatchingPoolFamilies(unittest.TestCase):
    """The engine stays exact, and takes the path that suits the pool, on every family."""

    def _assert_dense_optimum(self, result, mentees, mentors, config):
        """The engine's proposals reach the dense solver's total on the same matrix."""
        pool = encode_pool(mentees, mentors, config)
        rules = build_rules(pool)
        matrices = score_matrix(pool, rules)
        rows, cols = solve_expanded(matrices.expanded, matrices.solve_rows, matrices.owner)
        self.assertAlmostEqual(solver_total(result.proposals, pool, matrices.scores),
                               assignment_total(matrices.scores, rows, cols), places=4)

    @settings(max_examples=40, deadline=None)
    @given(family=st.sampled_from(
        ["random", "star", "identical", "near_identical", "scarce", "national"]),
           seed=st.integers(0, 10_000), size=st.integers(2, 40))
    def test_every_family_reaches_the_dense_optimum(self, family, seed, size):
        mentees, mentors = family_pool(family, random.Random(seed), size)
        config = engine.MatchingConfig(min_score=0.2)
        result = engine.match(mentees, mentors, config, candidates_per_mentee=4)
        self._assert_dense_optimum(result, mentees, mentors, config)
        self.assertLessEqual(result.stats["solve_rounds"], assignment.MAX_PRICING_ROUNDS + 1)

    def test_crowded_pools_go_dense_at_once_and_others_stay_sparse(self):
        rng = random.Random(3)
        config = engine.MatchingConfig(min_score=0.2)
        # Copies of one person tie everywhere: their candidates spread over the mentors
        # (see test_exact_ties_spread_and_solve_in_one_round), so they are not crowded.
        expected = {"random": False, "star": True, "identical": False, "scarce": True}
        for family, crowded in expected.items():
            with self.subTest(family=family):
                mentees, mentors = family_pool(family, rng, 200)
                result = engine.match(mentees, mentors, config, candidates_per_mentee=8)
                self.assertEqual(result.stats["solve_rounds"] == 0, crowded,
                                 result.stats["solve_rounds"])

    def test_exact_ties_spread_and_solve_in_one_round(self):
        """A pool of copies of one mentee and one mentor (same home: every score ties) is
        solved by the sparse path in one round, every mentee matched, at the dense optimum:
        the tied candidates start at a different mentor for each mentee instead of all naming
        the lowest columns, and a row of ties is not sorted whole."""
        mentees, mentors = family_pool("identical", random.Random(11), 300)
        config = engine.MatchingConfig(min_score=0.2)
        result = engine.match(mentees, mentors, config, candidates_per_mentee=8)
        self.assertEqual(result.stats["solve_rounds"], 1)
        self.assertEqual(len(result.proposals), 300)
        self._assert_dense_optimum(result, mentees, mentors, config)
        block = np.full((4, 1000), 0.5, np.float32)
        rows, cols, _values, bound = assignment.top_candidates(
            block, 0.1, 3, tie_start=np.array([0, 250, 500, 999]))
        self.assertEqual(rows.tolist(), [0] * 3 + [1] * 3 + [2] * 3 + [3] * 3)
        self.assertEqual(cols.tolist(), [0, 1, 2, 250, 251, 252, 500, 501, 502, 999, 0, 1])
        self.assertEqual(bound.tolist(), [0.5] * 4)

    def test_pricing_rounds_are_bounded_then_the_dense_solver_decides(self):
        """One candidate per row: pricing would need 8 rounds here; after MAX_PRICING_ROUNDS
        the dense solver gives the same optimum."""
        rng = np.random.default_rng(0)
        values = rng.random((200, 220))
        capacities = np.ones(220, np.int64)
        local, cols, vals, bound = assignment.top_candidates(values, 0.0, 1)
        candidates = assignment.Candidates(local, cols, vals, bound)
        self.assertFalse(assignment.candidates_crowded(candidates, capacities))
        _rows, _cols, unbounded = assignment.priced_assignment(values, capacities, k=1)
        self.assertGreater(unbounded, assignment.MAX_PRICING_ROUNDS + 1)
        rows, cols, rounds = assignment.solve_assignment(values, capacities,
                                                         candidates=candidates)
        self.assertEqual(rounds, assignment.MAX_PRICING_ROUNDS + 1, "the dense solver decided")
        self.assertAlmostEqual(assignment_total(values, rows, cols),
                               assignment_total(values, *optimal_assignment(values, capacities)),
                               places=9)


class TestGarbageCollectorPause(unittest.TestCase):
    """The engine builds its many small objects with the cyclic collector paused, and always
    gives it back (after an error too, and across threads: see ``_gc``)."""

    def test_paused_while_encoding_and_restored_after(self):
        import gc  # noqa: PLC0415 - only this test needs it

        from matching_engine import engine as engine_module  # noqa: PLC0415

        seen = []
        real_encode = engine_module.encode_pool

        def spy(*args, **kwargs):
            seen.append(gc.isenabled())
            return real_encode(*args, **kwargs)

        engine_module.encode_pool = spy
        try:
            self.assertTrue(gc.isenabled())
            engine.match([person(1)], [person(2)])
            self.assertEqual(seen, [False])
            self.assertTrue(gc.isenabled())
            with self.assertRaises(ValueError):
                engine.match([person(1)], [person(2)], locked={(1, 99)})
            self.assertTrue(gc.isenabled(), "restored after an error")
            gc.disable()
            engine.match([person(1)], [person(2)])
            self.assertFalse(gc.isenabled(), "a caller's own pause is left alone")
        finally:
            gc.enable()
            engine_module.encode_pool = real_encode


class TestPackage(unittest.TestCase):
    def test_odoo_layer_uses_only_the_public_api(self):
        """duo_matching's models and wizards import names of ``__all__`` only, never an
        engine module (its internals may change without notice)."""
        self.assertEqual(len(set(engine.__all__)), len(engine.__all__))
        for name in engine.__all__:
            self.assertTrue(hasattr(engine, name), name)
        imported = set()
        for source in [*ADDON_DIR.glob("models/*.py"), *ADDON_DIR.glob("wizards/*.py")]:
            for node in ast.walk(ast.parse(source.read_text())):
                if isinstance(node, ast.ImportFrom) and "matching_engine" in (node.module or ""):
                    self.assertEqual(node.module, "matching_engine", source.name)
                    imported |= {alias.name for alias in node.names}
        self.assertTrue(imported)
        self.assertLessEqual(imported, set(engine.__all__))

    def test_import_pulls_neither_odoo_nor_test_code(self):
        """The engine alone: no Odoo, no test-only module, no test tool (Odoo loads the
        add-on in production, where pytest and hypothesis are absent)."""
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); import matching_engine; "
            "print(sorted(name for name in sys.modules if name.split('.')[0] in "
            "('odoo', 'pytest', 'hypothesis') or name.startswith('matching_engine.t')))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(ADDON_DIR)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        self.assertEqual(out.strip(), "[]")

    def test_blas_is_single_threaded_inside_the_engine_only(self):
        from matching_engine._blas import single_threaded_blas  # noqa: PLC0415
        from threadpoolctl import threadpool_info  # noqa: PLC0415

        def blas_threads():
            return [item["num_threads"] for item in threadpool_info() if item["user_api"] == "blas"]

        before = blas_threads()
        with single_threaded_blas():
            self.assertTrue(all(count == 1 for count in blas_threads()))
            with single_threaded_blas():
                self.assertTrue(all(count == 1 for count in blas_threads()))
            self.assertTrue(all(count == 1 for count in blas_threads()))
        self.assertEqual(blas_threads(), before)
        engine.match([person(1)], [person(2)])
        self.assertEqual(blas_threads(), before)
