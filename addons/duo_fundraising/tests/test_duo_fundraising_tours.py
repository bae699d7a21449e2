from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDuoFundraisingTours(HttpCase):
    def test_staff_record_gift_and_campaign_progress(self):
        campaign = self.env["duo.campaign"].create({"name": "Tour campaign",
                                                    "target_amount": 1000})
        donor = self.env["res.partner"].create({"name": "Tour Donor",
                                                "email": "tour.donor@example.com"})
        self.start_tour("/odoo/action-duo_fundraising.duo_campaign_action",
                        "duo_fundraising_gift_campaign", login="admin")
        gift = self.env["duo.gift"].search([("partner_id", "=", donor.id)])
        self.assertEqual((gift.amount, gift.state, gift.campaign_id), (250, "received", campaign))
        self.assertTrue(gift.thanked)
        self.assertEqual(campaign.raised_amount, 250)
