from datetime import date

from odoo.tests import tagged

from odoo.addons.duo_mentoring.tests.common import client_eval

from .common import DuoFundraisingCommon


@tagged("at_install", "-post_install")
class TestDuoFundraising(DuoFundraisingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.campaign = cls.env["duo.campaign"].create({
            "name": "Teaching resources", "target_amount": 1000,
        })
        cls.donor = cls.env["res.partner"].create({
            "name": "Anne-Catherine Wouters", "email": "ac.wouters@example.com",
        })
        cls.company_donor = cls.env["res.partner"].create({
            "name": "Atelier des Marolles", "is_company": True,
        })

    def _gift(self, partner, amount, gift_type="one_off", day=None, receive=True):
        gift = self.env["duo.gift"].with_user(self.user_fundraiser).create({
            "partner_id": partner.id,
            "campaign_id": self.campaign.id,
            "gift_type": gift_type,
            "amount": amount,
            "date": day or date.today(),
        })
        if receive:
            gift.action_receive()
        return gift

    def test_seeded_campaigns(self):
        for xmlid in ("duo_campaign_website", "duo_campaign_teaching_resources",
                      "duo_campaign_new_centres"):
            self.assertTrue(self.env.ref(f"duo_fundraising.{xmlid}").target_amount > 0)

    def test_progress_with_one_off_and_recurring_gifts(self):
        self.assertEqual(self.campaign.progress, 0)
        self._gift(self.donor, 100)
        draft = self._gift(self.company_donor, 500, receive=False)
        self._gift(self.company_donor, 300, gift_type="in_kind")
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.raised_amount, 100, "drafts and in-kind not counted")
        self.assertEqual(self.campaign.in_kind_amount, 300)
        pledge = self.env["duo.gift.pledge"].with_user(self.user_fundraiser).create({
            "partner_id": self.donor.id,
            "campaign_id": self.campaign.id,
            "amount": 25,
            "interval": "monthly",
            "date_start": date(2025, 1, 15),
            "date_end": date(2025, 12, 31),
        })
        pledge.action_start()
        # every monthly instalment of 2025 is due: 12 x 25
        self.assertEqual(len(pledge.gift_ids), 12)
        self.assertEqual(pledge.state, "done")
        self.assertTrue(all(g.gift_type == "recurring" for g in pledge.gift_ids))
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.raised_amount, 400)
        self.assertEqual(self.campaign.progress, 40.0)
        draft.action_receive()
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.progress, 90.0)

    def test_open_pledge_generates_only_due_instalments(self):
        pledge = self.env["duo.gift.pledge"].create({
            "partner_id": self.donor.id, "amount": 10, "interval": "quarterly",
            "date_start": date(2025, 1, 1),
        })
        pledge.action_start()
        pledge.state = "running"
        pledge.next_date = date(2025, 1, 1)
        pledge.gift_ids.unlink() if not pledge.gift_ids.filtered("state") else None
        gifts = pledge._generate_instalments(until=date(2025, 7, 1))
        self.assertEqual(gifts.mapped("date"), [date(2025, 1, 1), date(2025, 4, 1),
                                                date(2025, 7, 1)])
        self.assertEqual(pledge.next_date, date(2025, 10, 1))
        self.assertFalse(pledge._generate_instalments(until=date(2025, 9, 30)))

    def test_thank_you_in_donor_language_and_lifetime_total(self):
        self.env["res.lang"]._activate_lang("nl_BE")
        self.donor.lang = "nl_BE"
        template = self.env.ref("duo_fundraising.mail_template_gift_thanks")
        template.with_context(lang="nl_BE").subject = "Bedankt voor uw steun aan DUO"
        gift = self._gift(self.donor, 60)
        self.assertTrue(gift.thanked)
        message = gift.message_ids.filtered(lambda m: m.partner_ids)[:1]
        self.assertEqual(message.subject, "Bedankt voor uw steun aan DUO",
                         gift.message_ids.mapped(lambda m: (m.message_type, m.subject)))
        self.assertIn(self.donor, message.partner_ids)
        self._gift(self.donor, 40, day=date(2024, 5, 1))
        self._gift(self.donor, 999, receive=False)
        donor = self.donor.with_user(self.user_fundraiser)
        self.assertEqual(donor.duo_gift_total, 100)
        self.assertEqual(donor.duo_gift_count, 2)
        self.assertEqual(donor.duo_last_gift_date, date.today())

    def test_donors_list_shows_what_each_donor_gave(self):
        self._gift(self.donor, 60)
        self._gift(self.donor, 40, day=date(2024, 5, 1))
        action = self.env.ref("duo_fundraising.res_partner_action_donors")
        Partner = self.env["res.partner"].with_user(self.user_fundraiser)
        list_view = action.view_ids.filtered(lambda view: view.view_mode == "list").view_id
        arch = Partner.get_views([(list_view.id, "list")])["views"]["list"]["arch"]
        self.assertIn('name="duo_gift_total"', arch)
        rows = Partner.web_search_read(
            client_eval(self.env, action.domain),
            {"duo_gift_total": {}, "duo_gift_count": {}},
        )["records"]
        totals = {row["id"]: (row["duo_gift_count"], row["duo_gift_total"]) for row in rows}
        self.assertEqual(totals[self.donor.id], (2, 100))

    def test_years_show_without_thousands_separators(self):
        # Odoo 19's integer widget reads `enable_formatting` (it ignored the older `format`)
        for xmlid in ("duo_fundraising.duo_fiscal_certificate_view_form",
                      "duo_fundraising.duo_fiscal_certificate_view_list",
                      "duo_fundraising.duo_fiscal_year_view_form",
                      "duo_fundraising.duo_fiscal_year_view_list"):
            arch = self.env.ref(xmlid).arch
            self.assertIn("name=\"year\" options=\"{'enable_formatting': false}\"", arch,
                          xmlid)

    def test_pipeline_menu_opens_in_the_browser(self):
        """The action's domain is evaluated by the web client, which knows no `ref`."""
        action = self.env.ref("duo_fundraising.crm_lead_action_fundraising")
        team = self.env.ref("duo_fundraising.crm_team_fundraising")
        self.assertIn(("team_id", "=", team.id), client_eval(self.env, action.domain))
        self.assertEqual(client_eval(self.env, action.context)["default_team_id"], team.id)

    def test_fundraising_pipeline(self):
        team = self.env.ref("duo_fundraising.crm_team_fundraising")
        stages = self.env["crm.stage"].search([("team_ids", "in", team.ids)])
        self.assertEqual(len(stages), 4)
        lead = self.env["crm.lead"].with_user(self.user_fundraiser).with_context(
            default_team_id=team.id, default_type="opportunity",
        ).create({
            "name": "Grant: Brussels employment fund",
            "duo_fundraising_kind": "grant",
            "duo_campaign_id": self.campaign.id,
        })
        self.assertEqual(lead.stage_id, self.env.ref(
            "duo_fundraising.crm_stage_fundraising_identified"))
        self.assertEqual(self.campaign.lead_count, 1)
        lead.action_set_won()
        self.assertEqual(lead.stage_id, self.env.ref(
            "duo_fundraising.crm_stage_fundraising_granted"))

    def test_sales_teams_keep_their_stages_first(self):
        """Sales teams, and Odoo's predictive lead scoring, read the shared stages in sequence:
        the fundraising stages come after them."""
        fundraising = self.env["crm.stage"].search(
            [("team_ids", "in", self.env.ref("duo_fundraising.crm_team_fundraising").ids)])
        shared = self.env["crm.stage"].search([("team_ids", "=", False)])
        self.assertLess(max(shared.mapped("sequence")), min(fundraising.mapped("sequence")))
        sales = self.env["crm.team"].create({"name": "Sales"})
        lead = self.env["crm.lead"].create({"name": "A sale", "team_id": sales.id,
                                            "type": "opportunity"})
        self.assertEqual(lead.stage_id, shared[:1])
        lead.action_set_won()
        self.assertNotIn(lead.stage_id, fundraising)
