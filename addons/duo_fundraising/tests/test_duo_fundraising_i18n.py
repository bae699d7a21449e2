from odoo.tests import TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestDuoFundraisingI18n(TransactionCase):
    def test_french_and_dutch_terms_load(self):
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_fundraising"], ["fr_BE", "nl_BE"])
        template = self.env.ref("duo_fundraising.mail_template_gift_thanks")
        self.assertEqual(template.with_context(lang="nl_BE").subject, "Bedankt om DUO te steunen")
        self.assertIn("Merci !", template.with_context(lang="fr_BE").body_html)
        self.assertEqual(
            self.env["duo.gift"].with_context(lang="fr_BE").env._(
                "Cancel a received gift instead of deleting it."),
            "Annulez un don reçu au lieu de le supprimer.",
        )
