from datetime import date

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DuoVolunteersCommon


@tagged("post_install", "-at_install")
class TestDuoVolunteersAccess(DuoVolunteersCommon):
    def test_portal_volunteer_sees_only_own_records(self):
        hours = self.env["duo.volunteer.hour"].create([
            {"volunteer_id": self.vol_karim.id, "mission_id": self.mission_bxl.id, "hours": 2},
            {"volunteer_id": self.vol_els.id, "mission_id": self.mission_other.id, "hours": 3},
        ])
        env = self.env(user=self.user_portal)
        self.assertEqual(env["duo.volunteer.mission"].search([]), self.mission_bxl)
        self.assertEqual(env["duo.volunteer.signup"].search([]), self.signup_karim)
        self.assertEqual(env["duo.volunteer.hour"].search([]), hours[0])
        self.assertEqual(env["duo.volunteer"].search([]), self.vol_karim)
        with self.assertRaises(AccessError):
            self.mission_other.with_user(self.user_portal).read(["name"])
        with self.assertRaises(AccessError):
            hours[1].with_user(self.user_portal).read(["hours"])
        with self.assertRaises(AccessError):
            env["duo.gift"].search([])

    def test_plain_user_cannot_read_registry_number(self):
        partner = self.env["res.partner"].create({
            "name": "Anne Wouters", "duo_national_registry_number": "85.07.30-033.28",
        })
        self.assertEqual(
            partner.with_user(self.user_fundraiser).duo_national_registry_number,
            "85.07.30-033.28",
        )
        for user in (self.user_plain, self.user_vol_coord):
            with self.assertRaises(AccessError):
                partner.with_user(user).read(["duo_national_registry_number"])
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).search(
                    [("duo_national_registry_number", "=", "85.07.30-033.28")]
                )
        # the contact itself stays readable
        self.assertEqual(partner.with_user(self.user_plain).name, "Anne Wouters")

    def test_plain_user_has_no_volunteer_or_gift_access(self):
        with self.assertRaises(AccessError):
            self.env["duo.volunteer"].with_user(self.user_plain).search([])
        with self.assertRaises(AccessError):
            self.env["duo.gift"].with_user(self.user_vol_coord).search([])

    def test_coordinators_see_their_centre(self):
        Volunteer = self.env["duo.volunteer"]
        seen_bxl = Volunteer.with_user(self.user_vol_coord).search([])
        self.assertIn(self.vol_karim, seen_bxl)
        self.assertNotIn(self.vol_lgg, seen_bxl)
        seen_lgg = Volunteer.with_user(self.user_vol_coord_lgg).search([])
        self.assertIn(self.vol_lgg, seen_lgg)
        self.assertNotIn(self.vol_karim, seen_lgg)
        self.assertIn(self.vol_lgg, Volunteer.with_user(self.user_fundraiser).search([]))

    def test_coordinator_logs_hours_of_their_centre(self):
        hours = self.env["duo.volunteer.hour"].with_user(self.user_vol_coord).create({
            "volunteer_id": self.vol_karim.id, "mission_id": self.mission_bxl.id,
            "hours": 2, "date": date.today(),
        })
        hours.action_approve()
        self.assertEqual(hours.state, "approved")
