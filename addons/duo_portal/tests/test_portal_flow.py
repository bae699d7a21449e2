from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DuoPortalCommon


@tagged("post_install", "-at_install")
class TestPortalFlow(DuoPortalCommon):
    """What the portal does to the duo: meetings logged by either side, concerns for the
    coordinator, reminders when no meeting is logged, personal data."""

    def test_meetings_only_once_both_said_yes(self):
        Meeting = self.env["duo.meeting"].with_user(self.user_mentee)
        with self.assertRaisesRegex(UserError, "once both of you said yes"):
            Meeting.create({"pair_id": self.pair.id})
        self.start_mentoring(self.pair)
        tomorrow = fields.Date.today() + relativedelta(days=1)
        with self.assertRaisesRegex(UserError, "in the future"):
            Meeting.create({"pair_id": self.pair.id, "date": tomorrow})
        Meeting.create({"pair_id": self.pair.id})
        self.env["duo.meeting"].with_user(self.user_mentor).create({"pair_id": self.pair.id})
        self.assertEqual(sorted(self.pair.meeting_ids.mapped("logged_by")),
                         ["mentee", "mentor"])
        # Either side sees what the other logged.
        self.assertEqual(len(self.pair.meeting_ids.with_user(self.user_mentor).read(["notes"])), 2)
        self.assertEqual(self.pair.meeting_count, 2)

    def test_staff_meetings_unchanged(self):
        meeting = self.env["duo.meeting"].with_user(self.user_coordinator_bxl).create(
            {"pair_id": self.pair.id, "topics": "CV"})
        self.assertEqual(meeting.logged_by, "staff")

    def test_concern_alerts_the_coordinator(self):
        self.user_coordinator_bxl.lang = "en_US"
        activity = self.pair.with_user(self.user_mentee).sudo()._duo_raise_concern(
            "mentee", "He never answers <b>my</b> messages")
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertEqual(activity.activity_type_id,
                         self.env.ref("duo_portal.mail_activity_type_duo_concern"))
        self.assertEqual(activity.summary, "Mentee Amina is unsure about this duo")
        self.assertIn("&lt;b&gt;my&lt;/b&gt;", str(activity.note))
        self.assertEqual(activity.date_deadline, fields.Date.context_today(activity))

    def test_concern_without_coordinator_goes_to_the_centre(self):
        self.pair.user_id = False
        self.centre_bxl.coordinator_ids = self.user_coordinator_bxl
        activity = self.pair._duo_raise_concern("mentor", "Unsure")
        self.assertEqual(activity.user_id, self.user_coordinator_bxl)
        self.assertIn("Mentor Marc", activity.summary)

    def test_nudge_when_no_meeting_logged(self):
        self.start_mentoring(self.pair)
        # Set-up code backfills the steps (superuser and duo_force_stage).
        today = fields.Date.today()
        self.pair.with_context(duo_force_stage=True).write({
            "agreement_date": today - relativedelta(days=35),
            "start_date": today - relativedelta(days=30),
        })
        Mail = self.env["mail.mail"]
        subject = [("subject", "=", "How is your duo going?"),
                   ("res_id", "=", self.pair.id)]
        self.env["duo.pair"]._cron_duo_portal_nudge()
        mails = Mail.search(subject)
        self.assertEqual(mails.recipient_ids,
                         self.pair.mentee_partner_id | self.pair.mentor_partner_id)
        self.assertIn(f"/my/duo/{self.pair.id}/meeting/new", mails[0].body_html)
        self.assertEqual(self.pair.portal_nudge_date, fields.Date.today())
        # Once per period, not every day.
        self.env["duo.pair"]._cron_duo_portal_nudge()
        self.assertEqual(len(Mail.search(subject)), 2)
        # A meeting logged: no more reminders.
        self.pair.portal_nudge_date = fields.Date.today() - relativedelta(days=60)
        self.env["duo.meeting"].create({"pair_id": self.pair.id})
        self.env["duo.pair"]._cron_duo_portal_nudge()
        self.assertEqual(len(Mail.search(subject)), 2)

    def test_erasure_keeps_a_login_others_rely_on(self):
        """A mentee who is also staff keeps their internal login and contact."""
        mentee = self.pair.mentee_id
        mentee.partner_id.user_ids.unlink()
        self.user_plain.partner_id = mentee.partner_id
        mentee.with_user(self.user_manager).action_gdpr_erase()
        self.assertTrue(self.user_plain.exists())
        self.assertEqual(self.user_plain.partner_id.email, "amina@example.com")

    def test_erasure_covers_what_the_portal_adds(self):
        self.start_mentoring(self.pair)
        meeting = self.env["duo.meeting"].with_user(self.user_mentee).create(
            {"pair_id": self.pair.id, "rating": "2", "notes": "Hard week"})
        meeting.sudo().write({"concern": True, "concern_note": "Worried about Marc"})
        data = self.pair.mentee_id.with_user(self.user_manager)._gdpr_export_data()
        self.assertEqual(data["meetings logged on the portal"][0]["concern_note"],
                         "Worried about Marc")
        self.pair.mentee_id.with_user(self.user_manager).action_gdpr_erase()
        # The portal login went with her, and so did the contact it held.
        self.assertFalse(self.env["res.users"].with_context(active_test=False).search(
            [("login", "=", "amina@example.com")]))
        self.assertFalse(self.pair.mentee_partner_id.email)
        meeting = meeting.sudo()
        self.assertFalse(meeting.concern_note)
        self.assertFalse(meeting.rating)
        self.assertFalse(meeting.notes)
