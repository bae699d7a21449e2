from odoo import Command
from odoo.tests import users

from .common import MatchingCommon


class TestDuoMatchingCandidates(MatchingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ana = cls.mentee(name="Ana", sector_ids=[Command.set(cls.sector_it.ids)])
        cls.marc = cls.mentor(name="Marc", sector_ids=[Command.set(cls.sector_it.ids)])
        cls.nora = cls.mentor(name="Nora", sector_ids=[Command.set(cls.sector_accounting.ids)])
        cls.no_slot = cls.mentor(name="Monday only", slots=cls.mon_morning)

    def _open(self, person):
        action = person.action_open_best_candidates()
        return self.env[action["res_model"]].browse(action["res_id"])

    @users("coord_bxl")
    def test_best_mentors_for_a_mentee(self):
        wizard = self._open(self.ana.with_env(self.env))
        self.assertEqual(wizard.line_ids.mapped("mentor_id"), self.marc | self.nora)
        best, second = wizard.line_ids.sorted("rank")
        self.assertEqual(best.mentor_id, self.marc)
        self.assertGreater(best.score, second.score)
        self.assertIn("Same sector (division).", best.explanation)
        self.assertEqual(wizard.excluded_count, 1, "The Monday-only mentor shares no slot.")

    @users("coord_bxl")
    def test_best_mentees_for_a_mentor_and_propose(self):
        other = self.mentee(name="Other", sector_ids=[Command.set(self.sector_accounting.ids)])
        wizard = self._open(self.nora.with_env(self.env))
        best = wizard.line_ids.sorted("rank")[0]
        self.assertEqual(best.mentee_id, other)
        action = best.action_propose_duo()
        pair = self.env["duo.pair"].browse(action["res_id"])
        self.assertEqual(pair.stage_code, "proposed")
        self.assertEqual((pair.mentee_id, pair.mentor_id), (other, self.nora))
        self.assertAlmostEqual(pair.matching_score, best.score, places=3)
        self.assertTrue(pair.matching_explanation)

    def test_rejected_partner_is_ruled_out(self):
        pair = self.create_pair(mentee=self.ana, mentor=self.marc)
        pair._record_answer("mentee", "rejected", "Not the right match.")
        wizard = self._open(self.ana)
        self.assertNotIn(self.marc, wizard.line_ids.mentor_id)
        self.assertEqual(wizard.excluded_count, 2, "Marc was rejected, Monday only shares no slot.")

    def test_mentor_without_room_is_ranked_anyway(self):
        """Asked for explicitly, a mentor whose duos fill their capacity still gets mentees."""
        other = self.mentee(name="Other", sector_ids=[Command.set(self.sector_it.ids)])
        self.create_pair(mentee=self.ana, mentor=self.marc)
        self.assertGreaterEqual(self.marc.open_pair_count, self.marc.capacity)
        wizard = self._open(self.marc)
        self.assertIn(other, wizard.line_ids.mentee_id)
