from datetime import date

from odoo.tests import tagged
from odoo.tools import html2plaintext

from .common import DuoTaxReceiptCommon


@tagged("at_install", "-post_install")
class TestTaxReceiptDocument(DuoTaxReceiptCommon):
    """The receipt as the donor reads it, in their language, with every mandatory mention."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("fr_BE", "nl_BE"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(["duo_fundraising"], ["fr_BE", "nl_BE"])

    def _text(self, receipt):
        html = self.env["ir.actions.report"].with_user(self.user_fundraiser)._render_qweb_html(
            "duo_fundraising.action_report_duo_fiscal_certificate", receipt.ids)[0]
        # html2plaintext marks bold text with stars
        return " ".join(html2plaintext(html.decode()).replace("*", "").split())

    def _receipt(self, donor, lang, amount=80):
        donor.lang = lang
        self._gift(donor, amount, date(self.YEAR, 6, 1))
        return self._issue().filtered(lambda r: r.partner_id == donor)

    def test_french_receipt(self):
        receipt = self._receipt(self.anne, "fr_BE")
        text = self._text(receipt)
        for mention in ("Reçu fiscal pour libéralités", "281.71",
                        f"numéro d'ordre {receipt.number}", "0412345614",
                        "à titre définitif et irrévocable", "article 145/33, § 1er, alinéa 2",
                        "CIR 92", "quatre-vingt", "30 %", "Wouters Anne",
                        "••.••.••-•••.•8"):
            self.assertIn(mention, text)
        self.assertNotIn("850730", text, "the national number is printed masked")

    def test_dutch_receipt(self):
        receipt = self._receipt(self.bart, "nl_BE", amount=75.5)
        text = self._text(receipt)
        for mention in ("Fiscaal attest voor giften", "281.71",
                        f"volgnummer {receipt.number}", "0412345614",
                        "definitief en onherroepelijk", "artikel 145/33, § 1, tweede lid",
                        "WIB 92", "vijfenzeventig euro en vijftig cent", "30 %"):
            self.assertIn(mention, text)

    def test_english_receipt(self):
        text = self._text(self._receipt(self.chloe, "en_US"))
        for mention in ("Tax receipt for gifts", "definitively and irrevocably",
                        "article 145/33", "eighty euros"):
            self.assertIn(mention, text)

    def test_corrective_and_cancelled_receipts_say_so(self):
        receipt = self._receipt(self.anne, "fr_BE")
        receipt._apply_correction(60, "Remboursement partiel")
        text = self._text(receipt)
        self.assertIn("Reçu fiscal rectificatif", text)
        self.assertIn("remplace le reçu portant le même numéro", text)
        self.assertIn(f"numéro d'ordre {receipt.number}", text)
        self.assertIn("soixante euros", text)
        receipt._apply_cancel("Don fait par la société du donateur")
        self.assertIn("Reçu annulé", self._text(receipt))
