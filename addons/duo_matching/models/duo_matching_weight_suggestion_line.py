from odoo import api, fields, models

CRITERION_SELECTION = [
    ("sector", "Sector"),
    ("languages", "Languages"),
    ("availability", "Availability"),
    ("personality", "Personality"),
    ("interests", "Interests"),
    ("distance", "Distance"),
    ("preferences", "Preferences"),
]


class DuoMatchingWeightSuggestionLine(models.Model):
    """One criterion of a learned suggestion: its weight then, the suggested one, and the
    centre's weight it replaced once accepted (what a revert puts back)."""

    _name = "duo.matching.weight.suggestion.line"
    _description = "DUO Learned Matching Weight"
    _order = "suggestion_id, sequence, id"

    suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", required=True, index=True, ondelete="cascade"
    )
    centre_id = fields.Many2one(related="suggestion_id.centre_id", store=True, index=True)
    sequence = fields.Integer()
    criterion = fields.Selection(CRITERION_SELECTION, required=True, readonly=True)
    current_weight = fields.Float(
        string="Current", digits=(5, 1), readonly=True,
        help="The centre's weight when the suggestion was learned.",
    )
    suggested_weight = fields.Float(string="Suggested", digits=(5, 1), readonly=True)
    previous_weight = fields.Float(
        string="Replaced", digits=(5, 1), readonly=True,
        help="The centre's weight this suggestion replaced when accepted (a revert puts it back).",
    )
    change = fields.Float(compute="_compute_shares", digits=(5, 1), store=True)
    current_share = fields.Float(
        compute="_compute_shares", store=True, string="Current share",
        help="Share of the criterion in the score (percent), with the current weights.",
    )
    suggested_share = fields.Float(
        compute="_compute_shares", store=True, string="Suggested share",
        help="Share of the criterion in the score (percent), with the suggested weights.",
    )

    @api.depends("current_weight", "suggested_weight", "suggestion_id.line_ids")
    def _compute_shares(self):
        for line in self:
            lines = line.suggestion_id.line_ids
            current_total = sum(lines.mapped("current_weight")) or 1.0
            suggested_total = sum(lines.mapped("suggested_weight")) or 1.0
            line.change = line.suggested_weight - line.current_weight
            line.current_share = 100.0 * line.current_weight / current_total
            line.suggested_share = 100.0 * line.suggested_weight / suggested_total
