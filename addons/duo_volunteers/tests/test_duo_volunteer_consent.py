from odoo import fields
from odoo.tests import tagged

from .common import DuoVolunteersCommon


@tagged("at_install", "-post_install")
class TestDuoVolunteerConsent(DuoVolunteersCommon):
    def test_consent_comes_from_the_shared_mixin(self):
        Volunteer = self.env["duo.volunteer"]
        self.assertFalse(self.vol_karim.has_consent)
        self.vol_karim.write({
            "consent_date": fields.Datetime.now(),
            "consent_version": "2026-01",
            "consent_channel": "paper",
        })
        self.assertTrue(self.vol_karim.has_consent)
        consenting = Volunteer.search([("has_consent", "=", True)])
        self.assertIn(self.vol_karim, consenting)
        self.assertNotIn(self.vol_els, consenting)
        self.assertIn(self.vol_els, Volunteer.search([("has_consent", "=", False)]))
        self.assertIn("consent_ip", self.vol_karim._consent_personal_fields())
