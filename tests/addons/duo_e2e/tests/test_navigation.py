from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDuoNavigation(HttpCase):
    """A DUO manager opens the DUO app and reaches every add-on's screens."""

    def _run_navigation_tour(self, lang):
        """As an administrator working in `lang`."""
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"]._load_module_terms(["duo_mentoring", "duo_matching"],
                                                            [lang])
        self.env.ref("base.user_admin").lang = lang
        self.start_tour("/odoo", f"duo_e2e_navigation_tour_{lang}", login="admin")

    def test_duo_app_menus_tour(self):
        self._run_navigation_tour("en_US")

    def test_duo_app_menus_tour_in_french(self):
        self._run_navigation_tour("fr_BE")

    def test_duo_app_menus_tour_in_dutch(self):
        self._run_navigation_tour("nl_BE")
