from pathlib import Path

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged

# The product's add-ons are the folders next to this one (test-only add-ons live elsewhere).
ADDONS = Path(__file__).resolve().parents[2]


@tagged("post_install", "-at_install")
class TestDuoUmbrella(TransactionCase):
    """Once everything is installed (the auto-install bridges too)."""

    def test_installing_duo_installs_every_product_add_on(self):
        product = {path.parent.name for path in ADDONS.glob("*/__manifest__.py")
                   if get_manifest(path.parent.name).get("installable", True)}
        installed = set(self.env["ir.module.module"].search([
            ("name", "in", list(product)), ("state", "=", "installed"),
        ]).mapped("name"))
        self.assertEqual(product - installed, set(), "add-ons the umbrella leaves out")

    def test_apps_list_summary_in_french_and_dutch(self):
        self.env["res.lang"]._activate_lang("fr_BE")
        self.env["res.lang"]._activate_lang("nl_BE")
        self.env["ir.module.module"]._load_module_terms(["duo"], ["fr_BE", "nl_BE"])
        module = self.env.ref("base.module_duo")
        self.assertTrue(module.with_context(lang="fr_BE").summary.startswith("Tout le produit"))
        self.assertTrue(module.with_context(lang="nl_BE").summary.startswith("Het volledige"))
