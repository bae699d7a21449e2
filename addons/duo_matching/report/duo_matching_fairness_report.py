from odoo import fields, models

DIMENSIONS = [
    ("gender", "Gender"),
    ("age_band", "Age band"),
    ("language_group", "Language group"),
    ("sector", "Sector"),
]


class DuoMatchingFairnessReport(models.TransientModel):
    """One group of candidates (e.g. mentees aged 25–29) over the sessions of a period: how
    many were proposed, accepted at the first meeting and completed their duo, and how long
    they waited. Groups smaller than the wizard's threshold show no figures."""

    _name = "duo.matching.fairness.report"
    _description = "DUO Matching Fairness Report"
    _order = "role, dimension, group_name"

    wizard_id = fields.Many2one("duo.matching.fairness.wizard", required=True, ondelete="cascade")
    role = fields.Selection([("mentee", "Mentees"), ("mentor", "Mentors")], readonly=True)
    dimension = fields.Selection(DIMENSIONS, readonly=True)
    group_name = fields.Char(string="Group", readonly=True)
    is_hidden = fields.Boolean(string="Hidden", readonly=True)
    note = fields.Char(readonly=True)
    candidate_count = fields.Integer(string="Candidates", readonly=True)
    proposed_count = fields.Integer(string="Proposed", readonly=True)
    accepted_count = fields.Integer(string="Accepted at first meeting", readonly=True)
    completed_count = fields.Integer(string="Completed", readonly=True)
    proposed_rate = fields.Float(string="% proposed", readonly=True, aggregator="avg")
    accepted_rate = fields.Float(string="% accepted", readonly=True, aggregator="avg")
    completed_rate = fields.Float(string="% completed", readonly=True, aggregator="avg")
    median_wait_days = fields.Float(
        string="Median wait (days)", readonly=True, aggregator="avg", digits=(6, 1),
        help="Median days from Ready to match to the creation of the duo.",
    )
