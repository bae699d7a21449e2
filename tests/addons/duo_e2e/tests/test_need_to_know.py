import base64
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged, users
from odoo.tools import mute_logger

from odoo.addons.duo_event.tests.common import DuoEventCommon


@tagged("post_install", "-at_install")
class TestNeedToKnow(DuoEventCommon):
    """A Liège coordinator reaches none of a Brussels duo's data, on DUO's models and on the
    Odoo records where that data lands: contacts, calendar, registrations, answers,
    attachments, messages and activities."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.mentee = cls.create_mentee(name="Brussels Mentee", phone="+32 470 10 20 30",
                                       cv=base64.b64encode(b"%PDF-1.4 cv"), cv_filename="cv.pdf")
        cls.mentor = cls.create_mentor(name="Brussels Mentor")
        cls.pair = cls.create_pair(mentee=cls.mentee, mentor=cls.mentor)
        cls.pair._schedule_first_meeting(datetime.now() + timedelta(days=3))
        cls.meeting = cls.env["duo.meeting"].create({"pair_id": cls.pair.id,
                                                     "date": date.today(), "notes": "Private"})
        cls.goal = cls.env["duo.goal"].create({"pair_id": cls.pair.id, "name": "A job"})
        session = cls.create_session(cls.type_info, datetime(2030, 3, 2, 9))
        cls.registration = cls.register(session, cls.mentee)
        cls.env["survey.user_input"]._duo_invite("programme", cls.mentee)
        cls.answer = cls.env["survey.user_input"].search([("duo_mentee_id", "=", cls.mentee.id)])
        cls.followup = cls.env["duo.followup"].create({
            "pair_id": cls.pair.id, "months": "3", "due_date": date.today()})
        cls.message = cls.mentee.message_post(body="About her family")
        cls.activity = cls.mentee.activity_schedule("mail.mail_activity_data_todo",
                                                    summary="Call her")
        # A matching session of Brussels with its proposal, and someone left unmatched.
        slot = cls.env.ref("duo_mentoring.duo_slot_tuesday_evening")
        cls.create_mentee(name="Brussels Waiting", slot_ids=[(6, 0, slot.ids)])
        cls.create_mentor(name="Brussels Free Mentor", slot_ids=[(6, 0, slot.ids)])
        cls.session = cls.env["duo.matching.session"].create({"centre_id": cls.centre_bxl.id})
        cls.session.action_run()
        cls.cv = cls.env["ir.attachment"].search([("res_model", "=", "duo.mentee"),
                                                  ("res_id", "=", cls.mentee.id),
                                                  ("res_field", "=", "cv")])
        cls.brussels = {
            "duo.mentee": cls.mentee, "duo.mentor": cls.mentor, "duo.pair": cls.pair,
            "duo.meeting": cls.meeting, "duo.goal": cls.goal,
            "duo.language.skill": cls.mentee.language_skill_ids,
            "duo.training.attendance": cls.mentor.training_attendance_ids,
            "duo.followup": cls.followup,
            "res.partner": cls.mentee.partner_id | cls.mentor.partner_id,
            "event.registration": cls.registration, "survey.user_input": cls.answer,
            "ir.attachment": cls.cv, "mail.message": cls.message,
            "mail.activity": cls.activity,
            "duo.matching.session": cls.session,
            "duo.matching.proposal": cls.session.proposal_ids,
        }

    def test_the_data_exists(self):
        for model, records in self.brussels.items():
            self.assertTrue(records, model)
        self.assertEqual(self.pair.first_meeting_event_id.privacy, "private")

    @users("coord_lgg")
    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_another_centre_reaches_nothing(self):
        for model, records in self.brussels.items():
            mine = records.with_env(self.env)
            with self.subTest(model=model):
                self.assertFalse(self.env[model].search([("id", "in", records.ids)]),
                                 f"{model}: found by search")
                for operation in ("read", "write", "unlink"):
                    with self.assertRaises(AccessError, msg=f"{model}: {operation}"):
                        mine.check_access(operation)
        # Calendar: Odoo shows other people's private events as busy, nothing more.
        event = self.pair.first_meeting_event_id.with_env(self.env)
        self.assertNotIn("Brussels", event.name)
        self.assertFalse(event.partner_ids)
        with self.assertRaises(AccessError):
            event.write({"name": "Moved"})

    @users("coord_bxl")
    def test_own_centre_reaches_everything(self):
        for model, records in self.brussels.items():
            if model in ("survey.user_input",):
                continue  # read through the evaluation reports, not by coordinators
            with self.subTest(model=model):
                self.assertEqual(self.env[model].search([("id", "in", records.ids)]), records)
        self.assertEqual(self.mentee.with_env(self.env).partner_id.phone, "+32 470 10 20 30")
        self.mentee.with_env(self.env).phone = "+32 470 10 20 31"
