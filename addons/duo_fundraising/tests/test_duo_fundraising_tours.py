from odoo.tests import HttpCase, tagged


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
