"""Tests of :func:`rank_candidates`, the best partners of one person (plain pytest, no Odoo)."""

import random
import unittest

import matching_engine as engine
import numpy as np
from engine_profiles import person, random_profile
from hypothesis import given, settings
from hypothesis import strategies as st
from matching_engine.profiles import encode_pool
from matching_engine.scoring import build_rules, score_pool


def ranked_ids(ranking):
    return [candidate.partner_id for candidate in ranking.candidates]


class TestRankCandidates(unittest.TestCase):
    def test_best_first_with_match_explanations(self):
        mentee = person(1, languages={"fr": "C1", "ti": "native"})
        mentors = [person(12, sector="47", sector_section="G"), person(11, sector="63"), person(10)]
        ranking = engine.rank_candidates(mentee, mentors)
        self.assertEqual((ranking.person_id, ranking.role), (1, "mentee"))
        self.assertEqual(ranked_ids(ranking), [10, 11, 12])
        self.assertEqual([c.rank for c in ranking.candidates], [1, 2, 3])
        self.assertEqual((ranking.eligible, ranking.ruled_out, ranking.ruled_out_count), (3, {}, 0))
        best = ranking.candidates[0]
        self.assertIsInstance(best, engine.Candidate)
        self.assertIsInstance(best.explanation, engine.PairExplanation)
        self.assertEqual((best.explanation.mentee_id, best.explanation.mentor_id), (1, 10))
        self.assertEqual(best.score, best.explanation.score)
        self.assertEqual(best.explanation.sector_match, "division")
        self.assertEqual(best.explanation.runner_up_mentor_id, 11)
        self.assertAlmostEqual(ranking.candidates[0].score - ranking.candidates[1].score, 0.125)
        # The pair match() proposes for this pool, with the very same explanation.
        (proposal,) = engine.match([mentee], mentors).proposals
        self.assertEqual(best.explanation, proposal)
        self.assertIsInstance(best.to_dict()["explanation"], dict)

    def test_agrees_with_match_scores_on_a_whole_pool(self):
        """Every pair match() proposes scores the same in the ranking of its mentee, and of its
        mentor; the candidates are exactly the pairs the engine's score matrix allows.
        (Nobody located: the distance projection, centred on the pool, then plays no part.)"""
        rng = random.Random(8)
        mentees = [random_profile(rng, i, unlocated=1.0) for i in range(1, 41)]
        mentors = [random_profile(rng, 1000 + i, 2, unlocated=1.0) for i in range(30)]
        config = engine.MatchingConfig(min_score=0.25)
        result = engine.match(mentees, mentors, config)
        self.assertGreater(len(result.proposals), 10)
        pool = encode_pool(mentees, mentors, config)
        scores = score_pool(pool, build_rules(pool))
        mentee_by_id = {p.id: p for p in mentees}
        mentor_by_id = {p.id: p for p in mentors}
        for proposal in result.proposals:
            mentee = mentee_by_id[proposal.mentee_id]
            ranking = engine.rank_candidates(mentee, mentors, config)
            scored = {c.partner_id: c for c in ranking.candidates}
            explanation = scored[proposal.mentor_id].explanation
            self.assertAlmostEqual(explanation.score, proposal.score, places=12)
            for name in engine.CRITERIA:
                self.assertAlmostEqual(
                    explanation.criteria[name]["score"],
                    proposal.criteria[name]["score"],
                    places=12,
                )
            self.assertEqual(explanation.runner_up_mentor_id, proposal.runner_up_mentor_id)
            row = int(np.searchsorted(pool.mentees.ids, mentee.id))
            allowed = pool.mentors.ids[scores[row] >= 0].tolist()
            self.assertEqual(sorted(scored), allowed)
            self.assertEqual(ranking.eligible + ranking.ruled_out_count, len(mentors))
            by_mentor = engine.rank_candidates(
                mentor_by_id[proposal.mentor_id], mentees, config, role="mentor"
            )
            scored = {c.partner_id: c.score for c in by_mentor.candidates}
            self.assertAlmostEqual(scored[proposal.mentee_id], proposal.score, places=12)

    def test_ties_go_to_the_lowest_id_whatever_the_input_order(self):
        mentors = [person(mentor_id) for mentor_id in (30, 10, 20)]
        ranking = engine.rank_candidates(person(1), mentors)
        self.assertEqual(ranked_ids(ranking), [10, 20, 30])
        self.assertEqual(len({c.score for c in ranking.candidates}), 1)
        again = engine.rank_candidates(person(1), list(reversed(mentors)))
        self.assertEqual(ranking, again)

    def test_rejected_and_excluded_pairs_are_ruled_out(self):
        mentors = [person(10), person(11), person(12)]
        ranking = engine.rank_candidates(person(1), mentors, rejected={(1, 10), (2, 11)})
        self.assertEqual(ranked_ids(ranking), [11, 12])
        self.assertEqual(ranking.ruled_out, {engine.REJECTED_AT_MEETING: 1})
        ranking = engine.rank_candidates(person(1), mentors, rejected={(1, 10)}, excluded={(1, 11)})
        self.assertEqual(ranked_ids(ranking), [12])
        self.assertEqual(
            ranking.ruled_out, {engine.REJECTED_AT_MEETING: 1, engine.EXCLUDED_PAIR: 1}
        )
        # The same pair seen from the mentor's side.
        mentees = [person(1), person(2)]
        ranking = engine.rank_candidates(person(10), mentees, role="mentor", rejected={(1, 10)})
        self.assertEqual(ranked_ids(ranking), [2])
        self.assertEqual(ranking.ruled_out, {engine.REJECTED_AT_MEETING: 1})

    def test_hard_constraints_counted_once_in_funnel_order(self):
        monday = engine.slots_mask([("mon", "morning")])
        mentors = [
            person(10),
            person(11, ready=False, languages={"ti": "native"}),  # not ready comes first
            person(12, capacity=0),
            person(13, centre_id=2, slots=monday),  # different centre comes first
            person(14, languages={"nl": "C2"}),
            person(15, slots=monday),
        ]
        ranking = engine.rank_candidates(person(1), mentors)
        self.assertEqual(ranked_ids(ranking), [10])
        self.assertEqual(
            ranking.ruled_out,
            {
                engine.MENTOR_NOT_READY: 1,
                engine.MENTOR_AT_CAPACITY: 1,
                engine.DIFFERENT_CENTRE: 1,
                engine.NO_COMMON_LANGUAGE: 1,
                engine.NO_COMMON_SLOT: 1,
            },
        )
        self.assertEqual(
            list(ranking.ruled_out),
            [
                engine.MENTOR_NOT_READY,
                engine.MENTOR_AT_CAPACITY,
                engine.DIFFERENT_CENTRE,
                engine.NO_COMMON_LANGUAGE,
                engine.NO_COMMON_SLOT,
            ],
        )
        allowed = engine.MatchingConfig(allow_cross_centre=True)
        self.assertNotIn(
            engine.DIFFERENT_CENTRE, engine.rank_candidates(person(1), mentors, allowed).ruled_out
        )

    def test_the_persons_own_state_rules_nobody_out(self):
        """Asked for explicitly: a mentor with no room left or not ready yet still gets a
        ranking; a mentee who is not ready too."""
        busy_mentor = person(10, capacity=0, ready=False)
        ranking = engine.rank_candidates(busy_mentor, [person(1), person(2)], role="mentor")
        self.assertEqual(ranked_ids(ranking), [1, 2])
        ranking = engine.rank_candidates(person(1, ready=False), [person(10)])
        self.assertEqual(ranked_ids(ranking), [10])
        # ... while the partners' own state does.
        ranking = engine.rank_candidates(
            person(10), [person(1, ready=False), person(2)], role="mentor"
        )
        self.assertEqual(ranked_ids(ranking), [2])
        self.assertEqual(ranking.ruled_out, {engine.MENTEE_NOT_READY: 1})

    def test_limit_and_threshold(self):
        weak = person(12, sector="47", sector_section="G", lat=51.2)
        mentors = [weak, person(10), person(11, sector="63")]
        config = engine.MatchingConfig(min_score=0.5)
        ranking = engine.rank_candidates(person(1), mentors, config)
        self.assertEqual(ranked_ids(ranking), [10, 11, 12])
        self.assertEqual(
            [c.below_threshold for c in ranking.candidates],
            [c.score < 0.5 for c in ranking.candidates],
        )
        self.assertTrue(ranking.candidates[-1].below_threshold)
        self.assertFalse(ranking.candidates[0].below_threshold)
        limited = engine.rank_candidates(person(1), mentors, config, limit=2)
        self.assertEqual(limited.candidates, ranking.candidates[:2])
        self.assertEqual(limited.eligible, 3)

    def test_nobody_to_rank_and_bad_role(self):
        ranking = engine.rank_candidates(person(1), [])
        self.assertEqual((ranking.candidates, ranking.eligible, ranking.ruled_out), ((), 0, {}))
        with self.assertRaises(ValueError):
            engine.rank_candidates(person(1), [person(2)], role="coordinator")

    @settings(max_examples=40, deadline=None)
    @given(st.integers(0, 10_000))
    def test_ranking_is_sorted_and_complete(self, seed):
        rng = random.Random(seed)
        mentee = random_profile(rng, 1)
        mentors = [random_profile(rng, 100 + i, rng.randint(0, 2)) for i in range(12)]
        rejected = {(1, mentor.id) for mentor in rng.sample(mentors, 2)}
        ranking = engine.rank_candidates(mentee, mentors, rejected=rejected)
        keys = [(-c.score, c.partner_id) for c in ranking.candidates]
        self.assertEqual(keys, sorted(keys))
        self.assertEqual([c.rank for c in ranking.candidates], list(range(1, len(keys) + 1)))
        self.assertEqual(ranking.eligible, len(ranking.candidates))
        self.assertEqual(ranking.eligible + ranking.ruled_out_count, len(mentors))
        self.assertFalse({(1, c.partner_id) for c in ranking.candidates} & rejected)
        # The one-mentee session proposes the best proposable candidate, at the same score
        # (mentors with no room left are ruled out of both).
        result = engine.match([mentee], mentors, rejected=rejected)
        proposable = [c for c in ranking.candidates if not c.below_threshold]
        if proposable and mentee.ready:
            (proposal,) = result.proposals
            self.assertAlmostEqual(proposal.score, proposable[0].score, places=6)
        else:
            self.assertFalse(result.proposals)
