import re
from datetime import date, timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.duo_volunteers.tests.common import create_portal_volunteer_on_mission


@tagged("post_install", "-at_install")
class TestPortalVolunteering(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal, cls.volunteer, cls.mission = create_portal_volunteer_on_mission(
            cls.env, "tour_volunteer")

    def _run_log_hours_tour(self, lang):
        """A volunteer whose language is `lang` logs hours on the portal."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(
                ["duo_mentoring", "duo_volunteers", "website_duo_volunteers"], [lang])
            self.env["website"].get_current_website().language_ids |= (
                self.env["res.lang"]._lang_get(lang))
        self.user_portal.lang = lang
        self.start_tour("/my/volunteering", f"duo_volunteers_portal_log_hours_{lang}",
                        login="tour_volunteer")
        hours = self.env["duo.volunteer.hour"].search([("volunteer_id", "=", self.volunteer.id)])
        self.assertEqual(len(hours), 1)
        self.assertEqual((hours.hours, hours.state, hours.source), (2.5, "to_approve", "portal"))
        self.assertEqual(hours.description, "Tour CV workshop")

    def test_portal_logs_hours_for_approval(self):
        self._run_log_hours_tour("en_US")

    def test_portal_logs_hours_for_approval_in_french(self):
        self._run_log_hours_tour("fr_BE")

    def test_portal_logs_hours_for_approval_in_dutch(self):
        self._run_log_hours_tour("nl_BE")

    def test_portal_rejects_foreign_mission(self):
        other = self.mission.copy({"name": "Someone else's mission"})
        self.authenticate("tour_volunteer", "tour_volunteer")
        form = self.url_open("/my/volunteering/hours/new").text
        csrf_token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
        response = self.url_open("/my/volunteering/hours/new", data={
            "csrf_token": csrf_token,
            "mission_id": other.id, "hours": "3", "date": fields.Date.to_string(
                fields.Date.today()),
        })
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose one of your missions", response.text)
        self.assertFalse(self.env["duo.volunteer.hour"].search([("mission_id", "=", other.id)]))

    def test_approved_total_counts_every_entry(self):
        """More entries than the page lists: the approved total still counts them all."""
        Hour = self.env["duo.volunteer.hour"]
        hours = Hour.create([{
            "volunteer_id": self.volunteer.id, "mission_id": self.mission.id,
            "hours": 1.5, "date": date.today() - timedelta(days=day),
        } for day in range(60)])
        hours.action_approve()
        Hour.create({
            "volunteer_id": self.volunteer.id, "mission_id": self.mission.id, "hours": 7,
        })  # waiting for approval: not in the total
        self.authenticate("tour_volunteer", "tour_volunteer")
        page = self.url_open("/my/volunteering").text
        self.assertIn("(90.0 h approved)", page)
        self.assertEqual(page.count("o_duo_hour_row"), 50, "the page lists the latest 50")
