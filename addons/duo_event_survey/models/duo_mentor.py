from odoo import models


class DuoMentor(models.Model):
    _inherit = "duo.mentor"

    def _on_training_completed(self):
        result = super()._on_training_completed()
        # The training evaluation goes to mentors who just completed the four days.
        self.env["survey.user_input"]._duo_invite("training", self)
        return result
