from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import DuoFundraisingCommon


@tagged("at_install", "-post_install")
class TestDuoFiscalCertificate(DuoFundraisingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.anne = Partner.create({"name": "Anne Wouters",
                                   "duo_national_registry_number": "85.07.30-033.28"})
        cls.bart = Partner.create({"name": "Bart Claes"})
        cls.chloe = Partner.create({"name": "Chloé Lambert"})
        cls.dirk = Partner.create({"name": "Dirk Peeters"})

    def _gift(self, partner, amount, day, gift_type="one_off", state="received"):
        return self.env["duo.gift"].create({
            "partner_id": partner.id, "amount": amount, "date": day,
            "gift_type": gift_type, "state": state,
        })

    def test_threshold_and_numbering_across_years(self):
        self._gift(self.anne, 25, date(2030, 2, 1))
        self._gift(self.anne, 15, date(2030, 9, 1))          # 40 in total: eligible
        self._gift(self.bart, 39.99, date(2030, 5, 1))       # below the threshold
        self._gift(self.chloe, 500, date(2030, 6, 1), gift_type="in_kind")  # not cash
        self._gift(self.dirk, 100, date(2030, 6, 1), state="draft")         # not received
        self._gift(self.dirk, 60, date(2030, 12, 31), gift_type="recurring")
        self._gift(self.bart, 50, date(2031, 1, 1))          # next year
        Certificate = self.env["duo.fiscal.certificate"].with_user(self.user_fundraiser)
        first = Certificate._generate_for_year(2030)
        self.assertEqual(first.partner_id, self.anne | self.dirk)
        self.assertEqual(first.mapped("name"), ["2030/00001", "2030/00002"])
        self.assertEqual(first[0].amount, 40)
        self.assertEqual(first[0].national_registry_number, "85.07.30-033.28")
        self.assertEqual(len(first[0].gift_ids), 2)

        # a late gift, then issuing again: only the new donor, next number, no gap
        self._gift(self.chloe, 45, date(2030, 11, 30))
        second = Certificate._generate_for_year(2030)
        self.assertEqual(second.partner_id, self.chloe)
        self.assertEqual(second.name, "2030/00003")
        self.assertFalse(Certificate._generate_for_year(2030))

        # a new year starts again at 1
        next_year = Certificate._generate_for_year(2031)
        self.assertEqual(next_year.partner_id, self.bart)
        self.assertEqual(next_year.name, "2031/00001")

        with self.assertRaises(UserError):
            first[0].gift_ids[0].amount = 1
        with self.assertRaises(UserError):
            first.unlink()

    def test_csv_export(self):
        self._gift(self.anne, 80, date(2030, 3, 1))
        wizard = self.env["duo.fiscal.certificate.wizard"].with_user(self.user_fundraiser).create(
            {"year": 2030}
        )
        wizard.action_generate()
        self.assertEqual(wizard.certificate_count, 1)
        content = wizard._get_csv_content()
        self.assertIn("2030/00001;2030;Anne Wouters;85.07.30-033.28", content)
        action = wizard.action_export_csv()
        self.assertIn("/web/content/", action["url"])

    def test_certificate_pdf_renders(self):
        self._gift(self.anne, 80, date(2030, 3, 1))
        certificate = self.env["duo.fiscal.certificate"]._generate_for_year(2030)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "duo_fundraising.action_report_duo_fiscal_certificate", certificate.ids
        )[0]
        self.assertIn(b"2030/00001", html)
        self.assertIn(b"Anne Wouters", html)

    def test_registry_number_checksum(self):
        with self.assertRaises(ValidationError):
            self.bart.duo_national_registry_number = "85.07.30-033.29"
        # born in 2000 or later: the check uses 2 followed by the first nine digits
        base = 10203123
        check = 97 - (2000000000 + base) % 97
        self.bart.duo_national_registry_number = f"{base:09d}{check:02d}"
