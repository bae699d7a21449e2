from odoo import models


class DuoMentor(models.Model):
    _inherit = "duo.mentor"

    def action_open_best_candidates(self):
        """Rank the mentees who could form a duo with this mentor."""
        self.ensure_one()
        return self.env["duo.matching.candidates"]._open_for(self)
