from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import str2bool

from odoo.addons.duo_mentoring.tests.common import client_eval

from .common import DuoEventCommon, DuoTrainingCommon


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
        self.env["ir.config_parameter"].set_param("duo_event.info_session_manual_stage", True)
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
            "duo_event.info_session_manual_stage"))

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


class TestDuoTrainingAttendance(DuoTrainingCommon):
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

    def test_cancelled_registration_removes_the_line(self):
        registration = self.register(self.sessions[0], self.mentor)
        self.assertTrue(registration.duo_training_attendance_ids)
        registration.action_cancel()
        self.assertFalse(self.mentor.training_attendance_ids)


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
        activity_type = self.env.ref("duo_event.mail_activity_type_duo_intervision")
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


class TestDuoTrainingGate(DuoEventCommon):
    def test_mentor_ready_needs_every_training_module(self):
        mentor = self.create_mentor(stage="interview", trained=False)
        attended = self.training_modules[:-1]
        self.env["duo.training.attendance"].create([
            {"mentor_id": mentor.id, "module_id": module.id, "state": "attended"}
            for module in attended
        ])
        self.assertFalse(mentor.training_done)
        self.assertEqual(mentor.training_missing_module_ids, self.training_modules[-1:])
        with self.assertRaisesRegex(UserError, "4-day training is not complete"):
            mentor.action_mark_ready()
        self.env["duo.training.attendance"].create({
            "mentor_id": mentor.id, "module_id": self.training_modules[-1].id,
            "state": "attended",
        })
        mentor.action_mark_ready()
        self.assertEqual(mentor.stage_code, "ready")
        self.assertTrue(mentor.date_ready)


@tagged("post_install", "-at_install")
class TestDuoRegistrationMails(DuoEventCommon):
    def test_registration_mails_leave_the_request_for_the_cron(self):
        """Registering sends nothing inside the transaction: Odoo's event mail cron does it
        (under workers, doing both at once aborted registrations)."""
        self.assertTrue(str2bool(self.env["ir.config_parameter"].sudo().get_param(
            "event.event_mail_async")))
        session = self.create_session(self.type_info, datetime(2030, 3, 2, 9))
        mentee = self.create_mentee(stage="info_session")
        # The session was saved before anyone registers (as in two requests).
        self.env.flush_all()
        cron = self.env.ref("event.event_mail_scheduler")
        Trigger = self.env["ir.cron.trigger"].sudo()
        triggers = Trigger.search_count([("cron_id", "=", cron.id)])
        registration = self.register(session, mentee)
        self.assertGreater(Trigger.search_count([("cron_id", "=", cron.id)]), triggers,
                           "the cron is woken up at once")
        subscription = session.event_mail_ids.filtered(
            lambda scheduler: scheduler.interval_type == "after_sub")
        self.assertFalse(subscription.mail_registration_ids.filtered(
            lambda line: line.registration_id == registration and line.mail_sent))
        self.env["event.mail"].schedule_communications()
        self.assertTrue(subscription.mail_registration_ids.filtered(
            lambda line: line.registration_id == registration and line.mail_sent))


class TestDuoSessionDefaults(DuoEventCommon):
    def test_a_new_session_starts_from_the_duo_template_and_the_centre(self):
        self.centre_bxl.partner_id = self.env["res.partner"].create(
            {"name": "DUO Brussels", "street": "Rue de la Loi 1", "city": "Bruxelles"})
        self.user_coordinator_bxl.group_ids |= self.env.ref("event.group_event_user")
        action = self.env.ref("duo_event.duo_event_action")
        context = client_eval(self.env, action.context)
        self.assertEqual(context["default_event_type_id"], self.type_info.id)
        form = Form(self.env["event.event"].with_user(self.user_coordinator_bxl).with_context(
            **context))
        form.name = "Information session, March"
        form.date_begin = datetime(2030, 3, 2, 9)
        self.assertEqual(form.duo_kind, "info_session")
        self.assertEqual(form.duo_centre_id, self.centre_bxl)
        self.assertEqual(form.address_id, self.centre_bxl.partner_id)
        self.assertEqual(form.date_end, datetime(2030, 3, 2, 11), "two hours, not a day")
        form.event_type_id = self.type_training
        self.assertEqual(form.date_end, datetime(2030, 3, 2, 12, 30), "a half-day module")
        form.duo_training_module_id = self.training_modules[0]
        session = form.save()
        self.assertEqual(session.duo_centre_id, self.centre_bxl)
