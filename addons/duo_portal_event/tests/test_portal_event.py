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
