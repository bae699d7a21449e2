from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DuoPortalSurveyCommon


@tagged("post_install", "-at_install")
class TestPortalSurvey(DuoPortalSurveyCommon):
    """Which questionnaires wait for a person on the portal."""

    def _pending(self, person, pair=None):
        return self.env["survey.user_input"]._duo_portal_pending(person.partner_id, pair)

    def test_own_pending_questionnaires(self):
        mentee = self.pair.mentee_id
        self.assertEqual(self._pending(mentee), self.programme | self.pulse_mentee)
        self.assertEqual(self._pending(self.pair.mentor_id), self.pulse_mentor)
        self.assertEqual(self._pending(self.pair_other.mentee_id), self.programme_other)

    def test_duo_page_keeps_the_duos_own(self):
        """On a duo's page: that duo's questionnaires and the person's own, not another
        duo's."""
        # Say the mentee was in another duo before (its questionnaire of that duo).
        other_pulse = self.env["survey.user_input"].create({
            "survey_id": self.pulse_mentee.survey_id.id,
            "partner_id": self.pair.mentee_partner_id.id,
            "duo_evaluation": "pulse", "duo_pair_id": self.pair_other.id,
        })
        mentee = self.pair.mentee_id
        self.assertEqual(self._pending(mentee, self.pair), self.programme | self.pulse_mentee)
        self.assertIn(other_pulse, self._pending(mentee))

    def test_answered_expired_closed_or_test_entries_leave_the_list(self):
        mentee = self.pair.mentee_id
        self.programme._mark_done()
        self.assertEqual(self._pending(mentee), self.pulse_mentee)
        self.pulse_mentee.deadline = fields.Datetime.now() - relativedelta(days=1)
        self.assertFalse(self._pending(mentee))
        self.pulse_mentee.deadline = fields.Datetime.now() + relativedelta(days=3)
        self.assertEqual(self._pending(mentee), self.pulse_mentee)
        self.pulse_mentee.survey_id.active = False
        self.assertFalse(self._pending(mentee))
        self.pulse_mentee.survey_id.active = True
        self.pulse_mentee.test_entry = True
        self.assertFalse(self._pending(mentee))

    def test_other_surveys_are_not_duo_questionnaires(self):
        """A survey of the organisation that is not a DUO evaluation is not listed."""
        survey = self.env["survey.survey"].create({"title": "Staff party"})
        survey._create_answer(partner=self.pair.mentee_partner_id, check_attempts=False)
        self.assertEqual(self._pending(self.pair.mentee_id), self.programme | self.pulse_mentee)

    def test_portal_users_read_no_answers_by_rpc(self):
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.user_mentee).search([])
        for answer in (self.programme, self.programme_other):
            with self.assertRaises(AccessError):
                answer.with_user(self.user_mentee).read(["access_token"])
