from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDuoVolunteersI18n(TransactionCase):
    def test_french_and_dutch_terms_load(self):
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_volunteers"], ["fr_BE", "nl_BE"])
        stage = self.env.ref("duo_volunteers.duo_volunteer_stage_paused")
        self.assertEqual(stage.with_context(lang="fr_BE").name, "En pause")
        self.assertEqual(stage.with_context(lang="nl_BE").name, "Gepauzeerd")
        template = self.env.ref("duo_volunteers.mail_template_gift_thanks")
        self.assertEqual(template.with_context(lang="nl_BE").subject, "Bedankt om DUO te steunen")
        self.assertIn("Merci !", template.with_context(lang="fr_BE").body_html)
        self.assertEqual(
            self.env["duo.volunteer.hour"].with_context(lang="fr_BE").env._(
                "Only staff can approve volunteer hours."),
            "Seule l'équipe peut approuver les heures des bénévoles.",
        )
