from odoo.tests import tagged

from odoo.addons.duo_mentoring.tests.common import create_test_users
from odoo.addons.duo_volunteers.tests.common import DuoVolunteersCommon


@tagged("at_install", "-post_install")
class TestDuoMissionCampaign(DuoVolunteersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.user_fundraiser,) = create_test_users(cls.env, (
            "bridge_fundraiser", "Fundraising Manager",
            "duo_fundraising.group_duo_fundraising_manager",
        ))
        cls.campaign = cls.env["duo.campaign"].create({
            "name": "Spring dinner", "target_amount": 5000,
        })
        cls.mission = cls.env["duo.volunteer.mission"].create({
            "name": "Fundraising stand",
            "mission_type": "campaign",
            "help_kind_id": cls.env.ref("duo_volunteers.duo_help_kind_fundraising").id,
            "centre_id": cls.centre_bxl.id,
            "campaign_id": cls.campaign.id,
        })

    def test_campaign_lists_its_missions(self):
        other = self.env["duo.campaign"].create({"name": "Other campaign"})
        self.assertEqual(self.campaign.mission_ids, self.mission)
        self.assertEqual((self.campaign | other).mapped("mission_count"), [1, 0])
        action = self.campaign.with_user(self.user_fundraiser).action_view_missions()
        self.assertEqual(action["res_model"], "duo.volunteer.mission")
        self.assertEqual(self.env["duo.volunteer.mission"].search(action["domain"]), self.mission)
        self.assertEqual(action["context"]["default_campaign_id"], self.campaign.id)
        self.assertEqual(action["context"]["default_mission_type"], "campaign")

    def test_coordinator_reads_the_campaign_of_a_mission(self):
        mission = self.mission.with_user(self.user_vol_coord)
        self.assertEqual(mission.campaign_id.display_name, "Spring dinner")

    def test_fundraisers_manage_volunteers_of_every_centre(self):
        volunteer = self.env["duo.volunteer"].create({
            "partner_id": self.env["res.partner"].create({"name": "Luc Peeters"}).id,
            "centre_id": self.centre_lgg.id,
        })
        Volunteer = self.env["duo.volunteer"]
        self.assertNotIn(volunteer, Volunteer.with_user(self.user_vol_coord).search([]))
        self.assertIn(volunteer, Volunteer.with_user(self.user_fundraiser).search([]))
        self.assertTrue(self.user_fundraiser.has_group("duo_volunteers.group_duo_volunteer_manager"))
