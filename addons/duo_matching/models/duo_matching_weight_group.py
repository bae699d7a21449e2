from odoo import fields, models

from ..report.duo_matching_fairness_report import DIMENSIONS


class DuoMatchingWeightGroup(models.Model):
    """Success rate of the duos a suggestion learned from, for one group of mentees or
    mentors (as the fairness report groups them); small groups show no figures."""

    _name = "duo.matching.weight.group"
    _description = "DUO Learned Weights Success per Group"
    _order = "suggestion_id, role, dimension, group_name"

    suggestion_id = fields.Many2one(
        "duo.matching.weight.suggestion", required=True, index=True, ondelete="cascade"
    )
    centre_id = fields.Many2one(related="suggestion_id.centre_id", store=True, index=True)
    role = fields.Selection([("mentee", "Mentees"), ("mentor", "Mentors")], readonly=True)
    dimension = fields.Selection(DIMENSIONS, readonly=True)
    group_name = fields.Char(string="Group", readonly=True)
    is_hidden = fields.Boolean(
        string="Hidden", readonly=True,
        help="Fewer than 5 duos: no figures, so that nobody can be singled out.",
    )
    duo_count = fields.Integer(string="Duos", readonly=True)
    success_count = fields.Integer(string="Successes", readonly=True)
    success_rate = fields.Float(string="% successful", readonly=True, aggregator="avg",
                                digits=(5, 1))
