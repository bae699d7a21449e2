from odoo import models


class DuoGdprMixin(models.AbstractModel):
    _inherit = "duo.gdpr.mixin"

    def _gdpr_contact_in_use(self):
        """A donor's identity is kept with their gifts: tax receipts must be kept for years
        (an erasure then leaves the contact and gives the erased record its own)."""
        reasons = super()._gdpr_contact_in_use()
        if self.env["duo.gift"].sudo().search_count(
                [("partner_id", "=", self._gdpr_contact().id)], limit=1):
            reasons.append("donor")
        return reasons
