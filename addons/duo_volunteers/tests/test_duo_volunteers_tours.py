import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDuoVolunteersTours(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_portal = new_test_user(
            cls.env, login="tour_volunteer", name="Tour Volunteer", groups="base.group_portal",
            email="tour.volunteer@example.com",
        )
        cls.volunteer = cls.env["duo.volunteer"].create({
            "partner_id": cls.user_portal.partner_id.id,
            "centre_id": cls.env.ref("duo_mentoring.duo_centre_brussels").id,
            "stage_id": cls.env.ref("duo_volunteers.duo_volunteer_stage_active").id,
        })
        cls.mission = cls.env["duo.volunteer.mission"].create({
            "name": "Tour listening",
            "help_kind_id": cls.env.ref("duo_volunteers.duo_help_kind_listening").id,
            "centre_id": cls.env.ref("duo_mentoring.duo_centre_brussels").id,
            "date_start": fields.Datetime.now() - timedelta(days=1),
            "state": "open",
        })
        cls.env["duo.volunteer.signup"].create({
            "mission_id": cls.mission.id, "volunteer_id": cls.volunteer.id,
        })

    def test_portal_hours_then_staff_approval(self):
        self.start_tour("/my/volunteering", "duo_volunteers_portal_log_hours",
                        login="tour_volunteer")
        hours = self.env["duo.volunteer.hour"].search([("volunteer_id", "=", self.volunteer.id)])
        self.assertEqual(len(hours), 1)
        self.assertEqual((hours.hours, hours.state, hours.source), (2.5, "to_approve", "portal"))
        self.start_tour("/odoo/action-duo_volunteers.duo_volunteer_hour_action_to_approve",
                        "duo_volunteers_approve_hours", login="admin")
        self.assertEqual(hours.state, "approved")
        self.assertEqual(hours.approved_by_id, self.env.ref("base.user_admin"))

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

    def test_staff_record_gift_and_campaign_progress(self):
        campaign = self.env["duo.campaign"].create({"name": "Tour campaign",
                                                    "target_amount": 1000})
        donor = self.env["res.partner"].create({"name": "Tour Donor",
                                                "email": "tour.donor@example.com"})
        self.start_tour("/odoo/action-duo_volunteers.duo_campaign_action",
                        "duo_volunteers_gift_campaign", login="admin")
        gift = self.env["duo.gift"].search([("partner_id", "=", donor.id)])
        self.assertEqual((gift.amount, gift.state, gift.campaign_id), (250, "received", campaign))
        self.assertTrue(gift.thanked)
        self.assertEqual(campaign.raised_amount, 250)
