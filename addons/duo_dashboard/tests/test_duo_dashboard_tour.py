from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDuoDashboardTour(HttpCase):
    """A manager opens DUO > Reporting > Dashboard in English, French and Dutch: the
    programme dashboard loads its charts without any error in the browser console."""

    def _open(self, lang):
        if lang != "en_US":
            self.env["res.lang"]._activate_lang(lang)
        login = f"dash_manager_{lang.lower()}"
        new_test_user(self.env, login=login, lang=lang,
                      groups="duo_mentoring.group_duo_manager,base.group_user")
        self.start_tour("/odoo/action-duo_dashboard.duo_dashboard_action",
                        "duo_dashboard_tour", login=login)

    def test_dashboard_en(self):
        self._open("en_US")

    def test_dashboard_fr(self):
        self._open("fr_BE")

    def test_dashboard_nl(self):
        self._open("nl_BE")
