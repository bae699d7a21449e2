from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DuoPortalEventCommon


@tagged("post_install", "-at_install")
class TestPortalEvent(DuoPortalEventCommon):
    """Which programme activities a duo sees, and registering one of its people."""

    def _visible(self, pair):
        return self.env["duo.programme.activity"]._duo_portal_activities(pair)

    def test_activities_of_the_centre_and_of_every_centre(self):
        self.assertEqual(
            self._visible(self.pair),
            self.activity_cv | self.activity_language | self.activity_guide,
            "Brussels and every centre's, coming sessions first; not Liège's nor past ones")
        self.assertEqual(self._visible(self.pair)[-1], self.activity_guide)

    def test_cancelled_session_and_closed_duo(self):
        self.activity_cv.event_id.kanban_state = "cancel"
        self.assertNotIn(self.activity_cv, self._visible(self.pair))
        self.pair._record_answer("mentee", "rejected", "Too far")
        self.assertFalse(self.pair.is_open)
        self.assertFalse(self._visible(self.pair))

    def test_register_own_side(self):
        registration = self.activity_cv._duo_portal_register(self.pair, "mentee")
        self.assertEqual(registration.event_id, self.activity_cv.event_id)
        self.assertEqual(registration.partner_id, self.pair.mentee_partner_id)
        self.assertEqual(registration.duo_mentee_id, self.pair.mentee_id)
        self.assertEqual(registration.state, "open")
        # Twice: the same registration, not a second one.
        self.assertEqual(self.activity_cv._duo_portal_register(self.pair, "mentee"),
                         registration)
        mentor_registration = self.activity_cv._duo_portal_register(self.pair, "mentor")
        self.assertEqual(mentor_registration.duo_mentor_id, self.pair.mentor_id)
        self.assertEqual(
            self.activity_cv._duo_portal_registrations(self.pair.mentee_id),
            {self.activity_cv.event_id: registration})

    def test_registered_by_staff_counts(self):
        registration = self.register(self.activity_language.event_id, self.pair.mentor_id)
        self.assertEqual(
            self.activity_language._duo_portal_registrations(self.pair.mentor_id),
            {self.activity_language.event_id: registration})
        self.assertFalse(
            self.activity_language._duo_portal_registrations(self.pair.mentee_id))

    def test_no_registration_outside_the_duo(self):
        for activity in (self.activity_mock_lgg, self.activity_past, self.activity_guide):
            with self.assertRaises(UserError, msg=activity.name):
                activity._duo_portal_register(self.pair, "mentee")
        self.assertFalse(self.env["event.registration"].search([
            ("partner_id", "=", self.pair.mentee_partner_id.id)]))

    def test_sessions_keep_their_own_audience_and_centre(self):
        """An activity linked to a mentor intervision, or to a session of another centre,
        is neither listed nor open to registration, whatever the activity says."""
        next_week = fields.Datetime.now() + timedelta(days=7)
        Event = self.env["event.event"]
        intervision = Event.create({
            "name": "Intervision Brussels", "duo_kind": "intervision",
            "duo_centre_id": self.centre_bxl.id, "date_begin": next_week,
            "date_end": next_week + timedelta(hours=2)})
        self.assertEqual(intervision.duo_kind, "intervision")
        activity_intervision = self.create_activity(
            "Intervision for everyone", "other", False, intervision)
        activity_cv_lgg = self.create_activity(
            "CV workshop, every centre", "cv_workshop", False,
            self.create_session(self.type_cv, next_week, name="CV workshop Liège",
                                duo_centre_id=self.centre_lgg.id))
        visible = self._visible(self.pair)
        self.assertNotIn(activity_intervision, visible)
        self.assertNotIn(activity_cv_lgg, visible)
        for activity in (activity_intervision, activity_cv_lgg):
            with self.assertRaises(UserError, msg=activity.name):
                activity._duo_portal_register(self.pair, "mentee")
        self.assertFalse(self.env["event.registration"].search([
            ("partner_id", "=", self.pair.mentee_partner_id.id)]))

    def test_side_outside_the_sessions_roles_refused(self):
        """The session's roles (duo_event) apply to a portal registration too: a mentee is
        refused at a mentor-only session even if the portal's list let it through."""
        event = self.activity_cv.event_id
        with patch.object(type(self.env["event.registration"]), "_duo_roles",
                          return_value=("mentor",)):
            with self.assertRaises(UserError):
                self.activity_cv._duo_portal_register(self.pair, "mentee")
            registration = self.activity_cv._duo_portal_register(self.pair, "mentor")
        self.assertEqual(registration.event_id, event)

    def test_intervision_follow_up_is_staff_only(self):
        """How many intervisions the mentor attended is the coordinator's follow-up: neither
        side reads it over RPC."""
        for user in (self.user_mentee, self.user_mentor):
            for field in ("intervision_count", "intervision_behind"):
                with self.assertRaises(AccessError, msg=field):
                    self.pair.with_user(user).read([field])
        self.assertEqual(self.pair.with_user(self.user_coordinator_bxl).intervision_count, 0)

    def test_full_session(self):
        event = self.activity_cv.event_id
        event.write({"seats_limited": True, "seats_max": 1})
        self.register(event, self.pair_other.mentee_id)
        self.assertFalse(self.activity_cv._duo_portal_can_register())
        with self.assertRaisesRegex(UserError, "closed"):
            self.activity_cv._duo_portal_register(self.pair, "mentee")
        self.assertEqual(event.seats_taken, 1)

    def test_sold_out_tickets(self):
        event = self.activity_cv.event_id
        event.event_ticket_ids = [(5, 0, 0), (0, 0, {
            "name": "Participant", "seats_limited": True, "seats_max": 1})]
        registration = self.activity_cv._duo_portal_register(self.pair, "mentee")
        self.assertEqual(registration.event_ticket_id, event.event_ticket_ids)
        with self.assertRaises(UserError):
            self.activity_cv._duo_portal_register(self.pair, "mentor")

    def test_portal_users_reach_no_event_data_by_rpc(self):
        """Registrations, events, activities and their documents stay out of reach of the
        portal's ORM: the pages read them after the duo's ownership check."""
        other = self.register(self.activity_cv.event_id, self.pair_other.mentee_id)
        user = self.user_mentee
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(user).search([])
        with self.assertRaises(AccessError):
            other.with_user(user).read(["name", "email"])
        with self.assertRaises(AccessError):
            self.env["event.registration"].with_user(user).create({
                "event_id": self.activity_cv.event_id.id,
                "partner_id": self.pair_other.mentee_partner_id.id,
            })
        with self.assertRaises(AccessError):
            self.activity_cv.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            self.activity_guide.attachment_ids.with_user(user).read(["datas"])
