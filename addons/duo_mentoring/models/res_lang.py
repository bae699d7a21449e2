from odoo import models


class ResLang(models.Model):
    _inherit = "res.lang"

    def write(self, vals):
        result = super().write(vals)
        if vals.get("active"):
            # A language installed after people applied (Dutch added a year later): their
            # contacts now get mail in it.
            for model in ("duo.mentee", "duo.mentor"):
                self.env[model]._sync_partner_langs_of_everyone()
        return result
