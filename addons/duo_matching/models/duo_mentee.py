from odoo import models


class DuoMentee(models.Model):
    _inherit = "duo.mentee"

    def action_open_best_candidates(self):
        """Rank the mentors who could form a duo with this mentee."""
        self.ensure_one()
        return self.env["duo.matching.candidates"]._open_for(self)
