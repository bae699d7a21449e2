from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from odoo.addons.duo_mentoring.tests.common import DuoCommon

START = date(2030, 1, 1)


class TestDuoPulse(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.res_lang_fr = cls.env["res.lang"]._activate_lang("fr_FR")
        cls.res_lang_nl = cls.env["res.lang"]._activate_lang("nl_BE")
        cls.user_coordinator_bxl.lang = "nl_BE"
        cls.pulse = cls.env.ref("duo_survey.survey_duo_pulse")
        cls.meetings_question = cls.env.ref("duo_survey.survey_duo_pulse_q1")
        cls.Answer = cls.env["survey.user_input"]

    def _mentoring_pair(self, start=START):
        pair = self.create_pair(
            mentee=self.create_mentee(contact_lang="fr_FR"),
            mentor=self.create_mentor(contact_lang="nl_BE"),
            user_id=self.user_coordinator_bxl.id,
        )
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id, "start_date": start,
        })
        return pair

    def _pulse_run(self, day):
        with freeze_time(day):
            return self.Answer.browse(self.env["duo.pair"]._cron_duo_pulse().ids)

    def _answer(self, user_input, answer_xmlid):
        user_input._save_lines(self.meetings_question, self.env.ref(answer_xmlid).id)
        user_input._mark_done()

    def test_pulse_schedule_once_per_round_in_each_language(self):
        pair = self._mentoring_pair()
        self.assertFalse(self._pulse_run("2030-01-30"), "not before 30 days of mentoring")
        first = self._pulse_run("2030-01-31")
        self.assertEqual(len(first), 2)
        self.assertEqual(first.survey_id, self.pulse)
        self.assertEqual(set(first.mapped("duo_due_date")), {date(2030, 1, 31)})
        self.assertEqual(first.duo_pair_id, pair)
        langs = {answer.duo_role: answer.lang_id.code for answer in first}
        self.assertEqual(langs, {"mentee": "fr_FR", "mentor": "nl_BE"})
        self.assertFalse(self._pulse_run("2030-01-31"), "never twice for the same round")
        self.assertFalse(self._pulse_run("2030-03-31"), "the next round is 60 days later")
        second = self._pulse_run("2030-04-01")
        self.assertEqual(len(second), 2)
        self.assertEqual(set(second.mapped("duo_due_date")), {date(2030, 4, 1)})
        self.assertFalse(self._pulse_run("2030-04-20"))
        self.assertEqual(len(pair.pulse_answer_ids), 4)

    def test_pulse_delays_come_from_the_settings(self):
        settings = self.env["res.config.settings"].create({
            "duo_pulse_first_days": 10, "duo_pulse_interval_days": 20})
        settings.execute()
        pair = self._mentoring_pair()
        self.assertFalse(self._pulse_run("2030-01-10"))
        self.assertEqual(len(self._pulse_run("2030-01-11")), 2)
        self.assertFalse(self._pulse_run("2030-01-30"))
        self.assertEqual(set(self._pulse_run("2030-01-31").mapped("duo_due_date")),
                         {date(2030, 1, 31)})
        self.assertEqual(len(pair.pulse_answer_ids), 4)

    def test_pulse_only_while_mentoring(self):
        pair = self._mentoring_pair()
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "completed").id,
            "outcome": "job", "end_date": date(2030, 1, 20),
        })
        self.assertFalse(self._pulse_run("2030-02-15"))

    def test_worrying_answer_alerts_the_coordinator_at_once(self):
        pair = self._mentoring_pair()
        answers = self._pulse_run("2030-01-31")
        mentee_answer = answers.filtered(lambda a: a.duo_role == "mentee")
        mentor_answer = answers - mentee_answer
        self._answer(mentor_answer, "duo_survey.survey_duo_pulse_q1_very_well")
        self.assertFalse(mentor_answer.duo_negative)
        self.assertFalse(pair.activity_ids, "a reassuring answer alerts nobody")
        self._answer(mentee_answer, "duo_survey.survey_duo_pulse_q1_rarely")
        self.assertTrue(mentee_answer.duo_negative)
        activity = pair.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id,
                         self.env.ref("duo_survey.mail_activity_type_duo_pulse_worry"))
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertIn(pair.mentee_id.name, activity.summary)
        self.assertIn("We hardly meet", activity.note)
        self.assertIn("We hardly meet", mentee_answer.duo_answer_summary)

    def test_pulse_answers_are_for_centre_staff_not_the_partner(self):
        pair = self._mentoring_pair()
        answers = self._pulse_run("2030-01-31")
        mentee_answer = answers.filtered(lambda a: a.duo_role == "mentee")
        self._answer(mentee_answer, "duo_survey.survey_duo_pulse_q1_difficult")
        # The coordinator of the duo's centre reads both answers on the duo.
        self.assertEqual(pair.with_user(self.user_coordinator_bxl).pulse_answer_ids, answers)
        self.assertIn("With some difficulty", mentee_answer.with_user(
            self.user_coordinator_bxl).duo_answer_summary)
        # Another centre's coordinator does not.
        self.assertFalse(self.Answer.with_user(self.user_coordinator_lgg).search(
            [("id", "in", answers.ids)]))
        # The mentor, logged in on the portal, never reads what the mentee answered.
        mentor_login = new_test_user(self.env, login="pulse_mentor", groups="base.group_portal",
                                     partner_id=pair.mentor_id.partner_id.id)
        with self.assertRaises(AccessError):
            mentee_answer.with_user(mentor_login).read(["duo_answer_summary"])
        with self.assertRaises(AccessError):
            mentee_answer.user_input_line_ids.with_user(mentor_login).read(["value_text_box"])
        # An employee outside DUO does not see the answers on the duo.
        self.assertNotIn("pulse_answer_ids",
                         self.env["duo.pair"].with_user(self.user_plain).fields_get())


class TestDuoExitQuestionnaire(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.exit_survey = cls.env.ref("duo_survey.survey_duo_exit")
        cls.reason_question = cls.env.ref("duo_survey.survey_duo_exit_q1")

    def _close(self, pair, closing, reason_xmlid, details=""):
        wizard = Form(self.env["duo.pair.close.wizard"].with_context(default_pair_id=pair.id))
        wizard.closing = closing
        wizard.close_reason_id = self.env.ref(reason_xmlid)
        wizard.details = details
        wizard.save().action_confirm()

    def test_rejected_duo_sends_the_exit_questionnaire_to_both(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        self._close(pair, "reject_mentor", "duo_mentoring.duo_close_reason_no_time")
        self.assertEqual(pair.stage_code, "rejected")
        exits = pair.exit_answer_ids
        self.assertEqual(exits.survey_id, self.exit_survey)
        self.assertEqual(set(exits.mapped("duo_role")), {"mentee", "mentor"})
        # Answered: the answer sits on the duo next to its closing reason.
        mentor_exit = exits.filtered(lambda a: a.duo_role == "mentor")
        mentor_exit._save_lines(
            self.reason_question, self.env.ref("duo_survey.survey_duo_exit_q1_no_time").id)
        mentor_exit._mark_done()
        self.assertIn("Not enough time", pair.with_user(
            self.user_coordinator_bxl).exit_answer_ids.filtered("duo_answer_summary")
            .duo_answer_summary)
        self.assertEqual(pair.close_reason_id,
                         self.env.ref("duo_mentoring.duo_close_reason_no_time"))

    def test_duo_ended_early_sends_it_once(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id,
            "start_date": date.today(),
        })
        self._close(pair, "end_early", "duo_mentoring.duo_close_reason_moved")
        self.assertEqual(len(pair.exit_answer_ids), 2)
        ends = pair.evaluation_ids.filtered(lambda a: a.duo_evaluation == "end")
        self.assertEqual(len(ends), 2, "the end-of-mentoring evaluation still records the outcome")

    def test_completed_duo_gets_no_exit_questionnaire(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id,
            "start_date": date.today(),
        })
        pair.outcome = "job"
        pair.action_complete()
        self.assertFalse(pair.exit_answer_ids)
        self.assertTrue(pair.evaluation_ids)

    def test_exit_answers_hidden_from_other_centres(self):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        self._close(pair, "reject_mentee", "duo_mentoring.duo_close_reason_mismatch")
        exits = pair.exit_answer_ids
        self.assertEqual(len(exits), 2)
        self.assertFalse(self.env["survey.user_input"].with_user(
            self.user_coordinator_lgg).search([("id", "in", exits.ids)]))
        self.assertEqual(self.env["survey.user_input"].with_user(
            self.user_coordinator_bxl).search([("id", "in", exits.ids)]), exits)
        self.assertEqual(exits.partner_id,
                         pair.mentee_id.partner_id | pair.mentor_id.partner_id)
        self.assertTrue(all(exits.mapped("access_token")))
