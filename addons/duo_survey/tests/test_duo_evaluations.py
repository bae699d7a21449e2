from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.addons.duo_mentoring.tests.common import DuoCommon


class TestDuoEvaluations(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Not `lang_fr`: DuoCommon names so the spoken languages of the programme.
        cls.res_lang_fr = cls.env["res.lang"]._activate_lang("fr_FR")
        cls.res_lang_nl = cls.env["res.lang"]._activate_lang("nl_BE")
        cls.end_survey = cls.env.ref("duo_survey.survey_duo_end")
        cls.outcome_question = cls.env.ref("duo_survey.survey_duo_end_q2")

    def _mentoring_pair(self, **mentee_vals):
        pair = self.create_pair(mentee=self.create_mentee(**mentee_vals),
                                user_id=self.user_coordinator_bxl.id)
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id,
            "start_date": date.today() - relativedelta(months=6),
        })
        return pair

    def _answer(self, user_input, answer_xmlid):
        answer = self.env.ref(answer_xmlid)
        user_input._save_lines(self.outcome_question, answer.id)
        user_input._mark_done()

    def test_end_evaluation_sets_the_outcome(self):
        pair = self._mentoring_pair()
        pair.write({"end_reason": "Moved to Ghent"})
        pair.action_end_early()
        evaluations = pair.evaluation_ids
        self.assertEqual(set(evaluations.mapped("duo_role")), {"mentee", "mentor"})
        self.assertEqual(evaluations.survey_id, self.end_survey)
        mentor_input = evaluations.filtered(lambda i: i.duo_role == "mentor")
        mentee_input = evaluations.filtered(lambda i: i.duo_role == "mentee")
        self._answer(mentor_input, "duo_survey.survey_duo_end_q2_training")
        self.assertEqual(pair.outcome, "training", "the mentor's answer fills the gap")
        self._answer(mentee_input, "duo_survey.survey_duo_end_q2_job")
        self.assertEqual(pair.outcome, "job", "the mentee's answer prevails")

    def test_programme_evaluation_sent_in_each_language(self):
        mentee_fr = self.create_mentee(stage="interview", contact_lang="fr_FR")
        mentee_nl = self.create_mentee(stage="interview", contact_lang="nl_BE")
        survey = self.env.ref("duo_survey.survey_duo_programme")
        survey.with_context(lang="fr_FR").title = "Évaluation de l'accueil DUO"
        survey.with_context(lang="nl_BE").title = "Evaluatie van de DUO-intake"
        (mentee_fr | mentee_nl).action_mark_ready()
        inputs = self.env["survey.user_input"].search([
            ("duo_evaluation", "=", "programme"),
            ("duo_mentee_id", "in", (mentee_fr | mentee_nl).ids),
        ])
        self.assertEqual(len(inputs), 2)
        for mentee, lang, title in ((mentee_fr, "fr_FR", "Évaluation de l'accueil DUO"),
                                    (mentee_nl, "nl_BE", "Evaluatie van de DUO-intake")):
            self.assertEqual(mentee.partner_id.lang, lang)
            user_input = inputs.filtered(lambda i, m=mentee: i.duo_mentee_id == m)
            self.assertEqual(user_input.lang_id.code, lang, "the survey opens in their language")
            mail = self.env["mail.mail"].search([
                ("recipient_ids", "in", mentee.partner_id.ids),
                ("subject", "ilike", title),
            ])
            self.assertEqual(len(mail), 1, f"one invitation rendered in {lang}")
        # Moving back to Ready later (e.g. after a rejected duo) does not send it again.
        mentee_fr._move_to_stage("interview")
        mentee_fr.action_mark_ready()
        self.assertEqual(self.env["survey.user_input"].search_count([
            ("duo_evaluation", "=", "programme"), ("duo_mentee_id", "=", mentee_fr.id)]), 1)

    def test_silent_person_gets_reminders_then_coordinator_an_activity(self):
        mentee = self.create_mentee(stage="interview", user_id=self.user_coordinator_bxl.id)
        with freeze_time("2030-01-01 09:00:00"):
            mentee.action_mark_ready()
        user_input = self.env["survey.user_input"].search([("duo_mentee_id", "=", mentee.id)])
        Input = self.env["survey.user_input"]
        reminder_subject = "Reminder"

        def reminders():
            return self.env["mail.mail"].search_count([
                ("recipient_ids", "in", mentee.partner_id.ids),
                ("subject", "ilike", reminder_subject),
            ])

        with freeze_time("2030-01-05 09:00:00"):
            Input._cron_duo_evaluation_reminders()
        self.assertEqual(reminders(), 0, "not before the delay")
        with freeze_time("2030-01-08 10:00:00"):
            Input._cron_duo_evaluation_reminders()
        self.assertEqual(reminders(), 1)
        with freeze_time("2030-01-15 11:00:00"):
            Input._cron_duo_evaluation_reminders()
        self.assertEqual(reminders(), 2)
        self.assertFalse(mentee.activity_ids)
        with freeze_time("2030-01-22 12:00:00"):
            Input._cron_duo_evaluation_reminders()
            Input._cron_duo_evaluation_reminders()
        self.assertEqual(reminders(), 2, "two reminders at most")
        activity = mentee.activity_ids
        self.assertEqual(len(activity), 1, "one activity, not repeated")
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("duo_survey.mail_activity_type_duo_evaluation_unanswered"),
        )
        self.assertTrue(user_input.duo_coordinator_alerted)

    def test_coordinator_reads_own_centre_evaluations_only(self):
        mentee = self.create_mentee(stage="interview")
        mentee.action_mark_ready()
        user_input = self.env["survey.user_input"].search([("duo_mentee_id", "=", mentee.id)])
        Input = self.env["survey.user_input"]
        self.assertEqual(Input.with_user(self.user_coordinator_bxl).search(
            [("id", "=", user_input.id)]), user_input)
        self.assertFalse(Input.with_user(self.user_coordinator_lgg).search(
            [("id", "=", user_input.id)]))


class TestDuoFollowups(DuoCommon):
    def _pair_started(self, start):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id, "start_date": start,
        })
        return pair

    def test_followups_created_when_due_and_feed_impact(self):
        pair = self._pair_started(date(2030, 1, 1))
        pair.write({"outcome": "none", "end_date": date(2030, 7, 1)})
        pair.with_context(duo_force_stage=True).stage_id = self._stage("duo.pair.stage",
                                                                       "completed")
        Followup = self.env["duo.followup"]
        with freeze_time("2030-09-30"):
            self.assertFalse(Followup._cron_create_due())
        with freeze_time("2030-10-02"):
            first = Followup._cron_create_due()
            self.assertFalse(Followup._cron_create_due(), "never twice")
        self.assertEqual(first.months, "3")
        self.assertEqual(first.activity_ids.user_id, self.user_coordinator_bxl)
        report = self.env["duo.impact.report"]
        self.env.flush_all()
        row = report.search([("pair_id", "=", pair.id)])
        self.assertEqual((row.positive_rate, row.stable_job_rate), (0.0, 0.0))
        first.write({"situation": "fixed_term_long"})
        first.action_done()
        self.assertEqual(first.state, "done")
        self.env.flush_all()
        row.invalidate_recordset()
        self.assertEqual((row.positive_rate, row.stable_job_rate), (100.0, 100.0))
        self.assertEqual(row.cohort, "2030")
        groups = report.formatted_read_group(
            [("centre_id", "=", self.centre_bxl.id)], ["cohort"], ["positive_rate:avg"],
        )
        self.assertTrue(groups)
