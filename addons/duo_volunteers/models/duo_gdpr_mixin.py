from odoo import models


class DuoGdprMixin(models.AbstractModel):
    _inherit = "duo.gdpr.mixin"

    def _gdpr_contact_in_use(self):
        reasons = super()._gdpr_contact_in_use()
        if self._gdpr_others_on_contact("duo.volunteer", self._gdpr_contact()):
            reasons.append("duo.volunteer")
        return reasons
