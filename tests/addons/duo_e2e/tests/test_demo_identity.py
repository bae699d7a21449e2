from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install", "duo_demo")
class TestDuoDemoIdentity(HttpCase):
    """What `make run` shows: the organisation's identity, in French, Dutch and English.
    `make test` runs it on the demo database; without demo data there is nothing to check."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["ir.module.module"].search([("name", "=", "duo")]).demo:
            cls.skipTest(cls, "the organisation's identity is demo data")

    def test_company_is_the_organisation(self):
        company = self.env.ref("base.main_company")
        self.assertEqual(company.name, "DUO asbl")
        self.assertEqual((company.city, company.country_id.code), ("Bruxelles", "BE"))
        self.assertEqual(company.currency_id.name, "EUR")
        self.assertEqual(company.company_registry, "0456.789.133")
        self.assertTrue(company.external_report_layout_id, "Print needs no layout dialog")
        pair = self.env["duo.pair"].search([("agreement_date", "!=", False)], limit=1)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "duo_mentoring.action_report_duo_agreement", pair.ids)[0].decode()
        self.assertIn("DUO asbl", html)
        self.assertNotIn("YourCompany", html)

    def test_french_and_dutch_next_to_english(self):
        langs = self.env["res.lang"].search([]).mapped("code")
        self.assertTrue({"en_US", "fr_BE", "nl_BE"} <= set(langs), langs)
        for lang in self.env["res.lang"].search([]):
            self.assertEqual(lang.date_format, "%d/%m/%Y", lang.code)
        website = self.env.ref("website.default_website")
        self.assertEqual(website.name, "DUO Brussels")
        self.assertTrue({"fr_BE", "nl_BE"} <= set(website.language_ids.mapped("code")))
        for prefix, html_lang, labels in (("/fr", "fr-BE", ("Devenir mentor", "Participer")),
                                          ("/nl", "nl-BE", ("Mentor worden", "Doe mee"))):
            response = self.url_open(f"{prefix}/duo/apply/mentor")
            self.assertEqual(response.status_code, 200, prefix)
            self.assertIn(f'lang="{html_lang}"', response.text)
            for label in labels:  # the form and the organisation's footer
                self.assertIn(label, response.text)

    def test_mail_to_a_french_speaker_goes_out_in_french(self):
        mentee = self.env["duo.mentee"].search([("contact_lang", "=", "fr_FR")], limit=1)
        self.assertEqual(mentee.partner_id.lang, "fr_BE")
        template = self.env.ref("duo_mentoring.mail_template_duo_match_proposal")
        pair = self.env["duo.pair"].search([], limit=1)
        subject = template.with_context(
            duo_recipient_id=mentee.partner_id.id, duo_recipient_lang="fr_BE",
        )._generate_template(pair.ids, ["subject"])[pair.id]["subject"]
        self.assertEqual(subject, "Nous vous avons trouvé un partenaire DUO")

    def test_staff_are_people_in_their_language_never_odoobot(self):
        self.assertEqual(self.env.ref("duo_mentoring.res_users_pieter_desmet_demo").lang, "nl_BE")
        self.assertEqual(self.env.ref("duo_mentoring.res_users_julie_renard_demo").lang, "fr_BE")
        odoobot = self.env.ref("base.user_root")
        for model in ("duo.mentee", "duo.mentor", "duo.pair", "duo.volunteer"):
            records = self.env[model].with_context(active_test=False).search([])
            self.assertTrue(records, model)
            coordinators = records.mapped("user_id")
            self.assertNotIn(odoobot, coordinators, model)
            self.assertEqual(len(records.filtered("user_id")), len(records),
                             f"{model}: every record has a staff coordinator")
