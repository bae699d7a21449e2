from odoo.exceptions import AccessError
from odoo.tests import users

from .common import DuoCommon


class TestDuoCentre(DuoCommon):
    def test_seeded_centres(self):
        codes = set(self.env["duo.centre"].search([]).mapped("code"))
        self.assertTrue({"BXL", "LGG", "ANR"} <= codes)

    @users("coord_bxl")
    def test_coordinator_sees_only_own_centre(self):
        visible = self.env["duo.centre"].search([])
        self.assertEqual(visible, self.centre_bxl)

    @users("duo_manager")
    def test_manager_sees_every_centre(self):
        visible = self.env["duo.centre"].search([])
        self.assertIn(self.centre_bxl, visible)
        self.assertIn(self.centre_lgg, visible)

    @users("coord_bxl")
    def test_coordinator_cannot_edit_centres(self):
        with self.assertRaises(AccessError):
            self.env["duo.centre"].browse(self.centre_bxl.id).name = "Renamed"

    @users("plain_user")
    def test_plain_user_cannot_read_centres(self):
        with self.assertRaises(AccessError):
            self.env["duo.centre"].search([])

    def test_user_centres_mirror_centre_staff(self):
        self.assertIn(self.centre_bxl, self.user_coordinator_bxl.duo_centre_ids)
        self.assertNotIn(self.centre_lgg, self.user_coordinator_bxl.duo_centre_ids)
