from odoo.tests import TransactionCase, tagged


@tagged("at_install", "-post_install")
class TestDuoVolunteersI18n(TransactionCase):
    def test_french_and_dutch_terms_load(self):
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo_volunteers"], ["fr_BE", "nl_BE"])
        stage = self.env.ref("duo_volunteers.duo_volunteer_stage_paused")
        self.assertEqual(stage.with_context(lang="fr_BE").name, "En pause")
        self.assertEqual(stage.with_context(lang="nl_BE").name, "Gepauzeerd")
        template = self.env.ref("duo_volunteers.mail_template_mission_reminder")
        self.assertEqual(template.with_context(lang="nl_BE").subject,
                         "Herinnering: {{ object.mission_id.name }}")
        self.assertEqual(template.with_context(lang="fr_BE").subject,
                         "Rappel : {{ object.mission_id.name }}")
        self.assertEqual(
            self.env["duo.volunteer.hour"].with_context(lang="fr_BE").env._(
                "Only staff can approve volunteer hours."),
            "Seule l'équipe peut approuver les heures des bénévoles.",
        )
