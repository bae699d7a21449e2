from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import Form, new_test_user, tagged

from .common import DuoCommon


class DuoEventCommon(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.type_info = cls.env.ref("duo_mentoring.event_type_duo_info_session")
        cls.type_training = cls.env.ref("duo_mentoring.event_type_duo_training")
        cls.type_intervision = cls.env.ref("duo_mentoring.event_type_duo_intervision")

    @classmethod
    def create_session(cls, event_type, begin, **vals):
        return cls.env["event.event"].create({
            "name": vals.pop("name", event_type.name),
            "event_type_id": event_type.id,
            "duo_centre_id": cls.centre_bxl.id,
            "date_begin": begin,
            "date_end": begin + timedelta(hours=3),
            **vals,
        })

    @classmethod
    def register(cls, event, person, **vals):
        return cls.env["event.registration"].create({
            "event_id": event.id, "partner_id": person.partner_id.id, **vals,
        })


@tagged("post_install", "-at_install")
class TestDuoSessions(DuoEventCommon):
    def test_event_type_sets_the_kind_and_reminders(self):
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        self.assertEqual(session.duo_kind, "info_session")
        reminders = session.event_mail_ids.filtered(lambda m: m.interval_type == "before_event")
        self.assertTrue(reminders, "reminders come from the template's schedulers")

    def test_registration_links_the_person_by_email(self):
        mentee = self.create_mentee(stage="info_session")
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        registration = self.env["event.registration"].create({
            "event_id": session.id, "name": "Someone", "email": mentee.email.upper(),
        })
        self.assertEqual(registration.duo_mentee_id, mentee)
        self.assertFalse(registration.duo_mentor_id)

    def test_odoo_events_are_left_alone(self):
        event = self.env["event.event"].create({
            "name": "Company party", "date_begin": datetime(2030, 3, 2, 18),
            "date_end": datetime(2030, 3, 2, 23),
        })
        mentee = self.create_mentee()
        registration = self.register(event, mentee)
        self.assertFalse(event.duo_kind)
        self.assertFalse(registration.duo_mentee_id)

    def test_attending_info_session_moves_to_interview(self):
        mentee = self.create_mentee(stage="info_session")
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        registration = self.register(session, mentee)
        registration.action_set_done()
        self.assertEqual(mentee.info_session_date, date(2030, 3, 2))
        self.assertEqual(mentee.stage_code, "interview")

    def test_manual_setting_only_records_the_date(self):
        self.env["ir.config_parameter"].set_param("duo_mentoring.info_session_manual_stage", True)
        mentee = self.create_mentee(stage="info_session")
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        self.register(session, mentee).action_set_done()
        self.assertEqual(mentee.info_session_date, date(2030, 3, 2))
        self.assertEqual(mentee.stage_code, "info_session")

    def test_settings_field(self):
        settings = Form(self.env["res.config.settings"])
        settings.duo_info_session_manual_stage = True
        settings.save().execute()
        self.assertTrue(self.env["ir.config_parameter"].get_param(
            "duo_mentoring.info_session_manual_stage"))

    def test_back_office_registration_creates_person_only_for_staff(self):
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9),
                                      duo_audience="mentor")
        registration = self.env["event.registration"].create({
            "event_id": session.id, "name": "New Mentor", "email": "new.mentor@example.com",
        })
        self.assertEqual(registration.duo_mentor_id.name, "New Mentor")
        self.assertEqual(registration.duo_mentor_id.stage_code, "info_session")
        self.assertEqual(registration.partner_id, registration.duo_mentor_id.partner_id)
        # Registration desk staff without DUO rights register, they do not create people.
        desk = new_test_user(self.env, login="desk", groups="event.group_event_registration_desk")
        other = self.env["event.registration"].with_user(desk).create({
            "event_id": session.id, "name": "Walk-in", "email": "walk.in@example.com",
        })
        self.assertFalse(other.duo_mentor_id)


@tagged("post_install", "-at_install")
class TestDuoTrainingAttendance(DuoEventCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentor = cls.create_mentor(stage="training", trained=False)
        start = datetime(2030, 1, 7, 8)
        cls.sessions = cls.env["event.event"]
        for index, module in enumerate(cls.training_modules):
            cls.sessions |= cls.create_session(
                cls.type_training, start + timedelta(days=index // 2, hours=5 * (index % 2)),
                name=module.name, duo_training_module_id=module.id,
            )

    def test_attendance_drives_the_training_gate(self):
        registrations = self.env["event.registration"]
        for session in self.sessions:
            registrations |= self.register(session, self.mentor)
        self.assertEqual(registrations.duo_mentor_id, self.mentor)
        self.assertEqual(len(self.mentor.training_attendance_ids), 8)
        self.assertEqual(set(self.mentor.training_attendance_ids.mapped("state")), {"registered"})
        self.assertFalse(self.mentor.training_done)

        registrations[:7].action_set_done()
        self.assertFalse(self.mentor.training_done)
        self.assertEqual(self.mentor.training_missing_module_ids, self.training_modules[7])

        # The last module is missed: the gate names it and offers its next session.
        with freeze_time("2030-01-11 12:00:00"):
            self.env["event.registration"]._cron_duo_mark_missed()
        self.assertEqual(registrations[7].duo_attendance, "missed")
        missed_line = registrations[7].duo_training_attendance_ids
        self.assertEqual(missed_line.state, "missed")
        self.assertEqual(missed_line.module_id, self.training_modules[7])
        with self.assertRaisesRegex(Exception, "training is not complete"):
            self.mentor.action_mark_ready()

        with freeze_time("2030-01-11 12:00:00"):
            next_session = self.create_session(
                self.type_training, datetime(2030, 2, 4, 8),
                duo_training_module_id=self.training_modules[7].id,
            )
            self.assertEqual(self.training_modules[7].next_event_id, next_session)
            self.assertIn(next_session.name, self.mentor.training_next_sessions)
            action = self.training_modules[7].with_context(
                duo_mentor_id=self.mentor.id
            ).action_duo_register_next_session()
        catch_up = self.env["event.registration"].browse(action["res_id"])
        self.assertEqual(catch_up.event_id, next_session)
        catch_up.action_set_done()
        self.assertTrue(self.mentor.training_done)
        self.mentor.action_mark_ready()
        self.assertEqual(self.mentor.stage_code, "ready")

    def test_training_evaluation_sent_when_training_complete(self):
        registrations = self.env["event.registration"]
        for session in self.sessions:
            registrations |= self.register(session, self.mentor)
        Input = self.env["survey.user_input"]
        registrations[:7].action_set_done()
        self.assertFalse(Input.search([("duo_mentor_id", "=", self.mentor.id)]))
        registrations[7].action_set_done()
        evaluation = Input.search([("duo_mentor_id", "=", self.mentor.id),
                                   ("duo_evaluation", "=", "training")])
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(evaluation.survey_id, self.env.ref("duo_mentoring.survey_duo_training"))
        self.assertEqual(evaluation.duo_training_event_id, self.sessions[7])

    def test_cancelled_registration_removes_the_line(self):
        registration = self.register(self.sessions[0], self.mentor)
        self.assertTrue(registration.duo_training_attendance_ids)
        registration.action_cancel()
        self.assertFalse(self.mentor.training_attendance_ids)


@tagged("post_install", "-at_install")
class TestDuoEvaluations(DuoEventCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Not `lang_fr`: DuoCommon names so the spoken languages of the programme.
        cls.res_lang_fr = cls.env["res.lang"]._activate_lang("fr_FR")
        cls.res_lang_nl = cls.env["res.lang"]._activate_lang("nl_BE")
        cls.end_survey = cls.env.ref("duo_mentoring.survey_duo_end")
        cls.outcome_question = cls.env.ref("duo_mentoring.survey_duo_end_q2")

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
        self._answer(mentor_input, "duo_mentoring.survey_duo_end_q2_training")
        self.assertEqual(pair.outcome, "training", "the mentor's answer fills the gap")
        self._answer(mentee_input, "duo_mentoring.survey_duo_end_q2_job")
        self.assertEqual(pair.outcome, "job", "the mentee's answer prevails")

    def test_programme_evaluation_sent_in_each_language(self):
        mentee_fr = self.create_mentee(stage="interview", contact_lang="fr_FR")
        mentee_nl = self.create_mentee(stage="interview", contact_lang="nl_BE")
        survey = self.env.ref("duo_mentoring.survey_duo_programme")
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
            self.env.ref("duo_mentoring.mail_activity_type_duo_evaluation_unanswered"),
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


@tagged("post_install", "-at_install")
class TestDuoIntervisionsAndFollowups(DuoEventCommon):
    def _pair_started(self, start):
        pair = self.create_pair(user_id=self.user_coordinator_bxl.id)
        pair.with_context(duo_force_stage=True).write({
            "stage_id": self._stage("duo.pair.stage", "mentoring").id, "start_date": start,
        })
        return pair

    def test_intervisions_counted_and_alert_when_behind(self):
        pair = self._pair_started(date(2030, 1, 1))
        session = self.create_session(self.type_intervision, datetime(2030, 2, 15, 14))
        self.register(session, pair.mentor_id).action_set_done()
        activity_type = self.env.ref("duo_mentoring.mail_activity_type_duo_intervision")
        with freeze_time("2030-03-01"):
            pair.invalidate_recordset(["intervision_count", "intervision_behind"])
            self.assertEqual(pair.intervision_count, 1)
            self.assertFalse(pair.intervision_behind)
            self.env["duo.pair"]._cron_duo_check_intervisions()
        self.assertFalse(pair.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        with freeze_time("2030-06-10"):
            pair.invalidate_recordset(["intervision_count", "intervision_behind"])
            self.assertTrue(pair.intervision_behind)
            self.env["duo.pair"]._cron_duo_check_intervisions()
        activity = pair.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)

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
