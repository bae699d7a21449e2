from odoo import models


class DuoPersonMixin(models.AbstractModel):
    _inherit = "duo.person.mixin"

    def _on_stage_changed(self):
        result = super()._on_stage_changed()
        # The intake is done: the programme evaluation goes out (once per person).
        now_ready = self.filtered(lambda person: person.stage_code == "ready")
        if now_ready:
            self.env["survey.user_input"]._duo_invite("programme", now_ready)
        return result
