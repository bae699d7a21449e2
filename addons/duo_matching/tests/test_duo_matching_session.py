from odoo.exceptions import AccessError
from odoo.tests import tagged, users

from odoo.addons.duo_mentoring.tests.common import DuoCommon


@tagged("post_install", "-at_install")
class TestDuoMatchingSession(DuoCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        matching_team = cls.env.ref("duo_matching.group_duo_matching")
        cls.user_coordinator_bxl.group_ids = [(4, matching_team.id)]

    @users("coord_bxl")
    def test_session_defaults_to_users_centre(self):
        session = self.env["duo.matching.session"].create({})
        self.assertEqual(session.centre_id, self.centre_bxl)
        self.assertIn("BXL", session.name)

    @users("coord_lgg")
    def test_plain_coordinator_cannot_create_session(self):
        with self.assertRaises(AccessError):
            self.env["duo.matching.session"].create({"centre_id": self.centre_lgg.id})

    def test_other_centre_sessions_are_hidden(self):
        session = self.env["duo.matching.session"].create({"centre_id": self.centre_lgg.id})
        visible = self.env["duo.matching.session"].with_user(self.user_coordinator_bxl).search([])
        self.assertNotIn(session, visible)
