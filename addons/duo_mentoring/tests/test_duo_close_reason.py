from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import DuoCommon


class TestDuoCloseReason(DuoCommon):
    """Rejected and early-ended duos record a reason from the managers' list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Reason = cls.env["duo.close.reason"]
        cls.reason_other = cls.env.ref("duo_mentoring.duo_close_reason_other")
        cls.reason_mismatch = cls.env.ref("duo_mentoring.duo_close_reason_mismatch")
        cls.reason_moved = cls.env.ref("duo_mentoring.duo_close_reason_moved")
        cls.reason_found_job = cls.env.ref("duo_mentoring.duo_close_reason_found_job")
        cls.reason_never_started = cls.env.ref("duo_mentoring.duo_close_reason_never_started")

    def _met_pair(self, **vals):
        """A duo whose first meeting took place."""
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id, **vals)
        pair.action_schedule_first_meeting()
        self.hold_first_meeting(pair)
        return pair

    def _mentoring_pair(self):
        pair = self._met_pair()
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id,
            "mentee_answer": "accepted", "mentor_answer": "accepted",
        })
        return pair

    def _wizard(self, pair):
        return Form(self.env["duo.pair.close.wizard"].with_user(self.user_coordinator_bxl)
                    .with_context(default_pair_id=pair.id))

    def test_shipped_reasons(self):
        codes = set(self.Reason.search([]).mapped("code"))
        self.assertEqual(codes, {"never_started", "no_time", "mismatch", "found_job", "moved",
                                 "other"})

    def test_wizard_rejection_needs_a_reason(self):
        pair = self._met_pair()
        wizard = self._wizard(pair)
        self.assertEqual(wizard.closing, "reject_mentee")
        wizard.details = "We did not click."
        with self.assertRaises(AssertionError, msg="the view requires the reason"):
            wizard.save()
        record = self.env["duo.pair.close.wizard"].with_user(self.user_coordinator_bxl).create({
            "pair_id": pair.id, "closing": "reject_mentor", "details": "We did not click.",
        })
        with self.assertRaisesRegex(UserError, "choose the reason"):
            record.action_confirm()
        self.assertEqual(pair.stage_code, "first_meeting")
        record.close_reason_id = self.reason_mismatch
        record.action_confirm()
        self.assertEqual(pair.stage_code, "rejected")
        self.assertEqual(pair.mentor_answer, "rejected")
        self.assertEqual(pair.close_reason_id, self.reason_mismatch)
        self.assertEqual(pair.rejection_reason, "We did not click.")

    def test_wizard_details_are_optional(self):
        pair = self._mentoring_pair()
        wizard = self._wizard(pair)
        wizard.closing = "end_early"
        wizard.close_reason_id = self.reason_moved
        wizard.save().action_confirm()
        self.assertEqual(pair.stage_code, "ended")
        self.assertEqual(pair.close_reason_id, self.reason_moved)
        self.assertFalse(pair.end_reason)

    def test_wizard_end_early_needs_a_reason(self):
        pair = self._mentoring_pair()
        record = self.env["duo.pair.close.wizard"].create({
            "pair_id": pair.id, "closing": "end_early", "details": "She moved to Ghent.",
        })
        with self.assertRaisesRegex(UserError, "choose the reason"):
            record.action_confirm()
        self.assertEqual(pair.stage_code, "mentoring")

    def test_other_needs_details(self):
        pair = self._mentoring_pair()
        with self.assertRaisesRegex(UserError, "describe the other reason"):
            pair.action_end_early(close_reason=self.reason_other)
        self.assertEqual(pair.stage_code, "mentoring")

    def test_reasons_filtered_by_applies_to(self):
        pair = self._met_pair()
        wizard = self.env["duo.pair.close.wizard"].create({"pair_id": pair.id})
        domain = safe_eval(wizard._fields["close_reason_id"].domain,
                           {"close_stage_code": wizard.close_stage_code})
        offered = self.Reason.search(domain)
        self.assertEqual(offered, self.Reason.search([("applies_to", "in", ("rejected", "both"))]))
        self.assertIn(self.reason_mismatch, offered)
        self.assertNotIn(self.reason_found_job, offered, "finding a job is no rejection")
        self.assertNotIn(self.reason_never_started, offered)
        # Switching to ending early keeps a reason that still applies and drops the others.
        wizard.close_reason_id = self.reason_mismatch
        wizard.closing = "end_early"
        self.assertEqual(wizard.close_stage_code, "ended")
        self.assertEqual(wizard.close_reason_id, self.reason_mismatch)
        wizard.close_reason_id = self.reason_found_job
        wizard.closing = "reject_mentor"
        self.assertFalse(wizard.close_reason_id)
        wizard.closing = "complete"
        self.assertFalse(wizard.close_stage_code)
        # The stage gate refuses a reason that does not apply, whoever calls it.
        with self.assertRaisesRegex(UserError, "not a reason to choose"):
            pair._record_answer("mentee", "rejected", close_reason=self.reason_found_job)
        self.assertEqual(pair.stage_code, "first_meeting")

    def test_record_answer_with_text_only_sets_other(self):
        """duo_portal and duo_matching reject with a text only: "Other", text as details."""
        pair = self._met_pair()
        pair._record_answer("mentor", "rejected", "No chemistry.")
        self.assertEqual(pair.stage_code, "rejected")
        self.assertEqual(pair.close_reason_id, self.reason_other)
        self.assertEqual(pair.rejection_reason, "No chemistry.")

    def test_record_answer_without_anything_refused(self):
        pair = self._met_pair()
        with self.assertRaisesRegex(UserError, "choose the reason of the rejection"):
            pair._record_answer("mentor", "rejected")

    def test_end_early_with_text_only_sets_other(self):
        pair = self._mentoring_pair()
        with self.assertRaisesRegex(UserError, "reason for ending early"):
            pair.action_end_early()
        pair.action_end_early("The mentee moved to Ghent.")
        self.assertEqual(pair.stage_code, "ended")
        self.assertEqual(pair.close_reason_id, self.reason_other)
        self.assertEqual(pair.end_reason, "The mentee moved to Ghent.")

    def test_end_early_keeps_a_reason_set_before(self):
        pair = self._mentoring_pair()
        pair.close_reason_id = self.reason_found_job
        pair.action_end_early("Hired by the company of the internship.")
        self.assertEqual(pair.close_reason_id, self.reason_found_job)

    def test_other_found_even_archived(self):
        self.reason_other.action_archive()
        pair = self._mentoring_pair()
        pair.action_end_early("Personal reasons.")
        self.assertEqual(pair.close_reason_id, self.reason_other)

    def test_analysis_grouped_by_reason(self):
        rejected = self._met_pair()
        rejected._record_answer("mentee", "rejected", close_reason=self.reason_mismatch)
        ended = [self._mentoring_pair() for _i in range(2)]
        ended[0].action_end_early(close_reason=self.reason_mismatch)
        ended[1].action_end_early("Personal reasons.")
        self._mentoring_pair()
        action = self.env.ref("duo_mentoring.duo_pair_action_report")
        pivot = action.view_ids.filtered(lambda v: v.view_mode == "pivot").view_id
        self.assertIn('name="close_reason_id"', pivot.arch)
        counts = dict(self.env["duo.pair"].with_user(self.user_coordinator_bxl)._read_group(
            [("centre_id", "=", self.centre_bxl.id)], ["close_reason_id"], ["__count"]))
        self.assertEqual(counts[self.reason_mismatch], 2)
        self.assertEqual(counts[self.reason_other], 1)
        self.assertEqual(counts[self.Reason], 1, "the open duo has no reason")

    def test_coordinator_reads_but_cannot_edit_reasons(self):
        reason = self.reason_moved.with_user(self.user_coordinator_bxl)
        self.assertEqual(reason.name, "Moved")
        with self.assertRaises(AccessError):
            reason.name = "Moved away"
        with self.assertRaises(AccessError):
            self.Reason.with_user(self.user_coordinator_bxl).create({"name": "Illness"})
        with self.assertRaises(AccessError):
            reason.unlink()

    def test_manager_edits_reasons(self):
        Reason = self.Reason.with_user(self.user_manager)
        illness = Reason.create({"name": "Illness", "applies_to": "ended"})
        illness.sequence = 60
        self.reason_moved.with_user(self.user_manager).name = "Moved away"
        self.assertEqual(self.reason_moved.name, "Moved away")
        illness.action_archive()
        self.assertFalse(illness.active)

    def test_used_reason_cannot_be_deleted(self):
        pair = self._mentoring_pair()
        pair.action_end_early(close_reason=self.reason_moved)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.reason_moved.unlink()
