from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import DuoPortalCommon


@tagged("post_install", "-at_install")
class TestPortalAccess(DuoPortalCommon):
    """Portal logins come with the proposal; each person reaches their own duo only, by
    search, by id and by RPC (model methods called as the portal user)."""

    def test_proposal_opens_the_portal_to_both(self):
        for person in (self.pair.mentee_id, self.pair.mentor_id):
            user = person.partner_id.user_ids
            self.assertEqual(len(user), 1)
            self.assertTrue(user._is_portal())
            self.assertEqual(user.login, person.email)
            self.assertEqual(user.company_id, self.pair.company_id)
            self.assertEqual(user.tz, "Europe/Brussels")
        mails = self.env["mail.mail"].search([
            ("model", "=", "duo.pair"), ("res_id", "=", self.pair.id),
            ("subject", "=", "Your DUO space is open"),
        ])
        self.assertEqual(mails.recipient_ids,
                         self.pair.mentee_partner_id | self.pair.mentor_partner_id)
        for mail in mails:
            self.assertIn(f"redirect=%2Fmy%2Fduo%2F{self.pair.id}", mail.body_html)

    def test_existing_login_is_reused(self):
        """A mentor already in a duo gets the same login for the next one."""
        mentor = self.pair.mentor_id
        user = mentor.partner_id.user_ids
        mentor.capacity = 2
        other = self.create_pair(self.create_mentee(email="second@example.com"), mentor)
        other.action_propose()
        self.assertEqual(mentor.partner_id.with_context(active_test=False).user_ids, user)
        self.assertTrue(other.mentee_partner_id.user_ids._is_portal())

    def test_invitation_in_the_persons_language(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_portal"], ["nl_BE"])
        pair = self.create_portal_pair("els", "jan", contact_lang="nl_BE")
        mails = self.env["mail.mail"].search([
            ("model", "=", "duo.pair"), ("res_id", "=", pair.id),
            ("recipient_ids", "in", pair.mentee_partner_id.ids),
        ])
        self.assertEqual(pair.mentee_partner_id.lang, "nl_BE")
        self.assertIn("Je DUO-ruimte is open", mails.mapped("subject"))

    def test_no_email_no_login(self):
        mentee = self.create_mentee(email=False)
        pair = self.create_pair(mentee, self.create_mentor())
        pair.action_propose()
        self.assertFalse(mentee.partner_id.user_ids)
        self.assertTrue(pair.message_ids.filtered(
            lambda message: "gets no portal access: no valid email address" in message.body))

    def test_login_taken_by_someone_else(self):
        new_test_user(self.env, login="taken@example.com", groups="base.group_portal")
        mentee = self.create_mentee(email="taken@example.com")
        pair = self.create_pair(mentee, self.create_mentor())
        pair.action_propose()
        self.assertFalse(mentee.partner_id.user_ids)
        self.assertTrue(pair.message_ids.filtered(
            lambda message: "already the login of another user" in message.body))

    def test_portal_invite_needs_write_access(self):
        with self.assertRaises(AccessError):
            self.pair.with_user(self.user_mentee).action_duo_portal_invite()
        with self.assertRaises(AccessError):
            self.pair.with_user(self.user_coordinator_lgg).action_duo_portal_invite()

    # ------------------------------------------------------------------ reading
    def test_each_sees_own_duo_only(self):
        for user in (self.user_mentee, self.user_mentor):
            self.assertEqual(self.env["duo.pair"].with_user(user).search([]), self.pair)
        self.assertEqual(self.env["duo.pair"].with_user(self.user_mentee_other).search([]),
                         self.pair_other)

    def test_other_duo_unreachable_by_id(self):
        self.start_mentoring(self.pair_other)
        self.env["duo.meeting"].create({"pair_id": self.pair_other.id, "topics": "CV"})
        as_mentee = self.pair_other.with_user(self.user_mentee)
        with self.assertRaises(AccessError):
            as_mentee.read(["name"])
        with self.assertRaises(AccessError):
            self.pair_other.meeting_ids.with_user(self.user_mentee).read(["topics"])
        with self.assertRaises(AccessError):
            self.pair_other.goal_ids.with_user(self.user_mentee).read(["name"])
        with self.assertRaises(AccessError):
            self.pair_other.goal_ids[:1].with_user(self.user_mentee).write({"state": "done"})
        Meeting = self.env["duo.meeting"].with_user(self.user_mentee)
        self.assertFalse(Meeting.search([("pair_id", "=", self.pair_other.id)]))
        self.assertFalse(self.env["duo.goal"].with_user(self.user_mentee).search(
            [("pair_id", "=", self.pair_other.id)]))

    def test_no_person_records_and_no_private_fields(self):
        """Mentees and mentors are never read on the portal: the partner's card comes from
        the controller. The answers, reasons and the engine's explanation stay staff's."""
        with self.assertRaises(AccessError):
            self.pair.mentor_id.with_user(self.user_mentee).read(["name"])
        with self.assertRaises(AccessError):
            self.env["duo.mentor"].with_user(self.user_mentee).search([])
        pair = self.pair.with_user(self.user_mentee)
        for field in ("mentor_answer", "mentee_answer", "rejection_reason",
                      "matching_explanation", "end_reason", "outcome",
                      "first_meeting_alert_date"):
            with self.assertRaises(AccessError, msg=field):
                pair.read([field])

    def test_thread_messages_for_one_side_stay_with_that_side(self):
        """A message the coordinator sends to the mentee only, with its attachment, and the
        mentee's email reply are not the mentor's to read; what he receives is."""
        pair = self.pair
        mentee, mentor = pair.mentee_partner_id, pair.mentor_partner_id
        attachment = self.env["ir.attachment"].create({
            "name": "residence-permit.pdf", "raw": b"%PDF-1.4 permit",
            "res_model": "duo.pair", "res_id": pair.id})
        as_coordinator = pair.with_user(self.user_coordinator_bxl)
        to_mentee = as_coordinator.message_post(
            body="Amina, about your residence permit", partner_ids=mentee.ids,
            message_type="comment", subtype_xmlid="mail.mt_comment",
            attachment_ids=attachment.ids)
        reply = pair.message_post(
            body="Thank you, it expires in May", author_id=mentee.id, message_type="email",
            subtype_xmlid="mail.mt_comment")
        to_mentor = as_coordinator.message_post(
            body="Marc, see you at the intervision", partner_ids=mentor.ids,
            message_type="comment", subtype_xmlid="mail.mt_comment")
        Message = self.env["mail.message"].with_user(self.user_mentor)
        fetched = Message._message_fetch(None, thread=pair.with_user(self.user_mentor))
        self.assertIn(to_mentor, fetched["messages"])
        self.assertNotIn(to_mentee, fetched["messages"])
        self.assertNotIn(reply, fetched["messages"])
        found = Message.search_read([("model", "=", "duo.pair"), ("res_id", "=", pair.id)],
                                    ["body", "attachment_ids"])
        self.assertIn(to_mentor.id, [message["id"] for message in found])
        self.assertFalse({to_mentee.id, reply.id} & {message["id"] for message in found})
        self.assertNotIn(attachment.id,
                         [att for message in found for att in message["attachment_ids"]])
        for message in (to_mentee, reply):
            with self.assertRaises(AccessError):
                message.with_user(self.user_mentor).read(["body"])
        with self.assertRaises(AccessError):
            attachment.with_user(self.user_mentor).read(["raw"])
        # The mentee reads what was sent to her and what she wrote, not the mentor's.
        fetched = self.env["mail.message"].with_user(self.user_mentee)._message_fetch(
            None, thread=pair.with_user(self.user_mentee))["messages"]
        self.assertIn(to_mentee, fetched)
        self.assertIn(reply, fetched)
        self.assertNotIn(to_mentor, fetched)

    def test_internal_user_is_not_a_duo_person(self):
        with self.assertRaises(AccessError):
            self.env["duo.pair"].with_user(self.user_plain).search([])

    # ------------------------------------------------------------------ writing by RPC
    def test_portal_cannot_write_the_duo(self):
        pair = self.pair.with_user(self.user_mentee)
        with self.assertRaises(AccessError):
            pair.write({"mentee_answer": "accepted"})
        with self.assertRaises(AccessError):
            pair.action_accept_mentee()
        with self.assertRaises(AccessError):
            pair.message_post(body="hello")

    def test_portal_meeting_whitelist(self):
        self.start_mentoring(self.pair)
        Meeting = self.env["duo.meeting"].with_user(self.user_mentee)
        meeting = Meeting.create({"pair_id": self.pair.id, "topics": "CV", "mode": "video",
                                  "rating": "4"})
        self.assertEqual(meeting.logged_by, "mentee")
        for forbidden in ({"logged_by": "staff"}, {"concern": True},
                          {"calendar_event_id": self.pair_other.first_meeting_event_id.id}):
            with self.assertRaises(AccessError, msg=forbidden):
                Meeting.create({"pair_id": self.pair.id, **forbidden})
        with self.assertRaises(AccessError):
            Meeting.create({"pair_id": self.pair_other.id})
        with self.assertRaises(AccessError):
            meeting.write({"topics": "changed"})
        with self.assertRaises(AccessError):
            meeting.unlink()
        with self.assertRaises(AccessError):
            meeting.read(["concern_note"])

    def test_portal_meeting_ignores_context_defaults(self):
        """default_* context keys add no field the whitelist refuses, nor a future date."""
        self.start_mentoring(self.pair)
        event = self.env["calendar.event"].create({
            "name": "Board: staff evaluations", "start": fields.Datetime.now(),
            "stop": fields.Datetime.now() + timedelta(hours=1)})
        future = fields.Date.today() + timedelta(days=30)
        Meeting = self.env["duo.meeting"].with_user(self.user_mentee).with_context(
            default_calendar_event_id=event.id, default_date=future,
            default_logged_by="staff", default_concern=True)
        meeting = Meeting.create({"pair_id": self.pair.id, "mode": "video"}).sudo()
        self.assertFalse(meeting.calendar_event_id)
        self.assertEqual(meeting.date, fields.Date.context_today(meeting))
        self.assertEqual(meeting.logged_by, "mentee")
        self.assertFalse(meeting.concern)
        with self.assertRaises(AccessError):
            meeting.with_user(self.user_mentee).read(["calendar_event_id"])

    def test_portal_goal_whitelist(self):
        self.start_mentoring(self.pair)
        goal = self.pair.goal_ids[:1].with_user(self.user_mentor)
        goal.write({"state": "in_progress"})
        self.assertEqual(goal.state, "in_progress")
        for vals in ({"state": "dropped"}, {"name": "Other"}, {"pair_id": self.pair_other.id},
                     {"state": "done", "review": "x"}):
            with self.assertRaises(AccessError, msg=vals):
                goal.write(vals)
        with self.assertRaises(AccessError):
            self.env["duo.goal"].with_user(self.user_mentor).create(
                {"pair_id": self.pair.id, "name": "Mine"})


class TestDuoFormForEveryone(TransactionCase):
    def test_duo_form_shows_no_staff_button_to_portal_users(self):
        """The staff-only answers hide the accept buttons from portal users too: Odoo finds no
        access-rights inconsistency in the duo form once the portal extends it."""
        form = self.env.ref("duo_mentoring.duo_pair_view_form")
        with self.assertNoLogs("odoo.addons.base.models.ir_ui_view", "WARNING"):
            (form | form.inherit_children_ids)._check_xml()
