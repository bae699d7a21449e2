from odoo import fields, models


class DuoMatchingCandidateLine(models.TransientModel):
    """One ranked candidate of the best-candidates table."""

    _name = "duo.matching.candidate.line"
    _description = "DUO Best Candidate"
    _order = "rank"

    wizard_id = fields.Many2one("duo.matching.candidates", required=True, ondelete="cascade")
    rank = fields.Integer(readonly=True)
    mentee_id = fields.Many2one("duo.mentee", readonly=True)
    mentor_id = fields.Many2one("duo.mentor", readonly=True)
    score = fields.Float(digits=(4, 3), readonly=True)
    below_minimum = fields.Boolean(
        readonly=True, help="Scores below the centre's minimum: a session would not propose it."
    )
    explanation = fields.Text(readonly=True)

    def action_propose_duo(self):
        """Create the duo (stage Proposed), email both people, and open it."""
        self.ensure_one()
        pair = self.env["duo.pair"].create({
            "mentee_id": self.mentee_id.id,
            "mentor_id": self.mentor_id.id,
            "user_id": (self.mentee_id.user_id or self.env.user).id,
            "matching_score": self.score,
            "matching_explanation": self.explanation,
        })
        pair.action_propose()
        return {
            "type": "ir.actions.act_window",
            "res_model": "duo.pair",
            "res_id": pair.id,
            "view_mode": "form",
            "target": "current",
        }
