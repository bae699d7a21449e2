from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestDuoNavigation(HttpCase):
    def test_duo_app_menus_tour(self):
        """A DUO manager opens the DUO app and reaches every add-on's screens."""
        self.start_tour("/odoo", "duo_e2e_navigation_tour", login="admin")
