from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command

from .common import MatchingCommon


class TestDuoMatchingFairness(MatchingCommon):
    def test_fairness_report_hides_small_groups(self):
        women = [self.mentee(name=f"Woman {i}", gender="female") for i in range(6)]
        men = [self.mentee(name=f"Man {i}", gender="male") for i in range(2)]
        for _index in range(3):
            self.mentor(capacity=1)
        session = self.new_session()
        session.action_run()
        session.action_accept()
        pairs = session.proposal_ids.pair_id
        self.assertEqual(len(pairs), 3)
        wizard = self.env["duo.matching.fairness.wizard"].create({
            "date_from": date.today() - relativedelta(days=7),
            "date_to": date.today(),
            "centre_ids": [Command.set(self.centre_bxl.ids)],
        })
        action = wizard.action_compute()
        rows = self.env[action["res_model"]].search(action["domain"])
        female = rows.filtered(lambda r: r.dimension == "gender" and r.group_name == "Female"
                               and r.role == "mentee")
        male = rows.filtered(lambda r: r.dimension == "gender" and r.group_name == "Male"
                             and r.role == "mentee")
        self.assertEqual(female.candidate_count, len(women))
        proposed = len(session.proposal_ids.filtered(lambda p: p.mentee_id.gender == "female"))
        self.assertAlmostEqual(female.proposed_rate, 100.0 * proposed / len(women))
        self.assertGreaterEqual(female.median_wait_days, 0.0)
        self.assertTrue(male.is_hidden)
        self.assertEqual(male.candidate_count, 0)
        self.assertIn("hidden", male.note)
        self.assertEqual(len(men), 2)
        # Every dimension is reported.
        self.assertEqual(set(rows.mapped("dimension")),
                         {"gender", "age_band", "language_group", "sector"})
