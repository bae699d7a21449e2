
from odoo.tests import HttpCase, tagged

from .common import create_portal_volunteer_on_mission


@tagged("post_install", "-at_install")
class TestDuoVolunteersTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal, cls.volunteer, cls.mission = create_portal_volunteer_on_mission(
            cls.env, "tour_volunteer")

    def test_staff_approves_hours_logged_by_a_volunteer(self):
        hours = self.env["duo.volunteer.hour"].with_user(self.user_portal).create({
            "volunteer_id": self.volunteer.id, "mission_id": self.mission.id,
            "hours": 2.5, "description": "Tour CV workshop",
        })
        self.assertEqual((hours.state, hours.source), ("to_approve", "portal"))
        self.start_tour("/odoo/action-duo_volunteers.duo_volunteer_hour_action_to_approve",
                        "duo_volunteers_approve_hours", login="admin")
        self.assertEqual(hours.state, "approved")
        self.assertEqual(hours.approved_by_id, self.env.ref("base.user_admin"))
