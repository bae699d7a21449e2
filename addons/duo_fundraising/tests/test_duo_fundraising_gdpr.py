from datetime import date

from odoo.tests import tagged

from odoo.addons.duo_mentoring.tests.common import DuoCommon

from .common import national_number


@tagged("at_install", "-post_install")
class TestDonorPersonalData(DuoCommon):
    """A mentor who is also a donor: the export gives their donor identity, gifts and tax
    receipts; the erasure keeps what the tax law keeps (receipts, and the contact they name)."""

    def _donor_mentor(self, with_gift):
        # Any stage will do: a donor's data does not depend on the mentoring cycle (and the
        # training gate of duo_event, installed in the together-run, guards "ready").
        mentor = self.create_mentor(stage="interview")
        mentor.partner_id.sudo().write({
            "duo_last_name": "Peeters", "duo_first_names": "Dirk",
            "duo_national_registry_number": national_number(681122, 7),
            "street": "Rue Haute 1", "zip": "1000", "city": "Bruxelles",
            "country_id": self.env.ref("base.be").id,
        })
        if with_gift:
            self.env["duo.fiscal.year"].create({"year": 2030, "reduction_rate": 30})
            self.env["duo.gift"].create({"partner_id": mentor.partner_id.id, "amount": 50,
                                         "date": date(2030, 4, 1), "state": "received"})
            self.env["duo.fiscal.certificate"]._prepare_for_year(2030).action_issue()
        return mentor

    def test_export_gives_the_donor_identity_and_receipts(self):
        """A fundraising manager's export gives the full national number; a DUO manager
        without that role gets it masked (the number is for fundraising managers only)."""
        mentor = self._donor_mentor(with_gift=True)
        masked = mentor.with_user(self.user_manager)._gdpr_export_data()
        self.assertEqual(masked["donor"][0]["duo_national_registry_number_masked"],
                         "••.••.••-•••.•" + national_number(681122, 7)[-1])
        self.assertNotIn("duo_national_registry_number", masked["donor"][0])
        self.assertNotIn("national_registry_number", masked["tax receipts"][0])
        self.user_manager.group_ids |= self.env.ref(
            "duo_fundraising.group_duo_fundraising_manager")
        data = mentor.with_user(self.user_manager)._gdpr_export_data()
        self.assertEqual(data["donor"][0]["duo_national_registry_number"],
                         national_number(681122, 7))
        self.assertEqual(data["tax receipts"][0]["national_registry_number"],
                         national_number(681122, 7))
        self.assertEqual(data["donor"][0]["duo_last_name"], "Peeters")
        self.assertEqual(data["tax receipts"][0]["number"], 1)
        self.assertEqual(data["gifts"][0]["amount"], 50)

    def test_erasure_keeps_receipts_for_the_legal_retention(self):
        mentor = self._donor_mentor(with_gift=True)
        contact = mentor.partner_id
        mentor.with_user(self.user_manager).action_gdpr_erase()
        receipt = self.env["duo.fiscal.certificate"].search([("partner_id", "=", contact.id)])
        self.assertEqual(receipt.national_registry_number, national_number(681122, 7))
        self.assertEqual(contact.duo_national_registry_number, national_number(681122, 7))
        self.assertNotEqual(mentor.partner_id, contact, "the erased mentor leaves the contact")

    def test_erasure_clears_donor_data_without_gifts(self):
        mentor = self._donor_mentor(with_gift=False)
        contact = mentor.partner_id
        mentor.with_user(self.user_manager).action_gdpr_erase()
        self.assertFalse(contact.duo_national_registry_number)
        self.assertFalse(contact.duo_last_name or contact.duo_first_names)
