from odoo.tests import HttpCase, tagged

from .common import create_portal_volunteer_on_mission


@tagged("post_install", "-at_install")
class TestDuoVolunteersTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal, cls.volunteer, cls.mission = create_portal_volunteer_on_mission(
            cls.env, "tour_volunteer")

    def _run_approve_tour(self, lang):
        """Hours logged on the portal, approved by an administrator working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_volunteers"],
                                                            [lang])
        self.env.ref("base.user_admin").lang = lang
        hours = self.env["duo.volunteer.hour"].with_user(self.user_portal).create({
            "volunteer_id": self.volunteer.id, "mission_id": self.mission.id,
            "hours": 2.5, "description": "Tour CV workshop",
        })
        self.assertEqual((hours.state, hours.source), ("to_approve", "portal"))
        self.start_tour("/odoo/action-duo_volunteers.duo_volunteer_hour_action_to_approve",
                        f"duo_volunteers_approve_hours_{lang}", login="admin")
        self.assertEqual(hours.state, "approved")
        self.assertEqual(hours.approved_by_id, self.env.ref("base.user_admin"))

    def test_staff_approves_hours_logged_by_a_volunteer(self):
        self._run_approve_tour("en_US")

    def test_staff_approves_hours_logged_by_a_volunteer_in_french(self):
        self._run_approve_tour("fr_BE")

    def test_staff_approves_hours_logged_by_a_volunteer_in_dutch(self):
        self._run_approve_tour("nl_BE")
