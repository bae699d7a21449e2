from datetime import date

from odoo.tests import HttpCase, tagged

from .common import national_number


@tagged("post_install", "-at_install")
class TestDuoFundraisingTours(HttpCase):
    def _run_gift_tour(self, lang):
        """A gift recorded on a campaign by an administrator working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_fundraising"],
                                                            [lang])
        self.env.ref("base.user_admin").lang = lang
        campaign = self.env["duo.campaign"].create({"name": "Tour campaign",
                                                    "target_amount": 1000})
        donor = self.env["res.partner"].create({"name": "Tour Donor",
                                                "email": "tour.donor@example.com"})
        self.start_tour("/odoo/action-duo_fundraising.duo_campaign_action",
                        f"duo_fundraising_gift_campaign_{lang}", login="admin")
        gift = self.env["duo.gift"].search([("partner_id", "=", donor.id)])
        self.assertEqual((gift.amount, gift.state, gift.campaign_id), (250, "received", campaign))
        self.assertTrue(gift.thanked)
        self.assertEqual(campaign.raised_amount, 250)

    def test_staff_record_gift_and_campaign_progress(self):
        self._run_gift_tour("en_US")

    def test_staff_record_gift_and_campaign_progress_in_french(self):
        self._run_gift_tour("fr_BE")

    def test_staff_record_gift_and_campaign_progress_in_dutch(self):
        self._run_gift_tour("nl_BE")

    def _run_year_end_tour(self, lang):
        """The year-end screen, as a fundraiser working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_fundraising"],
                                                            [lang])
        self.env.ref("base.user_admin").lang = lang
        self.env["duo.fiscal.year"].create({"year": 2029, "reduction_rate": 45})
        belgium = self.env.ref("base.be")
        address = {"street": "Rue Haute 10", "zip": "1000", "city": "Bruxelles",
                   "country_id": belgium.id}
        complete = self.env["res.partner"].create({
            "name": "Tour Complete Donor", "duo_national_registry_number":
            national_number(850730, 33), **address})
        missing = self.env["res.partner"].create({"name": "Tour Missing Donor", **address})
        self.env["duo.gift"].create([{"partner_id": donor.id, "amount": 50, "state": "received",
                                      "date": date(2029, 5, 1)} for donor in complete | missing])
        self.start_tour("/odoo/action-duo_fundraising.duo_fiscal_year_action",
                        f"duo_fundraising_year_end_{lang}", login="admin")
        receipt = self.env["duo.fiscal.certificate"].search([("partner_id", "=", complete.id)])
        self.assertEqual((receipt.state, receipt.number), ("issued", 1))

    def test_year_end_screen(self):
        self._run_year_end_tour("en_US")

    def test_year_end_screen_in_french(self):
        self._run_year_end_tour("fr_BE")

    def test_year_end_screen_in_dutch(self):
        self._run_year_end_tour("nl_BE")
