from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..matching_engine import CRITERIA
from ..models.duo_matching_weight_suggestion_line import CRITERION_SELECTION
from .common import MatchingCommon
from .weights_common import FAILURES, LEFT_OUT, SUCCESSES, create_closed_duos


@tagged("at_install", "-post_install")
class TestDuoMatchingWeights(MatchingCommon):
    """Weights learned from a centre's closed duos: proposed, never applied silently,
    accepted or rejected by the matching team, logged and reversible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pairs = create_closed_duos(cls.env, cls.centre_bxl)
        cls.user_coordinator_lgg.group_ids = [Command.link(cls.matching_team.id)]
        cls.user_reader_bxl = new_test_user(
            cls.env, login="reader_bxl", name="Reader Brussels",
            groups="duo_mentoring.group_duo_user",
        )
        cls.centre_bxl.user_ids = [Command.link(cls.user_reader_bxl.id)]

    def weights(self, centre=None):
        return (centre or self.centre_bxl)._matching_weights()

    def learn(self, user=None):
        env = self.env(user=user or self.user_coordinator_bxl)
        suggestion = env["duo.matching.weight.suggestion"].create(
            {"centre_id": self.centre_bxl.id}
        )
        suggestion.action_learn()
        return suggestion

    def test_criteria_are_the_engine_s(self):
        self.assertEqual(tuple(code for code, _label in CRITERION_SELECTION), CRITERIA)

    def test_success_and_failure_of_closed_duos(self):
        outcomes = self.env["duo.matching.weight.suggestion"]._learning_outcomes(self.pairs)
        values = list(outcomes.values())
        self.assertEqual(values.count(1), SUCCESSES)
        self.assertEqual(values.count(0), FAILURES)
        self.assertEqual(values.count(None), LEFT_OUT)
        found_job = self.pairs.filtered(lambda p: p.close_reason_id.code == "found_job")
        moved = self.pairs.filtered(lambda p: p.close_reason_id.code == "moved")
        no_outcome = self.pairs.filtered(lambda p: p.outcome == "none")
        self.assertEqual(outcomes[found_job.id], 1)
        self.assertIsNone(outcomes[moved.id])
        self.assertIsNone(outcomes[no_outcome.id])
        open_pair = self.create_pair(self.mentee(), self.mentor())
        self.assertNotIn(open_pair.id, self.env["duo.matching.weight.suggestion"]
                         ._learning_outcomes(open_pair))

    def test_learning_proposes_and_changes_nothing(self):
        before = self.weights()
        suggestion = self.learn()
        self.assertEqual(suggestion.state, "proposed")
        self.assertEqual(suggestion.status, "learned")
        self.assertEqual(
            (suggestion.duo_count, suggestion.success_count, suggestion.failure_count,
             suggestion.left_out_count),
            (SUCCESSES + FAILURES, SUCCESSES, FAILURES, LEFT_OUT),
        )
        lines = {line.criterion: line for line in suggestion.line_ids}
        self.assertEqual(set(lines), set(CRITERIA))
        self.assertEqual({name: line.current_weight for name, line in lines.items()}, before)
        self.assertAlmostEqual(sum(line.suggested_weight for line in lines.values()), 100.0,
                               delta=0.3)
        # Successes share their sector: learning gives the sector more weight.
        self.assertGreater(lines["sector"].suggested_weight, lines["sector"].current_weight)
        self.assertGreater(lines["sector"].change, 0)
        self.assertGreater(lines["sector"].suggested_share, lines["sector"].current_share)
        self.assertTrue(0 <= suggestion.auc_suggested_low <= suggestion.auc_suggested
                        <= suggestion.auc_suggested_high <= 1)
        self.assertIn("95%", suggestion.auc_suggested_text)
        self.assertIn(str(SUCCESSES + FAILURES), suggestion.status_text)
        # Never applied silently.
        self.assertEqual(self.weights(), before)
        self.assertFalse(self.centre_bxl.matching_weight_suggestion_id)
        self.assertFalse(self.env["ir.cron"].search(
            [("model_id.model", "=", "duo.matching.weight.suggestion")]
        ))

    def test_learning_scores_all_duos_in_a_fixed_number_of_queries(self):
        suggestion = self.learn()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        suggestion.action_learn()
        few = self.cr.sql_log_count - start
        create_closed_duos(self.env, self.centre_bxl, prefix="More")
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        suggestion.action_learn()
        many = self.cr.sql_log_count - start
        self.assertEqual(suggestion.duo_count, 2 * (SUCCESSES + FAILURES))
        # Twice the duos: the same queries, but for the creates of the per-group lines
        # (batched) and the cache fetching twice the people at most a few more.
        self.assertLessEqual(many, few + 10)

    def test_too_few_outcomes_suggest_the_current_weights(self):
        centre = self.centre_lgg
        specs = [(True, "completed", "job", None)] * 3 + [(False, "rejected", None, "mismatch")] * 3
        create_closed_duos(self.env, centre, specs, prefix="Few")
        suggestion = self.env["duo.matching.weight.suggestion"].create(
            {"centre_id": centre.id}
        )
        suggestion.action_learn()
        self.assertEqual(suggestion.status, "not_enough_outcomes")
        self.assertEqual(
            {line.criterion: line.suggested_weight for line in suggestion.line_ids},
            self.weights(centre),
        )
        with self.assertRaises(UserError):
            suggestion.action_accept()

    def test_accept_logs_is_used_by_the_next_session_and_reverts(self):
        before = self.weights()
        suggestion = self.learn()
        suggested = {line.criterion: line.suggested_weight for line in suggestion.line_ids}
        suggestion.action_accept()
        self.assertEqual(suggestion.state, "accepted")
        self.assertEqual(suggestion.decided_user_id, self.user_coordinator_bxl)
        self.assertEqual(self.weights(), suggested)
        self.assertEqual(self.centre_bxl.matching_weight_suggestion_id, suggestion)
        self.assertEqual(
            {line.criterion: line.previous_weight for line in suggestion.line_ids}, before
        )
        log = self.centre_bxl.message_ids[:1]
        self.assertIn("Weights accepted from", log.body)
        self.assertIn(suggestion.name, log.body)
        self.assertEqual(log.author_id, self.user_coordinator_bxl.partner_id)

        # The next session runs with the accepted weights, and says so.
        self.mentee(sector_ids=[Command.set(self.sector_it.ids)])
        self.mentor(sector_ids=[Command.set(self.sector_it.ids)])
        session = self.new_session()
        session.action_run()
        self.assertEqual(session.weights_used, suggested)
        self.assertEqual(session.weight_suggestion_id, suggestion)
        proposal = session.proposal_ids[:1]
        sector = proposal.explanation_data["criteria"]["sector"]
        self.assertAlmostEqual(sector["weight"], suggested["sector"] / sum(suggested.values()))

        suggestion.with_user(self.user_coordinator_bxl).action_revert()
        self.assertEqual(suggestion.state, "reverted")
        self.assertEqual(self.weights(), before)
        self.assertFalse(self.centre_bxl.matching_weight_suggestion_id)
        self.assertIn("Weights reverted from", self.centre_bxl.message_ids[:1].body)

    def test_weights_changed_by_hand_cannot_be_overwritten(self):
        suggestion = self.learn()
        self.centre_bxl.matching_weight_distance = 33.0
        with self.assertRaises(UserError):
            suggestion.action_accept()
        suggestion.action_learn()
        suggestion.action_accept()
        self.centre_bxl.matching_weight_distance += 5
        # Edited by hand: no longer the suggestion's weights, and a revert would lose it.
        self.assertFalse(self.centre_bxl.matching_weight_suggestion_id)
        with self.assertRaises(UserError):
            suggestion.action_revert()

    def test_reject(self):
        before = self.weights()
        suggestion = self.learn()
        suggestion.action_reject()
        self.assertEqual(suggestion.state, "rejected")
        self.assertEqual(self.weights(), before)
        with self.assertRaises(UserError):
            suggestion.action_accept()

    def test_last_sessions_replayed(self):
        for _index in range(3):
            self.mentee(sector_ids=[Command.set(self.sector_it.ids)])
            self.mentor(sector_ids=[Command.set(self.sector_accounting.ids)])
        session = self.new_session()
        session.action_run()
        suggestion = self.learn()
        replay = suggestion.replay_ids
        self.assertEqual(replay.session_id, session)
        self.assertEqual(replay.proposal_count, len(session.proposal_ids))
        self.assertLessEqual(replay.changed_count,
                             replay.proposal_count + replay.suggested_count)
        self.assertEqual(suggestion.replay_proposal_count, replay.proposal_count)

    def test_success_per_group_hides_small_groups(self):
        suggestion = self.learn()
        groups = suggestion.group_ids
        self.assertEqual(set(groups.mapped("dimension")),
                         {"gender", "age_band", "language_group", "sector"})
        women = groups.filtered(lambda g: g.role == "mentee" and g.dimension == "gender"
                                and g.group_name == "Female")
        self.assertFalse(women.is_hidden)
        self.assertTrue(0 < women.success_rate < 100)
        self.assertEqual(sum(groups.filtered(
            lambda g: g.role == "mentee" and g.dimension == "gender").mapped("duo_count")),
            SUCCESSES + FAILURES)
        self.assertTrue(all(not g.duo_count for g in groups if g.is_hidden))
        action = suggestion.action_open_fairness()
        self.assertEqual(action["res_model"], "duo.matching.fairness.wizard")

    def test_access_per_centre_and_group(self):
        suggestion = self.learn()
        # Another centre's matching team neither reads nor decides.
        other = suggestion.with_user(self.user_coordinator_lgg)
        with self.assertRaises(AccessError):
            other.read(["name"])
        with self.assertRaises(AccessError):
            other.action_accept()
        with self.assertRaises(AccessError):
            other.line_ids.read(["suggested_weight"])
        # A coordinator of the centre outside the matching team reads, but does not decide
        # nor learn.
        reader = suggestion.with_user(self.user_reader_bxl)
        self.assertEqual(reader.duo_count, SUCCESSES + FAILURES)
        self.assertTrue(reader.line_ids.read(["suggested_weight"]))
        for action in (reader.action_accept, reader.action_reject, reader.action_learn):
            with self.assertRaises(AccessError):
                action()
        with self.assertRaises(AccessError):
            self.env["duo.matching.weight.suggestion"].with_user(self.user_reader_bxl).create(
                {"centre_id": self.centre_bxl.id}
            )
        # Nobody writes results or decisions but the actions: not through the lines, not by
        # setting the state.
        for user in (self.user_reader_bxl, self.user_coordinator_bxl, self.user_manager):
            with self.assertRaises(AccessError):
                suggestion.line_ids[:1].with_user(user).write({"suggested_weight": 99.0})
            with self.assertRaises(AccessError):
                suggestion.with_user(user).write({"state": "accepted"})
        self.assertEqual(suggestion.state, "proposed")
        # Managers decide for every centre.
        suggestion.with_user(self.user_manager).action_reject()
        self.assertEqual(suggestion.state, "rejected")
