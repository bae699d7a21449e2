from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import DuoFundraisingCommon


@tagged("at_install", "-post_install")
class TestDuoFundraisingAccess(DuoFundraisingCommon):
    def test_only_fundraisers_read_registry_number(self):
        partner = self.env["res.partner"].create({
            "name": "Anne Wouters", "duo_national_registry_number": "85.07.30-033.28",
        })
        self.assertEqual(
            partner.with_user(self.user_fundraiser).duo_national_registry_number,
            "85073003328",
        )
        for user in (self.user_plain, self.user_salesman):
            with self.assertRaises(AccessError):
                partner.with_user(user).read(["duo_national_registry_number"])
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).search(
                    [("duo_national_registry_number", "=", "85073003328")]
                )
        # the contact itself stays readable
        self.assertEqual(partner.with_user(self.user_plain).name, "Anne Wouters")

    def test_only_fundraisers_see_gifts(self):
        gift = self.env["duo.gift"].create({
            "partner_id": self.env["res.partner"].create({"name": "Bart Claes"}).id,
            "amount": 50,
        })
        self.assertEqual(self.env["duo.gift"].with_user(self.user_fundraiser).search([]), gift)
        for user in (self.user_plain, self.user_salesman, self.user_portal):
            with self.assertRaises(AccessError):
                self.env["duo.gift"].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.env["duo.campaign"].with_user(user).search([])

    def test_other_company_gifts_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "DUO Ghent"})
        gift = self.env["duo.gift"].create({
            "partner_id": self.env["res.partner"].create({"name": "Jan Ghent"}).id,
            "amount": 10,
            "company_id": other_company.id,
        })
        self.assertNotIn(gift, self.env["duo.gift"].with_user(self.user_fundraiser).search([]))

    def test_only_fundraisers_reach_tax_receipts(self):
        for model in ("duo.fiscal.certificate", "duo.fiscal.year", "duo.fiscal.filing",
                      "duo.fiscal.certificate.change"):
            self.assertTrue(self.env[model].with_user(self.user_fundraiser).has_access("read"))
            for user in (self.user_plain, self.user_salesman, self.user_portal):
                with self.assertRaises(AccessError, msg=f"{model} as {user.login}"):
                    self.env[model].with_user(user).search([])
        # the year's counter is written by the numbering only, never by a client
        year = self.env["duo.fiscal.year"].with_user(self.user_fundraiser).create(
            {"year": 2035, "reduction_rate": 30})
        with self.assertRaises(UserError):
            year.write({"next_number": 100})
        self.assertEqual(year.next_number, 1)
